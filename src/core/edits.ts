/**
 * Writing: pure functions returning the smallest text edits to a sidecar
 * (sidecar.md, "Writing"). Edits are computed from the YAML node ranges, so comments,
 * key order, quoting and blank lines elsewhere stay byte-identical. A sidecar that
 * does not parse is refused.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { disambiguatingContext, type QuoteContext } from './disambiguate';
import { LineIndex } from './lineIndex';
import { trimmedRange } from './text';
import { ID_PATTERN, SourceSchema } from './schema';
import type { ProblemFix, Source, Status, TextEdit, TextRange } from './types';
import { nodeAt, pairOf, parseYaml, rangeOf, resolve, scalarText } from './yamlNodes';

export type EditResult =
  | { ok: true; edits: TextEdit[] }
  | { ok: false; message: string; line?: number; column?: number };

export type EditFailure = Extract<EditResult, { ok: false }>;

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Set one claim's status: rewrites (or inserts) one scalar. */
export function setStatusEdits(sidecarText: string, claimId: ClaimRef, status: Status): EditResult {
  return withEditor(sidecarText, (e) => e.setStatus(claimId, status), setsFields({ status }), claimId);
}

/** Rewrite a drifted quote to the article's current text. */
export function rewriteQuoteEdits(sidecarText: string, claimId: ClaimRef, newQuote: string): EditResult {
  return withEditor(sidecarText, (e) => e.rewriteQuote(claimId, newQuote), setsFields({ quote: newQuote }), claimId);
}

/** Set (or add) a claim's `prefix` and/or `suffix`, e.g. to tell repeated words apart. */
export function setContextEdits(sidecarText: string, claimId: ClaimRef, context: QuoteContext): EditResult {
  return withEditor(sidecarText, (e) => e.setContext(claimId, context), setsFields({ ...context }), claimId);
}

export interface NewClaimOptions {
  /** Defaults to a slug of the quote, made unique in the file. */
  id?: string;
  status?: Status;
}

/**
 * Add a claim whose quote is `articleText[range]`, without the white space at its ends
 * (the engine trims quotes, so a quote anchors where its words are); adds the shortest
 * prefix/suffix with which it anchors there, only when the quote alone would not.
 */
export function addClaimEdits(
  sidecarText: string,
  articleText: string,
  range: TextRange,
  options: NewClaimOptions = {},
): EditResult & { id?: string } {
  const words = trimmedRange(articleText, range);
  const quote = articleText.slice(words.start, words.end);
  return withEditor(
    sidecarText,
    (e) => e.addClaim(articleText, range, options),
    (before, after, result) => {
      // Every claim as it was, then one more with the id and quote asked for.
      const was = listOf(before.claims);
      const now = listOf(after.claims);
      const added = now[now.length - 1];
      return (
        now.length === was.length + 1 &&
        sameData({ ...before, claims: was }, { ...after, claims: now.slice(0, -1) }) &&
        isRecord(added) &&
        added.id === result.id &&
        added.quote === quote
      );
    },
  );
}

/** Text of a new sidecar for an article (`article` is the article's file name). */
export function newSidecarText(articleFileName: string): string {
  return `version: 1\narticle: ${scalarText(articleFileName)}\nclaims: []\n`;
}

/**
 * Attach a source to a claim's `sources:`. With `{ id }` alone, attach an existing
 * shared source; with a full Source including `id`, also define it under `sources:`.
 */
export function addSourceEdits(sidecarText: string, claimId: ClaimRef, source: Source & { id: string }): EditResult {
  return withEditor(sidecarText, (e) => e.addSource(claimId, source), (before, after, _result, index) => {
    const wanted = structuredClone(before);
    const sources = isRecord(wanted.sources) ? wanted.sources : (wanted.sources = {});
    if (!Object.hasOwn(sources, source.id)) {
      sources[source.id] = Object.fromEntries(SOURCE_KEYS.filter((k) => source[k] !== undefined).map((k) => [k, String(source[k])]));
    }
    const claim = listOf(wanted.claims)[index];
    if (!isRecord(claim)) return false;
    const list = listOf(claim.sources);
    if (!list.includes(source.id)) claim.sources = [...list, source.id];
    return sameData(wanted, after);
  }, claimId);
}

