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
const status = before((v) => (v === false ? 'false' : v), z.enum(STATUSES));

function isCalendarDate(s: string): boolean {
  const m = DATE_PATTERN.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** YYYY-MM-DD. YAML 1.2 reads 2024-10-22 as a string; a `%YAML 1.1` file yields a Date. */
const date = before(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string().check(z.refine(isCalendarDate, { error: 'is not a date: write it as YYYY-MM-DD, e.g. 2024-10-22' })),
);

const url = z.url({ protocol: /^https?$/, error: 'is not an http or https URL' });
const optionalString = z.optional(z.string());

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
  article: optionalString,
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
