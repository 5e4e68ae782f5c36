import * as assert from 'assert';
import fc from 'fast-check';
import { MultiSearch } from '../../src/core/multiSearch';

/** Every start of `p` in `hay` in [from, to), by `indexOf`. */
function expectedStarts(hay: string, p: string, from = 0, to = hay.length): number[] {
  const starts: number[] = [];
  for (let at = hay.indexOf(p, from); at !== -1 && at < to; at = hay.indexOf(p, at + 1)) starts.push(at);
  return starts;
}

function assertFindsAll(hay: string, patterns: readonly string[], from?: number, to?: number): void {
  const found = new MultiSearch(patterns).findAll(hay, from, to);
  patterns.forEach((p, i) => assert.deepStrictEqual(found[i], expectedStarts(hay, p, from, to), JSON.stringify(p)));
}

/**
 * Pieces that make q-grams repeat (so chance candidates abound) and code units that
 * share their low byte with ASCII ones ('\u0161' and 'a', '\u2061' and 'a', '\u0120'
 * and ' '), which the byte-wise hashing cannot tell apart.
 */
const piece = fc.constantFrom('a', 'ab', 'aab', ' ', 'the ', '\u0161', '\u2061', '\u0120', '\u201c', '\ud83d\ude00', 'é');
const str = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(piece, { minLength: min, maxLength: max }).map((p) => p.join(''));

describe('MultiSearch', () => {
  it('finds every occurrence of many long patterns, overlapping ones included, as indexOf does', () => {
    fc.assert(
      fc.property(str(0, 300), fc.array(str(6, 30), { minLength: 9, maxLength: 40 }), (hay, raw) => {
        // Long patterns (16+ code units), most of them cut from the text so they occur.
        const patterns = raw.map((p, i) => {
          const from = (i * 37) % Math.max(1, hay.length);
          const cut = hay.slice(from, from + 16 + (i % 20));
          return cut.length >= 16 && i % 3 !== 0 ? cut : (p + p + p).slice(0, 16 + (i % 20));
        });
        assertFindsAll(hay, patterns.filter((p) => p.length >= 16));
      }),
    );
  });

  it('reports each of several equal patterns, and patterns that share only their head apart', () => {
    fc.assert(
      fc.property(str(0, 300), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.nat(2)), { minLength: 9, maxLength: 40 }), (hay, picks) => {
        // Cut from the text, each taken up to three times (as separate string objects),
        // some lengthened so that they share a head with another but not all of it.
        const patterns: string[] = [];
        for (const [at, copies, longer] of picks) {
          const from = at % Math.max(1, hay.length);
          const cut = hay.slice(from, from + 20 + 3 * longer);
          if (cut.length < 16) continue;
          for (let c = 0; c <= copies; c++) patterns.push(JSON.parse(JSON.stringify(cut)) as string);
        }
        if (patterns.length > 0) assertFindsAll(hay, patterns);
      }),
    );
  });

  it('finds patterns of every length class, and searches only the window asked for', () => {
    fc.assert(
      fc.property(str(0, 200), fc.array(str(1, 12), { minLength: 1, maxLength: 60 }), fc.nat(), fc.nat(), (hay, patterns, a, b) => {
        const from = a % (hay.length + 1);
        const to = from + (b % (hay.length - from + 1));
        assertFindsAll(hay, patterns.filter((p) => p !== ''), from, to);
      }),
    );
  });

  it('finds occurrences across the chunks the text is read in, in a long text', () => {
    const words = ['alpha ', 'beta ', 'gamma ', 'delta ', '\u201cquoted\u201d ', 'caf\u00e9 ', '\u0161\u0161 ', 'x'];
    let hay = '';
    for (let i = 0; hay.length < 20000; i++) hay += words[(i * 7 + (i >> 3)) % words.length];
    const patterns: string[] = [];
    for (let i = 0; i < 50; i++) {
      const at = (i * 397) % (hay.length - 60);
      patterns.push(hay.slice(at, at + 16 + (i % 40)));
    }
    patterns.push('alpha beta gamma delta absent');
    assertFindsAll(hay, patterns);
    assertFindsAll(hay, patterns, 4000, 9000);
  });
});
