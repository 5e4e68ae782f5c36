/**
 * Tests of the benchmark's own corpus and ground truth (bench/), so `npm run bench`
 * cannot silently measure nonsense: the text is real and clean, every claim's true
 * location is where it was cut, edited claims drift but stay closest to it, absent
 * claims are beyond the fuzzy cutoff of every text (checked here by brute force,
 * independently of the generator).
 */
import * as assert from 'assert';
import search from 'approx-string-match';
import { serialize } from 'v8';
import { parse as parseYaml } from 'yaml';
import { detokenize, parseDocument, pressDocuments } from '../../bench/brown';
import type { BrownDocument } from '../../bench/brown';
import {
  buildArticle,
  closestMatches,
  DEFAULT_CLAIM_OPTIONS,
  fuzzyCutoff,
  makeClaims,
  normalize,
  NormalizedText,
  occurrences,
  oneBytePerCharacter,
  stratifiedSample,
} from '../../bench/corpus';
import type { Article, BenchClaim } from '../../bench/corpus';
import { hypothesisAnchor } from '../../bench/hypothesis';
import { judge } from '../../bench/judge';
import { Random } from '../../bench/random';
import { sidecarClaims } from '../../bench/scenarios/anchoring';
import { applyChange, typingEdits } from '../../bench/scenarios/keystroke';
import { leanSidecarText, sidecarText } from '../../bench/scenarios/load';
import { measurePaired, median, percentile } from '../../bench/stats';

/** Edit distance between two strings (Levenshtein), for short ones. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/** The fewest edits turning `pattern` into any substring of `text` (Sellers' dynamic programme). */
function bestSubstringDistance(text: string, pattern: string): number {
  let column = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  let best = column[pattern.length];
  for (let j = 0; j < text.length; j++) {
    const next = [0];
    const c = text[j];
    for (let i = 1; i <= pattern.length; i++) {
      next[i] = Math.min(column[i] + 1, next[i - 1] + 1, column[i - 1] + (pattern[i - 1] === c ? 0 : 1));
    }
    column = next;
    best = Math.min(best, column[pattern.length]);
  }
  return best;
}

describe('bench: the Brown press section as text', () => {
  let documents: BrownDocument[];
  before(() => {
    documents = pressDocuments();
  });

  it('rebuilds newspaper spacing from tagged tokens', () => {
    const tokens = '``/`` Only/rb a/at handful/nn ( 12/cd ) was/bedz received/vbn \'\'/\'\' ,/, the/at jury/nn said/vbd ./.';
    assert.strictEqual(detokenize(tokens.split(' ')), '"Only a handful (12) was received", the jury said.');
    assert.strictEqual(detokenize(['Allen/np', 'Jr./np', './.']), 'Allen Jr.');
    const single = "reference/nn to/in '/' discredited/vbn carcass/nn '/' or/cc '/' remains/nns '/' ./.";
    assert.strictEqual(detokenize(single.split(' ')), "reference to 'discredited carcass' or 'remains'.");
  });

  it('starts a paragraph at a tab, and gives a headline its own', () => {
    const tagged = '\n\n\tThe/at jury/nn said/vbd ./.\nIt/pps left/vbd ./.\n\nMerger/nn-hl proposed/vbn-hl\nHowever/wrb ,/, no/at ./.\n\n\tNew/jj one/cd ./.\n';
    assert.deepStrictEqual(parseDocument(tagged), [
      ['The jury said.', 'It left.'],
      ['Merger proposed'],
      ['However, no.'],
      ['New one.'],
    ]);
  });

  it('loads the 44 press documents as plain text with no tags left', () => {
    assert.strictEqual(documents.length, 44);
    const text = documents.flat(2).join(' ');
    assert.ok(text.length > 500_000, `only ${text.length} characters`);
    assert.ok(text.startsWith('The Fulton County Grand Jury said Friday'));
    assert.doesNotMatch(text, /\/(at|nn|in|vbd|np|jj|cc)\b/);
    assert.doesNotMatch(text, /``|''/);
  });

  it('assembles an article from copies whose passages repeat in other surroundings', () => {
    const two = documents.slice(0, 2);
    const article = buildArticle(two, 50_000, new Random(1));
    assert.ok(article.text.length >= 50_000 && article.text.length < 52_000);
    const plain = two.flat(2);
    for (const s of article.sentences) assert.ok(plain.includes(article.text.slice(s.start, s.end)));
    const first = documents[0][1][0];
    const copies = occurrences(article.text, first);
    assert.ok(copies.length >= 2, 'the first copy repeats');
    const around = copies.map((c) => article.text.slice(c.start - 40, c.start));
    assert.notStrictEqual(around[0], around[1], 'a repeated sentence has other neighbours');
    assert.strictEqual(buildArticle(two, 50_000, new Random(1)).text, article.text);
  });

  it('stores the article one byte per character, even when a sentence is a thin string', () => {
    // A keyed lookup internalizes the name it looks up: `thin` becomes a thin string
    // pointing at the internalized "constructor", as a sentence of the corpus can.
    const thin = ['con', 'structor'].join('');
    const keyed: Record<string, unknown> = {};
    void keyed[thin];
    const sentences: BrownDocument[] = [[[thin, 'is a word.'], ['Another paragraph.']]];
    assert.strictEqual(storage([thin, ' is a word.'].join('')), 'two-byte', 'V8 joins a thin string into two-byte text (else this test proves nothing)');
    const article = buildArticle(sentences, 40, new Random(1));
    assert.strictEqual(article.text.slice(0, 32), 'constructor is a word.\n\nAnother ');
    assert.strictEqual(storage(article.text), 'one-byte');
    assert.strictEqual(storage(oneBytePerCharacter('“quoted”')), 'two-byte', 'text that needs two bytes is left as it is');
  });
});

