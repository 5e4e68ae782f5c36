/**
 * The sidecar format, version 1 (sidecar.md, "Shape"), as one zod schema: the single
 * source of truth for what a sidecar may contain. Messages of format checks are the
 * tail of a sentence that begins with the field's name and value (see sidecar.ts).
 */
// zod/mini: the same schemas and issues as zod's classic API, tree-shakable. Classic
// zod puts every method on every schema and weighs ~450 KB minified in the bundle;
// this module's share with mini is ~15 KB (the bundle-size target is 300 KB).
import * as z from 'zod/mini';
import { SOURCE_TYPES, STATUSES } from './types';

export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Runs `fn` on the raw value before `schema` (zod's `preprocess`, which mini spells as a pipe). */
function before<T extends z.ZodMiniType>(fn: (v: unknown) => unknown, schema: T) {
  return z.pipe(z.transform(fn), schema);
}

const id = z.string().check(
  z.regex(ID_PATTERN, {
    error: "is not a valid id: use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit",
  }),
);
/** A claim id; `id: 42` is read as YAML's integer, taken as the id '42'. */
const claimId = before((v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? String(v) : v), id);
/** `status: false` is YAML's boolean: taken as the status 'false', which is what it says. */
const statusWord = (v: unknown): unknown => (v === false ? 'false' : v);
const status = before(statusWord, z.enum(STATUSES));

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days in month `month` (1-12) of `year`, any year from 0000 to 9999 (Date.UTC maps 0-99 to 1900-1999). */
function daysIn(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/** Why `s` is not a YYYY-MM-DD day of the calendar, or undefined when it is one. */
function notADate(s: string): string | undefined {
  const m = DATE_PATTERN.exec(s);
  if (!m) return 'is not a date: write it as YYYY-MM-DD, e.g. 2024-10-22';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `is not a date: there is no month ${m[2]} (write it as YYYY-MM-DD, e.g. 2024-10-22)`;
  const days = daysIn(year, month);
  if (day < 1 || day > days) return `is not a date: ${MONTHS[month - 1]} ${m[1]} has ${days} days`;
  return undefined;
}

/** YYYY-MM-DD. YAML 1.2 reads 2024-10-22 as a string; a `%YAML 1.1` file yields a Date. */
const date = before(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string().check(z.refine((s) => notADate(s) === undefined, { error: (issue) => notADate(String(issue.input)) })),
);

const url = z.url({ protocol: /^https?$/, error: 'is not an http or https URL' });
const optionalString = z.optional(z.string());

/** Whether a string holds more than white space. */
function hasText(s: string): boolean {
  return /\S/.test(s);
}

export const SourceSchema = z.strictObject({
  name: z.string(),
  url: z.optional(url),
  type: z.optional(z.enum(SOURCE_TYPES)),
  published: z.optional(date),
  accessed: z.optional(date),
  note: optionalString,
});

/** In `via` and `sources`: the id of a shared source, or an inline source. */
export const SourceRefSchema = z.union([id, SourceSchema]);

export const AttributionSchema = z.strictObject({
  speaker: optionalString,
  role: optionalString,
  anonymous: z.optional(z.boolean()),
  via: z.optional(z.array(SourceRefSchema)),
  cue: optionalString,
  direct: z.optional(z.boolean()),
});

export const ClaimSchema = z.strictObject({
  id: claimId,
  quote: z.string(),
  prefix: optionalString,
  suffix: optionalString,
  status: z.optional(status),
  attribution: z.optional(AttributionSchema),
  sources: z.optional(z.array(SourceRefSchema)),
  note: optionalString,
  reviewer: optionalString,
  reviewed: z.optional(date),
  tags: z.optional(z.array(z.string())),
});

export const SidecarSchema = z.strictObject({
  version: z.literal(1),
  article: z.optional(
    z.string().check(z.refine(hasText, { error: "is empty: name the article's file, or remove `article:` to use the article beside the sidecar" })),
  ),
  sources: z.optional(z.record(id, SourceSchema)),
  claims: z.array(ClaimSchema),
});

/** A sidecar as written in YAML (before defaults and source resolution). */
export type SidecarFile = z.infer<typeof SidecarSchema>;
export type ClaimEntry = z.infer<typeof ClaimSchema>;
export type SourceEntry = z.infer<typeof SourceSchema>;
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** The field names an object at `path` may have, for "did you mean" on unknown keys. */
export function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: z.core.$ZodType | undefined = SidecarSchema;
  for (const seg of path) {
    const obj = objectSchema(schema);
    if (obj) schema = obj.shape[String(seg)];
    else schema = elementSchema(schema);
    if (!schema) return [];
  }
  const obj = objectSchema(schema);
  return obj ? Object.keys(obj.shape) : [];
}

/**
 * Where the format wants text (an id, a quote, a name, a tag, a source id in `via` or
 * `sources`, a date...), as a tree that follows a sidecar's data: `text` at a place
 * that wants text, `fields` for a mapping's keys, `items` for a list's items or a
 * record's values. YAML reads some plain scalars as numbers or booleans (`id: 1.10`,
 * `tags: [2024]`, `quote: 1200`); where the format wants text, the reader takes them as
 * written (yamlNodes.ts, `asWritten`).
 */
export interface TextShape {
  text: boolean;
  fields?: Readonly<Record<string, TextShape>>;
  items?: TextShape;
}

let sidecarShape: TextShape | undefined;

/** The `TextShape` of a whole sidecar, built from the schema on first use. */
export function textShape(): TextShape {
  return (sidecarShape ??= shapeOf(SidecarSchema));
}

let shapeKeys: { all: ReadonlySet<string>; text: ReadonlySet<string> } | undefined;

/** The field names of the format (`all`, at any level), and those under which it wants text somewhere (`text`; '' where a list's items may be text). */
function keysOf(): { all: ReadonlySet<string>; text: ReadonlySet<string> } {
  if (shapeKeys) return shapeKeys;
  const all = new Set<string>();
  const text = new Set<string>();
  const visit = (shape: TextShape, key: string): void => {
    if (shape.text) text.add(key);
    for (const [name, field] of Object.entries(shape.fields ?? {})) {
      all.add(name);
      visit(field, name);
    }
    if (shape.items) visit(shape.items, shape.fields ? key : '');
  };
  visit(textShape(), '');
  return (shapeKeys = { all, text });
}

/** Every field name of the format, at any level. */
export function formatKeys(): ReadonlySet<string> {
  return keysOf().all;
}

/** The keys under which the format wants text somewhere, and '' if a list's items may be text. */
export function keysOfText(): ReadonlySet<string> {
  return keysOf().text;
}

function shapeOf(schema: z.core.$ZodType): TextShape {
  const obj = objectSchema(schema);
  const element = elementSchema(schema);
  return {
    text: isTextSchema(schema),
    ...(obj ? { fields: Object.fromEntries(Object.entries(obj.shape).map(([key, field]) => [key, shapeOf(field)])) } : {}),
    ...(element ? { items: shapeOf(element) } : {}),
  };
}

/**
 * A string, or a union with one (a source id or an inline source). Not an enum: a
 * status or a source type is one of a few words, and `status: false` (or `False`, which
 * YAML reads as the same boolean) is taken as the status 'false' by the schema itself.
 */
function isTextSchema(schema: z.core.$ZodType): boolean {
  const def = unwrap(schema)._zod.def as { type: string; options?: z.core.$ZodType[] };
  if (def.type === 'string') return true;
  return def.type === 'union' && (def.options ?? []).some(isTextSchema);
}

type ObjectDef = { shape: Record<string, z.core.$ZodType> };

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  const def = schema._zod.def as { type: string; innerType?: z.core.$ZodType; out?: z.core.$ZodType };
  if (def.type === 'optional' && def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.out) return unwrap(def.out);
  return schema;
}

