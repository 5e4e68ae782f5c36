/**
 * Loading a sidecar: YAML with positions kept (yamlNodes.ts) + one zod schema + problems.
 * A bad field never drops more than it must: an invalid optional field is reported and
 * left at its default, and a claim is only dropped when it has no usable id or quote.
 */
import type * as z from 'zod/mini';
import { LineIndex } from './lineIndex';
import { compareProblems, quoted } from './problems';
import { ClaimSchema, ID_PATTERN, SourceSchema, fastClaim, fastSource, knownKeysAt, safeParseSidecar, type ClaimEntry, type SidecarParse, type SourceEntry, type SourceRef } from './schema';
import { closest } from './didYouMean';
import type { Attribution, Claim, Problem, ProblemCode, ProblemFix, Severity, Source, TextRange } from './types';
import { loadYaml, scalarText, type NodeRanges } from './yamlNodes';

export interface ParsedSidecar {
  /** Path of the sidecar as given (used in every Problem's `file`). */
  file: string;
  /** False when the YAML does not parse: such a sidecar is never written. */
  parsed: boolean;
  /** The `article:` field, if present and a string. */
  article?: string;
  /** Where the `article:` value is in the sidecar. */
  articleRange?: TextRange;
  /** Claims that could be loaded (a bad field in one claim never drops the others). */
  claims: Claim[];
  /** Shared sources by id. */
  sources: ReadonlyMap<string, Source>;
  problems: Problem[];
}

type Path = readonly PropertyKey[];
type Issue = z.core.$ZodIssue;

/** `fastYaml: false` reads the YAML with `yaml` alone (tests compare the two readers). */
export function parseSidecar(text: string, file: string, { fastYaml = true }: { fastYaml?: boolean } = {}): ParsedSidecar {
  // Lines are only counted when a problem needs one.
  let lineIndex: LineIndex | undefined;
  const lines = () => (lineIndex ??= new LineIndex(text));
  const problem = (code: ProblemCode, severity: Severity, message: string, range: TextRange, extra?: Partial<Problem>): Problem => ({
    file,
    ...lines().positionAt(range.start),
    severity,
    code,
    message,
    range,
    ...extra,
  });

  const yaml = loadYaml(text, { fast: fastYaml });
  if (!yaml.ok) {
    const at = { start: yaml.offset, end: yaml.offset };
    return { file, parsed: false, claims: [], sources: new Map(), problems: [problem('yaml-syntax', 'error', yaml.message, at)] };
  }
  const { ranges, value } = yaml;

  const raw = isRecord(value) ? value : {};
  // `quote:` with nothing after it (or `~`) is an empty quote, as the spec's
  // empty-quote says, not a value of the wrong type: the claim is kept and shown.
  if (Array.isArray(raw.claims)) for (const c of raw.claims) if (isRecord(c) && c.quote === null) c.quote = '';
  // One validation of the whole file: when it passes (the usual case), its output is
  // every claim and source as loaded; otherwise each part is pruned on its own.
  const validated = safeParseSidecar(value);
  const valid = validated.success ? validated.data : undefined;
  const sources = loadSources(raw.sources, valid?.sources);
  const claims: Claim[] = [];
  const rawClaims = Array.isArray(raw.claims) ? raw.claims : [];
  rawClaims.forEach((rawClaim, index) => {
    const entry = valid ? valid.claims[index] : (fastClaim(rawClaim) ?? prune(ClaimSchema, rawClaim));
    if (!entry) return;
    const claim = toClaim(entry, index, sources, ranges);
    if (claim) claims.push(claim);
  });

  const articleRange = ranges.node(['article']);
  // Array spreads, not push(...): a pathological file can have a problem per line.
  const problems = [
    ...versionForm(text, ranges, raw.version, problem),
    ...schemaProblems(ranges, value, validated, problem),
    ...referenceProblems(ranges, rawClaims, isRecord(raw.sources) ? Object.keys(raw.sources) : [], problem),
    ...claimProblems(claims, lines, problem),
  ];
  return {
    file,
    parsed: true,
    ...(typeof raw.article === 'string' ? { article: raw.article } : {}),
    ...(articleRange ? { articleRange } : {}),
    claims,
    sources,
    problems: onePerNode(problems).sort(compareProblems),
  };
}

