import * as assert from 'assert';
import fc from 'fast-check';
import { NormalizedText, normalize } from '../../src/core/normalize';
import { MultiSearch } from '../../src/core/multiSearch';

const piece = fc.constantFrom('a', 'bc', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u2003', '\u2019', '\u201c', '\u2033', 'x y');
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

/** The map a NormalizedText must give: normalized offset -> original offset, checked by brute force. */
function expectedMap(s: string): number[] {
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) if (!(/\s/.test(s[i]!) && i > 0 && /\s/.test(s[i - 1]!))) map.push(i);
  map.push(s.length);
  return map;
}

function assertConsistent(nt: NormalizedText): void {
  assert.strictEqual(nt.norm, normalize(nt.text));
  const map = expectedMap(nt.text);
  assert.strictEqual(map.length, nt.norm.length + 1);
  map.forEach((o, n) => {
    assert.strictEqual(nt.toOriginal(n), o, `toOriginal(${n})`);
    assert.strictEqual(nt.toNormalized(o), n, `toNormalized(${o})`);
  });
}

describe('NormalizedText', () => {
  it('normalizes white-space runs and typographic quotes', () => {
    assert.strictEqual(normalize('\u201cWe\u00a0 have\r\n\tit,\u201d he\u2019s \u2032x\u2033'), '"We have it," he\'s \'x"');
  });

  it('maps normalized offsets to the original and back', () => {
    fc.assert(fc.property(text, (s) => assertConsistent(NormalizedText.from(s))));
  });

  it('stays equal to a fresh normalization after any sequence of replacements', () => {
    const edit = fc.tuple(fc.nat(), fc.nat(5), fc.array(piece, { maxLength: 3 }).map((p) => p.join('')));
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 10 }), (s, edits) => {
        const nt = NormalizedText.from(s);
        let current = s;
        for (const [at, len, insert] of edits) {
          const start = at % (current.length + 1);
          const end = Math.min(current.length, start + len);
          nt.replace(start, end, insert);
          current = current.slice(0, start) + insert + current.slice(end);
          assert.strictEqual(nt.text, current);
          assertConsistent(nt);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('MultiSearch', () => {
  it('finds every occurrence of every pattern, as indexOf does', () => {
    const alphabet = fc.constantFrom('a', 'b', 'ab', ' ', 'aab');
    const str = (max: number): fc.Arbitrary<string> => fc.array(alphabet, { maxLength: max }).map((p) => p.join(''));
    fc.assert(
      fc.property(str(200), fc.uniqueArray(str(30).filter((p) => p !== ''), { maxLength: 40 }), (hay, patterns) => {
        const found = new MultiSearch(patterns).findAll(hay);
        patterns.forEach((p, i) => {
          const expected: number[] = [];
          for (let at = hay.indexOf(p); at !== -1; at = hay.indexOf(p, at + 1)) expected.push(at);
          assert.deepStrictEqual(found[i], expected, JSON.stringify(p));
        });
      }),
    );
  });
});
