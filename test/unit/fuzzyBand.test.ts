import * as assert from 'assert';
import fc from 'fast-check';
import { ChunkedText } from '../../src/core/chunkedText';
import { FuzzyQuote, fuzzyCutoff, fuzzyLevels, fuzzyPieces } from '../../src/core/fuzzy';

/** Every offset where `piece` occurs in `text`, overlapping ones included. */
function occurrences(text: string, piece: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(piece); i !== -1; i = text.indexOf(piece, i + 1)) out.push(i);
  return out;
}

describe('FuzzyQuote.verify', () => {
  it('finds the same candidates with the band as with Myers over the windows, at every level, in a string or in chunks', () => {
    // Few letters, spaces and a surrogate pair: near matches, forbidden edges and
    // ties everywhere. Quotes longer than 32 code units take Myers' multi-block path.
    const unit = fc.constantFrom('a', 'b', 'c', ' ', 'ab', 'ba', '\u{1F600}');
    const textArb = fc.array(unit, { minLength: 20, maxLength: 160 }).map((p) => p.join(''));
    fc.assert(
      fc.property(
        textArb,
        fc.nat(),
        fc.integer({ min: 6, max: 70 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('', 'a', 'c', ' ')), { maxLength: 4 }),
        (text, at, length, edits) => {
          const from = at % Math.max(1, text.length - 4);
          let quote = text.slice(from, from + length).trim();
          for (const [where, insert] of edits) {
            const i = where % (quote.length + 1);
            quote = quote.slice(0, i) + insert + quote.slice(i + 1);
          }
          quote = quote.trim();
          if (quote.length <= fuzzyCutoff(quote.length)) return;
          const fq = new FuzzyQuote(quote);
          // Chunks of 7 code units, as the editor keeps an article: the band copies the
          // stretch it reads, across chunk boundaries and the text's ends.
          const chunked = new ChunkedText(text, 7);
          chunked.replace(0, 0, '');
          for (const t of fuzzyLevels(fuzzyCutoff(quote.length))) {
            const hits = fuzzyPieces(quote, t).map((piece) => occurrences(text, piece));
            const bits = fq.verify(text, t, hits, 'bits');
            assert.deepStrictEqual(fq.verify(text, t, hits, 'band'), bits, `t = ${t}, quote ${JSON.stringify(quote)}`);
            assert.deepStrictEqual(fq.verify(chunked, t, hits, 'band'), bits, `chunked, t = ${t}, quote ${JSON.stringify(quote)}`);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
