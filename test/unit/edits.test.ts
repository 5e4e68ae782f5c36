import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import {
  addClaimEdits,
  addSourceEdits,
  applyEdits,
  newSidecarText,
  openSidecar,
  rewriteQuoteEdits,
  setContextEdits,
  setStatusEdits,
  slug,
  type EditResult,
  type SidecarEditor,
} from '../../src/core/edits';
import { parseSidecar } from '../../src/core/sidecar';
import type { ClaimRef } from '../../src/core/edits';
import { STATUSES, type TextEdit } from '../../src/core/types';

const golden = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'golden');
const MINISTER = 'The minister said: prices will fall.';
const whole = (text: string) => ({ start: 0, end: text.length });

/** Each golden case: the operation that turns input.claims.yaml into expected.claims.yaml. */
const operations: Record<string, (input: string, article: string) => EditResult> = {
  'set-status-replace': (t) => setStatusEdits(t, 'troops-sent', 'verified'),
  'set-status-insert': (t) => setStatusEdits(t, 'troops-sent', 'disputed'),
  'set-status-false-quoted': (t) => setStatusEdits(t, 'moon', 'false'),
  'set-status-flow-claim': (t) => setStatusEdits(t, 'a', 'in-review'),
  'add-claim-two-space': (t) => addClaimEdits(t, MINISTER, whole(MINISTER)),
  'add-claim-indentless': (t) => addClaimEdits(t, MINISTER, whole(MINISTER)),
  'add-claim-empty-flow': (t) => addClaimEdits(t, MINISTER, whole(MINISTER)),
  'add-claim-crlf': (t) => addClaimEdits(t, MINISTER, whole(MINISTER)),
  'add-claim-ambiguous': (t, article) => addClaimEdits(t, article, { start: 15, end: 31 }),
  'add-source-new-section': (t) =>
    addSourceEdits(t, 'troops', {
      id: 'yonhap',
      name: 'Yonhap News Agency',
      url: 'https://en.yna.co.kr/',
      type: 'news-agency',
      published: '2024-10-22',
    }),
  'add-source-existing-block': (t) => addSourceEdits(t, 'troops', { id: 'afp', name: '' }),
  'add-source-define-flow-list': (t) => addSourceEdits(t, 'troops', { id: 'reuters', name: 'Reuters', type: 'news-agency' }),
  'rewrite-quote-keeps-style': (t) => rewriteQuoteEdits(t, 'drift', 'The ministry said it has "no comment" today.'),
  'rewrite-quote-block-literal': (t) => rewriteQuoteEdits(t, 'drift', 'A long quote over two lines, revised.'),
};

function edits(result: EditResult): TextEdit[] {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.ok ? result.edits : [];
}

/** Input lines that no edit touches (an insertion touches the line it is on). */
function untouchedLines(text: string, all: readonly TextEdit[]): string[] {
  const out: string[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    if (!all.some((e) => e.start <= end && e.end >= start)) out.push(line);
    start = end + 1;
  }
  return out;
}

describe('edits: golden files', () => {
  const cases = fs.readdirSync(golden).sort();

  it('every golden case has an operation, and every operation a case', () => {
    assert.deepStrictEqual(cases, Object.keys(operations).sort());
  });

  for (const name of cases) {
    it(name, () => {
      const dir = path.join(golden, name);
      const input = fs.readFileSync(path.join(dir, 'input.claims.yaml'), 'utf8');
      const expected = fs.readFileSync(path.join(dir, 'expected.claims.yaml'), 'utf8');
      const articleFile = path.join(dir, 'article.txt');
      const article = fs.existsSync(articleFile) ? fs.readFileSync(articleFile, 'utf8') : '';
      const result = edits(operations[name]!(input, article));
      const output = applyEdits(input, result);
      assert.strictEqual(output, expected);
      // The smallest edit: every input line no edit touches is still in the output, byte
      // for byte and in order.
      assert.ok(result.length <= 2, `${result.length} edits`);
      const kept = untouchedLines(input, result);
      let at = 0;
      const outLines = output.split('\n');
      for (const line of kept) {
        const i = outLines.indexOf(line, at);
        assert.ok(i >= 0, `line lost or changed: ${JSON.stringify(line)}`);
        at = i + 1;
      }
      // And the result is a valid sidecar with no new problems.
      assert.deepStrictEqual(parseSidecar(output, 's').problems, []);
    });
  }
});

