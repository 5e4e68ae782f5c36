import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { anchorClaims } from '../../src/core/anchor';
import { fuzzyCutoff } from '../../src/core/fuzzy';
import { normalize } from '../../src/core/normalize';
import type { Anchor, AnchorTarget } from '../../src/core/types';

const fixtures = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');
const read = (name: string): string => fs.readFileSync(path.join(fixtures, name), 'utf8');

function anchorOne(article: string, target: AnchorTarget): Anchor {
  return anchorClaims(article, [target])[0]!;
}

function covered(article: string, a: Anchor): string {
  assert.notStrictEqual(a.kind, 'orphaned');
  if (a.kind === 'orphaned') return '';
  return article.slice(a.start, a.end);
}

describe('anchorClaims: fixtures', () => {
  it('anchors a one-line quote in a CRLF article, covering the CR LF line break', () => {
    const crlf = read('anchor-crlf.txt');
    assert.ok(crlf.includes('\r\n'), 'fixture must keep its CRLF line breaks');
    const quote = 'South Korea has indicated it may supply weapons to Ukraine';
    const a = anchorOne(crlf, { quote });
    assert.strictEqual(a.kind, 'normalized');
    assert.strictEqual(covered(crlf, a), 'South Korea has indicated it may supply weapons\r\nto Ukraine');
  });

  it('anchors the same quotes in the CRLF and LF versions of an article', () => {
    const crlf = read('anchor-crlf.txt');
    const lf = read('anchor-lf.txt');
    const targets = [
      { quote: 'weapons to Ukraine, an official said.' },
      { quote: 'said.\n\nThe official' },
      { quote: 'The official spoke on condition of anonymity.' },
    ];
    const a = anchorClaims(crlf, targets);
    const b = anchorClaims(lf, targets);
    for (let i = 0; i < targets.length; i++) {
      assert.strictEqual(normalize(covered(crlf, a[i]!)), normalize(covered(lf, b[i]!)));
    }
    // A quote written over lines (LF, as YAML holds it) is verbatim in both.
    assert.deepStrictEqual(
      a.map((x) => [x.kind, x.ambiguous]),
      b.map((x) => [x.kind, x.ambiguous]),
    );
    assert.strictEqual(a[1]!.kind, 'exact');
    assert.strictEqual(a[2]!.kind, 'exact');
  });

  it('counts offsets in the BOM-free text', () => {
    const raw = read('anchor-bom.txt');
    assert.strictEqual(raw.charCodeAt(0), 0xfeff, 'fixture must start with a byte-order mark');
    const text = raw.slice(1); // what the article reader hands over
    const a = anchorOne(text, { quote: 'South Korea' });
    assert.deepStrictEqual(a, { kind: 'exact', ambiguous: false, start: 0, end: 11, distance: 0 });
  });

  it('anchors a quote the article wraps over lines, tabs and a no-break space', () => {
    const text = read('anchor-wrapped-quote.txt');
    const a = anchorOne(text, { quote: 'the troops were deployed last week' });
    assert.strictEqual(a.kind, 'normalized');
    assert.strictEqual(covered(text, a), 'the\n\t  troops\u00a0were deployed\nlast week');
  });

  it('trims a quote\'s leading and trailing white space', () => {
    const text = read('anchor-wrapped-quote.txt');
    const a = anchorOne(text, { quote: '  The ministry said\n' });
    assert.deepStrictEqual(a, { kind: 'exact', ambiguous: false, start: 0, end: 17, distance: 0 });
  });

  it('trims every code unit `String.prototype.trim` removes, at either end of a quote', () => {
    const text = read('anchor-wrapped-quote.txt');
    // Tier 1 calls `trim` only where a quote's first or last code unit is `isSpace`.
    const white = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
    assert.strictEqual(white.join('').trim(), '');
    const targets = white.flatMap((w) => [{ quote: w + 'The ministry said' }, { quote: 'The ministry said' + w }]);
    for (const a of anchorClaims(text, targets)) {
      assert.deepStrictEqual(a, { kind: 'exact', ambiguous: false, start: 0, end: 17, distance: 0 });
    }
  });

  it('matches straight quotes in the sidecar to curly quotes in the article', () => {
    const text = read('anchor-curly-quotes.txt');
    const a = anchorOne(text, { quote: '"We have evidence," the minister said.' });
    assert.strictEqual(a.kind, 'normalized');
    assert.strictEqual(covered(text, a), '\u201cWe have evidence,\u201d the minister said.');
    const b = anchorOne(text, { quote: "It's 'clear' now." });
    assert.strictEqual(covered(text, b), 'It\u2019s \u2018clear\u2019 now.');
  });

  it('lets prefix and suffix choose among occurrences', () => {
    const text = read('anchor-prefix-choice.txt');
    const quote = 'said it was ready.';
    const all = [...text.matchAll(/said it was ready\./g)].map((m) => m.index);
    assert.strictEqual(all.length, 3);
    assert.deepStrictEqual(anchorOne(text, { quote, prefix: 'the navy ' }), {
      kind: 'exact',
      ambiguous: false,
      start: all[1],
      end: all[1]! + quote.length,
      distance: 0,
    });
    const bySuffix = anchorOne(text, { quote, suffix: 'In July' });
    assert.ok(bySuffix.kind === 'exact' && bySuffix.start === all[1] && !bySuffix.ambiguous);
    const byBoth = anchorOne(text, { quote, prefix: 'air force', suffix: '\n' });
    assert.ok(byBoth.kind === 'exact' && byBoth.start === all[2] && !byBoth.ambiguous);
    // The longest agreement wins: "the army" agrees over 8 characters, "the navy" over 4 ("y said" vs "my").
    const longest = anchorOne(text, { quote, prefix: 'In May the army' });
    assert.ok(longest.kind === 'exact' && longest.start === all[0] && !longest.ambiguous);
  });

  it('lets prefix and suffix choose a place that is not verbatim over one that is, when they agree with it more', () => {
    const text = 'Smith said \u201cwe will win\u201d on Monday. Jones said "we will win" on Friday.';
    const smith = { quote: 'said "we will win"', prefix: 'Smith ', suffix: ' on Monday' };
    assert.deepStrictEqual(anchorOne(text, smith), { kind: 'normalized', ambiguous: false, start: 6, end: 24, distance: 0 });
    // Without them, or where they agree no more there, the verbatim place wins as before.
    assert.deepStrictEqual(anchorOne(text, { quote: smith.quote }), { kind: 'exact', ambiguous: false, start: 42, end: 60, distance: 0 });
    const startOf = (a: Anchor) => (a.kind === 'orphaned' ? -1 : a.start);
    assert.strictEqual(startOf(anchorOne(text, { ...smith, prefix: 'Jones ', suffix: ' on Friday' })), 42);
    assert.strictEqual(startOf(anchorOne(text, { ...smith, prefix: 'said ', suffix: ' on' })), 42);
    // White space too: the quote is verbatim only in Beta's sentence.
    const wrapped = 'Alpha said the troops\nwithdrew. Beta said the troops withdrew.';
    const alpha = anchorOne(wrapped, { quote: 'said the troops withdrew', prefix: 'Alpha ' });
    assert.deepStrictEqual([alpha.kind, startOf(alpha)], ['normalized', 6]);
  });

  it('anchors a quote written over lines at the same place in a CRLF article as in the LF one', () => {
    const lf = 'Beta said the troops withdrew. Then\nAlpha said the troops\nwithdrew.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const quote = { quote: 'said the troops\nwithdrew' };
    assert.deepStrictEqual(anchorOne(lf, quote), { kind: 'exact', ambiguous: false, start: 42, end: 66, distance: 0 });
    assert.deepStrictEqual(anchorOne(crlf, quote), { kind: 'exact', ambiguous: false, start: 43, end: 68, distance: 0 });
  });

  it('takes the first of tied occurrences and reports it ambiguous', () => {
    const text = read('anchor-ambiguous-tie.txt');
    const quote = 'Officials denied it.';
    const last = text.lastIndexOf(quote);
    assert.deepStrictEqual(anchorOne(text, { quote }), { kind: 'exact', ambiguous: true, start: 0, end: 20, distance: 0 });
    assert.deepStrictEqual(anchorOne(text, { quote, prefix: 'nothing like this' }), {
      kind: 'exact',
      ambiguous: true,
      start: 0,
      end: 20,
      distance: 0,
    });
    assert.deepStrictEqual(anchorOne(text, { quote, prefix: 'officials denied it.' }), {
      kind: 'exact',
      ambiguous: false,
      start: last,
      end: last + 20,
      distance: 0,
    });
  });

  it('anchors a drifted quote fuzzily, with its edit distance', () => {
    const text = read('anchor-fuzzy-drift.txt');
    const quote = 'The governor announced on Monday that the bridge will reopen';
    const a = anchorOne(text, { quote });
    assert.strictEqual(a.kind, 'fuzzy');
    assert.strictEqual(covered(text, a), 'The governor announced on Tuesday that the bridge will reopen');
    assert.strictEqual(a.kind === 'fuzzy' && a.distance, editDistance('Monday', 'Tuesday'));
    // Beyond the cutoff (max(2, 20%) of 27 characters = 5): orphaned.
    const far = 'The mayor denied on Friday';
    assert.ok(fuzzyCutoff(far.length) < 7);
    assert.strictEqual(anchorOne(text, { quote: far }).kind, 'orphaned');
  });

  it('never splits a surrogate pair', () => {
    const text = read('anchor-surrogate-pairs.txt');
    const exact = anchorOne(text, { quote: 'won \u{1f3c6} the cup' });
    assert.strictEqual(exact.kind, 'exact');
    const drifted = anchorOne(text, { quote: 'the team won \u{1f3c5} the cup' });
    assert.strictEqual(drifted.kind, 'fuzzy');
    assert.strictEqual(covered(text, drifted), 'the team won \u{1f3c6} the cup');
    // A quote cut inside a pair cannot anchor on half of it.
    const halfStart = text.indexOf('\u{1f389}') + 1;
    const cut = anchorOne(text, { quote: text.slice(halfStart, halfStart + 15) });
    assert.ok(cut.kind === 'orphaned' || (!splits(text, cut.start) && !splits(text, cut.end)));
  });

  it('orphans a quote that is nowhere, and empty or white-space-only quotes', () => {
    const text = read('anchor-orphan.txt');
    for (const quote of ['The senator resigned on Thursday.', '', '  \n\t']) {
      assert.deepStrictEqual(anchorOne(text, { quote }), { kind: 'orphaned', ambiguous: false });
    }
  });

  it('anchors overlapping and nested claims independently', () => {
    const text = read('anchor-fuzzy-drift.txt');
    const [outer, inner, overlap] = anchorClaims(text, [
      { quote: 'the bridge will reopen to traffic' },
      { quote: 'will reopen' },
      { quote: 'reopen to traffic in the spring' },
    ]);
    assert.strictEqual(covered(text, outer!), 'the bridge will reopen to traffic');
    assert.strictEqual(covered(text, inner!), 'will reopen');
    assert.strictEqual(covered(text, overlap!), 'reopen to traffic in the spring');
  });
});

