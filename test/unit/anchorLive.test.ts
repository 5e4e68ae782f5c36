import * as assert from 'assert';
import fc from 'fast-check';
import { LiveAnchors, anchorClaims } from '../../src/core/anchor';
import type { ContentChange } from '../../src/core/anchor';
import type { Layout } from '../../src/core/liveAnchors';
import type { AnchorTarget } from '../../src/core/types';

function applied(text: string, c: ContentChange): string {
  return text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
}

describe('LiveAnchors', () => {
  it('shifts an anchor after an edit before it, and re-anchors one the edit touches', () => {
    const text = 'The cat sat on the mat. The dog slept on the rug.';
    const live = new LiveAnchors(text, [{ quote: 'The dog slept' }, { quote: 'The cat sat on the mat.' }]);
    live.applyChanges([{ rangeOffset: 0, rangeLength: 0, text: 'Yesterday, t' }, { rangeOffset: 12, rangeLength: 1, text: '' }]);
    assert.strictEqual(live.text, 'Yesterday, the cat sat on the mat. The dog slept on the rug.');
    assert.deepStrictEqual(live.anchors[0], { kind: 'exact', ambiguous: false, start: 35, end: 48, distance: 0 });
    assert.deepStrictEqual(live.anchors[1], { kind: 'fuzzy', ambiguous: false, start: 11, end: 34, distance: 1 });
  });

  it('gives a snapshot of plain anchors equal to the live ones and untouched by later edits', () => {
    const text = 'The cat sat on the mat. The dog slept on the rug.';
    const live = new LiveAnchors(text, [{ quote: 'The dog slept' }, { quote: 'The cat sat on the mat.' }, { quote: 'a unicorn' }]);
    const snapshot = live.snapshot();
    assert.strictEqual(JSON.stringify(snapshot), JSON.stringify(live.anchors));
    assert.deepStrictEqual(snapshot, anchorClaims(text, [{ quote: 'The dog slept' }, { quote: 'The cat sat on the mat.' }, { quote: 'a unicorn' }]));
    live.applyChanges([{ rangeOffset: 0, rangeLength: 0, text: 'Today ' }]);
    assert.deepStrictEqual(snapshot[0], { kind: 'exact', ambiguous: false, start: 24, end: 37, distance: 0 });
    assert.strictEqual(live.anchors[0]!.kind === 'exact' && live.anchors[0]!.start, 30);
  });

  it('lets prefix and suffix prefer a place that is not verbatim, as anchoring from scratch does, through edits', () => {
    let text = 'Smith said \u201cwe will win\u201d on Monday. Jones said "we will win" on Friday.';
    const targets = [{ quote: 'said "we will win"', prefix: 'Smith ', suffix: ' on Monday' }, { quote: 'said the troops\nwithdrew' }];
    const live = new LiveAnchors(text, targets);
    const same = () => assert.deepStrictEqual(JSON.parse(JSON.stringify(live.anchors)), anchorClaims(text, targets));
    same();
    assert.deepStrictEqual(live.anchors[0], { kind: 'normalized', ambiguous: false, start: 6, end: 24, distance: 0 });
    // Smith's quotes made straight: both places verbatim, and the affixes choose Smith's.
    for (const [at, mark] of [[11, '"'], [23, '"']] as const) {
      live.applyChanges([{ rangeOffset: at, rangeLength: 1, text: mark }]);
      text = text.slice(0, at) + mark + text.slice(at + 1);
      same();
    }
    assert.deepStrictEqual(live.anchors[0], { kind: 'exact', ambiguous: false, start: 6, end: 24, distance: 0 });
    // A quote over lines, typed in with CRLF line breaks: verbatim.
    const typed = ' Alpha said the troops\r\nwithdrew.';
    live.applyChanges([{ rangeOffset: text.length, rangeLength: 0, text: typed }]);
    text += typed;
    same();
    assert.strictEqual(live.anchors[1]!.kind, 'exact');
  });

  it('notices a quote that an edit makes occur a second time', () => {
    const live = new LiveAnchors('Officials denied it. Later they agreed.', [{ quote: 'denied it.' }]);
    assert.strictEqual(live.anchors[0]!.ambiguous, false);
    live.applyChanges([{ rangeOffset: 39, rangeLength: 0, text: ' Then they denied it.' }]);
    assert.deepStrictEqual(live.anchors[0], { kind: 'exact', ambiguous: true, start: 10, end: 20, distance: 0 });
  });

  it('keeps a quote of 1 or 2 characters, fuzzy within the cutoff of 2, as anchoring from scratch does', () => {
    const targets = [{ quote: 'ab' }, { quote: 'q' }, { quote: 'zz' }];
    const live = new LiveAnchors('   ', targets);
    assert.deepStrictEqual(live.snapshot(), anchorClaims('   ', targets));
    // Every edit can make a candidate as good as the current one, anywhere.
    const edits: ContentChange[] = [
      { rangeOffset: 1, rangeLength: 0, text: 'x' },
      { rangeOffset: 3, rangeLength: 0, text: ' aZ' },
      { rangeOffset: 0, rangeLength: 0, text: 'b ' },
      { rangeOffset: 2, rangeLength: 2, text: '' },
      { rangeOffset: 0, rangeLength: 0, text: 'zq ' },
    ];
    for (const edit of edits) {
      live.applyChanges([edit]);
      assert.deepStrictEqual(live.snapshot(), anchorClaims(live.text, targets), JSON.stringify(live.text));
    }
    assert.deepStrictEqual(live.anchors[0], { kind: 'fuzzy', ambiguous: true, start: 3, end: 4, distance: 1 });
  });

  it('turns an orphan into a fuzzy anchor when the text is typed in', () => {
    const quote = 'the bridge will reopen in the spring';
    const live = new LiveAnchors('Nothing here yet.', [{ quote }]);
    assert.strictEqual(live.anchors[0]!.kind, 'orphaned');
    live.applyChanges([{ rangeOffset: 17, rangeLength: 0, text: ' The bridge will reopen in spring.' }]);
    assert.deepStrictEqual(live.anchors, anchorClaims(live.text, [{ quote }]));
    assert.strictEqual(live.anchors[0]!.kind, 'fuzzy');
  });
});