/**
 * The problems without repeats: a value behind a YAML anchor (`&y`) is checked once
 * per alias (`*y`) that uses it, and each finds the same fault at the same place, which
 * is one fix. The first found is kept.
 */
function onePerNode(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.range?.start ?? -1}\u0000${p.code}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `version: 1.0` reads as the number 1, but the spec asks for the integer 1: a float
 * (or anything but an integer literal) is a version error. Other values of version
 * are the schema's to report.
 */
function versionForm(text: string, ranges: NodeRanges, version: unknown, problem: MakeProblem): Problem[] {
  const at = ranges.node(['version']);
  if (version !== 1 || at === undefined) return [];
  const written = text.slice(at.start, at.end);
  // YAML 1.2 core schema integers (decimal, 0o octal, 0x hex); `1` quoted is a string, reported by the schema.
  if (/^(\+?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(written)) return [];
  return [problem('version', 'error', `version must be the integer 1, not ${quoted(written)} (this tool reads format version 1)`, at)];
}

type MakeProblem = (code: ProblemCode, severity: Severity, message: string, range: TextRange, extra?: Partial<Problem>) => Problem;

// ---------------------------------------------------------------------------------------
// Schema problems: every zod issue, placed on its YAML node and worded for a person.

interface FlatIssue {
  path: PropertyKey[];
  issue: Issue;
  /** The issue is about a mapping key (a source id), not a value. */
  onKey?: boolean;
}

/** Zod issues with unions resolved to the branch that fits the value's kind, and record keys marked. */
function flatten(issues: readonly Issue[], root: unknown, base: Path = []): FlatIssue[] {
  const out: FlatIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union') {
      const branch = issue.errors.find((errs) => !errs.some((e) => e.code === 'invalid_type' && e.path.length === 0));
      if (branch) for (const f of flatten(branch, root, path)) out.push(f);
      else out.push({ path, issue });
    } else if (issue.code === 'invalid_key') {
      for (const inner of issue.issues) out.push({ path, issue: inner, onKey: true });
    } else out.push({ path, issue });
  }
  return out;
}

function schemaProblems(
  ranges: NodeRanges,
  value: unknown,
  result: SidecarParse,
  problem: MakeProblem,
): Problem[] {
  if (result.success) return [];
  const problems: Problem[] = [];
  for (const { path, issue, onKey } of flatten(result.issues, value)) {
    const claim = claimIdAt(value, path);
    const extra: Partial<Problem> = claim ? { claim } : {};
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push(unknownField(ranges, value, path, key, problem, extra));
      continue;
    }
    const input = onKey ? path[path.length - 1] : valueAt(value, path);
    const missing = input === undefined;
    const where = (onKey ? ranges.key(path) : ranges.node(missing ? path.slice(0, -1) : path)) ?? { start: 0, end: 0 };
    // An empty file (or one of comments only) has no version either, as one with only `claims:` has none.
    const code: ProblemCode = (path[0] === 'version' && path.length === 1) || (path.length === 0 && input === null) ? 'version' : 'schema';
    const message = describeIssue(issue, path, input, onKey);
    const fixes = enumFix(issue, input, where);
    problems.push(problem(code, 'error', message, where, { ...extra, ...(fixes ? { fixes } : {}) }));
  }
  return problems;
}

function unknownField(ranges: NodeRanges, root: unknown, path: Path, key: string, problem: MakeProblem, extra: Partial<Problem>): Problem {
  const at = ranges.key([...path, key]) ?? { start: 0, end: 0 };
  const present = valueAt(root, path);
  const known = knownKeysAt(path).filter((k) => !(isRecord(present) && k in present));
  const suggestion = closest(key, known);
  const hint = suggestion ? ` (did you mean '${suggestion}'?)` : '';
  const fixes: ProblemFix[] | undefined = suggestion
    ? [{ title: `Rename to '${suggestion}'`, target: 'sidecar', edits: [{ ...at, newText: suggestion }] }]
    : undefined;
  const message = `unknown field ${quoted(key)}${hint}: this version of the format does not use it; it is kept as written`;
  return problem('unknown-field', 'warning', message, at, { ...extra, ...(fixes ? { fixes } : {}) });
}