function splits(s: string, i: number): boolean {
  return i > 0 && i < s.length && /[\ud800-\udbff]/.test(s[i - 1]!) && /[\udc00-\udfff]/.test(s[i]!);
}

// ---------------------------------------------------------------------------------
// Property tests. Articles are built from a small vocabulary so that quotes repeat,
// wrap, and meet curly quotes, no-break spaces and surrogate pairs often.

const words = ['the', 'cat', 'sat', 'a', 'ab', 'ba', 'b', 'mat', '\u{1f600}', '\u2019s', "'s", '\u201cx\u201d', '"x"', '.', ','];
const gaps = [' ', ' ', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\n\n', ''];
const article = fc
  .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...gaps)), { minLength: 1, maxLength: 40 })
  .map((parts) => parts.map(([w, g]) => w + g).join(''));

/** Offsets of `text` that do not split a surrogate pair. */
function boundaries(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i <= text.length; i++) if (!splits(text, i)) out.push(i);
  return out;
}

/** An article and a non-blank quote cut from it at code point boundaries. */
const articleAndCut = article.chain((text) => {
  const b = boundaries(text);
  return fc
    .tuple(fc.nat(b.length - 1), fc.nat(b.length - 1))
    .map(([i, j]) => ({ text, quote: text.slice(b[Math.min(i, j)], b[Math.max(i, j)]) }))
    .filter(({ quote }) => quote.trim() !== '');
});