describe('edits: no-ops produce no edits', () => {
  const cases = fs.readdirSync(golden);
  for (const name of cases) {
    it(`${name}: setting what is already there`, () => {
      const text = fs.readFileSync(path.join(golden, name, 'expected.claims.yaml'), 'utf8');
      const sidecar = parseSidecar(text, 's');
      for (const claim of sidecar.claims) {
        if (claim.statusRange) assert.deepStrictEqual(edits(setStatusEdits(text, claim.id, claim.status)), []);
        assert.deepStrictEqual(edits(rewriteQuoteEdits(text, claim.id, claim.quote)), []);
        if (claim.prefix !== undefined) assert.deepStrictEqual(edits(setContextEdits(text, claim.id, { prefix: claim.prefix })), []);
        for (const source of claim.sources) {
          if (source.id) assert.deepStrictEqual(edits(addSourceEdits(text, claim.id, { ...source, id: source.id })), []);
        }
      }
    });
  }
});

describe('edits: details', () => {
  const base = 'version: 1\nclaims:\n  - id: a\n    quote: Alpha.\n';

  it('a sidecar that does not parse is refused, with where', () => {
    const bad = 'version: 1\nclaims:\n  - id: a\n    quote: "open\n';
    for (const result of [
      setStatusEdits(bad, 'a', 'verified'),
      addClaimEdits(bad, 'x', { start: 0, end: 1 }),
      addSourceEdits(bad, 'a', { id: 's', name: 'S' }),
      rewriteQuoteEdits(bad, 'a', 'q'),
    ]) {
      assert.strictEqual(result.ok, false);
      assert.ok(!result.ok && result.line !== undefined && result.column !== undefined);
      assert.match(!result.ok ? result.message : '', /not written while it does not parse/);
    }
  });

  it('unknown claim ids and bad input are refused, not guessed', () => {
    assert.strictEqual(setStatusEdits(base, 'nope', 'verified').ok, false);
    assert.strictEqual(addClaimEdits(base, 'text', { start: 0, end: 0 }).ok, false);
    assert.strictEqual(addClaimEdits(base, 'text', whole('text'), { id: 'a' }).ok, false);
    assert.strictEqual(addClaimEdits(base, 'text', whole('text'), { id: 'Not An Id' }).ok, false);
    assert.strictEqual(addSourceEdits(base, 'a', { id: 'undefined-source', name: '' }).ok, false);
    assert.strictEqual(addSourceEdits(base, 'a', { id: 'Bad Id', name: 'X' }).ok, false);
  });

  it('addClaim: ids are slugs of the quote made unique; options are honoured', () => {
    const article = 'Alpha. Beta.';
    const r1 = addClaimEdits(base, article, { start: 0, end: 6 });
    assert.ok(r1.ok);
    assert.strictEqual(r1.id, 'alpha');
    const twice = applyEdits(base, edits(r1));
    const r2 = addClaimEdits(twice, article, { start: 0, end: 6 }, { id: 'custom', status: 'verified' });
    assert.strictEqual(r2.id, 'custom');
    const claims = parseSidecar(applyEdits(twice, edits(r2)), 's').claims;
    assert.deepStrictEqual(
      claims.map((c) => [c.id, c.quote, c.status]),
      [
        ['a', 'Alpha.', 'unverified'],
        ['alpha', 'Alpha.', 'unverified'],
        ['custom', 'Alpha.', 'verified'],
      ],
    );
    const r3 = addClaimEdits(applyEdits(twice, edits(r2)), article, { start: 0, end: 6 });
    assert.strictEqual(r3.id, 'alpha-2');
  });

  it('addClaim: a quote with line breaks is kept exactly, on one line', () => {
    const article = 'He said\r\nit would rain.';
    const out = applyEdits(base, edits(addClaimEdits(base, article, whole(article))));
    assert.ok(out.endsWith('    quote: "He said\\r\\nit would rain."\n'), out);
    assert.strictEqual(parseSidecar(out, 's').claims[1]!.quote, article);
  });

  it('addClaim to a sidecar without claims:, or with `claims:` empty', () => {
    for (const text of ['version: 1\n', 'version: 1', 'version: 1\nclaims:\n', 'version: 1\nclaims: # later\n']) {
      const out = applyEdits(text, edits(addClaimEdits(text, 'Alpha.', whole('Alpha.'))));
      const sidecar = parseSidecar(out, 's');
      assert.deepStrictEqual(sidecar.problems, [], out);
      assert.deepStrictEqual(sidecar.claims.map((c) => c.id), ['alpha'], out);
      assert.ok(out.startsWith('version: 1'));
    }
  });

  it('setContext sets a prefix and a suffix in one place, in key order', () => {
    const out = applyEdits(base, edits(setContextEdits(base, 'a', { prefix: 'Before ', suffix: ' after' })));
    assert.strictEqual(out, `${base}    prefix: "Before "\n    suffix: " after"\n`);
  });

  it('status `key:` with no value gets one', () => {
    const text = 'version: 1\nclaims:\n  - id: a\n    quote: q\n    status:\n    note: n\n';
    const out = applyEdits(text, edits(setStatusEdits(text, 'a', 'verified')));
    assert.strictEqual(out, text.replace('status:\n', 'status: verified\n'));
  });

  it('newSidecarText is a valid, empty sidecar naming its article', () => {
    const text = newSidecarText('korea troops.txt');
    const sidecar = parseSidecar(text, 's');
    assert.deepStrictEqual(sidecar.problems, []);
    assert.strictEqual(sidecar.article, 'korea troops.txt');
    assert.strictEqual(parseSidecar(newSidecarText('#odd: name.md'), 's').article, '#odd: name.md');
  });

  it('slug', () => {
    assert.strictEqual(slug('South Korea has indicated it may supply weapons'), 'south-korea-has-indicated-it');
    assert.strictEqual(slug('Ça coûte 10 €'), 'ca-coute-10');
    assert.strictEqual(slug('«»'), 'claim');
  });
});

