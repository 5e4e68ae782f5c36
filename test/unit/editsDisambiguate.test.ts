import * as assert from 'assert';
import fc from 'fast-check';
import { anchorClaims } from '../../src/core/anchor';
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

  it('a prefix and a suffix together where neither does alone', () => {
    assert.deepStrictEqual(disambiguatingContext('aaaaa', 2, 3), { prefix: 'aa', suffix: 'aa' });
    assert.deepStrictEqual(disambiguatingContext('abab', 0, 2), { suffix: 'ab' });
  });

  it('undefined when no context of twelve words a side can', () => {
    const passage = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    const text = `${passage} ${passage}`;
    const start = text.indexOf('w15', passage.length);
    assert.strictEqual(disambiguatingContext(text, start, start + 3), undefined);
  });

  it('tells places apart as the engine compares them: white space and quote styles folded', () => {
    // Before the second "a": "a\n" and "a " are the same to the engine, so a one-word
    // prefix does not do; nor does a prefix of white space alone (the engine trims it).
    assert.deepStrictEqual(disambiguatingContext('a\na a', 4, 5), { prefix: 'a\na ' });
    for (const [text, start] of [['a\na a', 4], ['x a\nx a', 6], ['a\u00a0b a b', 6], ['\u2018a \'a', 1], [' b\tb', 1]] as const) {
      const context = disambiguatingContext(text, start, start + 1);
      const [anchor] = anchorClaims(text, [{ quote: text[start]!, ...context }]);
      assert.ok(context === undefined || (anchor!.kind !== 'orphaned' && anchor!.start === start && !anchor!.ambiguous), JSON.stringify({ text, context, anchor }));
    }
  });

  it('occurrences are every start, overlapping ones too', () => {
    assert.deepStrictEqual(occurrences('aaaa', 'aa'), [0, 1, 2]);
    assert.deepStrictEqual(occurrences('abc', ''), []);
  });

  it('the context it gives makes the engine anchor the quote there, and only there', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '\u00a0', '\n', '\u201c', '"', '.');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 40 }), fc.nat(), fc.integer({ min: 1, max: 4 }), (text, s, len) => {
        let start = s % text.length;
        let end = Math.min(text.length, start + len);
        while (start < end && /\s/.test(text[start]!)) start++;
        while (end > start && /\s/.test(text[end - 1]!)) end--;
        fc.pre(start < end);
        const context = disambiguatingContext(text, start, end);
        if (!context) return;
        const [anchor] = anchorClaims(text, [{ quote: text.slice(start, end), ...context }]);
        assert.ok(anchor!.kind === 'exact' && anchor!.start === start && anchor!.end === end && !anchor!.ambiguous, JSON.stringify({ text, start, end, context, anchor }));
      }),
      { numRuns: 3000 },
    );
  });
});
