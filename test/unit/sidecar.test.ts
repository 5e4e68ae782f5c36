import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { parseSidecar } from '../../src/core/sidecar';
import { PROBLEM_CODES, type Problem } from '../../src/core/types';

const fixtures = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');
const read = (name: string): string => fs.readFileSync(path.join(fixtures, name), 'utf8');

const brief = (p: Problem) => `${p.line}:${p.column} ${p.severity} ${p.code}`;
const only = (text: string) => parseSidecar(text, 'x.claims.yaml').problems;

describe('parseSidecar: the spec example', () => {
  const text = read('sidecar-spec-example.claims.yaml');
  const sidecar = parseSidecar(text, 'reports/x.claims.yaml');

  it('loads without problems', () => {
    assert.deepStrictEqual(sidecar.problems, []);
    assert.strictEqual(sidecar.parsed, true);
    assert.strictEqual(sidecar.article, 'sidecar-spec-example.txt');
  });

  it('reads every field, dates as YYYY-MM-DD strings, and resolves source ids', () => {
    const yonhap = {
      id: 'yonhap',
      name: 'Yonhap News Agency',
      url: 'https://en.yna.co.kr/',
      type: 'news-agency',
      published: '2024-10-22',
      accessed: '2024-10-23',
      note: 'Cites an unnamed official in the presidential office.',
    };
    assert.deepStrictEqual(sidecar.sources.get('yonhap'), yonhap);
    const [claim] = sidecar.claims;
    assert.ok(claim);
    const { entryRange, idRange, quoteRange, statusRange, ...fields } = claim;
    assert.deepStrictEqual(fields, {
      id: 'sk-may-supply-weapons',
      quote: 'South Korea has indicated it may supply weapons to Ukraine.',
      prefix: 'with troops. ',
      suffix: ' This is reported',
      status: 'in-review',
      attribution: {
        speaker: 'unnamed high-ranking official',
        role: 'South Korean presidential office',
        anonymous: true,
        via: [yonhap],
        cue: 'citing',
        direct: false,
      },
      sources: [yonhap],
      note: 'Needs a second, independent source.',
      reviewer: 'desk-2',
      reviewed: '2026-11-27',
      tags: ['military', 'south-korea'],
      index: 0,
    });
    assert.strictEqual(text.slice(entryRange.start, entryRange.start + 6), 'id: sk');
    assert.strictEqual(text.slice(idRange!.start, idRange!.end), 'sk-may-supply-weapons');
    assert.strictEqual(text.slice(quoteRange!.start, quoteRange!.end), claim.quote);
    assert.strictEqual(text.slice(statusRange!.start, statusRange!.end), 'in-review');
  });
});

