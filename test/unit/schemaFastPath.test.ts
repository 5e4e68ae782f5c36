import * as assert from 'assert';
import * as fc from 'fast-check';
import { ClaimSchema, SidecarSchema, SourceSchema, fastClaim, fastSource, safeParseSidecar } from '../../src/core/schema';
import { SOURCE_TYPES, STATUSES } from '../../src/core/types';

// The hand-written checks of schema.ts must never accept what zod rejects, and must give
// zod's output for what they accept; whatever they leave to zod ends as zod says.

const text = fc.oneof(fc.constantFrom('', ' ', 'x', 'Yonhap', 'a "quote"', 'ünïcödé', 'line\nbreak'), fc.string({ maxLength: 8 }));
const goodIds = fc.oneof(fc.constantFrom('a', '0', 'sk-may.supply_weapons', '2024-report'), fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,5}$/));
const anyIds = fc.oneof(goodIds, fc.constantFrom('-a', 'A', 'a b', '', 'ä', 7, 0, -3), fc.stringMatching(/^[a-z0-9._ A-]{1,6}$/));
const goodDates = fc.constantFrom('2024-02-29', '1999-12-31', '2026-11-27');
const anyDates = fc.oneof(goodDates, fc.constantFrom('2023-02-29', '2024-13-01', '2024-1-2', ' 2024-01-02', '2024-01-02T10:00'));
const goodUrls = fc.constantFrom('https://example.com/', 'http://example.org/x?y=1#z', 'https://en.yna.co.kr', 'http://localhost:8080/a');
const anyUrls = fc.oneof(
  goodUrls,
  fc.constantFrom(
    'HTTP://EXAMPLE.COM/',
    ' https://example.com ',
    'https://exa\nmple.com/',
    'http:example.com',
    'https:/example.com',
    'ftp://example.org/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'http://1.2.3.4/',
    'http://999.1.1.1/',
    'http://a..b/',
    'http://a.b:99999/',
    'https://xn--abc.com/',
    'https://a-.b/',
    'http://user@example.com/',
    'http://example.com/a b',
    'https://',
  ),
  fc.webUrl(),
  fc.string({ maxLength: 12 }).map((s) => `https://${s}`),
);
const junk = fc.constantFrom<unknown>(null, 0, 42, -1, 1.5, true, false, [], {}, new Date(Date.UTC(2024, 9, 22)));

/**
 * Claims, sources and sidecars: `good` ones are valid (as far as the checks by hand go),
 * the others mostly of the right kinds, sometimes not, now and then with an unknown field.
 */
function arbitraries(good: boolean) {
  const mostly = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> => (good ? arb : fc.oneof({ arbitrary: arb, weight: 6 }, { arbitrary: junk, weight: 1 }));
  const object = (fields: Record<string, fc.Arbitrary<unknown>>, required: readonly string[]): fc.Arbitrary<unknown> =>
    fc
      .tuple(
        fc.record(fields, { requiredKeys: [] }),
        fc.record(Object.fromEntries(required.map((k) => [k, fields[k]!])) as Record<string, fc.Arbitrary<unknown>>),
        fc.boolean(),
        fc.option(fc.constantFrom('stauts', 'speaker', 'constructor', 'toString'), { freq: 6 }),
      )
      .map(([some, needed, keepNeeded, extra]) => ({
        ...some,
        ...(good || keepNeeded ? needed : {}),
        ...(!good && extra !== null ? { [extra]: 'x' } : {}),
      }));
  const id = good ? goodIds : anyIds;
  const date = mostly(good ? goodDates : anyDates);
  const source = object(
    {
      name: mostly(text),
      url: mostly(good ? goodUrls : anyUrls),
      type: mostly(fc.constantFrom(...SOURCE_TYPES, ...(good ? [] : ['blog']))),
      published: date,
      accessed: date,
      note: mostly(text),
    },
    ['name'],
  );
  const refs = mostly(fc.array(fc.oneof(id, source), { maxLength: 3 }));
  const claim = object(
    {
      id,
      quote: mostly(text),
      prefix: mostly(text),
      suffix: mostly(text),
      status: mostly(fc.constantFrom<unknown>(...STATUSES, false, ...(good ? [] : [true, 'Verified', 'verfied']))),
      attribution: mostly(
        object({ speaker: mostly(text), role: mostly(text), anonymous: mostly(fc.boolean()), via: refs, cue: mostly(text), direct: mostly(fc.boolean()) }, []),
      ),
      sources: refs,
      note: mostly(text),
      reviewer: mostly(text),
      reviewed: date,
      tags: mostly(fc.array(mostly(text), { maxLength: 3 })),
    },
    ['id', 'quote'],
  );
  return { source, claim };
}

