import * as assert from 'assert';
import fc from 'fast-check';
import { disambiguatingContext, occurrences } from '../../src/core/disambiguate';

describe('disambiguatingContext', () => {
  it('nothing to add when the words occur once', () => {
    assert.deepStrictEqual(disambiguatingContext('one two three', 4, 7), {});
  });

  it('the shortest prefix that tells the occurrences apart, widened to whole words', () => {
    const text = 'Officials said prices will fall. Critics said prices will fall too.';
    assert.deepStrictEqual(disambiguatingContext(text, 15, 31), { prefix: 'Officials said ' });
    assert.deepStrictEqual(disambiguatingContext(text, 46, 62), { prefix: 'Critics said ' });
  });

  it('a suffix when nothing before the quote tells them apart', () => {
    assert.deepStrictEqual(disambiguatingContext('cat sat. cat ran.', 0, 3), { suffix: ' sat' });
  });

  it('undefined when nothing can', () => {
    assert.strictEqual(disambiguatingContext('aaaaa', 2, 3), undefined);
    assert.deepStrictEqual(disambiguatingContext('abab', 0, 2), { suffix: 'ab' });
  });

  it('occurrences are every start, overlapping ones too', () => {
    assert.deepStrictEqual(occurrences('aaaa', 'aa'), [0, 1, 2]);
    assert.deepStrictEqual(occurrences('abc', ''), []);
  });

  it('the context it gives singles out the occurrence: no other agrees as far', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' '), minLength: 1, maxLength: 40 }), fc.nat(), fc.integer({ min: 1, max: 3 }), (text, s, len) => {
        const start = s % text.length;
        const end = Math.min(text.length, start + len);
        const context = disambiguatingContext(text, start, end);
        if (!context) return;
        const others = occurrences(text, text.slice(start, end)).filter((o) => o !== start);
        for (const o of others) {
          if (context.prefix !== undefined) assert.ok(!text.slice(0, o).endsWith(context.prefix), `${o}`);
          else if (context.suffix !== undefined) assert.ok(!text.slice(o + end - start).startsWith(context.suffix), `${o}`);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