describe('edits: never more than asked (found by an audit of the writer)', () => {
  const refused = (r: EditResult) => {
    assert.strictEqual(r.ok, false, r.ok ? `wrote ${JSON.stringify(r.edits)}` : '');
    if (!r.ok) assert.match(r.message, /(make|change) it by hand/);
  };

  it('refuses a status that would reach another claim through an alias', () => {
    const t = 'version: 1\nclaims:\n  - id: a\n    quote: q\n    status: &st verified\n  - id: b\n    quote: r\n    status: *st\n';
    refused(setStatusEdits(t, 'a', 'false'));
    const q = 'version: 1\nclaims:\n  - id: a\n    quote: &q orig\n  - id: b\n    quote: *q\n';
    refused(rewriteQuoteEdits(q, 'a', 'new'));
  });

  it('the editor the quick fixes use refuses a value or claim shared through an anchor, with where it is', () => {
    const q = 'version: 1\nclaims:\n  - id: a\n    quote: &q orig\n  - id: b\n    quote: *q\n';
    const editor = openSidecar(q) as SidecarEditor;
    assert.deepStrictEqual(editor.rewriteQuote(0, 'new'), {
      ok: false,
      message: "'quote' has the YAML anchor &q, which other places may share: change it by hand",
      line: 4,
      column: 15,
    });
    assert.match((editor.rewriteQuote(1, 'new') as { message: string }).message, /is the alias \*q/);
    const tpl = 'version: 1\nx: &tpl {id: a, quote: q}\nclaims:\n  - *tpl\n';
    assert.match((setStatusEdits(tpl, 'a', 'verified') as { message: string }).message, /shared through the YAML anchor &tpl/);
  });

  it('quotes what a %YAML 1.1 file would read as a boolean, a number or a date', () => {
    const t = '%YAML 1.1\n---\nversion: 1\nclaims:\n  - id: a\n    quote: q\n';
    const article = 'It said yes. Then on. 1_000 came 2024-10-22.';
    // The quick fixes call the editor directly, without the writer's data check.
    const editor = openSidecar(t) as SidecarEditor;
    for (const quote of ['yes', 'on', 'No', '1_000', '2024-10-22', '0777', 'y']) {
      const rewritten = editor.rewriteQuote('a', quote);
      assert.ok(rewritten.ok, rewritten.ok ? '' : rewritten.message);
      const claim = parseSidecar(applyEdits(t, rewritten.edits), 's').claims[0]!;
      assert.strictEqual(claim.quote, quote);
      const viaCommand = rewriteQuoteEdits(t, 'a', quote);
      assert.ok(viaCommand.ok, viaCommand.ok ? '' : viaCommand.message);
    }
    const added = addClaimEdits(t, article, { start: 8, end: 11 }, { id: 'b' });
    assert.ok(added.ok, added.ok ? '' : added.message);
    const after = parseSidecar(applyEdits(t, added.edits), 's');
    assert.deepStrictEqual(after.problems, []);
    assert.strictEqual(after.claims[1]!.quote, 'yes');
    // A file of YAML 1.2 (the default) still writes them plain where 1.2 reads a string.
    const plain = rewriteQuoteEdits('version: 1\nclaims:\n  - id: a\n    quote: q\n', 'a', 'yes');
    assert.ok(plain.ok);
    assert.deepStrictEqual(plain.edits.map((e) => e.newText), ['yes']);
  });

  it('inserts after the line breaks a |+ quote keeps, which are part of its value', () => {
    const t = 'version: 1\nclaims:\n  - id: a\n    quote: |+\n      q is\n\n  - id: b\n    quote: r\n';
    const status = setStatusEdits(t, 'a', 'verified');
    assert.ok(status.ok);
    assert.strictEqual(applyEdits(t, status.edits), 'version: 1\nclaims:\n  - id: a\n    quote: |+\n      q is\n\n    status: verified\n  - id: b\n    quote: r\n');
    // The quick fix's path (the editor itself), on a CRLF file.
    const crlf = t.replace(/\n/g, '\r\n');
    const prefix = (openSidecar(crlf) as SidecarEditor).setContext(0, { prefix: 'x' });
    assert.ok(prefix.ok);
    const claim = parseSidecar(applyEdits(crlf, prefix.edits), 's').claims[0]!;
    assert.deepStrictEqual([claim.quote, claim.prefix], ['q is\n\n', 'x']);
  });

  it('adds a claim where the first claim\'s dash stands alone on its line, in claims: and not in a list above', () => {
    const t = 'version: 1\nclaims:\n  - # the first claim\n    id: a\n    quote: q\n    tags:\n    - x\n';
    const r = addClaimEdits(t, 'hello world', { start: 0, end: 5 });
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.strictEqual(applyEdits(t, r.edits), `${t}  - id: hello\n    quote: hello\n`);
  });

  it('refuses a new sources: section before a byte-order mark', () => {
    refused(addSourceEdits('\uFEFFclaims:\n  - id: a\n    quote: q\nversion: 1\n', 'a', { id: 'y', name: 'Y' }));
  });

  it('gives a flow key with no value (`{..., status}`) its colon, and finds no colon on a later line', () => {
    const t = 'version: 1\nclaims:\n  - {id: b, quote: r, status}\n';
    const r = setStatusEdits(t, 'b', 'verified');
    assert.ok(r.ok);
    assert.strictEqual(applyEdits(t, r.edits), 'version: 1\nclaims:\n  - {id: b, quote: r, status: verified}\n');
    // The quick fix's path: the next claim's `id:` is not this key's colon.
    const two = 'version: 1\nclaims:\n  - {id: b, quote: r, prefix}\n  - id: c\n    quote: s\n';
    const p = (openSidecar(two) as SidecarEditor).setContext(0, { prefix: 'x' });
    assert.ok(p.ok);
    assert.strictEqual(applyEdits(two, p.edits), 'version: 1\nclaims:\n  - {id: b, quote: r, prefix: x}\n  - id: c\n    quote: s\n');
  });

  it('does not take the # lines of a block scalar above claims: for comments to put sources: above', () => {
    const t = 'version: 1\nx-description: |\n  Claims for the story.\n  # Section 2 heading in markdown\n# about the claims\nclaims:\n  - id: a\n    quote: q\n';
    const r = addSourceEdits(t, 'a', { id: 'y', name: 'Y' });
    assert.ok(r.ok);
    const out = applyEdits(t, r.edits);
    assert.ok(out.startsWith('version: 1\nx-description: |\n  Claims for the story.\n  # Section 2 heading in markdown\nsources:\n  y:\n    name: Y\n# about the claims\nclaims:'), out);
    assert.strictEqual(parseSidecar(out, 's').claims[0]!.sources[0]!.name, 'Y');
  });

  it('reads a quote written as a number or a boolean as its text, as the loader does', () => {
    for (const [written, text, edits] of [['123', '123', 0], ['1.0', '1', 1], ['1.0', '1.0', 0], ['true', 'true', 0], ['true', 'yes', 1]] as const) {
      const t = `version: 1\nclaims:\n  - id: a\n    quote: ${written}\n`;
      const r = rewriteQuoteEdits(t, 'a', text);
      assert.ok(r.ok && r.edits.length === edits, `${written} -> ${text}`);
      assert.strictEqual(parseSidecar(applyEdits(t, r.edits), 's').claims[0]!.quote, text);
    }
    const p = 'version: 1\nclaims:\n  - id: a\n    quote: q\n    prefix: true\n';
    const r = setContextEdits(p, 'a', { prefix: 'true' });
    assert.ok(r.ok && r.edits.length === 0);
  });

  it('adds a claim after claims whose first one starts below its dash (a comment after it, or nothing)', () => {
    for (const eol of ['\n', '\r\n']) {
      for (const [t, tail] of [
        ['version: 1\nclaims:\n-\n  id: a\n  quote: b\n', '- id: said\n  quote: said\n'],
        ['version: 1\nclaims:\n  - # first claim\n    id: a\n    quote: b\n', '  - id: said\n    quote: said\n'],
        ['version: 1\nclaims:\n  -   # first\n\n    # more\n    id: a\n    quote: b\n', '  - id: said\n    quote: said\n'],
      ] as const) {
        const text = t.replace(/\n/g, eol);
        const r = addClaimEdits(text, 'we said', { start: 3, end: 7 });
        assert.ok(r.ok, `${JSON.stringify(text)}: ${r.ok ? '' : r.message}`);
        assert.strictEqual(applyEdits(text, r.edits), text + tail.replace(/\n/g, eol));
      }
    }
  });

  it('attaches a source to an empty sources: with a comment, keeping the space before it', () => {
    const t = 'version: 1\nsources:\n  s1: {name: S}\nclaims:\n  - id: a\n    quote: q\n    sources: # none yet\n';
    const r = addSourceEdits(t, 'a', { id: 's1' } as never);
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.ok(applyEdits(t, r.edits).endsWith('    sources: [s1] # none yet\n'), applyEdits(t, r.edits));
  });

  it('adds the first claim where claims: is null written out (~ or null), keeping its comment', () => {
    for (const [t, out] of [
      ['version: 1\nclaims: ~\n# end\n', 'version: 1\nclaims:\n  - id: we\n    quote: we\n# end\n'],
      ['version: 1\nclaims: null  # none yet\n', 'version: 1\nclaims:  # none yet\n  - id: we\n    quote: we\n'],
    ] as const) {
      const r = addClaimEdits(t, 'we said', { start: 0, end: 2 });
      assert.ok(r.ok, r.ok ? '' : r.message);
      assert.strictEqual(applyEdits(t, r.edits), out);
    }
  });

  it('names a claim by its place and id: the place while it has the id, else the first with the id', () => {
    const t = 'version: 1\nclaims:\n  - id: twin\n    quote: q\n  - id: twin\n    quote: r\n  - id: other\n    quote: s\n';
    const statuses = (ref: ClaimRef) => {
      const r = setStatusEdits(t, ref, 'verified');
      assert.ok(r.ok, r.ok ? '' : r.message);
      return parseSidecar(applyEdits(t, r.edits), 's').claims.map((c) => c.status);
    };
    assert.deepEqual(statuses({ index: 1, id: 'twin' }), ['unverified', 'verified', 'unverified']);
    assert.deepEqual(statuses('twin'), ['verified', 'unverified', 'unverified']);
    // The sidecar changed since the claim was loaded: its place now holds another claim, or none.
    assert.deepEqual(statuses({ index: 2, id: 'twin' }), ['verified', 'unverified', 'unverified']);
    assert.deepEqual(statuses({ index: 9, id: 'other' }), ['unverified', 'unverified', 'verified']);
    const gone = setStatusEdits(t, { index: 0, id: 'gone' }, 'verified');
    assert.ok(!gone.ok && gone.message === "no claim with id 'gone' in the sidecar");
  });

  it('refuses to attach a source under a taken id when the new one has other fields', () => {
    // An entry with no name is not a usable source, so the editor offered its id for a new one.
    const t = 'version: 1\nsources:\n  reuters:\n    url: https://reuters.example/\nclaims:\n  - id: a\n    quote: q\n';
    const r = addSourceEdits(t, 'a', { id: 'reuters', name: 'Reuters', url: 'https://reuters.example/' });
    assert.ok(!r.ok);
    assert.equal(r.message, "source 'reuters' is already defined under `sources:` with another name: attach it as it is, or give the new source another id");
    assert.deepEqual([r.line, r.column], [3, 3]);
    // The same fields, or the id alone, attach the defined source.
    assert.ok(addSourceEdits(t, 'a', { id: 'reuters', url: 'https://reuters.example/' } as never).ok);
    assert.ok(addSourceEdits(t, 'a', { id: 'reuters' } as never).ok);
  });

  it('finds claims and sources by their ids as written, where YAML would read a number', () => {
    const t = 'version: 1\nsources:\n  0x10:\n    name: Hex\nclaims:\n  - id: 1.1\n    quote: q\n  - id: 1.10\n    quote: r\n';
    const status = setStatusEdits(t, '1.10', 'verified');
    assert.ok(status.ok);
    assert.deepStrictEqual(parseSidecar(applyEdits(t, status.edits), 's').claims.map((c) => [c.id, c.status]), [['1.1', 'unverified'], ['1.10', 'verified']]);
    const source = addSourceEdits(t, '1.10', { id: '0x10', name: 'Hex' });
    assert.ok(source.ok);
    const out = applyEdits(t, source.edits);
    assert.ok(out.endsWith('  - id: 1.10\n    quote: r\n    sources: [0x10]\n'), out);
    assert.strictEqual(parseSidecar(out, 's').claims[1]!.sources[0]!.name, 'Hex');
  });

  it('adds to a flow collection with a trailing comma after that comma, not a second one', () => {
    const cases: [string, (t: string) => EditResult, string][] = [
      ['version: 1\nclaims:\n  - {id: a, quote: q, }\n', (t) => setStatusEdits(t, 'a', 'verified'), '  - {id: a, quote: q, status: verified, }\n'],
      ['version: 1\nclaims:\n  - {id: a, quote: q, }\n', (t) => (openSidecar(t) as SidecarEditor).setContext(0, { prefix: 'x' }), '  - {id: a, quote: q, prefix: x, }\n'],
      ['version: 1\nclaims: [\n  {id: a, quote: q},  # c\n]\n', (t) => addClaimEdits(t, MINISTER, { start: 4, end: 12 }), '{id: a, quote: q}, { id: minister, quote: minister },  # c\n]\n'],
      ['version: 1\nsources: {s1: {name: S1},}\nclaims:\n  - {id: a, quote: q, sources: [s1, ]}\n', (t) => addSourceEdits(t, 'a', { id: 'z', name: 'Z' }), 'sources: {s1: {name: S1}, z: { name: Z },}\nclaims:\n  - {id: a, quote: q, sources: [s1, z, ]}\n'],
    ];
    for (const [t, edit, tail] of cases) {
      const r = edit(t);
      assert.ok(r.ok, r.ok ? '' : r.message);
      const out = applyEdits(t, r.edits);
      assert.ok(out.endsWith(tail), out);
      assert.deepStrictEqual(parseSidecar(out, 's').problems, []);
    }
  });

  it('defines a source whose id is also the name of an Object property (constructor)', () => {
    const t = 'version: 1\nclaims:\n  - id: a\n    quote: q\n';
    const r = addSourceEdits(t, 'a', { id: 'constructor', name: 'C' });
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.strictEqual(parseSidecar(applyEdits(t, r.edits), 's').claims[0]!.sources[0]!.name, 'C');
  });

  it('keeps the comment on a block scalar\'s header line when it rewrites the quote', () => {
    const t = 'version: 1\nclaims:\n  - id: a\n    quote: | # keep me\n      orig\n    status: verified\n';
    const r = rewriteQuoteEdits(t, 'a', 'new');
    assert.ok(r.ok);
    assert.strictEqual(applyEdits(t, r.edits), 'version: 1\nclaims:\n  - id: a\n    quote: new # keep me\n    status: verified\n');
  });
});