/** How V8 stores a string, read from the tag its serializer writes first. */
function storage(s: string): 'one-byte' | 'two-byte' | 'other' {
  const tag = serialize(s)[2];
  return tag === 0x22 ? 'one-byte' : tag === 0x63 ? 'two-byte' : 'other';
}

describe('bench: claims with known true locations', function () {
  this.timeout(120_000);
  const options = { ...DEFAULT_CLAIM_OPTIONS, count: 400 };
  let article: Article;
  let normalized: NormalizedText;
  let claims: BenchClaim[];
  before(() => {
    article = buildArticle(pressDocuments().slice(0, 6), 120_000, new Random(7));
    normalized = new NormalizedText(article.text);
    claims = makeClaims(article, options, new Random(8));
  });
  const ofKind = (kind: string): BenchClaim[] => claims.filter((c) => c.kind === kind);

  it('has the requested mix: 10% edited, 2% absent, the rest verbatim', () => {
    assert.strictEqual(claims.length, 400);
    assert.strictEqual(ofKind('edited').length, 40);
    assert.strictEqual(ofKind('absent').length, 8);
    assert.strictEqual(ofKind('verbatim').length, 352);
  });

  it('is deterministic for a seed and different for another', () => {
    const few = { ...options, count: 50 };
    const once = makeClaims(article, few, new Random(10));
    assert.deepStrictEqual(makeClaims(article, few, new Random(10)), once);
    assert.notDeepStrictEqual(makeClaims(article, few, new Random(11)), once);
  });

  it('cuts verbatim quotes of 20 to 300 characters of whole words where the truth says', () => {
    for (const claim of ofKind('verbatim')) {
      const { quote } = claim.target;
      assert.strictEqual(article.text.slice(claim.truth!.start, claim.truth!.end), quote);
      assert.ok(quote.length >= 20 && quote.length <= 300, `${quote.length} characters`);
      assert.strictEqual(quote, quote.trim());
    }
  });

  it('gives a prefix and suffix exactly when the quote repeats, and they single out the truth', () => {
    let withContext = 0;
    for (const claim of claims.filter((c) => c.truth)) {
      const { prefix, suffix } = claim.target;
      const original = normalize(article.text.slice(claim.truth!.start, claim.truth!.end));
      const copies = occurrences(normalized.text, original);
      if (prefix === undefined || suffix === undefined) {
        assert.strictEqual(copies.length, 1, `"${original}" repeats but has no context`);
        continue;
      }
      withContext++;
      assert.ok(copies.length > 1);
      assert.strictEqual(article.text.slice(claim.truth!.start - prefix.length, claim.truth!.start), prefix);
      assert.strictEqual(article.text.slice(claim.truth!.end, claim.truth!.end + suffix.length), suffix);
      const agreeing = copies.filter(
        (c) =>
          normalized.text.slice(0, c.start).endsWith(normalize(prefix)) &&
          normalized.text.slice(c.end).startsWith(normalize(suffix)),
      );
      assert.deepStrictEqual(agreeing, [{ start: normalized.at(claim.truth!.start), end: normalized.at(claim.truth!.end) }]);
    }
    assert.ok(withContext > 50 && withContext < claims.length - 50, `${withContext} with context: some, not all`);
  });

  it('edits 1 to 3 characters, so the quote is nowhere verbatim and closest to where it was cut', () => {
    for (const claim of ofKind('edited')) {
      const original = article.text.slice(claim.truth!.start, claim.truth!.end);
      const quote = claim.target.quote;
      const d = distance(original, quote);
      assert.ok(d >= 1 && d <= claim.edits && claim.edits <= 3, `distance ${d}, ${claim.edits} edits`);
      assert.strictEqual(normalized.text.indexOf(normalize(quote)), -1);
      const best = search(normalized.text, normalize(quote), fuzzyCutoff(quote.length));
      const truth = { start: normalized.at(claim.truth!.start), end: normalized.at(claim.truth!.end) };
      const copies = occurrences(normalized.text, normalize(original));
      assert.ok(best.some((m) => m.start <= truth.start + 3 && m.end >= truth.end - 3), 'a closest match is the truth');
      for (const m of best) assert.ok(copies.some((c) => Math.abs(c.start - m.start) <= 3), 'every closest match is a copy');
    }
  });

  it('makes absent claims farther than the fuzzy cutoff from every text (brute force)', () => {
    const absent = ofKind('absent');
    for (const claim of absent) {
      const quote = claim.target.quote;
      assert.strictEqual(claim.truth, undefined);
      assert.ok(quote.length >= 20 && quote.length <= 300);
      // Sellers' algorithm on a 120 KB text is slow for long quotes: check the shorter half by brute force.
      if (quote.length <= 150) {
        assert.ok(bestSubstringDistance(normalized.text, quote) > fuzzyCutoff(quote.length), quote);
      }
      assert.deepStrictEqual(search(normalized.text, quote, fuzzyCutoff(quote.length)), []);
    }
  });

  it('finds the same closest matches through its filter as a search of the whole text', () => {
    const random = new Random(3);
    for (let i = 0; i < 40; i++) {
      const start = random.int(0, normalized.text.length - 200);
      let pattern = normalized.text.slice(start, start + random.int(20, 150));
      pattern = pattern.slice(0, 5) + 'q' + pattern.slice(6);
      const k = random.int(1, 6);
      assert.deepStrictEqual(closestMatches(normalized.text, pattern, k), search(normalized.text, pattern, k), pattern);
    }
  });

  it('samples claims keeping the mix of kinds', () => {
    const sample = stratifiedSample(claims, 100).map((i) => claims[i]);
    assert.strictEqual(sample.filter((c) => c.kind === 'edited').length, 10);
    assert.strictEqual(sample.filter((c) => c.kind === 'absent').length, 2);
    assert.strictEqual(sample.filter((c) => c.kind === 'verbatim').length, 88);
  });
});