const REQUIRED_HINTS: Record<string, string> = {
  version: 'version is missing: add `version: 1` at the top of the file',
  claims: 'claims is missing: add `claims: []` (or a list of claims)',
  id: "this claim has no id: add `id:` with an id unique in the file, e.g. 'troops-deployed'",
  quote: 'this claim has no quote: add `quote:` with the exact words from the article',
  name: 'this source has no name: add `name:`',
};

const KIND_NAMES: Record<string, string> = {
  string: 'text',
  record: 'a mapping (id: fields lines)',
  boolean: 'true or false',
  object: 'a mapping (key: value lines)',
  array: 'a list',
  number: 'a number',
};

function describeIssue(issue: Issue, path: Path, input: unknown, onKey?: boolean): string {
  const field = onKey ? 'source id' : label(path);
  const key = String(path[path.length - 1] ?? '');
  if (input === undefined) return REQUIRED_HINTS[key] ?? `${field} is required`;
  switch (issue.code) {
    case 'invalid_type':
      if (path.length === 0 && input === null) return 'the sidecar is empty: start it with `version: 1` and `claims: []`';
      if (path.length === 0) return `a sidecar must be a mapping with \`version: 1\` and \`claims:\`, not ${show(input)}`;
      return `${field} must be ${KIND_NAMES[issue.expected] ?? issue.expected}, not ${show(input)}`;
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      if (allowed.length === 1) return `${field} must be ${allowed[0]}, not ${show(input)} (this tool reads format version 1)`;
      const suggestion = typeof input === 'string' ? closest(input, allowed) : undefined;
      const hint = suggestion ? ` (did you mean '${suggestion}'?)` : '';
      return `${field} ${show(input)} is not one of ${allowed.join(', ')}${hint}`;
    }
    case 'invalid_union':
      return `${field} must be a source id or a mapping with at least a name, not ${show(input)}`;
    case 'invalid_format':
    case 'custom':
      return `${field} ${show(input)} ${issue.message}`;
    default:
      return `${field}: ${issue.message}`;
  }
}

/** A misspelt enum value (status, source type) gets a quick fix to the closest word. */
function enumFix(issue: Issue, input: unknown, at: TextRange): ProblemFix[] | undefined {
  if (issue.code !== 'invalid_value' || typeof input !== 'string' || issue.values.length < 2) return undefined;
  const suggestion = closest(input, issue.values.map(String));
  if (!suggestion) return undefined;
  return [{ title: `Change to '${suggestion}'`, target: 'sidecar', edits: [{ ...at, newText: scalarText(suggestion) }] }];
}

/** `status`, `tags[1]`, `claims[2]`, or "the sidecar" for the root. */
function label(path: Path): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the sidecar';
  if (typeof last === 'number') return `${String(path[path.length - 2] ?? 'item')}[${last}]`;
  return String(last);
}

function show(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `'${value.toISOString().slice(0, 10)}'`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return quoted(value);
  return String(value);
}

// ---------------------------------------------------------------------------------------
// Loading: drop what is invalid, keep the rest.

const REMOVED = Symbol('removed');

/**
 * Parses `value` with `schema`, removing each offending value (a missing required one
 * takes its container with it) until what is left is valid; undefined when nothing
 * usable is left. Unknown keys are removed from the copy only (they stay in the file).
 */
