/**
 * Reading a sidecar's YAML with its positions kept: parsing with resource limits, and
 * finding the node at a path. Shared by loading (sidecar.ts) and writing (edits.ts).
 */
import { CST, Document, Parser, Scalar, isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit, type DocumentOptions, type Node, type Pair, type YAMLError } from 'yaml';
import { ITEM_WIDTH, NODE_WIDTH, fastItemAt, parseFastYaml, type FastTree } from './fastYaml';
import { quoted } from './problems';
import { formatKeys, keysOfText, textShape, type TextShape } from './schema';
import type { TextRange } from './types';

/** The YAML version a document declares (`%YAML 1.1`); 1.2 when it declares none. */
export type YamlVersion = NonNullable<DocumentOptions['version']>;

/**
 * Larger sidecars are refused before parsing. A hand-written claims file is a few
 * kilobytes; 16 MB is some 45,000 claims with every field in use, which the fast reader
 * (fastYaml.ts) loads in about a second.
 */
export const MAX_SIDECAR_CHARS = 16 * 1024 * 1024;
/**
 * The limit for reading with `yaml` itself: sidecars beyond the plain block style of
 * fastYaml.ts, and every write. It parses some 2 MB a second (1 MB is some 3,000 claims
 * with every field in use), so a larger file would block the editor for seconds.
 */
export const MAX_FULL_YAML_CHARS = 1024 * 1024;
/** Aliases expanded per document; a "billion laughs" file stops here with an error. */
export const MAX_ALIAS_COUNT = 100;

export type YamlParse =
  | { ok: true; doc: Document.Parsed; value: unknown }
  | { ok: false; message: string; offset: number };

/** Where the node at a path of keys and indexes is, and its key when it has one (see `nodeAt`). */
export interface NodeRanges {
  node(path: readonly PropertyKey[]): TextRange | undefined;
  key(path: readonly PropertyKey[]): TextRange | undefined;
}

export type YamlLoad = { ok: true; value: unknown; ranges: NodeRanges } | { ok: false; message: string; offset: number };

/**
 * Reads a sidecar for loading: with the fast reader when the text is in its subset
 * (`fast: false` forces `yaml`, for tests), otherwise with `yaml` (`parseYaml`).
 * Both give the same value, ranges and errors.
 */
export function loadYaml(text: string, { fast = true }: { fast?: boolean } = {}): YamlLoad {
  if (text.length > MAX_SIDECAR_CHARS) return tooLarge(text, MAX_SIDECAR_CHARS);
  const quick = fast ? parseFastYaml(text) : undefined;
  if (quick) {
    const ranges = fastRanges(quick.tree, text);
    const textKeys = keysOfText();
    if ([...quick.typedUnder].some((key) => textKeys.has(key))) valuesAsWritten(quick.value, ranges, text);
    return { ok: true, value: quick.value, ranges };
  }
  if (text.length > MAX_FULL_YAML_CHARS) {
    return tooLarge(text, MAX_FULL_YAML_CHARS, ' for YAML beyond the plain block style: anchors, tags, flow mappings, multi-line scalars');
  }
  const yaml = parseYaml(text);
  if (!yaml.ok) return yaml;
  const { doc } = yaml;
  const ranges: NodeRanges = {
    node: (path) => {
      const { node } = nodeAt(doc, path);
      return node && rangeOf(node, text);
    },
    key: (path) => {
      const { key } = nodeAt(doc, path);
      return key && rangeOf(key, text);
    },
  };
  return { ok: true, value: yaml.value, ranges };
}

