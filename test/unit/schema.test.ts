import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { ClaimSchema, SidecarSchema, SourceSchema, knownKeysAt, type SourceEntry } from '../../src/core/schema';
import { SOURCE_TYPES, STATUSES, type Source } from '../../src/core/types';

const fixtures = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

// The schema's inferred shape of a source is the shared Source type, less its id.
const sourceShape: Omit<Source, 'id'> = {} as SourceEntry;
void sourceShape;

describe('schema', () => {
  it('accepts the spec example as written', () => {
    const value: unknown = parse(fs.readFileSync(path.join(fixtures, 'sidecar-spec-example.claims.yaml'), 'utf8'));
    assert.ok(SidecarSchema.safeParse(value).success);
  });

  it('takes its statuses and source types from types.ts', () => {
    for (const status of STATUSES) assert.ok(ClaimSchema.safeParse({ id: 'a', quote: 'q', status }).success, status);
    for (const type of SOURCE_TYPES) assert.ok(SourceSchema.safeParse({ name: 'n', type }).success, type);
    assert.ok(!ClaimSchema.safeParse({ id: 'a', quote: 'q', status: 'Verified' }).success);
  });

  it('ids: lower-case letters, digits, . _ -, not starting with punctuation', () => {
    for (const id of ['a', '0', 'sk-may.supply_weapons', '2024-report']) assert.ok(ClaimSchema.safeParse({ id, quote: 'q' }).success, id);
    for (const id of ['', '-a', '.a', 'A', 'a b', 'ä', 'a/b']) assert.ok(!ClaimSchema.safeParse({ id, quote: 'q' }).success, id);
    assert.strictEqual(ClaimSchema.parse({ id: 42, quote: 'q' }).id, '42');
  });

  it('urls: http and https only', () => {
    assert.ok(SourceSchema.safeParse({ name: 'n', url: 'http://example.org/x?y=1' }).success);
    for (const url of ['ftp://example.org/', 'javascript:alert(1)', 'example.org', 'file:///etc/passwd']) {
      assert.ok(!SourceSchema.safeParse({ name: 'n', url }).success, url);
    }
  });

  it('dates: real calendar days as YYYY-MM-DD', () => {
    for (const d of ['2024-02-29', '1999-12-31']) assert.ok(SourceSchema.safeParse({ name: 'n', published: d }).success, d);
    for (const d of ['2023-02-29', '2024-13-01', '2024-1-2', '24-01-02', '2024-01-02T10:00']) {
      assert.ok(!SourceSchema.safeParse({ name: 'n', published: d }).success, d);
    }
    assert.strictEqual(SourceSchema.parse({ name: 'n', published: new Date(Date.UTC(2024, 9, 22)) }).published, '2024-10-22');
  });

  it('knownKeysAt names the fields of the object at a path', () => {
    assert.deepStrictEqual(knownKeysAt([]), ['version', 'article', 'sources', 'claims']);
    assert.ok(knownKeysAt(['claims', 3]).includes('status'));
    assert.ok(knownKeysAt(['claims', 0, 'attribution']).includes('via'));
    assert.deepStrictEqual(knownKeysAt(['sources', 'yonhap']), ['name', 'url', 'type', 'published', 'accessed', 'note']);
    assert.deepStrictEqual(knownKeysAt(['claims', 0, 'sources', 1]), knownKeysAt(['sources', 'x']));
    assert.deepStrictEqual(knownKeysAt(['claims', 0, 'attribution', 'via', 0]), knownKeysAt(['sources', 'x']));
    assert.deepStrictEqual(knownKeysAt(['nope']), []);
  });
});