function prune<T extends z.ZodMiniType>(schema: T, value: unknown): z.output<T> | undefined {
  const first = schema.safeParse(value);
  if (first.success) return first.data;
  let v: unknown = structuredClone(value);
  for (let round = 0; round < 64; round++) {
    const result = schema.safeParse(v);
    if (result.success) return result.data;
    for (const { path, issue } of flatten(result.error.issues, v)) {
      if (issue.code === 'unrecognized_keys') {
        const obj = valueAt(v, path);
        if (isRecord(obj)) for (const key of issue.keys) delete obj[key];
        continue;
      }
      const target = valueAt(v, path) === undefined ? path.slice(0, -1) : path;
      if (!target.length) return undefined;
      const parent = valueAt(v, target.slice(0, -1));
      const last = target[target.length - 1]!;
      if (Array.isArray(parent) && typeof last === 'number') parent[last] = REMOVED;
      else if (isRecord(parent)) delete parent[last as string];
    }
    v = compact(v);
  }
  return undefined;
}

function compact(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== REMOVED).map(compact);
  if (isRecord(v)) for (const k of Object.keys(v)) v[k] = compact(v[k]);
  return v;
}

function loadSources(raw: unknown, valid: Readonly<Record<string, SourceEntry>> | undefined): Map<string, Source> {
  const sources = new Map<string, Source>();
  if (!isRecord(raw)) return sources;
  for (const [id, value] of Object.entries(raw)) {
    if (!ID_PATTERN.test(id)) continue;
    const entry = valid ? valid[id] : (fastSource(value) ?? prune(SourceSchema, value));
    if (entry) sources.set(id, toSource(entry, id));
  }
  return sources;
}

/** The fields in the schema's order (zod's output order), the defined ones only. */
const SOURCE_FIELDS = Object.keys(SourceSchema.shape) as (keyof SourceEntry)[];

function toSource(entry: SourceEntry, id?: string): Source {
  const source = (id ? { id } : {}) as Source;
  copyDefined(source, entry, SOURCE_FIELDS);
  return source;
}

function resolveRefs(refs: readonly SourceRef[] | undefined, shared: ReadonlyMap<string, Source>): Source[] {
  if (!refs) return [];
  // map, not push: an array of its size (push leaves room for 16, and the claims keep it).
  // An id with no valid entry stays, as itself: a report or hover that dropped it would
  // show the claim resting on fewer sources than the file names.
  return refs.map((ref) => (typeof ref !== 'string' ? toSource(ref) : (shared.get(ref) ?? { id: ref, name: ref, unresolved: true })));
}

type AttributionEntry = NonNullable<ClaimEntry['attribution']>;

function toAttribution(a: AttributionEntry, shared: ReadonlyMap<string, Source>): Attribution {
  // Field by field (named, not a loop over names: this runs for every claim).
  const attribution = {} as Attribution;
  if (a.speaker !== undefined) attribution.speaker = a.speaker;
  if (a.role !== undefined) attribution.role = a.role;
  attribution.anonymous = a.anonymous ?? false;
  attribution.via = resolveRefs(a.via, shared);
  if (a.cue !== undefined) attribution.cue = a.cue;
  if (a.direct !== undefined) attribution.direct = a.direct;
  return attribution;
}

/** Paths of a claim's entry and of one of its fields: reused, as `toClaim` runs for every claim. */
const ENTRY_PATH: [string, number] = ['claims', 0];
const FIELD_PATH: [string, number, string] = ['claims', 0, ''];

/** A claim's entry in `claims:` as loaded; undefined when it has no range (cannot happen for a parsed entry). */
function toClaim(entry: ClaimEntry, index: number, shared: ReadonlyMap<string, Source>, ranges: NodeRanges): Claim | undefined {
  ENTRY_PATH[1] = FIELD_PATH[1] = index;
  const at = (key: string) => {
    FIELD_PATH[2] = key;
    return ranges.node(FIELD_PATH);
  };
  const entryRange = ranges.node(ENTRY_PATH);
  if (!entryRange) return undefined;
  // The fields every claim has in one literal (an object built up field by field
  // reallocates its property store as it grows), then the optional ones.
  const claim: Claim = {
    id: entry.id,
    quote: entry.quote,
    status: entry.status ?? 'unverified',
    sources: resolveRefs(entry.sources, shared),
    tags: entry.tags ?? [],
    index,
    entryRange,
  };
  if (entry.prefix !== undefined) claim.prefix = entry.prefix;
  if (entry.suffix !== undefined) claim.suffix = entry.suffix;
  if (entry.attribution) claim.attribution = toAttribution(entry.attribution, shared);
  if (entry.note !== undefined) claim.note = entry.note;
  if (entry.reviewer !== undefined) claim.reviewer = entry.reviewer;
  if (entry.reviewed !== undefined) claim.reviewed = entry.reviewed;
  const idRange = at('id');
  const quoteRange = at('quote');
  const statusRange = entry.status ? at('status') : undefined;
  if (idRange) claim.idRange = idRange;
  if (quoteRange) claim.quoteRange = quoteRange;
  if (statusRange) claim.statusRange = statusRange;
  return claim;
}