/** `NodeRanges` from fastYaml's tables: a lookup allocates the range it returns and nothing else. */
function fastRanges(tree: FastTree, text: string): NodeRanges {
  const { nodes, items } = tree;
  const root = nodes.length - NODE_WIDTH;
  const keyMaps = new Map<number, Map<string, number>>();
  return {
    node: (path) => {
      const item = fastItemAt(tree, path, keyMaps);
      if (item === undefined) return undefined;
      const s = item * ITEM_WIDTH;
      return item < 0 ? valueRange(nodes[root]!, nodes[root + 1]!, text) : valueRange(items[s + 2]!, items[s + 3]!, text);
    },
    key: (path) => {
      const item = fastItemAt(tree, path, keyMaps);
      if (item === undefined || item < 0 || items[item * ITEM_WIDTH]! < 0) return undefined;
      return valueRange(items[item * ITEM_WIDTH]!, items[item * ITEM_WIDTH + 1]!, text);
    },
  };
}

function tooLarge(text: string, limit: number, hint = ''): YamlLoad & { ok: false } {
  const size = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return { ok: false, message: `the sidecar is too large to read (${size(text.length)}; the limit is ${size(limit)}${hint})`, offset: 0 };
}

/** Parses with `yaml` and converts to plain data, or says why not (with the offset of the cause). */
export function parseYaml(text: string): YamlParse {
  if (text.length > MAX_FULL_YAML_CHARS) return tooLarge(text, MAX_FULL_YAML_CHARS);
  // yaml's own duplicate-key check is quadratic in the size of a mapping: ours is linear.
  // logLevel 'error': yaml otherwise prints its warnings (a list or mapping as a key is
  // made a string) on the process's standard error, into `check`'s output.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  const error = doc.errors[0];
  if (error) {
    // yaml reports a quote never closed where the file ends (a quoted value may run
    // over lines, so it took in the rest of the file): say where it opens instead.
    const opened = error.code === 'MISSING_CHAR' ? unclosedQuote(text, error.pos[0]) : undefined;
    if (opened !== undefined) {
      const mark = text[opened]!;
      return { ok: false, message: `invalid YAML: the value quoted with ${mark} here is never closed: add the closing ${mark}`, offset: opened };
    }
    const hint = commonMistake(text, error, doc.errors);
    return { ok: false, message: `invalid YAML: ${explain(error.message)}${hint?.message ?? ''}`, offset: hint?.offset ?? error.pos[0] };
  }
  asWritten(doc);
  const duplicate = duplicateKey(doc);
  if (duplicate) return { ok: false, message: `invalid YAML: the key ${quoted(duplicate.key)} appears twice in the same mapping`, offset: duplicate.offset };
  try {
    return { ok: true, doc, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const unresolved = unresolvedAlias(doc);
    if (unresolved) {
      const message = `invalid YAML: the alias *${unresolved.name} has no anchor &${unresolved.name} before it: define the anchor first, or write the value out`;
      return { ok: false, message, offset: unresolved.offset };
    }
    if (e instanceof ReferenceError && /alias/i.test(message)) {
      return { ok: false, message: `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT}); write the values out instead`, offset: 0 };
    }
    return { ok: false, message: `invalid YAML: ${explain(message)}`, offset: 0 };
  }
}

/** The first alias (`*name`) with no anchor before it, where `toJS` stops. */
function unresolvedAlias(doc: Document.Parsed): { name: string; offset: number } | undefined {
  let found: { name: string; offset: number } | undefined;
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc) !== undefined) return undefined;
      found = { name: alias.source, offset: alias.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  return found;
}

/** One line (problems print one per line), in words a person can act on. */
/**
 * What to do about the YAML errors a hand-written sidecar runs into most, which yaml
 * words for its grammar: a colon and a space inside a plain value (`quote: he said:
 * no`), a value starting with a character YAML reserves, a key indented under the
 * one before it (reported on the line before; this points at the key).
 */
