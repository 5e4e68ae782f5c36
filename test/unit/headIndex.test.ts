import * as assert from 'assert';
import fc from 'fast-check';
import { HeadIndex } from '../../src/core/headIndex';

/** Every (id, start) with start in [from, to) where an indexed string occurs, sorted: the answer by brute force. */
function expected(text: string, strings: Map<number, string>, from: number, to: number): string[] {
  const out: string[] = [];
  for (const [id, s] of strings) {
    for (let i = text.indexOf(s, from); i !== -1 && i < to; i = text.indexOf(s, i + 1)) out.push(`${id}@${i}`);
  }
  return out.sort();
}

describe('HeadIndex', () => {
  it('finds every indexed string that starts in the window, as indexOf does, after additions and removals', () => {
    // A small alphabet, so that strings share heads of every length and chains grow.
    const word = fc.array(fc.constantFrom('a', 'b', 'ab', 'ba', ' '), { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(
        word.chain((w) => fc.constant(w.repeat(3))),
        fc.array(word, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.nat(),
        fc.nat(),
        (text, words, removals, a, b) => {
          const index = new HeadIndex();
          const strings = new Map<number, string>();
          words.forEach((w, id) => {
            index.add(id, w);
            strings.set(id, w);
          });
          for (const r of removals) {
            const id = r % words.length;
            index.remove(id);
            strings.delete(id);
          }
          const from = a % (text.length + 1);
          const to = from + (b % (text.length - from + 1));
          const found: string[] = [];
          index.scan(text, from, to, (id, at) => found.push(`${id}@${at}`));
          assert.deepStrictEqual(found.sort(), expected(text, strings, from, to));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reports a string only inside its start window around the stretch a scan names', () => {
    const word = fc.array(fc.constantFrom('a', 'b', 'ab', ' '), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(
        word.chain((w) => fc.constant(w.repeat(4))),
        fc.array(fc.tuple(word, fc.integer({ min: -12, max: 4 }), fc.integer({ min: -4, max: 12 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.nat(),
        fc.nat(),
        (text, entries, a, b) => {
          const index = new HeadIndex();
          entries.forEach(([w, before, after], id) => index.add(id, w, { before, after }));
          const lo = a % (text.length + 1);
          const hi = lo + (b % (text.length - lo + 1));
          const found: string[] = [];
          index.scan(text, 0, text.length, (id, at) => found.push(`${id}@${at}`), { lo, hi });
          const inWindow = (entry: string): boolean => {
            const [id, at] = entry.split('@').map(Number) as [number, number];
            const [, before, after] = entries[id]!;
            return at > lo + before && at < hi + after;
          };
          const all = expected(text, new Map(entries.map(([w], id) => [id, w])), 0, text.length);
          assert.deepStrictEqual(found.sort(), all.filter(inWindow));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps finding strings after its table grows', () => {
    const index = new HeadIndex();
    const text = Array.from({ length: 400 }, (_, i) => `w${i} `).join('');
    for (let id = 0; id < 400; id++) index.add(id, `w${id} w${id + 1}`);
    const found: number[] = [];
    index.scan(text, 0, text.length, (id) => found.push(id));
    assert.deepStrictEqual(found.sort((x, y) => x - y), Array.from({ length: 399 }, (_, i) => i));
  });
});