/**
 * Sets each of `keys` that `from` defines on `to`, in that order. Objects are built up
 * field by field, never with `undefined` fields deleted afterwards (`delete` makes V8's
 * objects slow), and with the fields in the schema's order whatever the file's order.
 */
function copyDefined<T extends object, K extends keyof T>(to: T, from: Partial<Pick<T, K>>, keys: readonly K[]): void {
  for (const key of keys) if (from[key] !== undefined) to[key] = from[key] as T[K];
}

// ---------------------------------------------------------------------------------------
// Checks across fields: source references, duplicate ids, empty quotes.

const SOURCES_PATH: Path = ['sources'];
const VIA_PATH: Path = ['attribution', 'via'];

function referenceProblems(
  ranges: NodeRanges,
  rawClaims: readonly unknown[],
  definedIds: readonly string[],
  problem: MakeProblem,
): Problem[] {
  // Defined means written under `sources:`: an entry with its own problems is not "unknown".
  const defined = new Set(definedIds);
  const problems: Problem[] = [];
  const check = (list: unknown, listPath: Path, index: number, id: unknown) => {
    if (!Array.isArray(list)) return;
    for (let j = 0; j < list.length; j++) {
      const ref: unknown = list[j];
      if (typeof ref !== 'string' || defined.has(ref) || !ID_PATTERN.test(ref)) continue;
      const where = ranges.node(['claims', index, ...listPath, j]) ?? { start: 0, end: 0 };
      const suggestion = closest(ref, defined);
      const hint = suggestion ? ` (did you mean '${suggestion}'?)` : '';
      const message = `source '${ref}' is not defined under \`sources:\`${hint}: define it there, or write the source inline`;
      problems.push(problem('unknown-source', 'error', message, where, typeof id === 'string' ? { claim: id } : {}));
    }
  };
  rawClaims.forEach((rawClaim, index) => {
    if (!isRecord(rawClaim)) return;
    check(rawClaim.sources, SOURCES_PATH, index, rawClaim.id);
    if (isRecord(rawClaim.attribution)) check(rawClaim.attribution.via, VIA_PATH, index, rawClaim.id);
  });
  return problems;
}

function claimProblems(claims: readonly Claim[], lines: () => LineIndex, problem: MakeProblem): Problem[] {
  const problems: Problem[] = [];
  const firstById = new Map<string, Claim>();
  for (const claim of claims) {
    const first = firstById.get(claim.id);
    if (first) {
      const line = lines().positionAt((first.idRange ?? first.entryRange).start).line;
      const message = `claim id '${claim.id}' is already used on line ${line}: ids must be unique in the file`;
      problems.push(problem('duplicate-id', 'error', message, claim.idRange ?? claim.entryRange, { claim: claim.id }));
    } else firstById.set(claim.id, claim);
    if (!claim.quote.trim()) {
      const message = 'quote is empty: copy the exact words of the claim from the article';
      problems.push(problem('empty-quote', 'error', message, claim.quoteRange ?? claim.entryRange, { claim: claim.id }));
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------

function claimIdAt(root: unknown, path: Path): string | undefined {
  if (path[0] !== 'claims' || typeof path[1] !== 'number') return undefined;
  const id = valueAt(root, ['claims', path[1], 'id']);
  return typeof id === 'string' ? id : undefined;
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isRecord(v)) v = Object.hasOwn(v, seg) ? v[seg as string] : undefined;
    else return undefined;
  }
  return v;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