/** Reference: the normalized text agrees over how many characters before/after. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** A brute-force reference for the exact and normalized tiers. */
function reference(text: string, t: AnchorTarget): Anchor | undefined {
  const quote = t.quote.trim();
  const nq = normalize(quote);
  const visible = (i: number): boolean => i >= 0 && i < text.length && !/\s/.test(text[i]!);
  const occs: { start: number; end: number; exact: boolean }[] = [];
  for (let s = 0; s < text.length; s++) {
    if (!visible(s) || splits(text, s)) continue;
    for (let e = s + 1; e <= text.length; e++) {
      if (!visible(e - 1) || splits(text, e)) continue;
      const slice = text.slice(s, e);
      if (normalize(slice) === nq) occs.push({ start: s, end: e, exact: lf(slice) === lf(quote) });
    }
  }
  if (occs.length === 0) return undefined;
  const prefix = normalize(t.prefix ?? '').trim();
  const suffix = normalize(t.suffix ?? '').trim();
  const score = (o: { start: number; end: number }): number =>
    commonSuffix(normalize(text.slice(0, o.start)).trimEnd(), prefix) +
    commonPrefix(normalize(text.slice(o.end)).trimStart(), suffix);
  // The best place of a tier: the first of those that agree most, ambiguous if shared.
  const bestOf = (tier: typeof occs, kind: 'exact' | 'normalized'): Anchor & { score: number } => {
    const best = Math.max(...tier.map(score));
    const winners = tier.filter((o) => score(o) === best);
    return { kind, ambiguous: winners.length > 1, start: winners[0]!.start, end: winners[0]!.end, distance: 0, score: best };
  };
  const exact = occs.filter((o) => o.exact);
  const others = occs.filter((o) => !o.exact);
  // Verbatim first, unless a place that is not verbatim agrees more with the affixes.
  const chosen =
    exact.length === 0
      ? bestOf(others, 'normalized')
      : others.length === 0
        ? bestOf(exact, 'exact')
        : [bestOf(exact, 'exact'), bestOf(others, 'normalized')].reduce((a, b) => (b.score > a.score ? b : a));
  const { score: _score, ...anchor } = chosen;
  return anchor;
}