describe('edits: properties', () => {
  const indents = fc.record({ dash: fc.constantFrom(0, 2, 4), key: fc.constantFrom(2, 4) });
  const quoteText = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);
  const style = fc.constantFrom<(s: string) => string>(
    (s) => JSON.stringify(s),
    (s) => `'${s.replace(/'/g, "''")}'`,
  );

  it('setStatus changes exactly that claim status and keeps every other line', () => {
    fc.assert(
      fc.property(indents, fc.array(fc.tuple(quoteText, style, fc.option(fc.constantFrom(...STATUSES)), fc.boolean()), { minLength: 1, maxLength: 5 }), fc.nat(), fc.constantFrom(...STATUSES), (ind, claims, pick, status) => {
        const pad = ' '.repeat(ind.dash);
        const keyPad = ' '.repeat(ind.dash + ind.key);
        const lines = ['# header', 'version: 1', 'claims:'];
        claims.forEach(([quote, quoted, st, comment], i) => {
          lines.push(`${pad}-${' '.repeat(ind.key - 1)}id: c${i}${comment ? '   # note' : ''}`);
          lines.push(`${keyPad}quote: ${quoted(quote)}`);
          if (st) lines.push(`${keyPad}status: ${st === 'false' ? '"false"' : st}`);
          if (comment) lines.push('', `${keyPad}# between`);
        });
        const text = lines.join('\n') + '\n';
        const target = `c${pick % claims.length}`;
        const result = setStatusEdits(text, target, status);
        const out = applyEdits(text, edits(result));
        const before = parseSidecar(text, 's');
        const after = parseSidecar(out, 's');
        assert.deepStrictEqual(after.problems, []);
        assert.deepStrictEqual(
          after.claims.map((c) => [c.id, c.quote, c.id === target ? status : c.status]),
          before.claims.map((c) => [c.id, c.quote, c.id === target ? status : c.status]),
        );
        assert.strictEqual(after.claims.find((c) => c.id === target)!.status, status);
        const changed = out.split('\n').filter((l) => !text.split('\n').includes(l));
        assert.ok(changed.length <= 1, JSON.stringify(changed));
      }),
      { numRuns: 300 },
    );
  });

  it('addClaim appends a claim that anchors to the selected text, whatever its characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (quote) => {
        fc.pre(quote.trim().length > 0);
        const text = 'version: 1\nclaims:\n  - id: a\n    quote: Alpha.\n';
        const out = applyEdits(text, edits(addClaimEdits(text, quote, whole(quote))));
        const sidecar = parseSidecar(out, 's');
        assert.deepStrictEqual(sidecar.problems, []);
        // The selection's words: the white space at its ends is not part of the quote.
        assert.strictEqual(sidecar.claims[1]!.quote, quote.trim());
        assert.ok(out.startsWith(text.slice(0, -1)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('edits: any sidecar text', () => {
  const pieces = fc.constantFrom(
    'version: 1\n', 'claims:\n', 'claims: []\n', 'sources:\n', '  - ', '- ', 'id: a\n', '    id: a\n', 'quote: "x"\n', '    quote: x\n',
    '    status: verified\n', 'status:\n', '    sources: [s]\n', '  s: {name: S}\n', '{', '}', '[', ']', ', ', '&a ', '*a', '# c\n', '\r\n', '|\n  lit\n', '    ', '\n',
  );
  const texts = fc.oneof(fc.array(pieces, { maxLength: 25 }).map((a) => a.join('')), fc.string({ maxLength: 80 }));

  it('never throws, and what it writes still parses with the change made', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const status = setStatusEdits(text, 'a', 'disputed');
        if (status.ok) {
          const after = parseSidecar(applyEdits(text, status.edits), 's');
          assert.ok(after.parsed, applyEdits(text, status.edits));
          const claim = after.claims.find((c) => c.id === 'a');
          if (claim) assert.strictEqual(claim.status, 'disputed', applyEdits(text, status.edits));
        }
        const added = addClaimEdits(text, 'One claim.', whole('One claim.'));
        if (added.ok) {
          const after = parseSidecar(applyEdits(text, added.edits), 's');
          assert.ok(after.parsed, applyEdits(text, added.edits));
          assert.ok(after.claims.some((c) => c.id === added.id && c.quote === 'One claim.'), applyEdits(text, added.edits));
        }
        const source = addSourceEdits(text, 'a', { id: 'new', name: 'New' });
        if (source.ok) assert.ok(parseSidecar(applyEdits(text, source.edits), 's').parsed, applyEdits(text, source.edits));
        const quote = rewriteQuoteEdits(text, 'a', 'New, quote: here');
        if (quote.ok) assert.ok(parseSidecar(applyEdits(text, quote.edits), 's').parsed, applyEdits(text, quote.edits));
      }),
      { numRuns: 1000 },
    );
  });
});