function commonMistake(text: string, error: YAMLError, all: readonly YAMLError[]): { message: string; offset?: number } | undefined {
  const at = error.pos[0];
  const lineOf = (from: number) => {
    const end = text.indexOf('\n', from);
    return { line: text.slice(from, end === -1 ? text.length : end).replace(/\r$/, ''), end };
  };
  const { line: rest, end: lineEnd } = lineOf(at);
  const quoteIt = (value: string, lead: string) => {
    const plain = value.replace(/\s+#.*$/, '').trim(); // a comment is not part of the value
    const example = plain.length <= 60 ? `: "${plain.replace(/[\\"]/g, '\\$&')}"` : ', in "double quotes"';
    return { message: ` (${lead} must be in quotes${example})` };
  };
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /:( |$)/.test(rest)) return quoteIt(rest, "a value that contains ': '");
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && all.some((e) => e.code === 'MULTILINE_IMPLICIT_KEY') && lineEnd !== -1) {
    // The value runs on to the next line, which has a `: `: a key of the format
    // indented too far, or the value's own words.
    const next = /\S/.exec(text.slice(lineEnd + 1));
    if (!next) return undefined;
    const start = lineEnd + 1 + next.index;
    const following = lineOf(start).line;
    const key = /^([^\s:#][^:#]*?):( |$)/.exec(following)?.[1];
    if (key !== undefined && formatKeys().has(key)) {
      return { message: ': this line is indented further than the keys before it; line it up with them', offset: start };
    }
    if (/:( |$)/.test(following)) return quoteIt(`${rest.trim()} ${following.trim()}`, "a value that goes on over lines and contains ': '");
    return undefined;
  }
  if (error.code === 'BAD_SCALAR_START') return { message: ` (a value that starts with ${quoted(text[at] ?? '')} must be in quotes)` };
  return undefined;
}

function explain(message: string): string {
  if (/call stack/i.test(message)) return 'it is nested too deeply';
  // yaml's own words name a function of its API.
  if (/multiple documents/i.test(message)) return 'a sidecar is one YAML document: remove the `---` line and what follows it, or merge the two';
  return message.split('\n')[0]!.trim();
}

/** Where the quoted scalar that runs to `end` (unclosed, to the end of the file) opens, if one does. */
function unclosedQuote(text: string, end: number): number | undefined {
  let opened: number | undefined;
  const check = (token: CST.Token | null | undefined) => {
    if (token && (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') && token.offset + token.source.length >= end) {
      opened ??= token.offset;
    }
  };
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    check(token.value);
    CST.visit(token, (item) => (check(item.key), check(item.value)));
  }
  return opened;
}

/**
 * Plain scalars that YAML reads as numbers or booleans, taken as the text they are
 * written as where the format wants text (`textShape`): every mapping key (`0x10:` is
 * the source id '0x10', not '16'), and values such as `id: 1.10` (not 1.1, which is not
 * an id), `id: 007`, `tags: [2024]` or `quote: 1200`. `version: 1` and `anonymous:
 * true` stay a number and a boolean. Done on the document, so the loader and the
 * writer (edits.ts), which finds claims and sources by id, read the same ids.
 */
function asWritten(doc: Document): void {
  const walk = (node: unknown, shape: TextShape | undefined): void => {
    if (isSeq(node)) {
      for (const item of node.items) walk(item, shape?.items);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        takeAsWritten(pair.key);
        walk(pair.value, shape?.fields ? shape.fields[String(pair.key.value)] : shape?.items);
      }
    } else if (isScalar(node) && shape?.text) takeAsWritten(node);
  };
  walk(doc.contents, textShape());
}

/** A number or a boolean; or a date, which a `%YAML 1.1` file makes of 2024-10-22 (and of 2023-02-29, silently March 1). */
function isTyped(value: unknown): boolean {
  return typeof value === 'number' || typeof value === 'boolean' || value instanceof Date;
}

function takeAsWritten(scalar: Scalar): void {
  if (isTyped(scalar.value) && scalar.type === 'PLAIN' && scalar.source !== undefined) scalar.value = scalar.source;
}