describe('bench: the Hypothesis reference approach', () => {
  const text = 'A cat sat. The dog ran. A cat sat. The owl flew.';

  it('lets prefix and suffix choose among exact occurrences', () => {
    assert.deepStrictEqual(hypothesisAnchor(text, { quote: 'A cat sat.', prefix: 'dog ran. ' }), { start: 24, end: 34 });
    assert.deepStrictEqual(hypothesisAnchor(text, { quote: 'A cat sat.', suffix: ' The dog' }), { start: 0, end: 10 });
    assert.deepStrictEqual(hypothesisAnchor(text, { quote: 'A cat sat.' }), { start: 0, end: 10 });
  });

  it('falls back to an approximate match, and finds nothing for an empty quote', () => {
    assert.deepStrictEqual(hypothesisAnchor(text, { quote: 'The owl flaw.' }), { start: 35, end: 48 });
    assert.strictEqual(hypothesisAnchor(text, { quote: '' }), undefined);
  });
});

describe('bench: judging, statistics, typing, sidecar text', () => {
  it('counts wrong, missed and spurious anchors against the truth', () => {
    const claims: BenchClaim[] = [
      { kind: 'verbatim', target: { quote: 'x' }, truth: { start: 0, end: 10 }, edits: 0 },
      { kind: 'verbatim', target: { quote: 'x' }, truth: { start: 20, end: 30 }, edits: 0 },
      { kind: 'edited', target: { quote: 'x' }, truth: { start: 40, end: 50 }, edits: 1 },
      { kind: 'absent', target: { quote: 'x' }, edits: 0 },
      { kind: 'absent', target: { quote: 'x' }, edits: 0 },
    ];
    const found = [{ start: 1, end: 11 }, { start: 26, end: 36 }, undefined, { start: 0, end: 3 }, undefined];
    assert.deepStrictEqual(judge(claims, found), { anchored: 3, orphaned: 2, wrong: 1, missed: 1, spurious: 1 });
  });

  it('takes medians and percentiles', () => {
    assert.strictEqual(median([3, 1, 2]), 2);
    assert.strictEqual(median([4, 1, 3, 2]), 2.5);
    const hundred = Array.from({ length: 101 }, (_, i) => i);
    assert.strictEqual(percentile(hundred, 95), 95);
    assert.strictEqual(percentile(hundred, 100), 100);
  });

  it('times two functions in pairs, alternating which goes first, and takes the median ratio', () => {
    const order: string[] = [];
    // A fake clock: each call of a or b takes the next of its durations.
    const durations = { a: [1, 1, 2, 2, 4, 4, 2], b: [1, 1, 5, 4, 8, 12, 6] };
    const calls = { a: 0, b: 0 };
    let now = 0;
    const run = (name: 'a' | 'b') => () => {
      order.push(name);
      now += durations[name][calls[name]++]!;
      return `${name}${calls[name]}`;
    };
    const paired = measurePaired(run('a'), run('b'), { warmup: 2, runs: 5 }, () => now);
    assert.deepStrictEqual(order, ['a', 'b', 'a', 'b', 'a', 'b', 'b', 'a', 'a', 'b', 'b', 'a', 'a', 'b']);
    assert.deepStrictEqual(paired.a.runs, [2, 2, 4, 4, 2]);
    assert.deepStrictEqual(paired.b.runs, [5, 4, 8, 12, 6]);
    // Ratios 2.5, 2, 2, 3, 3: their median, not the ratio of the medians (6 / 2 = 3).
    assert.strictEqual(paired.ratio, 2.5);
    assert.strictEqual(paired.a.median, 2);
    assert.strictEqual(paired.b.median, 6);
    assert.deepStrictEqual([paired.a.result, paired.b.result], ['a7', 'b7']);
  });

  it('types single-character edits valid for the text as it is at each step', () => {
    let text = 'The quick brown fox.';
    for (const change of typingEdits(text, 200, new Random(1))) {
      assert.ok(change.rangeLength <= 1 && change.text.length <= 1 && change.rangeLength + change.text.length >= 1);
      assert.ok(change.rangeOffset + change.rangeLength <= text.length);
      text = applyChange(text, change);
    }
    assert.strictEqual(applyChange('abc', { rangeOffset: 1, rangeLength: 1, text: 'x' }), 'axc');
    assert.strictEqual(applyChange('abc', { rangeOffset: 3, rangeLength: 0, text: 'd' }), 'abcd');
  });

  it('writes a valid YAML sidecar whose quotes come back verbatim', () => {
    const claims: BenchClaim[] = [
      { kind: 'verbatim', target: { quote: 'He said: "no\\way" -- #1', prefix: '\n\nx ', suffix: ' y' }, truth: { start: 0, end: 1 }, edits: 0 },
      { kind: 'absent', target: { quote: "it's: a - [b] {c}" }, edits: 0 },
    ];
    const doc = parseYaml(sidecarText(claims, 5)) as { version: number; claims: { id: string; quote: string; prefix?: string }[] };
    assert.strictEqual(doc.version, 1);
    assert.deepStrictEqual(doc.claims.map((c) => c.id), ['claim-0', 'claim-1', 'claim-2', 'claim-3', 'claim-4']);
    assert.strictEqual(doc.claims[2].quote, claims[0].target.quote);
    assert.strictEqual(doc.claims[2].prefix, '\n\nx ');
    assert.strictEqual(doc.claims[3].quote, claims[1].target.quote);
    const lean = parseYaml(leanSidecarText(claims, 3)) as { claims: { id: string; quote: string; status: string }[] };
    assert.deepStrictEqual(lean.claims[1], { id: 'c1', quote: "it's: a - [b] {c}", status: 'in-review' });
  });

  it('reads the claims back from a sidecar as the editor gets them, with the same quotes, prefixes and suffixes', () => {
    const claims: BenchClaim[] = [
      { kind: 'verbatim', target: { quote: 'He said: "no\\way" -- #1', prefix: '\n\nx ', suffix: ' y' }, truth: { start: 0, end: 1 }, edits: 0 },
      { kind: 'verbatim', target: { quote: "it's: a - [b] {c}" }, truth: { start: 2, end: 3 }, edits: 0 },
    ];
    const parsed = sidecarClaims(claims);
    assert.deepStrictEqual(
      parsed.map(({ quote, prefix, suffix }) => ({ quote, prefix, suffix })),
      claims.map(({ target }) => ({ quote: target.quote, prefix: target.prefix, suffix: target.suffix })),
    );
    // Claims as parseSidecar makes them, not the targets handed in.
    assert.ok(parsed.every((c, i) => c !== claims[i]!.target && 'status' in c && 'entryRange' in c));
  });
});