function objectSchema(schema: z.core.$ZodType | undefined): ObjectDef | undefined {
  if (!schema) return undefined;
  const def = unwrap(schema)._zod.def as { type: string; options?: z.core.$ZodType[] } & Partial<ObjectDef>;
  if (def.type === 'object' && def.shape) return { shape: def.shape };
  if (def.type === 'union') for (const o of def.options ?? []) if (objectSchema(o)) return objectSchema(o);
  return undefined;
}

function elementSchema(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  if (!schema) return undefined;
  const def = unwrap(schema)._zod.def as { type: string; element?: z.core.$ZodType; valueType?: z.core.$ZodType };
  if (def.type === 'array') return def.element;
  if (def.type === 'record') return def.valueType;
  return undefined;
}

// ---------------------------------------------------------------------------------------
// The fast path. Most sidecars are valid, and checking a claim by hand is many times
// faster than zod (which builds a result and a context per value). Each `is*` check
// says true only for a value the schema certainly accepts and outputs as it is (but for
// `status: false`, and the order of fields: zod lists them in the schema's order):
// when it is not sure it says false, zod parses the value, and every issue comes from
// zod as before. schema.test.ts checks that the two agree.

type Check = (value: unknown) => boolean;

const STATUS_SET: ReadonlySet<unknown> = new Set(STATUSES);
const SOURCE_TYPE_SET: ReadonlySet<unknown> = new Set(SOURCE_TYPES);