const good = arbitraries(true);
const any = arbitraries(false);
const source = fc.oneof(good.source, any.source);
const claim = fc.oneof(good.claim, any.claim);
const sidecar = fc
  .tuple(
    fc.record(
      {
        version: fc.constantFrom<unknown>(1, 1, 1, 2, '1'),
        article: fc.oneof(text, junk),
        sources: fc.oneof({ arbitrary: fc.dictionary(goodIds, good.source, { maxKeys: 3 }), weight: 3 }, fc.dictionary(anyIds.map(String), source, { maxKeys: 3 }), junk),
        claims: fc.oneof({ arbitrary: fc.array(claim, { maxLength: 4 }), weight: 6 }, junk),
      },
      { requiredKeys: [] },
    ),
    fc.option(fc.constant({ extra: 1 }), { freq: 8 }),
  )
  .map(([fields, extra]) => ({ ...fields, ...extra }));

describe('schema fast path', () => {
  it('accepts a claim only when zod does, with the same output', () => {
    let fast = 0;
    fc.assert(
      fc.property(claim, (value) => {
        const entry = fastClaim(value);
        if (entry === undefined) return;
        fast++;
        const zod = ClaimSchema.safeParse(value);
        assert.ok(zod.success, JSON.stringify(value));
        assert.deepStrictEqual(entry, zod.data);
      }),
      { numRuns: 3000 },
    );
    assert.ok(fast > 100, `the fast path took only ${fast} claims`);
  });

  it('accepts a source only when zod does, with the same output', () => {
    fc.assert(
      fc.property(source, (value) => {
        const entry = fastSource(value);
        if (entry !== undefined) assert.deepStrictEqual(entry, SourceSchema.parse(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('takes URLs as zod does', () => {
    fc.assert(
      fc.property(anyUrls, (u) => {
        const entry = fastSource({ name: 'n', url: u });
        if (entry !== undefined) assert.deepStrictEqual(entry, SourceSchema.parse({ name: 'n', url: u }));
      }),
      { numRuns: 2000 },
    );
    for (const u of ['https://example.com/', 'http://example.org/x?y=1#z', 'https://en.yna.co.kr']) assert.ok(fastSource({ name: 'n', url: u }), u);
  });

  it('parses a sidecar as zod does: the same data, or the same issues in the same order', () => {
    fc.assert(
      fc.property(sidecar, (value) => {
        const ours = safeParseSidecar(value);
        const zod = SidecarSchema.safeParse(value);
        assert.strictEqual(ours.success, zod.success);
        if (ours.success) assert.deepStrictEqual(ours.data, zod.data);
        else assert.deepStrictEqual(ours.issues, zod.error?.issues);
      }),
      { numRuns: 2000 },
    );
  });

  it('checks by hand the claims of a valid sidecar, and takes `status: false` as the status', () => {
    const value = { version: 1, claims: [{ id: 'a', quote: 'q', status: false, tags: ['x'] }] };
    const result = safeParseSidecar(value);
    assert.ok(result.success);
    assert.deepStrictEqual(result.data.claims, [{ id: 'a', quote: 'q', status: 'false', tags: ['x'] }]);
    assert.deepStrictEqual(fastClaim(value.claims[0]), result.data.claims[0]);
  });
});