/**
 * A parsed sidecar to compute several edits from without parsing it again (e.g. one
 * quick fix per claim); a failure when the text does not parse, which is never written.
 */
export function openSidecar(text: string): SidecarEditor | EditFailure {
  const yaml = parseYaml(text);
  if (yaml.ok) return new SidecarEditor(text, yaml.doc, yaml.value);
  const at = new LineIndex(text).positionAt(yaml.offset);
  return { ok: false, message: `the sidecar is not written while it does not parse: ${yaml.message}`, ...at };
}

type Data = Record<string, unknown>;

/**
 * Whether the sidecar's data after the edits is what was asked for: given the data
 * before and after (`toJS` of each), the edit's result and the index of the claim it
 * names (-1 when it names none).
 */
type Expectation<R> = (before: Data, after: Data, result: R, claimIndex: number) => boolean;

/**
 * Runs an edit, and refuses one that would leave the sidecar unparseable or change its
 * data other than as asked (the last safety net): an alias shared with another claim,
 * a block scalar that keeps its trailing line breaks, an unusual layout the edit did
 * not foresee. Refused, it is never written; the user makes it by hand.
 */
function withEditor<R extends EditResult>(
  text: string,
  f: (e: SidecarEditor) => R,
  expect?: Expectation<R & { ok: true }>,
  claim?: ClaimRef,
): R | EditFailure {
  const editor = openSidecar(text);
  if (!(editor instanceof SidecarEditor)) return editor;
  return checked(editor, f, expect, claim);
}

/**
 * Whether a quick fix (analyze.ts computes them from one parse, for many claims, without
 * checking each) does what it says to `sidecarText`: it leaves YAML that parses and sets
 * the fields `fix.sets` names, nothing else; `withEditor`'s checks, made when the fix is
 * offered. A fix that says nothing of what it sets passes.
 */
export function fixKeepsData(sidecarText: string, fix: ProblemFix): boolean {
  if (!fix.sets) return true;
  const editor = openSidecar(sidecarText);
  if (!(editor instanceof SidecarEditor)) return false;
  return checked(editor, () => ({ ok: true, edits: fix.edits }), setsFields(fix.sets.fields), fix.sets.claim).ok;
}

/** `withEditor`'s checks on an editor already open (`fixKeepsData` checks edits made earlier). */
function checked<R extends EditResult>(
  editor: SidecarEditor,
  f: (e: SidecarEditor) => R,
  expect?: Expectation<R & { ok: true }>,
  claim?: ClaimRef,
): R | EditFailure {
  const text = editor.text;
  const result = f(editor);
  if (!result.ok) return result;
  const after = result.edits.length ? parseYaml(applyEdits(text, result.edits)) : { ok: true as const, value: editor.data };
  if (!after.ok) return { ok: false, message: 'this change would break the YAML of the sidecar: make it by hand' };
  const asked = result as R & { ok: true };
  if (expect && !expect(dataOf(editor.data), dataOf(after.value), asked, claim === undefined ? -1 : editor.claimIndex(claim))) {
    return { ok: false, message: 'this change would also change other parts of the sidecar (an alias shared with another claim, a block scalar, or a layout the tools do not edit): make it by hand' };
  }
  return result;
}

/** The root mapping's data, or an empty one. */
function dataOf(value: unknown): Data {
  return isRecord(value) ? value : {};
}

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A list as an array: null or missing is empty. */
function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Deep equality of YAML data (mappings compared by key, not order). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameData(a[k], b[k]));
}

/** Sets fields of the claim named: everything else stays as it was. */
function setsFields(fields: Record<string, string | undefined>): Expectation<EditResult & { ok: true }> {
  return (before, after, _result, index) => {
    const wanted = structuredClone(before);
    const claim = listOf(wanted.claims)[index];
    if (!isRecord(claim)) return false;
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) claim[k] = v;
    return sameData(wanted, after);
  };
}

// ---------------------------------------------------------------------------------------