/** An object as YAML gives it: zod would accept others (a Date) in ways the fast path does not mirror. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

const isString: Check = (v) => typeof v === 'string';
const isBoolean: Check = (v) => typeof v === 'boolean';
const isId: Check = (v) => typeof v === 'string' && ID_PATTERN.test(v);
const isDate: Check = (v) => typeof v === 'string' && notADate(v) === undefined;
const isStatus: Check = (v) => STATUS_SET.has(statusWord(v));
const isSourceType: Check = (v) => SOURCE_TYPE_SET.has(v);
/**
 * A plain http(s) URL that the URL parser certainly accepts as written: lower-case
 * scheme, a host of dot-separated labels ending in one that starts with a letter (no
 * IP address, no punycode), an optional short port, then printable ASCII. zod trims
 * and parses anything else itself.
 */
const SIMPLE_URL = /^https?:\/\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\.)*[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?::[0-9]{1,4})?(?:[/?#][!-~]*)?$/i;
const isUrl: Check = (v) => typeof v === 'string' && SIMPLE_URL.test(v) && (v.startsWith('http://') || v.startsWith('https://'));

function arrayOf(item: Check): Check {
  return (v) => Array.isArray(v) && v.every(item);
}

/** A strict object: each field present as its check says, the required ones present, no other field. */
function strictObject(fields: Record<string, Check>, required: readonly string[]): Check {
  const known = new Map(Object.entries(fields));
  return (v) => {
    if (!isPlainObject(v)) return false;
    for (const key of required) if (!Object.hasOwn(v, key)) return false;
    for (const key in v) {
      const check = known.get(key);
      if (!check || !check(v[key])) return false;
    }
    return true;
  };
}

/** A valid source, as written (the output of `SourceSchema` but for the order of its fields). */
const isValidSource: Check = strictObject(
  { name: isString, url: isUrl, type: isSourceType, published: isDate, accessed: isDate, note: isString },
  ['name'],
);

const isSourceRefs = arrayOf((v) => (typeof v === 'string' ? isId(v) : isValidSource(v)));

const isValidClaim: Check = strictObject(
  {
    id: isId,
    quote: isString,
    prefix: isString,
    suffix: isString,
    status: isStatus,
    attribution: strictObject({ speaker: isString, role: isString, anonymous: isBoolean, via: isSourceRefs, cue: isString, direct: isBoolean }, []),
    sources: isSourceRefs,
    note: isString,
    reviewer: isString,
    reviewed: isDate,
    tags: arrayOf(isString),
  },
  ['id', 'quote'],
);

/** `SourceSchema`'s output for a source it certainly accepts (but for the order of fields), else undefined. */
export function fastSource(value: unknown): SourceEntry | undefined {
  return isValidSource(value) ? (value as SourceEntry) : undefined;
}

/** `ClaimSchema`'s output for a claim it certainly accepts (but for the order of fields), else undefined. */
export function fastClaim(value: unknown): ClaimEntry | undefined {
  if (!isValidClaim(value)) return undefined;
  const claim = value as ClaimEntry;
  return claim.status === (false as unknown) ? { ...claim, status: 'false' } : claim;
}

const isValidTop = strictObject(
  {
    version: (v) => v === 1,
    article: (v) => typeof v === 'string' && hasText(v),
    sources: (v) => isPlainObject(v) && Object.entries(v).every(([id, source]) => isId(id) && isValidSource(source)),
    claims: Array.isArray,
  },
  ['version', 'claims'],
);

/** A sidecar's validation: its data, or zod's issues. */
export type SidecarParse = { success: true; data: SidecarFile } | { success: false; issues: z.core.$ZodIssue[] };

/**
 * `SidecarSchema.safeParse(value)`: the same issues in the same order, or the same data
 * but for the order of fields in objects (the loader builds its own). It checks by hand
 * what it can: when all is valid but some claims, only those claims go through zod, their
 * issues placed under `claims` as zod places them.
 */
export function safeParseSidecar(value: unknown): SidecarParse {
  if (!isValidTop(value)) {
    const result = SidecarSchema.safeParse(value);
    return result.success ? result : { success: false, issues: result.error.issues };
  }
  const file = value as SidecarFile;
  const issues: z.core.$ZodIssue[] = [];
  const claims = file.claims.map((raw: unknown, index) => {
    const fast = fastClaim(raw);
    if (fast) return fast;
    const result = ClaimSchema.safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues) issues.push({ ...issue, path: ['claims', index, ...issue.path] });
    return raw as ClaimEntry;
  });
  return issues.length ? { success: false, issues } : { success: true, data: { ...file, claims } };
}
