import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { analyze, type AnalyzeInput } from '../../src/core/analyze';
import { applyEdits, fixKeepsData } from '../../src/core/edits';
import type { Problem } from '../../src/core/types';

const fixtures = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');
const read = (name: string): string => fs.readFileSync(path.join(fixtures, name), 'utf8');

const SIDECAR = 'reports/x.claims.yaml';
const ARTICLE = 'reports/x.txt';
const run = (sidecarText: string, articleText?: string, extra: Partial<AnalyzeInput> = {}) =>
  analyze({ sidecarPath: SIDECAR, sidecarText, articlePath: ARTICLE, ...(articleText !== undefined ? { articleText } : {}), ...extra });
const brief = (p: Problem) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.code}`;

const ARTICLE_TEXT = [
  'Seoul, Monday. South Korea has indicated it may supply weapons to Ukraine.',
  'The ministry said prices will fall. Critics said prices will fall too.',
  'Officials confirmed that 1,500 troops were deployed last week.',
].join('\n');

function sidecar(...claims: string[]): string {
  return `version: 1\nclaims:\n${claims.join('')}`;
}

describe('analyze', () => {
  it('the spec example anchors exactly, with no problems', () => {
    const result = analyze({
      sidecarPath: 'test/fixtures/sidecar-spec-example.claims.yaml',
      sidecarText: read('sidecar-spec-example.claims.yaml'),
      articlePath: 'test/fixtures/sidecar-spec-example.txt',
      articleText: read('sidecar-spec-example.txt'),
    });
    assert.deepStrictEqual(result.problems, []);
    const [{ anchor }] = result.claims as [(typeof result.claims)[0]];
    assert.strictEqual(anchor.kind, 'exact');
    assert.strictEqual(result.counts['in-review'], 1);
  });

  it('counts claims by status, and keeps every claim in order', () => {
    const text = sidecar(
      '  - {id: a, quote: South Korea has indicated, status: verified}\n',
      '  - {id: b, quote: Officials confirmed, status: verified}\n',
      '  - {id: c, quote: "Seoul, Monday."}\n',
    );
    const result = run(text, ARTICLE_TEXT);
    assert.deepStrictEqual(result.problems, []);
    assert.deepStrictEqual(result.counts, { unverified: 1, 'in-review': 0, verified: 2, disputed: 0, false: 0, unverifiable: 0 });
    assert.deepStrictEqual(result.claims.map((c) => [c.claim.id, c.anchor.kind]), [
      ['a', 'exact'],
      ['b', 'exact'],
      ['c', 'exact'],
    ]);
    assert.strictEqual(result.sidecarPath, SIDECAR);
    assert.strictEqual(result.articlePath, ARTICLE);
  });

  it('orphaned: an error at the claim entry in the sidecar, naming the article', () => {
    const text = sidecar('  - id: ok\n    quote: Seoul, Monday.\n', '  - id: gone\n    quote: Nothing like this is in the text at all.\n');
    const result = run(text, ARTICLE_TEXT);
    assert.deepStrictEqual(result.problems.map(brief), [`${SIDECAR}:5:5 error orphaned`]);
    assert.strictEqual(result.problems[0]!.message, `quote not found in ${ARTICLE}`);
    assert.strictEqual(result.problems[0]!.claim, 'gone');
    assert.deepStrictEqual(result.claims[1]!.anchor, { kind: 'orphaned', ambiguous: false });
  });

  it('fuzzy: a warning pointing at the claim and the article, with a fix that rewrites the quote', () => {
    const text = sidecar('  - id: drift\n    quote: Officials confirmed that 1,400 troops were deployed last week.\n    status: verified\n');
    const result = run(text, ARTICLE_TEXT);
    assert.deepStrictEqual(result.problems.map(brief), [`${SIDECAR}:3:5 warning fuzzy`]);
    const [problem] = result.problems as [Problem];
    assert.deepStrictEqual(
      problem.article && { file: problem.article.file, line: problem.article.line, column: problem.article.column },
      { file: ARTICLE, line: 3, column: 1 },
    );
    const fixed = applyEdits(text, problem.fixes![0]!.edits);
    assert.strictEqual(fixed, text.replace('1,400', '1,500'));
    assert.deepStrictEqual(run(fixed, ARTICLE_TEXT).problems, []);
  });

  it('a quick fix edits the claim it belongs to, even when ids repeat', () => {
    const text = sidecar('  - {id: twin, quote: Seoul}\n', '  - {id: twin, quote: "Officials confirmed that 1,400 troops"}\n');
    const fuzzy = run(text, ARTICLE_TEXT).problems.find((p) => p.code === 'fuzzy')!;
    assert.strictEqual(applyEdits(text, fuzzy.fixes![0]!.edits), text.replace('1,400', '1,500'));
  });

  it('a quick fix that would break the YAML or change more than it says is not kept (fixKeepsData)', () => {
    // An explicit `? quote` key: the suffix is inserted at the key's column, after `? `.
    const text = 'version: 1\nclaims:\n  - id: c\n    ? quote\n    : b\n';
    const [problem] = analyze({ sidecarPath: 's.claims.yaml', sidecarText: text, articlePath: 'a.txt', articleText: 'b b' }).problems;
    assert.strictEqual(problem?.code, 'ambiguous');
    const fix = problem.fixes![0]!;
    assert.ok(fix.edits.length > 0 && fix.sets?.fields.suffix !== undefined, JSON.stringify(fix));
    assert.strictEqual(fixKeepsData(text, fix), false);
    // And one that does what it says passes.
    const fine = sidecar('  - id: prices\n    quote: prices will fall\n');
    const ok = run(fine, ARTICLE_TEXT).problems[0]!.fixes![0]!;
    assert.strictEqual(fixKeepsData(fine, ok), true);
    assert.strictEqual(fixKeepsData(fine, { ...ok, sets: { claim: 0, fields: { prefix: 'something else' } } }), false);
  });

  it('the fix for a drifted quote adds the context its words need where they occur elsewhere too', () => {
    // Fuzzy at 0-5 (its tied matches overlap, so not ambiguous); verbatim, "ab ab" occurs twice.
    const text = 'version: 1\nclaims:\n  - id: c\n    quote: ab ax\n';
    const [problem] = analyze({ sidecarPath: 's.claims.yaml', sidecarText: text, articlePath: 'a.txt', articleText: 'ab ab ab' }).problems;
    assert.strictEqual(problem?.code, 'fuzzy');
    const fixed = applyEdits(text, problem.fixes![0]!.edits);
    const again = analyze({ sidecarPath: 's.claims.yaml', sidecarText: fixed, articlePath: 'a.txt', articleText: 'ab ab ab' });
    assert.deepStrictEqual(again.problems, []);
    assert.deepStrictEqual(again.claims[0]!.anchor, { kind: 'exact', ambiguous: false, start: 0, end: 5, distance: 0 });
  });

  it('ambiguous: a warning with a fix adding the shortest prefix that picks the occurrence', () => {
    const text = sidecar('  - id: prices\n    quote: prices will fall\n');
    const result = run(text, ARTICLE_TEXT);
    assert.deepStrictEqual(result.problems.map(brief), [`${SIDECAR}:3:5 warning ambiguous`]);
    const [problem] = result.problems as [Problem];
    assert.strictEqual(problem.article?.line, 2);
    const fixed = applyEdits(text, problem.fixes![0]!.edits);
    assert.strictEqual(fixed, `${text}    prefix: "ministry said "\n`);
    const again = run(fixed, ARTICLE_TEXT);
    assert.deepStrictEqual(again.problems, []);
    const anchor = again.claims[0]!.anchor;
    assert.ok(anchor.kind === 'exact' && ARTICLE_TEXT.slice(0, anchor.start).endsWith('The ministry said '));
  });

  it('empty-quote: one error, and the claim is kept but anchors nowhere', () => {
    const text = sidecar('  - id: empty\n    quote: "  "\n', '  - {id: ok, quote: Seoul}\n');
    const result = run(text, ARTICLE_TEXT);
    assert.deepStrictEqual(result.problems.map(brief), [`${SIDECAR}:4:12 error empty-quote`]);
    assert.deepStrictEqual(result.claims.map((c) => [c.claim.id, c.anchor.kind]), [
      ['empty', 'orphaned'],
      ['ok', 'exact'],
    ]);
  });

  it('article-missing: at the article: field when there is one, else at 1:1; claims are still listed', () => {
    const withField = 'version: 1\narticle: gone.txt\nclaims:\n  - {id: a, quote: q}\n';
    const a = run(withField, undefined, { articleMissing: "article 'gone.txt' does not exist" });
    assert.deepStrictEqual(a.problems.map(brief), [`${SIDECAR}:2:10 error article-missing`]);
    assert.strictEqual(a.problems[0]!.message, "article 'gone.txt' does not exist");
    assert.deepStrictEqual(a.claims.map((c) => c.anchor.kind), ['orphaned']);
    const b = analyze({ sidecarPath: SIDECAR, sidecarText: sidecar('  - {id: a, quote: q}\n'), articleMissing: 'no article' });
    assert.deepStrictEqual(b.problems.map(brief), [`${SIDECAR}:1:1 error article-missing`]);
    assert.strictEqual(b.articlePath, undefined);
  });

  it('a sidecar that does not parse: only its yaml-syntax problem, no claims', () => {
    const result = run('version: 1\nclaims: [\n', ARTICLE_TEXT);
    assert.deepStrictEqual(result.problems.map((p) => p.code), ['yaml-syntax']);
    assert.deepStrictEqual(result.claims, []);
    assert.strictEqual(result.sidecar.parsed, false);
  });

  it('a bad claim never stops the others from anchoring; problems come sorted', () => {
    const text = sidecar(
      '  - {id: z, quote: "Not in the article whatsoever, no."}\n',
      '  - {id: a, quote: Seoul, status: nonsense}\n',
      '  - {quote: no id here}\n',
      '  - {id: b, quote: Officials confirmed}\n',
    );
    const result = run(text, ARTICLE_TEXT);
    assert.deepStrictEqual(result.problems.map(brief), [
      `${SIDECAR}:3:5 error orphaned`,
      `${SIDECAR}:4:35 error schema`,
      `${SIDECAR}:5:5 error schema`,
    ]);
    assert.deepStrictEqual(result.claims.map((c) => [c.claim.id, c.claim.status, c.anchor.kind]), [
      ['z', 'unverified', 'orphaned'],
      ['a', 'unverified', 'exact'],
      ['b', 'unverified', 'exact'],
    ]);
  });

  it('a CRLF article anchors the same quotes as its LF twin', () => {
    const text = sidecar('  - {id: a, quote: prices will fall too.}\n', '  - {id: b, quote: Officials confirmed that}\n');
    const lf = run(text, ARTICLE_TEXT);
    const crlf = run(text, ARTICLE_TEXT.replace(/\n/g, '\r\n'));
    assert.deepStrictEqual(crlf.problems, lf.problems);
    assert.deepStrictEqual(crlf.claims.map((c) => c.anchor.kind), ['exact', 'exact']);
  });
});

describe('analyze: any input', () => {
  it('never throws; every problem names a real position', () => {
    const pieces = fc.constantFrom('version: 1\n', 'claims:\n', '  - ', 'id: a\n', '    quote: prices will fall\n', 'quote: "  "\n', '{', '}', '[', ']', ', ', '# c\n', '\r\n', '    ');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }).map((a) => a.join('')), fc.option(fc.constantFrom(ARTICLE_TEXT, '', 'prices will fall')), (text, article) => {
        const result = run(text, article ?? undefined, article === null ? { articleMissing: 'gone' } : {});
        const lines = text.split('\n').length;
        for (const p of result.problems) assert.ok(p.line >= 1 && p.line <= lines && p.column >= 1, JSON.stringify(p));
        assert.strictEqual(result.claims.length, result.sidecar.claims.length);
      }),
      { numRuns: 500 },
    );
  });
});