/**
 * `asWritten` for the fast reader's data: its keys are always text (it leaves other
 * files to `yaml`), so only values in text places change, read back from the text.
 * Only places where the format has text somewhere below are visited.
 */
function valuesAsWritten(value: unknown, ranges: NodeRanges, text: string): void {
  const path: PropertyKey[] = [];
  const place = (container: Record<PropertyKey, unknown>, key: PropertyKey, shape: TextShape | undefined): void => {
    if (!shape) return;
    const v = container[key];
    if (typeof v === 'object' && v !== null) {
      path.push(key);
      walk(v as Record<PropertyKey, unknown>, shape);
      path.pop();
    } else if (shape.text && isTyped(v)) {
      path.push(key);
      const at = ranges.node(path);
      if (at) container[key] = text.slice(at.start, at.end);
      path.pop();
    }
  };
  const walk = (container: Record<PropertyKey, unknown>, shape: TextShape): void => {
    if (Array.isArray(container)) {
      for (let i = 0; i < container.length; i++) place(container, i, shape.items);
    } else if (shape.fields) {
      for (const key in shape.fields) if (key in container) place(container, key, shape.fields[key]);
    } else if (shape.items) {
      for (const key of Object.keys(container)) place(container, key, shape.items);
    }
  };
  if (typeof value === 'object' && value !== null) walk(value as Record<PropertyKey, unknown>, textShape());
}

/** A key that repeats within one mapping, the first in document order. */
function duplicateKey(doc: Document): { key: string; offset: number } | undefined {
  // An explicit stack, not recursion: the input may be nested deeply.
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    else if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key)) return { key, offset: pair.key.range?.[0] ?? 0 };
        seen.add(key);
      }
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]!.value);
    }
  }
  return undefined;
}

export function resolve(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

/** The pair of a mapping whose key is `key` (keys compared as strings). */
export function pairOf(doc: Document, map: unknown, key: string): Pair<Node, unknown> | undefined {
  const m = resolve(doc, map);
  if (!isMap(m)) return undefined;
  for (const pair of m.items) {
    const k = resolve(doc, pair.key);
    if (isPair(pair) && isScalar(k) && String(k.value) === key) return pair as Pair<Node, unknown>;
  }
  return undefined;
}

/** The node at a path of keys and indexes, and the key node of its pair when it has one. */
export function nodeAt(doc: Document, path: readonly PropertyKey[]): { node?: Node; key?: Node } {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  for (const seg of path) {
    const current = resolve(doc, node);
    if (isSeq(current) && typeof seg === 'number') {
      node = current.items[seg];
      key = undefined;
    } else {
      const pair = pairOf(doc, current, String(seg));
      if (!pair) return {};
      node = pair.value;
      key = isNode(pair.key) ? pair.key : undefined;
    }
  }
  return { node: isNode(node) ? node : undefined, key };
}

/** [start, end) of a node's value, without trailing line breaks of block scalars or maps. */
export function rangeOf(node: { range?: Node['range'] }, text: string): TextRange | undefined {
  return node.range ? valueRange(node.range[0], node.range[1], text) : undefined;
}

function valueRange(start: number, end: number, text: string): TextRange {
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return { start, end };
}

/**
 * YAML text of a string scalar, on one line, in `style` when the value allows it (yaml
 * itself falls back to quotes when plain would change the meaning). `flow` is for a
 * value inside `[...]` or `{...}`, where a plain `,` would split it.
 */
export function scalarText(value: string, style: string | undefined = 'PLAIN', flow = false, version: YamlVersion = '1.2'): string {
  const scalar = new Scalar(value);
  scalar.type = style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE' ? style : 'PLAIN';
  const out = new Document(scalar, { version }).toString({ lineWidth: 0 }).replace(/\n$/, '');
  const plainInFlow = flow && !/^["']/.test(out) && /[,[\]{}]/.test(out);
  return out.includes('\n') || plainInFlow ? JSON.stringify(value) : out;
}
