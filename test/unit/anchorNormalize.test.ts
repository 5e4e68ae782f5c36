import * as assert from 'assert';
import fc from 'fast-check';
import { ChunkedText } from '../../src/core/chunkedText';
import { NormalizedText, isSpace, normalize } from '../../src/core/normalize';
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

const edit = fc.tuple(fc.nat(), fc.nat(5), fc.array(piece, { maxLength: 3 }).map((p) => p.join('')));

/**
 * Resolves a random edit against `current`, calls `replace(start, end, insert)` with
 * it and returns the edited string.
 */
function applyEdit(current: string, [at, len, insert]: [number, number, string], replace: (start: number, end: number, insert: string) => void): string {
  const start = at % (current.length + 1);
  const end = Math.min(current.length, start + len);
  replace(start, end, insert);
  return current.slice(0, start) + insert + current.slice(end);
}

describe('ChunkedText', () => {
  it('reads and edits like the string it holds, whatever the chunk size', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 10 }), fc.integer({ min: 1, max: 6 }), fc.nat(), fc.nat(), (s, edits, size, a, b) => {
        const chunks = new ChunkedText(s, size);
        let current = s;
        for (const raw of edits) {
          current = applyEdit(current, raw, (start, end, insert) => chunks.replace(start, end, insert));
          assert.strictEqual(chunks.length, current.length);
          const other = current === '' ? 'x' : current.slice(0, -1) + String.fromCharCode(current.charCodeAt(current.length - 1) ^ 1);
          assert.ok(chunks.equals(current) && !chunks.equals(other), 'equals the string it holds, and only that');
          const from = a % (current.length + 1);
          const to = from + (b % (current.length - from + 1));
          assert.strictEqual(chunks.slice(from, to), current.slice(from, to), `slice(${from}, ${to})`);
          assert.strictEqual(chunks.startsWith(current.slice(from, to), from), true);
          for (let i = current.length; i >= 0; i--) assert.deepStrictEqual(chunks.charCodeAt(i), current.charCodeAt(i), `charCodeAt(${i})`);
        }
        assert.strictEqual(chunks.toString(), current);
      }),
      { numRuns: 300 },
    );
  });
});

describe('isSpace', () => {
  it('is true for exactly the code units `String.prototype.trim` removes (tier 1 trims only quotes it says start or end with one)', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (isSpace(c) !== (('x' + String.fromCharCode(c)).trim() === 'x')) differ.push(c);
    }
    assert.deepStrictEqual(differ, []);
  });
});

describe('NormalizedText', () => {
  it('normalizes white-space runs and typographic quotes', () => {
    assert.strictEqual(normalize('\u201cWe\u00a0 have\r\n\tit,\u201d he\u2019s \u2032x\u2033'), '"We have it," he\'s \'x"');
  });

  it('normalizes as the spec says, character by character: a white-space run is one space, curly quotes fold', () => {
    const fold = (c: string): string => (/[\u2018-\u201b\u2032]/.test(c) ? "'" : /[\u201c-\u201f\u2033]/.test(c) ? '"' : c);
    const byHand = (s: string): string => {
      let out = '';
      for (let i = 0; i < s.length; i++) {
        if (!/\s/.test(s[i]!)) out += fold(s[i]!);
        else if (i === 0 || !/\s/.test(s[i - 1]!)) out += ' ';
      }
      return out;
    };
    fc.assert(fc.property(text, (s) => assert.strictEqual(normalize(s), byHand(s))), { numRuns: 2000 });
  });

  it('maps normalized offsets to the original and back', () => {
    fc.assert(fc.property(text, (s) => assertConsistent(NormalizedText.from(s))));
  });

  it('stays equal to a fresh normalization after any sequence of replacements', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 10 }), fc.constantFrom(undefined, 1, 3), (s, edits, chunkSize) => {
        const nt = NormalizedText.from(s, chunkSize);
        let current = s;
        for (const raw of edits) {
          current = applyEdit(current, raw, (start, end, insert) => nt.replace(start, end, insert));
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