/** Order in which claim fields are written; a new field goes after the last earlier one present. */
const CLAIM_KEY_ORDER = ['id', 'quote', 'prefix', 'suffix', 'status', 'attribution', 'sources', 'note', 'reviewer', 'reviewed', 'tags'];
const SOURCE_KEYS = Object.keys(SourceSchema.shape) as (keyof typeof SourceSchema.shape)[];

/**
 * A claim by id; by its index in `claims:` (Claim.index), which is unique even when
 * ids are not; or by both, as the editor names a claim it loaded: the index where the
 * claim there still has that id (two claims may share an id), else the first with the
 * id (the sidecar changed since it was loaded).
 */
export type ClaimRef = string | number | { index: number; id: string };

/** A parsed sidecar and the edits to it. Every offset is into the original text. */
export class SidecarEditor {
  private readonly eol: string;

  constructor(
    readonly text: string,
    private readonly doc: Document,
    /** The sidecar's data (`toJS`, as `parseYaml` gives it), to check an edit's result against. */
    readonly data: unknown,
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  /**
   * `value` as a scalar of this file's YAML version: a `%YAML 1.1` file reads plain
   * `yes`, `on` or `2024-01-01` as a boolean or a date, so there they are quoted.
   */
  private scalarText(value: string, style?: string, flow = false): string {
    return scalarText(value, style, flow, this.doc.directives?.yaml.version ?? '1.2');
  }

  setStatus(claimId: ClaimRef, status: Status): EditResult {
    return this.withClaim(claimId, (claim) => this.setField(claim, [['status', status]]));
  }

  rewriteQuote(claimId: ClaimRef, quote: string): EditResult {
    return this.setFields(claimId, { quote });
  }

  /** Sets (or adds) several string fields of a claim at once, e.g. a quote and its context. */
  setFields(claimId: ClaimRef, fields: Readonly<Record<string, string>>): EditResult {
    return this.withClaim(claimId, (claim) => this.setField(claim, Object.entries(fields)));
  }

  setContext(claimId: ClaimRef, context: QuoteContext): EditResult {
    return this.setFields(claimId, {
      ...(context.prefix !== undefined ? { prefix: context.prefix } : {}),
      ...(context.suffix !== undefined ? { suffix: context.suffix } : {}),
    });
  }

  addClaim(articleText: string, selected: TextRange, options: NewClaimOptions = {}): EditResult & { id?: string } {
    const range = trimmedRange(articleText, selected);
    const quote = articleText.slice(range.start, range.end);
    if (!quote) return { ok: false, message: 'select the words of the claim in the article first' };
    const ids = this.claimIds();
    if (options.id !== undefined && !ID_PATTERN.test(options.id)) {
      return { ok: false, message: `'${options.id}' is not a valid id: use lower-case letters, digits, '.', '_' and '-'` };
    }
    if (options.id !== undefined && ids.has(options.id)) return { ok: false, message: `a claim with id '${options.id}' already exists` };
    const id = options.id ?? uniqueId(slug(quote), ids);
    const context = disambiguatingContext(articleText, range.start, range.end) ?? {};
    const fields: [string, string][] = [['id', id], ['quote', quote]];
    if (context.prefix !== undefined) fields.push(['prefix', context.prefix]);
    if (context.suffix !== undefined) fields.push(['suffix', context.suffix]);
    if (options.status) fields.push(['status', options.status]);
    const result = this.appendClaim(fields);
    return result.ok ? { ...result, id } : result;
  }

  addSource(claimId: ClaimRef, source: Source & { id: string }): EditResult {
    return this.withClaim(claimId, (claim) => {
      if (!ID_PATTERN.test(source.id)) return { ok: false, message: `'${source.id}' is not a valid source id` };
      const edits: TextEdit[] = [];
      // A source given with fields that the one defined under that id does not have (a
      // new source whose id is taken, perhaps by an entry with no name): attaching the
      // defined one would silently drop what was typed.
      const defined = pairOf(this.doc, this.node(['sources']), source.id);
      const differs = SOURCE_KEYS.find((k) => !!source[k] && String(this.scalar(defined?.value, k) ?? '') !== String(source[k]));
      if (defined && differs) {
        return {
          ok: false,
          message: `source '${source.id}' is already defined under \`sources:\` with another ${differs}: attach it as it is, or give the new source another id`,
          ...this.at(defined.key),
        };
      }
      if (!defined) {
        if (!source.name) return { ok: false, message: `source '${source.id}' is not defined under \`sources:\`: give it a name to define it` };
        const defined = this.defineSource(source);
        if (!defined.ok) return defined;
        edits.push(...defined.edits);
      }
      const attached = this.attachSource(claim, source.id);
      if (!attached.ok) return attached;
      return { ok: true, edits: [...edits, ...attached.edits] };
    });
  }

  private withClaim(claim: ClaimRef, f: (claim: YAMLMap) => EditResult): EditResult {
    const map = this.claim(claim);
    // A claim written once and reused through an alias (`- *tpl`) is two claims in one node.
    if (map?.anchor) return { ok: false, message: `this claim is shared through the YAML anchor &${map.anchor}: change it by hand`, ...this.at(map) };
    if (map) return f(map);
    return { ok: false, message: typeof claim === 'number' ? `no claim number ${claim + 1} in the sidecar` : `no claim with id '${typeof claim === 'string' ? claim : claim.id}' in the sidecar` };
  }

  private claimIds(): Set<string> {
    const ids = new Set<string>();
    const claims = this.node(['claims']);
    if (isSeq(claims)) for (const item of claims.items) ids.add(String(this.scalar(item, 'id') ?? ''));
    return ids;
  }

  private claim(ref: ClaimRef): YAMLMap | undefined {
    const claims = this.node(['claims']);
    const index = this.claimIndex(ref);
    const map = isSeq(claims) && index !== -1 ? resolve(this.doc, claims.items[index]) : undefined;
    return isMap(map) ? map : undefined;
  }

  /** Where in `claims:` the claim is (the first with the id), or -1. */
  claimIndex(ref: ClaimRef): number {
    const claims = this.node(['claims']);
    if (!isSeq(claims)) return -1;
    if (typeof ref === 'number') return ref >= 0 && ref < claims.items.length ? ref : -1;
    const id = typeof ref === 'string' ? ref : ref.id;
    const has = (item: unknown): boolean => {
      const map = resolve(this.doc, item);
      return isMap(map) && String(this.scalar(map, 'id')) === id;
    };
    if (typeof ref === 'object' && has(claims.items[ref.index])) return ref.index;
    return claims.items.findIndex(has);
  }

  /** Sets scalar fields of a mapping: rewrites the existing scalars, inserts missing ones in key order. */
  private setField(map: YAMLMap, fields: readonly [string, string][]): EditResult {
    const edits: TextEdit[] = [];
    const inserts: [string, string][] = [];
    for (const [key, value] of fields) {
      const pair = pairOf(this.doc, map, key);
      if (!pair) {
        inserts.push([key, value]);
        continue;
      }
      const node = pair.value as Node | null;
      if (node && isAlias(node)) return { ok: false, message: `'${key}' is the alias *${node.source}, shared with another place: change it by hand`, ...this.at(node) };
      if (node && !isScalar(node)) return { ok: false, message: `'${key}' is not a single value; change it by hand`, ...this.at(node) };
      // A value with an anchor may be read elsewhere through an alias: the quick fixes,
      // which do not go through withEditor's check, must not change it there too.
      if (node?.anchor) return { ok: false, message: `'${key}' has the YAML anchor &${node.anchor}, which other places may share: change it by hand`, ...this.at(node) };
      // Already so: only a string equal to it (quote: 123 is a number, and is rewritten).
      if (node && isScalar(node) && node.value === value) continue;
      const r = node ? rangeOf(node, this.text) : undefined;
      const flow = Boolean(map.flow);
      if (r && r.end > r.start) edits.push({ ...r, newText: this.scalarText(value, node?.type, flow) + this.headerComment(node!, r.start) });
      else {
        const at = this.afterKey(pair.key as Node);
        edits.push({ start: at, end: at, newText: `${this.colonAfter(pair.key as Node) ? '' : ':'} ${this.scalarText(value, 'PLAIN', flow)}` });
      }
    }
    if (inserts.length) edits.push(this.insertPairs(map, inserts));
    return { ok: true, edits };
  }

  /** Inserts `key: value` lines after the last field that comes earlier in CLAIM_KEY_ORDER. */
  private insertPairs(map: YAMLMap, fields: readonly [string, string | RawText][]): TextEdit {
    if (map.flow) return this.flowAppend(map, fields.map(([k, v]) => `${k}: ${this.flowValue(v)}`).join(', '));
    const rank = (k: string) => (CLAIM_KEY_ORDER.includes(k) ? CLAIM_KEY_ORDER.indexOf(k) : CLAIM_KEY_ORDER.length);
    const firstRank = rank(fields[0]![0]);
    let anchor = map.items[map.items.length - 1]!;
    for (const pair of map.items) {
      const key = resolve(this.doc, pair.key);
      if (isScalar(key) && rank(String(key.value)) < firstRank) anchor = pair;
    }
    const keyNode = anchor.key as Node;
    const indent = ' '.repeat(this.column(keyNode.range![0]));
    const kept = this.keptLineBreaksEnd(anchor.value as Node | null);
    if (kept !== undefined) {
      // After a `|+` scalar's kept line breaks, which are part of its value: new lines go after them.
      const lines = fields.map(([k, v]) => `${indent}${k}: ${this.blockValue(v)}${this.eol}`).join('');
      return { start: kept, end: kept, newText: lines };
    }
    const end = this.lineEnd(this.endOf(anchor.value as Node | null, keyNode));
    const lines = fields.map(([k, v]) => `${this.eol}${indent}${k}: ${this.blockValue(v)}`).join('');
    return { start: end, end, newText: lines };
  }

  private appendClaim(fields: readonly [string, string][]): EditResult {
    const root = resolve(this.doc, this.doc.contents);
    if (!isMap(root)) return { ok: false, message: 'the sidecar has no top-level mapping: it needs `version: 1` and `claims:`' };
    const claimsPair = pairOf(this.doc, root, 'claims');
    const claims = claimsPair ? resolve(this.doc, claimsPair.value) : undefined;
    if (!isEmpty(claims) && !isSeq(claims)) return { ok: false, message: '`claims:` is not a list; fix it by hand first', ...this.at(claims as Node) };
    const flowEntry = `{ ${fields.map(([k, v]) => `${k}: ${this.scalarText(v, 'PLAIN', true)}`).join(', ')} }`;
    if (isSeq(claims) && claims.flow && claims.items.length) return { ok: true, edits: [this.flowAppend(claims, flowEntry)] };
    if (isSeq(claims) && claims.items.length) {
      const last = claims.items[claims.items.length - 1] as Node;
      const first = claims.items[0] as Node;
      const dash = this.dashColumn(first);
      const keyOffset = Math.max(2, this.column(first.range![0]) - dash);
      const at = this.lineEnd(rangeOf(last, this.text)!.end);
      const entry = isMap(last) && last.flow ? `- ${flowEntry}` : this.blockEntry(fields, keyOffset, dash);
      return { ok: true, edits: [{ start: at, end: at, newText: `${this.eol}${' '.repeat(dash)}${entry}` }] };
    }
    // No entries yet: `claims: []`, `claims: ~`, `claims:` or no `claims:` at all. Start a block list.
    const edits: TextEdit[] = [];
    let keyColumn = 0;
    let at: number;
    if (claimsPair) {
      const key = claimsPair.key as Node;
      keyColumn = this.column(key.range![0]);
      const value = claims as YAMLSeq | Scalar | undefined;
      // `[]`, or a null written out (`~`, `null`), gives way to the list.
      const written = isSeq(value) || (isScalar(value) && value.value === null && !!value.range && value.range[1] > value.range[0]);
      if (written && value?.range) edits.push({ start: this.afterKey(key), end: value.range[1], newText: '' });
      at = this.lineEnd(value?.range ? value.range[1] : key.range![1]);
    } else {
      if (root.flow) return { ok: false, message: 'the sidecar is one `{ ... }` mapping: add `claims:` by hand first' };
      keyColumn = this.keyColumn(root);
      at = this.text.length;
      const needsBreak = at > 0 && !this.text.endsWith('\n');
      edits.push({ start: at, end: at, newText: `${needsBreak ? this.eol : ''}${' '.repeat(keyColumn)}claims:` });
    }
    const dash = keyColumn + 2;
    const entry = `${this.eol}${' '.repeat(dash)}${this.blockEntry(fields, 2, dash)}${claimsPair ? '' : this.eol}`;
    edits.push({ start: at, end: at, newText: entry });
    return { ok: true, edits: mergeInserts(edits) };
  }

  /** `- id: x` and its further lines, keys `keyOffset` columns right of the dash. */
  private blockEntry(fields: readonly [string, string][], keyOffset: number, dash: number): string {
    const pad = ' '.repeat(dash + keyOffset);
    return fields
      .map(([k, v], i) => `${i ? `${this.eol}${pad}` : `-${' '.repeat(keyOffset - 1)}`}${k}: ${this.scalarText(v)}`)
      .join('');
  }

  private defineSource(source: Source & { id: string }): EditResult {
    const root = resolve(this.doc, this.doc.contents);
    if (!isMap(root)) return { ok: false, message: 'the sidecar has no top-level mapping' };
    const pair = pairOf(this.doc, root, 'sources');
    const sources = pair ? resolve(this.doc, pair.value) : undefined;
    const fields = SOURCE_KEYS.filter((k) => source[k] !== undefined).map((k) => [k, String(source[k])] as [string, string]);
    if (!isEmpty(sources) && !isMap(sources)) return { ok: false, message: '`sources:` is not a mapping; fix it by hand first', ...this.at(sources as Node) };
    if (isMap(sources) && sources.flow && sources.items.length) {
      const body = fields.map(([k, v]) => `${k}: ${this.scalarText(v, 'PLAIN', true)}`).join(', ');
      return { ok: true, edits: [this.flowAppend(sources, `${source.id}: { ${body} }`)] };
    }
    const block = (indent: number, unit: number) =>
      `${' '.repeat(indent)}${source.id}:` + fields.map(([k, v]) => `${this.eol}${' '.repeat(indent + unit)}${k}: ${this.scalarText(v)}`).join('');
    if (isMap(sources) && sources.items.length) {
      const firstKey = sources.items[0]!.key as Node;
      const firstValue = resolve(this.doc, sources.items[0]!.value);
      const indent = this.column(firstKey.range![0]);
      const unit = isMap(firstValue) && !firstValue.flow && firstValue.range ? this.column(firstValue.range[0]) - indent : 2;
      const last = sources.items[sources.items.length - 1]!;
      const at = this.lineEnd(this.endOf(last.value as Node | null, last.key as Node));
      return { ok: true, edits: [{ start: at, end: at, newText: `${this.eol}${block(indent, unit > 0 ? unit : 2)}` }] };
    }
    if (pair) {
      const key = pair.key as Node;
      const indent = this.column(key.range![0]) + 2;
      const edits: TextEdit[] = [];
      const value = sources as YAMLMap | Scalar | undefined;
      if (isMap(value) && value.range) edits.push({ start: this.afterKey(key), end: value.range[1], newText: '' });
      const at = this.lineEnd(value?.range ? value.range[1] : key.range![1]);
      edits.push({ start: at, end: at, newText: `${this.eol}${block(indent, 2)}` });
      return { ok: true, edits: mergeInserts(edits) };
    }
    // No `sources:` yet: put it before `claims:` (and the comments right above it).
    if (root.flow) return { ok: false, message: 'the sidecar is one `{ ... }` mapping: add `sources:` by hand first' };
    const indent = this.keyColumn(root);
    const section = `${' '.repeat(indent)}sources:${this.eol}${block(indent + 2, 2)}${this.eol}`;
    const claimsKey = pairOf(this.doc, root, 'claims')?.key as Node | undefined;
    if (claimsKey?.range) {
      const at = this.commentsAbove(this.lineStart(claimsKey.range[0]), this.column(claimsKey.range[0]));
      return { ok: true, edits: [{ start: at, end: at, newText: section }] };
    }
    const at = this.text.length;
    return { ok: true, edits: [{ start: at, end: at, newText: `${at > 0 && !this.text.endsWith('\n') ? this.eol : ''}${section}` }] };
  }

  private attachSource(claim: YAMLMap, id: string): EditResult {
    const pair = pairOf(this.doc, claim, 'sources');
    if (!pair) return { ok: true, edits: [this.insertPairs(claim, [['sources', new RawText(`[${id}]`)]])] };
    const list = resolve(this.doc, pair.value);
    if (isEmpty(list)) {
      const at = this.afterKey(pair.key as Node);
      // A null written out (`~`, `null`) is replaced; an empty value's range may run up
      // to a comment (`sources: # none`), whose space before it stays.
      const written = isScalar(list) && list.range && this.text.slice(list.range[0], list.range[1]).trim() !== '';
      const end = written ? list.range![1] : at;
      const colon = this.colonAfter(pair.key as Node) ? '' : ':';
      return { ok: true, edits: [{ start: at, end: Math.max(at, end), newText: `${colon} [${id}]` }] };
    }
    if (!isSeq(list)) return { ok: false, message: "the claim's `sources:` is not a list; fix it by hand first", ...this.at(list as Node) };
    if (list.items.some((item) => { const v = resolve(this.doc, item); return isScalar(v) && String(v.value) === id; })) {
      return { ok: true, edits: [] };
    }
    if (list.flow) return { ok: true, edits: [this.flowAppend(list, id)] };
    const first = list.items[0] as Node;
    const dash = this.dashColumn(first);
    const last = list.items[list.items.length - 1] as Node;
    const at = this.lineEnd(rangeOf(last, this.text)!.end);
    return { ok: true, edits: [{ start: at, end: at, newText: `${this.eol}${' '.repeat(dash)}- ${id}` }] };
  }

  // -- positions ---------------------------------------------------------------------------

  private node(path: readonly PropertyKey[]): unknown {
    return resolve(this.doc, nodeAt(this.doc, path).node);
  }

  private scalar(map: unknown, key: string): unknown {
    const v = resolve(this.doc, pairOf(this.doc, map, key)?.value);
    return isScalar(v) ? v.value : undefined;
  }

  private at(node: Node): { line?: number; column?: number } {
    return node.range ? new LineIndex(this.text).positionAt(node.range[0]) : {};
  }

  /** Indentation of the top-level mapping's lines (its first key may carry an anchor or tag). */
  private keyColumn(map: YAMLMap): number {
    const first = map.items[0]?.key as Node | undefined;
    if (!first?.range) return 0;
    const start = this.lineStart(first.range[0]);
    return /^ */.exec(this.text.slice(start, first.range[0]))![0].length;
  }

  private column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** End of the line holding `offset`, before its line break. */
  private lineEnd(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    if (nl === -1) return this.text.length;
    return this.text[nl - 1] === '\r' ? nl - 1 : nl;
  }

  /**
   * Start of the run of comment lines right above the line starting at `lineStart`,
   * indented no deeper than `column`: a deeper `#` line may be the text of a block
   * scalar above (`note: |` and a Markdown heading), not a comment.
   */
  private commentsAbove(lineStart: number, column: number): number {
    let at = lineStart;
    while (at > 0) {
      const prev = this.lineStart(at - 1);
      const line = this.text.slice(prev, at);
      const indent = line.length - line.trimStart().length;
      if (!line.trimStart().startsWith('#') || indent > column) break;
      at = prev;
    }
    return at;
  }

  /**
   * ` # comment` when `node` is a block scalar (`|` or `>`) whose header line carries
   * one: rewritten as a one-line scalar, it would go with the header.
   */
  private headerComment(node: Node, start: number): string {
    if (!isScalar(node) || (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED')) return '';
    const header = this.text.slice(start, this.lineEnd(start));
    const comment = /^[|>][-+0-9]*[ \t]+(#.*)$/.exec(header)?.[1];
    return comment ? ` ${comment}` : '';
  }

  /**
   * Just after the `:` that follows a key, or the key's end when it has none (`{a, b}`
   * in a flow mapping: a key with no value and no colon).
   */
  private afterKey(key: Node): number {
    const colon = this.colonAt(key);
    return colon === -1 ? key.range![1] : colon + 1;
  }

  private colonAfter(key: Node): boolean {
    return this.colonAt(key) !== -1;
  }

  /** The `:` after a key, on its line with only spaces or tabs between; -1 when there is none. */
  private colonAt(key: Node): number {
    let i = key.range![1];
    while (this.text[i] === ' ' || this.text[i] === '\t') i++;
    return this.text[i] === ':' ? i : -1;
  }

  private endOf(value: Node | null, key: Node): number {
    return (value && rangeOf(value, this.text)?.end) || key.range![1];
  }

  /**
   * Where the line breaks a keep-chomping block scalar (`|+`, `>+`) keeps end, at the
   * start of the next line; undefined for any other value.
   */
  private keptLineBreaksEnd(value: Node | null): number | undefined {
    if (!value || !isScalar(value) || !value.range || (value.type !== 'BLOCK_LITERAL' && value.type !== 'BLOCK_FOLDED')) return undefined;
    const header = this.text.slice(value.range[0], this.lineEnd(value.range[0]));
    const end = value.range[1];
    return /^[|>][0-9]*\+/.test(header) && this.text[end - 1] === '\n' ? end : undefined;
  }

  /**
   * `items` added at the end of a flow collection: before its `]` or `}`, or, when its
   * last item has a trailing comma (`{a: 1, }`), right after that comma (a second one
   * would not parse).
   */
  private flowAppend(node: YAMLMap | YAMLSeq, items: string): TextEdit {
    const close = this.closing(node);
    const last = node.items[node.items.length - 1] as Node | Pair | undefined;
    if (last === undefined) return { start: close, end: close, newText: items };
    const end = (isPair(last) ? ((last.value as Node | null) ?? (last.key as Node)) : last)?.range?.[1];
    let i = end ?? close;
    while (this.text[i] === ' ' || this.text[i] === '\t') i++;
    if (this.text[i] === ',') return { start: i + 1, end: i + 1, newText: ` ${items},` };
    return { start: close, end: close, newText: `, ${items}` };
  }

  /** Offset of the `]` or `}` closing a flow collection. */
  private closing(node: Node): number {
    const end = node.range![1];
    let i = end - 1;
    while (i > node.range![0] && this.text[i] !== ']' && this.text[i] !== '}') i--;
    return i;
  }

  /** Column of the `-` before a block list item. */
  private dashColumn(item: Node): number {
    const start = item.range![0];
    const lineStart = this.lineStart(start);
    const dash = this.text.lastIndexOf('-', start - 1);
    if (dash >= lineStart) return this.column(dash);
    // The item starts on a line of its own, below its `-` (`-` alone, or `- # comment`),
    // past blank and comment lines.
    for (let end = lineStart - 1; end > 0; ) {
      const from = this.lineStart(end - 1);
      const line = this.text.slice(from, end).replace(/[\r\n]+$/, '');
      end = from;
      if (/^\s*(#.*)?$/.test(line)) continue;
      const own = /^(\s*)-(\s+#.*|\s*)$/.exec(line);
      return own ? own[1]!.length : this.column(start);
    }
    return this.column(start);
  }

  private blockValue(v: string | RawText): string {
    return v instanceof RawText ? v.text : this.scalarText(v);
  }

  private flowValue(v: string | RawText): string {
    return v instanceof RawText ? v.text : this.scalarText(v, 'PLAIN', true);
  }
}

/** YAML written as is (a flow list such as `[yonhap]`), not as a string scalar. */
class RawText {
  constructor(readonly text: string) {}
}

/** `key:` with no value (YAML null), or no key at all. */
function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (isScalar(value) && value.value === null);
}

/** An insert right where the previous edit ends joins it, so the result is one edit per place. */
function mergeInserts(edits: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const prev = out[out.length - 1];
    if (prev && prev.end === e.start && e.start === e.end) out[out.length - 1] = { ...prev, newText: prev.newText + e.newText };
    else out.push({ ...e });
  }
  return out;
}

/** A readable id from the first words of a quote: "South Korea may supply" -> "south-korea-may-supply". */
export function slug(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = '';
  for (const w of words) {
    if (out && (out.length + 1 + w.length > 32 || out.split('-').length >= 5)) break;
    out = out ? `${out}-${w}` : w.slice(0, 32);
  }
  return out || 'claim';
}

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