// Articles from a small vocabulary so that edits often create, destroy, wrap and
// disambiguate occurrences; quotes cut from the article, some drifted or absent.
const words = ['the', 'cat', 'sat', 'a', 'ab', 'ba', 'mat', 'dog', '\u{1f600}', '\u2019s', '"x"', '.'];
const gaps = [' ', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', ''];
const article = fc
  .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...gaps)), { minLength: 1, maxLength: 30 })
  .map((parts) => parts.map(([w, g]) => w + g).join(''));
const snippet = fc
  .array(fc.tuple(fc.constantFrom(...words, 'zz', 'q'), fc.constantFrom(...gaps)), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.map(([w, g]) => w + g).join(''));

const targetsFor = (text: string): fc.Arbitrary<AnchorTarget[]> =>
  fc.array(
    fc.oneof(
      fc.tuple(fc.nat(text.length), fc.integer({ min: 1, max: 14 })).map(([s, n]) => ({ quote: text.slice(s, s + n) })),
      fc.record({ quote: snippet, prefix: fc.option(snippet, { nil: undefined }), suffix: fc.option(snippet, { nil: undefined }) }),
    ),
    { minLength: 1, maxLength: 8 },
  );

/** Random edits as raw numbers, resolved against the text as it is when each applies. */
const edits = fc.array(
  fc.tuple(fc.nat(), fc.nat(4), fc.oneof(snippet, fc.constantFrom('', ' ', '\n', 'a', '\r\n', '\u{1f600}', 'the cat'))),
  { minLength: 1, maxLength: 8 },
);

/** Applies raw edits to `live` and `text`, checking every step against anchoring from scratch. */
function checkEdits(text: string, targets: AnchorTarget[], raw: [number, number, string][], layout?: Layout): void {
  const live = new LiveAnchors(text, targets, layout);
  let current = text;
  for (const [at, len, insert] of raw) {
    // Keep surrogate pairs whole, as an editor does.
    let start = at % (current.length + 1);
    if (/[\udc00-\udfff]/.test(current[start] ?? '')) start--;
    let end = Math.min(current.length, start + len);
    if (/[\udc00-\udfff]/.test(current[end] ?? '')) end++;
    const change = { rangeOffset: start, rangeLength: end - start, text: insert };
    live.applyChanges([change]);
    current = applied(current, change);
    assert.strictEqual(live.text, current);
    assert.deepStrictEqual(live.anchors, anchorClaims(current, targets));
    // Key order too: callers compare and print anchors as JSON.
    assert.strictEqual(JSON.stringify(live.anchors), JSON.stringify(anchorClaims(current, targets)));
  }
}

/** The property: for random articles, targets and edits, live anchors equal anchoring from scratch at every step. */
function assertEqualsScratch(targets: (text: string) => fc.Arbitrary<AnchorTarget[]>, numRuns: number, layout?: Layout): void {
  fc.assert(
    fc.property(
      article.chain((text) => fc.tuple(fc.constant(text), targets(text), edits)),
      ([text, chosen, raw]) => checkEdits(text, chosen, raw, layout),
    ),
    { numRuns },
  );
}

describe('LiveAnchors: properties', () => {
  it('equals anchoring from scratch after any sequence of edits', () => {
    assertEqualsScratch(targetsFor, 400);
  });

  it('equals anchoring from scratch for quotes whose fuzzy pieces it tracks (16 or more code units)', () => {
    const longTargets = (text: string): fc.Arbitrary<AnchorTarget[]> =>
      fc.array(
        fc
          .tuple(fc.nat(text.length), fc.integer({ min: 16, max: 48 }), fc.option(snippet, { nil: undefined }))
          .map(([s, n, prefix]) => ({ quote: text.slice(s, s + n), prefix })),
        { minLength: 1, maxLength: 6 },
      );
    assertEqualsScratch(longTargets, 300);
  });

  it('equals anchoring from scratch when the text and its occurrences are cut into tiny chunks and buckets', () => {
    // Chunks of 3 and buckets of 2 code units: edits cross, empty, split and merge them.
    assertEqualsScratch(targetsFor, 400, { chunkSize: 3, bucketSize: 2 });
  });

  it('equals anchoring from scratch when most buckets lie beyond what an edit reaches, and only move', () => {
    // Articles of several hundred code units in buckets of 4: the quotes and affixes
    // are short, so an edit touches a few buckets and moves the hundreds after them.
    const long = fc.array(article, { minLength: 4, maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        long.chain((text) => fc.tuple(fc.constant(text), targetsFor(text), edits)),
        ([text, chosen, raw]) => checkEdits(text, chosen, raw, { chunkSize: 64, bucketSize: 4 }),
      ),
      { numRuns: 150 },
    );
  });
});
