import * as assert from 'assert';
import fc from 'fast-check';
import { agreeAfter, agreeBefore, anchorClaims, chooseAmong } from '../../src/core/anchor';
import { normalize } from '../../src/core/normalize';

/** Reference: how many characters the normalized text before `at` (white space right before it dropped) shares with the end of the normalized prefix. */
function referenceBefore(text: string, at: number, prefix: string): number {
  const a = normalize(text.slice(0, at)).trimEnd();
  const b = normalize(prefix);
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function referenceAfter(text: string, at: number, suffix: string): number {
  const a = normalize(text.slice(at)).trimStart();
  const b = normalize(suffix);
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

const piece = fc.constantFrom('a', 'b', 'ab', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u2003', '\u2019', "'", '\u201c', '"', '\u00e9');
const str = fc.array(piece, { maxLength: 25 }).map((p) => p.join(''));

/**
 * A text, a position in it, and an affix that is often cut from the text next to
 * that position, re-spaced or with its quotes curled, so that whole, partial and
 * verbatim agreements all occur.
 */
const cases = fc
  .tuple(str, fc.nat(), fc.nat(30), fc.nat(3), str)
  .map(([text, a, len, how, other]) => {
    const at = a % (text.length + 1);
    const before = text.slice(Math.max(0, at - len), at);
    const after = text.slice(at, at + len);
    const vary = (s: string): string =>
      how === 0 ? s : how === 1 ? s.replace(/\s+/g, '  ') : how === 2 ? s.replace(/'/g, '\u2018') : other;
    return { text, at, prefix: vary(before).trim(), suffix: vary(after).trim() };
  });

/**
 * Affixes as a sidecar stores them, white space at their ends included: cut from the
 * text next to the position as they are (so they match it verbatim, white space and
 * all), or the trimmed affixes of `cases` padded with white space the text may not have.
 */
const pad = fc.constantFrom('', ' ', '\n\n', ' \t', '\r\n', '\u00a0 ');
const storedCases = fc.tuple(cases, fc.boolean(), pad, pad).map(([c, cut, lead, trail]) => {
  const len = c.prefix.length + lead.length + trail.length;
  return cut
    ? { ...c, prefix: c.text.slice(Math.max(0, c.at - len), c.at), suffix: c.text.slice(c.at, c.at + len) }
    : { ...c, prefix: lead + c.prefix + trail, suffix: lead + c.suffix + trail };
});

describe('agreeBefore / agreeAfter', () => {
  it('count the agreeing normalized characters, with or without the verbatim shortcut', () => {
    fc.assert(
      fc.property(cases, ({ text, at, prefix, suffix }) => {
        const before = referenceBefore(text, at, prefix);
        const after = referenceAfter(text, at, suffix);
        assert.strictEqual(agreeBefore(text, at, prefix), before, 'before');
        assert.strictEqual(agreeBefore(text, at, prefix, normalize(prefix).length), before, 'before, whole known');
        assert.strictEqual(agreeAfter(text, at, suffix), after, 'after');
        assert.strictEqual(agreeAfter(text, at, suffix, normalize(suffix).length), after, 'after, whole known');
      }),
      { numRuns: 1000 },
    );
  });

  it('compare an affix stored with white space at its ends as if it were trimmed', () => {
    fc.assert(
      fc.property(storedCases, ({ text, at, prefix, suffix }) => {
        const before = referenceBefore(text, at, prefix.trim());
        const after = referenceAfter(text, at, suffix.trim());
        assert.strictEqual(agreeBefore(text, at, prefix), before, 'before');
        assert.strictEqual(agreeBefore(text, at, prefix, normalize(prefix.trim()).length), before, 'before, whole known');
        assert.strictEqual(agreeAfter(text, at, suffix), after, 'after');
        assert.strictEqual(agreeAfter(text, at, suffix, normalize(suffix.trim()).length), after, 'after, whole known');
      }),
      { numRuns: 2000 },
    );
  });

  it('choose among places as scoring each in full does, whole affixes counted only where they decide', () => {
    // Places in a short text over a small alphabet, with the prefix cut before one of
    // them and the suffix after another (or padded, re-spaced, curled): places often
    // agree with one affix whole and the other in part, on opposite sides.
    const choices = fc
      .tuple(str, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), fc.nat(8), fc.nat(8), fc.nat(2), fc.nat(3))
      .filter(([text, , , , , , length]) => text.length >= length)
      .map(([text, picks, p, q, before, after, length, how]) => {
        const places = [...new Set(picks.map((k) => k % (text.length - length + 1)))].sort((a, b) => a - b);
        const at = places[p % places.length]!;
        const to = places[q % places.length]! + length;
        const vary = (x: string): string =>
          how === 0 ? x : how === 1 ? ` ${x.replace(/\s+/g, '  ')}\n` : how === 2 ? x.replace(/'/g, '\u2018') : x.trim();
        return { text, places, length, prefix: vary(text.slice(Math.max(0, at - before), at)), suffix: vary(text.slice(to, to + after)) };
      });
    fc.assert(
      fc.property(choices, ({ text, places, length, prefix, suffix }) => {
        const scores = places.map((s) => agreeBefore(text, s, prefix) + agreeAfter(text, s + length, suffix));
        const top = Math.max(...scores);
        const expected = { best: scores.indexOf(top), ambiguous: scores.filter((x) => x === top).length > 1 };
        const t = { quote: 'q', prefix, suffix };
        assert.deepStrictEqual(chooseAmong(text, t, Int32Array.from(places), 0, places.length, length), expected);
        // The same places given by their ends (as the normalized tier does).
        assert.deepStrictEqual(chooseAmong(text, t, places, 0, places.length, places.map((s) => s + length)), expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('count a verbatim affix whole, white-space runs as one', () => {
    const text = 'he said:\r\n  \u201cthe  cat\u201d sat';
    assert.strictEqual(agreeBefore(text, text.indexOf(' sat'), 'said:\r\n  \u201cthe  cat\u201d', 15), 15);
    assert.strictEqual(agreeBefore(text, text.indexOf(' sat'), 'said: "the cat"'), 15);
    assert.strictEqual(agreeAfter(text, 2, 'said:\r\n  \u201cthe', 10), 10);
    assert.strictEqual(agreeAfter(text, 2, 'said: "thy'), 9);
  });

  it('score a verbatim affix with white-space runs as its normalized length when choosing', () => {
    // The same quote twice: once after the prefix re-spaced, once after it verbatim.
    // Both agree over all 8 normalized characters of the prefix ("he said:"): a tie.
    const prefix = 'he\n\n said:';
    const text = `he said: QUOTE here. ${prefix} QUOTE here.`;
    const first = text.indexOf('QUOTE');
    const [a] = anchorClaims(text, [{ quote: 'QUOTE', prefix }]);
    assert.deepStrictEqual(a, { kind: 'exact', ambiguous: true, start: first, end: first + 5, distance: 0 });
    const [b] = anchorClaims(text, [{ quote: 'QUOTE', prefix, suffix: 'here.' }]);
    assert.deepStrictEqual(b, { kind: 'exact', ambiguous: true, start: first, end: first + 5, distance: 0 });
    // A suffix only the second one has decides.
    const other = text.replace('QUOTE here', 'QUOTE there');
    const [c] = anchorClaims(other, [{ quote: 'QUOTE', prefix, suffix: 'here.' }]);
    const at = other.lastIndexOf('QUOTE');
    assert.deepStrictEqual(c, { kind: 'exact', ambiguous: false, start: at, end: at + 5, distance: 0 });
  });
});