/** `s` with every line break (CRLF, CR) written LF: a quote's line breaks match any in the article. */
function lf(s: string): string {
  return s.replace(/\r\n?/g, '\n');
}

/** Brute force: the smallest edit distance of nq to any substring with visible, unsplit edges. */
function bestFuzzyDistance(text: string, nq: string): number {
  const norm = normalize(text);
  let best = Infinity;
  for (let s = 0; s < norm.length; s++) {
    if (norm[s] === ' ' || splits(norm, s)) continue;
    for (let e = s + 1; e <= norm.length; e++) {
      if (norm[e - 1] === ' ' || splits(norm, e)) continue;
      best = Math.min(best, editDistance(nq, norm.slice(s, e)));
    }
  }
  return best;
}

describe('anchorClaims: properties', () => {
  it('anchors a quote cut from the article onto text that normalizes to it', () => {
    fc.assert(
      fc.property(articleAndCut, ({ text, quote }) => {
        const a = anchorOne(text, { quote });
        assert.ok(a.kind === 'exact' || a.kind === 'normalized', `kind ${a.kind}`);
        const slice = text.slice(a.start, a.end);
        if (a.kind === 'exact') assert.strictEqual(lf(slice), lf(quote.trim()));
        assert.strictEqual(normalize(slice), normalize(quote.trim()));
        assert.ok(!splits(text, a.start) && !splits(text, a.end));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with a brute-force reference on occurrences, prefix/suffix choice and ties', () => {
    const affix = fc.option(fc.constantFrom('the', 'cat ', ' sat', 'a.', 'x"', '\u2019s', 'mat,', 'b ab'), { nil: undefined });
    fc.assert(
      fc.property(articleAndCut, affix, affix, ({ text, quote }, prefix, suffix) => {
        const target = { quote, prefix, suffix };
        assert.deepStrictEqual(anchorOne(text, target), reference(text, target));
      }),
      { numRuns: 300 },
    );
  });

  it('never orphans a claim when the article is re-wrapped or switched to CRLF', () => {
    const rewrap = fc.array(fc.constantFrom(' ', '\n', '\r\n', ' \r\n  ', '\t', '\u00a0', '\u2003'), { minLength: 1 });
    fc.assert(
      fc.property(articleAndCut, rewrap, ({ text, quote }, fills) => {
        let n = 0;
        const wrapped = text.replace(/\s+/g, () => fills[n++ % fills.length]!);
        const crlf = text.replace(/\r?\n/g, '\r\n');
        for (const variant of [wrapped, crlf]) {
          const a = anchorOne(variant, { quote });
          assert.ok(a.kind === 'exact' || a.kind === 'normalized', `kind ${a.kind}`);
          assert.strictEqual(normalize(variant.slice(a.start, a.end)), normalize(quote.trim()));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('anchors alike in the LF and CRLF copies of an article, prefix and suffix included', () => {
    const affix = fc.option(fc.constantFrom('the', 'cat ', ' sat', 'a.', 'x"', '\u2019s', 'mat,', 'b\nab'), { nil: undefined });
    fc.assert(
      fc.property(articleAndCut, affix, affix, ({ text, quote }, prefix, suffix) => {
        const lfText = text.replace(/\r\n?/g, '\n');
        const crlfText = lfText.replace(/\n/g, '\r\n');
        const target = { quote: quote.replace(/\r\n?/g, '\n'), prefix, suffix };
        const [a, b] = [anchorOne(lfText, target), anchorOne(crlfText, target)];
        assert.deepStrictEqual([b.kind, b.ambiguous], [a.kind, a.ambiguous]);
        if (a.kind !== 'orphaned' && b.kind !== 'orphaned') {
          assert.strictEqual(lf(crlfText.slice(b.start, b.end)), lfText.slice(a.start, a.end));
          assert.strictEqual(lf(crlfText.slice(0, b.start)), lfText.slice(0, a.start));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('anchors a drifted quote at the smallest distance, never beyond the cutoff', () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom('', 'x', 'q', 'th', ' '), fc.nat(2));
    fc.assert(
      fc.property(articleAndCut, fc.array(edit, { maxLength: 4 }), ({ text, quote }, edits) => {
        let drifted = quote;
        for (const [at, insert, remove] of edits) {
          const i = at % (drifted.length + 1);
          drifted = drifted.slice(0, i) + insert + drifted.slice(i + remove);
        }
        fc.pre(drifted.trim() !== '' && !/[\ud800-\udfff]/.test(drifted));
        const nq = normalize(drifted.trim());
        const a = anchorOne(text, { quote: drifted });
        if (a.kind !== 'fuzzy') return;
        const cutoff = fuzzyCutoff(nq.length);
        assert.ok(a.distance >= 1 && a.distance <= cutoff, `distance ${a.distance} > ${cutoff}`);
        assert.strictEqual(editDistance(nq, normalize(text.slice(a.start, a.end))), a.distance);
        assert.strictEqual(a.distance, bestFuzzyDistance(text, nq));
      }),
      { numRuns: 200 },
    );
  });

  it('orphans a quote only when nothing is within the cutoff', () => {
    const quote = fc.array(fc.constantFrom(...words, ' ', 'zz', 'q'), { minLength: 1, maxLength: 8 }).map((w) => w.join(''));
    fc.assert(
      fc.property(article, quote, (text, q) => {
        fc.pre(q.trim() !== '');
        const nq = normalize(q.trim());
        const a = anchorOne(text, { quote: q });
        const cutoff = fuzzyCutoff(nq.length);
        // The spec's cutoff, max(2, ⌊20%⌋), applies to quotes of 1 or 2 characters too.
        const reachable = bestFuzzyDistance(text, nq) <= cutoff;
        assert.strictEqual(a.kind !== 'orphaned', reachable || reference(text, { quote: q }) !== undefined);
      }),
      { numRuns: 200 },
    );
  });

  it('a quote of 1 or 2 characters is fuzzy within the cutoff of 2, at the best distance, as the spec says', () => {
    const short = fc.string({ unit: fc.constantFrom('a', 'b', 'z', 'é', ' '), minLength: 1, maxLength: 2 });
    fc.assert(
      fc.property(article, short, (text, q) => {
        fc.pre(q.trim() !== '' && reference(text, { quote: q }) === undefined);
        const nq = normalize(q.trim());
        const a = anchorOne(text, { quote: q });
        const best = bestFuzzyDistance(text, nq);
        if (best > 2) return assert.strictEqual(a.kind, 'orphaned');
        assert.strictEqual(a.kind, 'fuzzy');
        if (a.kind !== 'fuzzy') return;
        assert.strictEqual(a.distance, best);
        assert.strictEqual(editDistance(nq, normalize(text.slice(a.start, a.end))), best);
      }),
      { numRuns: 300 },
    );
    assert.deepStrictEqual(anchorOne('xq aZ 9\n', { quote: 'ab' }), { kind: 'fuzzy', ambiguous: false, start: 3, end: 5, distance: 1 });
    assert.deepStrictEqual(anchorOne('xq b 9\n', { quote: 'a' }), { kind: 'fuzzy', ambiguous: true, start: 0, end: 1, distance: 1 });
    assert.deepStrictEqual(anchorOne(' \n ', { quote: 'a' }), { kind: 'orphaned', ambiguous: false });
  });

  it('anchors each claim the same whether alone or among many', () => {
    fc.assert(
      fc.property(article, fc.array(fc.string({ maxLength: 12 }), { maxLength: 6 }), (text, extra) => {
        const b = boundaries(text);
        const cuts = b.slice(0, -1).map((s, i) => text.slice(s, b[Math.min(b.length - 1, i + 5)]));
        const targets = [...cuts, ...extra].map((quote) => ({ quote }));
        const together = anchorClaims(text, targets);
        targets.forEach((t, i) => assert.deepStrictEqual(together[i], anchorOne(text, t)));
      }),
      { numRuns: 100 },
    );
  });
});

/** Plain Levenshtein distance: the reference the fuzzy anchors are checked against. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