describe('parseSidecar: problems', () => {
  it('reports every YAML and schema problem at the offending node', () => {
    const problems = parseSidecar(read('sidecar-every-problem.claims.yaml'), 'r/s.claims.yaml').problems;
    const got = problems.map(brief).sort();
    assert.deepStrictEqual(got, [
      '11:13 error schema',
      '12:23 error unknown-source',
      '13:9 error duplicate-id',
      '14:12 error empty-quote',
      '15:9 error schema',
      '1:10 error version',
      '2:1 warning unknown-field',
      '6:10 error schema',
      '7:5 warning unknown-field',
    ]);
    assert.ok(problems.every((p) => p.file === 'r/s.claims.yaml'));
  });

  it('words problems so they say what to do', () => {
    const problems = parseSidecar(read('sidecar-every-problem.claims.yaml'), 's.claims.yaml').problems;
    const message = (line: number) => problems.find((p) => p.line === line)?.message;
    assert.strictEqual(
      message(11),
      "status 'verifed' is not one of unverified, in-review, verified, disputed, false, unverifiable (did you mean 'verified'?)",
    );
    assert.match(message(7)!, /unknown field 'typ' \(did you mean 'type'\?\)/);
    assert.match(message(12)!, /source 'reuters' is not defined under `sources:`/);
    assert.match(message(13)!, /claim id 'first' is already used on line 9/);
    assert.match(message(6)!, /url 'ftp:\/\/yna.co.kr\/' is not an http or https URL/);
    assert.match(message(15)!, /id 'Bad_Id' is not a valid id/);
    assert.match(message(1)!, /version must be 1, not 2/);
  });

  it('offers a quick fix for a misspelt status that replaces just that scalar', () => {
    const text = 'version: 1\nclaims:\n  - id: a\n    quote: q\n    status: Verifed # typo\n';
    const [problem] = only(text);
    assert.strictEqual(problem?.fixes?.length, 1);
    const [edit] = problem.fixes[0]!.edits;
    assert.deepStrictEqual(problem.fixes[0]!.target, 'sidecar');
    assert.strictEqual(text.slice(edit!.start, edit!.end), 'Verifed');
    assert.strictEqual(edit!.newText, 'verified');
  });

  it('yaml-syntax: a parse error with its position, and nothing loaded', () => {
    const sidecar = parseSidecar('version: 1\nclaims:\n  - id: a\n    quote: "unterminated\n', 's');
    assert.strictEqual(sidecar.parsed, false);
    assert.deepStrictEqual(sidecar.claims, []);
    assert.deepStrictEqual(sidecar.problems.map((p) => p.code), ['yaml-syntax']);
    assert.ok(sidecar.problems[0]!.line >= 4);
  });

  it('yaml-syntax: a quote never closed is reported where it opens, not past the last line', () => {
    // yaml itself reports it where the file ends: line 9 of this 8-line file.
    const text = 'version: 1\nclaims:\n  - id: a\n    quote: hello\n  - id: b\n    quote: "unterminated\n  - id: c\n    quote: world\n';
    assert.deepStrictEqual(only(text).map(brief), ['6:12 error yaml-syntax']);
    assert.strictEqual(only(text)[0]!.message, 'invalid YAML: the value quoted with " here is never closed: add the closing "');
    assert.deepStrictEqual(only("version: 1\nclaims:\n  - {id: a, quote: 'it''s open}\n").map(brief), ['3:20 error yaml-syntax']);
    assert.deepStrictEqual(only('"abc\n').map(brief), ['1:1 error yaml-syntax']);
  });

  it('an empty article: is a schema error, not silently the article beside the sidecar', () => {
    for (const value of ['""', "'  '"]) {
      const problems = only(`version: 1\narticle: ${value}\nclaims: []\n`);
      assert.deepStrictEqual(problems.map(brief), ['2:10 error schema'], value);
      assert.match(problems[0]!.message, /is empty: name the article's file, or remove `article:`/);
    }
  });

  it('a duplicate mapping key is a YAML error', () => {
    assert.deepStrictEqual(only('version: 1\nversion: 1\nclaims: []\n').map(brief), ['2:1 error yaml-syntax']);
  });

  it('version: missing points at the top of the mapping; wrong type says what is allowed', () => {
    assert.deepStrictEqual(only('claims: []\n').map(brief), ['1:1 error version']);
    assert.match(only('claims: []\n')[0]!.message, /add `version: 1`/);
    assert.deepStrictEqual(only('version: "1"\nclaims: []\n').map(brief), ['1:10 error version']);
  });

  it('version: the integer 1 in any YAML integer form; 1.0 and 1e0 are floats, a version error', () => {
    for (const written of ['1', '+1', '01', '0x1', '0o1']) assert.deepStrictEqual(only(`version: ${written}\nclaims: []\n`), [], written);
    for (const written of ['1.0', '1e0', '1.']) {
      const problems = only(`version: ${written}\nclaims: []\n`);
      assert.deepStrictEqual(problems.map(brief), ['1:10 error version'], written);
      assert.match(problems[0]!.message, /version must be the integer 1, not '1/);
    }
    assert.deepStrictEqual(only('{version: 1.0, claims: []}\n').map(brief), ['1:11 error version']);
  });

  it('quote: with no value, or ~, is an empty quote: the claim is kept', () => {
    const sidecar = parseSidecar('version: 1\nclaims:\n  - id: a\n    quote:\n  - id: b\n    quote: ~\n', 's');
    assert.deepStrictEqual(sidecar.problems.map(brief), ['4:11 error empty-quote', '6:12 error empty-quote']);
    assert.deepStrictEqual(sidecar.claims.map((c) => [c.id, c.quote]), [['a', ''], ['b', '']]);
  });

  it('sources: as a list says a mapping is wanted', () => {
    const problems = only('version: 1\nsources: []\nclaims: []\n');
    assert.deepStrictEqual(problems.map(brief), ['2:10 error schema']);
    assert.match(problems[0]!.message, /^sources must be a mapping \(id: fields lines\), not a list$/);
  });

  it('a list or a scalar is a schema error at 1:1', () => {
    for (const text of ['- a\n', 'hello']) {
      const problems = only(text);
      assert.deepStrictEqual(problems.map((p) => p.code), ['schema'], text);
      assert.strictEqual(problems[0]!.line, 1);
    }
  });

  it('claims: missing, or not a list', () => {
    assert.deepStrictEqual(only('version: 1\n').map(brief), ['1:1 error schema']);
    assert.match(only('version: 1\n')[0]!.message, /claims is missing/);
    assert.deepStrictEqual(only('version: 1\nclaims: nope\n').map(brief), ['2:9 error schema']);
  });

  it('unknown fields everywhere are warnings, and the claim still loads', () => {
    const text = [
      'version: 1',
      'sources:',
      '  a: {name: A, colour: red}',
      'claims:',
      '  - id: c',
      '    quote: q',
      '    staus: verified',
      '    attribution: {speaker: S, mood: calm, via: [{name: V, extra: 1}]}',
      '    sources: [a, {name: I, lang: en}]',
    ].join('\n');
    const sidecar = parseSidecar(text, 's');
    assert.deepStrictEqual(sidecar.problems.map(brief), [
      '3:16 warning unknown-field',
      '7:5 warning unknown-field',
      '8:31 warning unknown-field',
      '8:59 warning unknown-field',
      '9:28 warning unknown-field',
    ]);
    assert.match(sidecar.problems[1]!.message, /'staus' \(did you mean 'status'\?\).*kept as written/);
    const claim = sidecar.claims[0]!;
    assert.strictEqual(claim.status, 'unverified');
    assert.deepStrictEqual(claim.attribution, { speaker: 'S', anonymous: false, via: [{ name: 'V' }] });
    assert.deepStrictEqual(claim.sources, [{ id: 'a', name: 'A' }, { name: 'I' }]);
  });

  it('a bad field in one claim never drops the others, and optional fields fall back to defaults', () => {
    const text = [
      'version: 1',
      'claims:',
      '  - id: one',
      '    quote: First.',
      '    status: bogus',
      '    tags: [ok, [3]]',
      '    reviewed: 2024-02-30',
      '    attribution: {anonymous: yes, speaker: S}',
      '  - quote: no id',
      '  - id: two',
      '  - id: three',
      '    quote: Third.',
      '    sources: [{url: "https://x.org/"}]',
      '  - just text',
      '  - id: 42',
      '    quote: Numeric id.',
      '    status: false',
    ].join('\n');
    const sidecar = parseSidecar(text, 's');
    assert.deepStrictEqual(
      sidecar.claims.map((c) => [c.id, c.index, c.status, c.tags, c.reviewed, c.attribution, c.sources]),
      [
        ['one', 0, 'unverified', ['ok'], undefined, { speaker: 'S', anonymous: false, via: [] }, []],
        ['three', 3, 'unverified', [], undefined, undefined, []],
        ['42', 5, 'false', [], undefined, undefined, []],
      ],
    );
    assert.deepStrictEqual(sidecar.problems.map(brief), [
      '5:13 error schema',
      '6:16 error schema',
      '7:15 error schema',
      '8:30 error schema',
      '9:5 error schema',
      '10:5 error schema',
      '13:15 error schema',
      '14:5 error schema',
    ]);
    assert.match(sidecar.problems[2]!.message, /reviewed '2024-02-30' is not a date: February 2024 has 29 days/);
    assert.match(sidecar.problems[3]!.message, /anonymous must be true or false, not 'yes'/);
    assert.match(sidecar.problems[5]!.message, /no quote: add `quote:`/);
    assert.match(sidecar.problems[6]!.message, /no name/);
  });

  it('source ids: defined ones must be ids; undefined ones in sources and via are reported', () => {
    const text = 'version: 1\nsources:\n  Big One: {name: X}\nclaims:\n  - id: c\n    quote: q\n    attribution: {via: [yonhap]}\n';
    const problems = only(text);
    assert.deepStrictEqual(problems.map(brief), ['3:3 error schema', '7:25 error unknown-source']);
    assert.match(problems[0]!.message, /source id 'Big One' is not a valid id/);
    assert.strictEqual(problems[1]!.claim, 'c');
  });

  it('a source defined with problems of its own is not also "unknown"', () => {
    const text = 'version: 1\nsources:\n  afp: {url: "https://afp.com/"}\nclaims:\n  - {id: c, quote: q, sources: [afp]}\n';
    const sidecar = parseSidecar(text, 's');
    assert.deepStrictEqual(sidecar.problems.map(brief), ['3:8 error schema']);
    // Still shown, as its id: the claim names a source, even one that needs mending.
    assert.deepStrictEqual(sidecar.claims[0]!.sources, [{ id: 'afp', name: 'afp', unresolved: true }]);
  });

  it('an undefined source id stays in its place, marked, in sources and via', () => {
    const text =
      'version: 1\nsources:\n  agency: {name: Agency}\nclaims:\n' +
      '  - {id: c, quote: q, sources: [ghost, agency], attribution: {via: [agency, ghost]}}\n';
    const claim = parseSidecar(text, 's').claims[0]!;
    const ghost = { id: 'ghost', name: 'ghost', unresolved: true };
    assert.deepStrictEqual(claim.sources, [ghost, { id: 'agency', name: 'Agency' }]);
    assert.deepStrictEqual(claim.attribution!.via, [{ id: 'agency', name: 'Agency' }, ghost]);
  });

  it('did you mean: a source id close to a defined one', () => {
    const text = 'version: 1\nsources:\n  yonhap: {name: Y}\nclaims:\n  - {id: c, quote: q, sources: [yonap]}\n';
    assert.match(only(text)[0]!.message, /did you mean 'yonhap'/);
  });

  it('a `%YAML 1.1` file, where dates are timestamps, still reads them as YYYY-MM-DD', () => {
    const text = '%YAML 1.1\n---\nversion: 1\nclaims:\n  - {id: c, quote: q, reviewed: 2024-10-22}\n';
    const sidecar = parseSidecar(text, 's');
    assert.deepStrictEqual(sidecar.problems, []);
    assert.strictEqual(sidecar.claims[0]!.reviewed, '2024-10-22');
  });

  it('CRLF sidecars give the same claims and positions as LF ones', () => {
    const lf = read('sidecar-every-problem.claims.yaml');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = parseSidecar(lf, 's');
    const b = parseSidecar(crlf, 's');
    assert.deepStrictEqual(b.problems.map(brief), a.problems.map(brief));
    assert.deepStrictEqual(
      b.claims.map((c) => [c.id, c.quote]),
      a.claims.map((c) => [c.id, c.quote]),
    );
    const quote = b.claims[0]!.quoteRange!;
    assert.strictEqual(crlf.slice(quote.start, quote.end), 'Troops were sent.');
  });
});

describe('parseSidecar: hostile input', () => {
  it('an alias bomb ends in a clear error, quickly', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const t0 = Date.now();
    const sidecar = parseSidecar(levels.join('\n') + '\n', 'bomb.claims.yaml');
    assert.ok(Date.now() - t0 < 10_000, 'a billion laughs must not be expanded');
    assert.strictEqual(sidecar.parsed, false);
    assert.deepStrictEqual(sidecar.problems.map((p) => p.code), ['yaml-syntax']);
    assert.match(sidecar.problems[0]!.message, /aliases/);
  });

  it('an alias with no anchor is a yaml-syntax error at the alias, saying so', () => {
    const sidecar = parseSidecar('version: 1\nclaims:\n  - id: a\n    quote: *nope\n', 's');
    assert.deepStrictEqual(sidecar.problems.map(brief), ['4:12 error yaml-syntax']);
    assert.match(sidecar.problems[0]!.message, /the alias \*nope has no anchor &nope before it/);
    // The anchor must come first: a later one does not count.
    const late = parseSidecar('version: 1\nclaims:\n  - {id: a, quote: q, tags: *t}\n  - {id: b, quote: r, tags: &t [x]}\n', 's');
    assert.deepStrictEqual(late.problems.map(brief), ['3:29 error yaml-syntax']);
  });

  it('a second YAML document is an error in words about the sidecar, not the library', () => {
    const sidecar = parseSidecar('version: 1\nclaims: []\n---\nversion: 1\n', 's');
    assert.deepStrictEqual(sidecar.problems.map(brief), ['3:1 error yaml-syntax']);
    assert.match(sidecar.problems[0]!.message, /a sidecar is one YAML document: remove the `---` line/);
    assert.doesNotMatch(sidecar.problems[0]!.message, /parseAllDocuments/);
  });

  it('a few aliases are fine', () => {
    const text = 'version: 1\nclaims:\n  - {id: a, quote: q, tags: &t [x]}\n  - {id: b, quote: r, tags: *t}\n';
    const sidecar = parseSidecar(text, 's');
    assert.deepStrictEqual(sidecar.problems, []);
    assert.deepStrictEqual(sidecar.claims[1]!.tags, ['x']);
  });

  it('a 20 MB sidecar is refused with a clear error, without parsing it', () => {
    const text = 'version: 1\nclaims:\n' + '  - id: a\n    quote: q\n'.repeat(1_000_000);
    assert.ok(text.length > 21_000_000);
    const t0 = Date.now();
    const sidecar = parseSidecar(text, 'big.claims.yaml');
    assert.ok(Date.now() - t0 < 1_000);
    assert.deepStrictEqual(sidecar.problems.map((p) => [p.code, p.line, p.column]), [['yaml-syntax', 1, 1]]);
    assert.match(sidecar.problems[0]!.message, /too large to read \(2\d\.\d MB; the limit is 16\.0 MB\)/);
  });

  it('a 6 MB sidecar in plain block style loads in reasonable time', () => {
    const quote = 'The minister said the bridge would reopen in spring, after the repairs that began last year. '.repeat(3);
    const claims = Array.from({ length: 20_000 }, (_, i) => `  - id: c${i}\n    quote: ${JSON.stringify(quote + i)}\n    status: verified\n`);
    const text = 'version: 1\nclaims:\n' + claims.join('');
    assert.ok(text.length > 6_000_000);
    const t0 = Date.now();
    const sidecar = parseSidecar(text, 'big.claims.yaml');
    assert.ok(Date.now() - t0 < 15_000, `${Date.now() - t0} ms`);
    assert.deepStrictEqual(sidecar.problems, []);
    assert.strictEqual(sidecar.claims.length, 20_000);
  });

  it('a 6 MB sidecar beyond plain block style is refused with a clear error, without parsing it', () => {
    const text = 'version: 1\nclaims:\n' + '  - {id: a, quote: q}\n'.repeat(300_000);
    assert.ok(text.length > 6_000_000);
    const sidecar = parseSidecar(text, 'big.claims.yaml');
    assert.deepStrictEqual(sidecar.problems.map((p) => [p.code, p.line, p.column]), [['yaml-syntax', 1, 1]]);
    assert.match(sidecar.problems[0]!.message, /too large to read \(6\.\d MB; the limit is 1\.0 MB for YAML beyond the plain block style/);
  });

  it('deep nesting and huge mappings end in a clear error, not a crash', () => {
    const deep = parseSidecar('['.repeat(5_000), 's').problems;
    assert.deepStrictEqual(deep.map((p) => p.code), ['yaml-syntax']);
    assert.match(deep[0]!.message, /nested too deeply/);
    const repeated = parseSidecar('version: 1\nclaims: []\n' + 'x: 1\n'.repeat(20_000), 's').problems;
    assert.deepStrictEqual(repeated.map(brief), ['4:1 error yaml-syntax']);
    assert.match(repeated[0]!.message, /the key 'x' appears twice/);
  });

  it('any string yields problems with valid positions, never an exception', () => {
    const yamlish = fc.string({ maxLength: 200 });
    const pieces = fc.constantFrom('version: 1\n', 'status: "a\\nb"\n', '"x\\ny": 1\n', 'claims:\n', '  - ', 'id: a\n', 'quote: "x"\n', '&a ', '*a', '[', ']', '{', '}', ':', '- ', '\t', '\r\n', '#', '"', "'", '|\n', '>-\n', '!!str ', '%YAML 1.1\n---\n', '\uFEFF', '\u{1F600}', 'status: false\n', '    ');
    const structured = fc.array(pieces, { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(yamlish, structured, fc.string({ unit: 'binary', maxLength: 100 })), (text) => {
        const sidecar = parseSidecar(text, 's');
        const lines = text.split('\n').length;
        for (const p of sidecar.problems) {
          assert.ok(PROBLEM_CODES.includes(p.code));
          assert.ok(p.line >= 1 && p.line <= lines && p.column >= 1, JSON.stringify(p));
          assert.ok(p.message.length > 0 && !/[\r\n]/.test(p.message), p.message);
        }
        for (const c of sidecar.claims) assert.ok(c.id && c.entryRange.end <= text.length);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('parseSidecar: text that YAML would read as a number or a boolean', () => {
  // Plain `1.10` is the float 1.1 to YAML, `007` the integer 7 and `0x10:` the key 16;
  // where the format wants text (ids, quotes, tags, names), they are what was written.
  const block = [
    'version: 1',
    'sources:',
    '  yonhap:',
    '    name: 1917',
    'claims:',
    '  - id: 1.10',
    '    quote: 1200',
    '    tags: [2024, election]',
    '    sources: [yonhap]',
    '    attribution:',
    '      speaker: true',
    '      anonymous: true',
    '  - id: 007',
    '    quote: seven',
    '  - id: 7',
    '    quote: seven again',
    '',
  ].join('\n');

  for (const fastYaml of [true, false]) {
    it(`keeps ids, quotes, tags and names as written (${fastYaml ? 'fast reader' : 'yaml'})`, () => {
      const sidecar = parseSidecar(block, 'x.claims.yaml', { fastYaml });
      assert.deepStrictEqual(sidecar.problems.map(brief), []);
      assert.deepStrictEqual(sidecar.claims.map((c) => c.id), ['1.10', '007', '7']);
      const [first] = sidecar.claims;
      assert.strictEqual(first!.quote, '1200');
      assert.deepStrictEqual(first!.tags, ['2024', 'election']);
      assert.strictEqual(first!.sources[0]!.name, '1917');
      assert.strictEqual(first!.attribution?.speaker, 'true');
      // Where the format wants a number or a boolean, YAML's reading stands.
      assert.strictEqual(first!.attribution?.anonymous, true);
    });
  }

  it('takes source ids as written, as keys and as references', () => {
    const text = 'version: 1\nsources: {0x10: {name: Hex}, 16: {name: Sixteen}}\nclaims:\n  - {id: a, quote: q, sources: [0x10, "16"]}\n';
    const sidecar = parseSidecar(text, 'x.claims.yaml');
    assert.deepStrictEqual(sidecar.problems.map(brief), []);
    assert.deepStrictEqual([...sidecar.sources.keys()].sort(), ['0x10', '16']);
    assert.deepStrictEqual(sidecar.claims[0]!.sources.map((s) => s.name), ['Hex', 'Sixteen']);
  });

  it('takes YAML\'s false as the status false, however it is spelt', () => {
    for (const spelt of ['false', 'False', 'FALSE']) {
      const sidecar = parseSidecar(`version: 1\nclaims:\n  - id: a\n    quote: q\n    status: ${spelt}\n`, 'x.claims.yaml');
      assert.deepStrictEqual([sidecar.problems.length, sidecar.claims[0]!.status], [0, 'false'], spelt);
    }
  });

  it('reads a large sources: mapping the same with both readers, problems in place', () => {
    const lines = ['version: 1', 'sources:'];
    for (let k = 0; k < 100; k++) lines.push(`  s${k}:`, `    name: ${1000 + k}`, ...(k === 70 ? ['    type: bogus'] : []));
    lines.push('claims:', '  - id: a', '    quote: q', '    sources: [s99, s70]', '');
    const text = lines.join('\n');
    const fast = parseSidecar(text, 'x.claims.yaml');
    assert.deepStrictEqual(fast, parseSidecar(text, 'x.claims.yaml', { fastYaml: false }));
    assert.deepStrictEqual(fast.problems.map(brief), [`${3 + 2 * 70 + 2}:11 error schema`]);
    assert.deepStrictEqual(fast.claims[0]!.sources.map((s) => s.name), ['1099', '1070']);
  });

  it('still asks for the integer 1 and for true or false where the format wants them', () => {
    const text = 'version: 1.0\nclaims:\n  - id: a\n    quote: q\n    attribution:\n      anonymous: 1\n    reviewed: 20241022\n';
    assert.deepStrictEqual(only(text).map((p) => `${brief(p)} ${p.message}`), [
      "1:10 error version version must be the integer 1, not '1.0' (this tool reads format version 1)",
      '6:18 error schema anonymous must be true or false, not 1',
      "7:15 error schema reviewed '20241022' is not a date: write it as YYYY-MM-DD, e.g. 2024-10-22",
    ]);
  });
});

describe('parseSidecar: dates', () => {
  const reviewed = (value: string) => only(`version: 1\nclaims:\n  - id: a\n    quote: q\n    reviewed: ${value}\n`).map((p) => p.message);

  it('says why a date in the right form is not a day of the calendar', () => {
    assert.deepStrictEqual(reviewed('2023-02-29'), ["reviewed '2023-02-29' is not a date: February 2023 has 28 days"]);
    assert.deepStrictEqual(reviewed('2024-04-31'), ["reviewed '2024-04-31' is not a date: April 2024 has 30 days"]);
    assert.deepStrictEqual(reviewed('2024-13-01'), ["reviewed '2024-13-01' is not a date: there is no month 13 (write it as YYYY-MM-DD, e.g. 2024-10-22)"]);
    assert.deepStrictEqual(reviewed('2024-10-00'), ["reviewed '2024-10-00' is not a date: October 2024 has 31 days"]);
  });

  it('reads a date of a %YAML 1.1 file as written, not as the day it rolls over to', () => {
    const text = '%YAML 1.1\n---\nversion: 1\nclaims:\n  - id: a\n    quote: q\n    reviewed: 2023-02-29\n  - id: b\n    quote: r\n    reviewed: 2024-10-22\n';
    const sidecar = parseSidecar(text, 'x.claims.yaml');
    assert.deepStrictEqual(sidecar.problems.map((p) => p.message), ["reviewed '2023-02-29' is not a date: February 2023 has 28 days"]);
    assert.deepStrictEqual(sidecar.claims.map((c) => c.reviewed), [undefined, '2024-10-22']);
  });

  it('takes every day of the calendar, leap days and years before 100 included', () => {
    for (const day of ['2024-02-29', '2000-02-29', '0000-01-01', '0099-12-31', '9999-12-31']) assert.deepStrictEqual(reviewed(day), [], day);
  });
});

describe('parseSidecar: values shared through YAML anchors', () => {
  it('reports a fault in a shared value once, where it is written', () => {
    const text = [
      'version: 1',
      'sources:',
      '  yonhap: &y',
      '    name: Yonhap',
      '    type: bogus',
      'claims:',
      '  - id: a1',
      '    quote: &q the talks were productive',
      '    sources: [*y]',
      '    attribution: &attr',
      '      speaker: x',
      '      anonymous: maybe',
      '  - id: a2',
      '    quote: *q',
      '    attribution: *attr',
      '',
    ].join('\n');
    assert.deepStrictEqual(only(text).map(brief), ['5:11 error schema', '12:18 error schema']);
  });
});

describe('parseSidecar: a file with no version', () => {
  it('is a version error whether it is empty, only comments, or claims without a version', () => {
    for (const text of ['', '# notes to come\n', 'claims: []\n']) {
      assert.deepStrictEqual(only(text).map(brief), ['1:1 error version'], JSON.stringify(text));
    }
    assert.match(only('# notes to come\n')[0]!.message, /the sidecar is empty: start it with `version: 1` and `claims: \[\]`/);
  });
});

describe('parseSidecar: the YAML mistakes people make by hand', () => {
  const first = (text: string) => {
    const [p] = only(text);
    return `${brief(p!)} ${p!.message}`;
  };

  it('says to quote a value with a colon in it', () => {
    assert.equal(
      first('version: 1\nclaims:\n  - id: t\n    quote: the talks: were productive\n'),
      '4:12 error yaml-syntax invalid YAML: Nested mappings are not allowed in compact mappings (a value that contains \': \' must be in quotes: "the talks: were productive")',
    );
  });

  it('points at a key indented under the one before it, not at that one', () => {
    assert.equal(
      first('version: 1\nclaims:\n  - id: t\n     quote: x\n'),
      '4:6 error yaml-syntax invalid YAML: Nested mappings are not allowed in compact mappings: this line is indented further than the keys before it; line it up with them',
    );
  });

  it('says to quote a value that goes on over lines with a colon in it, and leaves its comment out', () => {
    assert.match(
      first('version: 1\nclaims:\n  - id: t\n    quote: the troops\n      were seen: today\n'),
      /^4:12 error yaml-syntax .*\(a value that goes on over lines and contains ': ' must be in quotes: "the troops were seen: today"\)$/,
    );
    assert.match(first('version: 1\nclaims:\n  - id: t\n    quote: he said: no # keep\n'), /must be in quotes: "he said: no"\)$/);
  });

  it('gives no hint where the line below is neither a key of the format nor holds a colon', () => {
    assert.equal(
      first('version: 1\nclaims:\n  - id: t\n    quote: the troops\n      were seen\n     note: y\n'),
      '4:12 error yaml-syntax invalid YAML: Nested mappings are not allowed in compact mappings',
    );
  });

  it('says to quote a value that starts with a reserved character', () => {
    assert.match(first('version: 1\nclaims:\n  - id: t\n    quote: @x\n'), /^4:12 error yaml-syntax .*\(a value that starts with '@' must be in quotes\)$/);
  });
});
