import * as assert from 'node:assert/strict';
import type { Analysis } from '../../src/core/analyze';
import {
  checkJson,
  checkText,
  claimReviews,
  csvCell,
  csvReport,
  exitCode,
  formatProblem,
  jsonReport,
  markdownReport,
  summaryLine,
  suggestText,
  type CheckedSidecar,
} from '../../src/core/report';
import { countStatuses } from '../../src/core/status';
import { STATUSES, type Anchor, type AnchoredClaim, type Claim, type Problem, type Status } from '../../src/core/types';
import { renderMarkdown, visibleText } from './markdownRendering';

const ARTICLE = 'Headline\r\nThe minister said the bridge will reopen.\nSecond line here.\n';

function claim(id: string, fields: Partial<Claim> = {}): Claim {
  return { id, quote: id, status: 'unverified', sources: [], tags: [], index: 0, entryRange: { start: 0, end: 0 }, ...fields };
}

function at(quote: string, kind: 'exact' | 'normalized' | 'fuzzy' = 'exact'): Anchor {
  const start = ARTICLE.indexOf(quote);
  assert.ok(start >= 0, quote);
  return { kind, ambiguous: false, start, end: start + quote.length, distance: 0 };
}

const ORPHANED: Anchor = { kind: 'orphaned', ambiguous: false };

function problem(fields: Partial<Problem> = {}): Problem {
  return { file: 'a.claims.yaml', line: 4, column: 5, severity: 'error', code: 'orphaned', message: 'quote not found in a.txt', ...fields };
}

/** An analysis of a.claims.yaml against a.txt; `null` for an article that is missing. */
function checked(claims: AnchoredClaim[], problems: Problem[] = [], articleText: string | null = ARTICLE): CheckedSidecar {
  const analysis: Analysis = {
    sidecarPath: 'a.claims.yaml',
    ...(articleText === null ? {} : { articlePath: 'a.txt' }),
    sidecar: { file: 'a.claims.yaml', parsed: true, claims: claims.map((c) => c.claim), sources: new Map(), problems: [] },
    claims,
    problems,
    counts: countStatuses(claims.map((c) => c.claim)),
  };
  return articleText === null ? { analysis } : { analysis, articleText };
}

describe('report: check output', () => {
  it('formats a problem the way compilers do, on one line', () => {
    assert.equal(
      formatProblem(problem({ message: 'quote not found\nin a.txt' })),
      'a.claims.yaml:4:5: error orphaned: quote not found in a.txt',
    );
  });

  it('keeps a path with a line break on its line, in problems and summaries', () => {
    // A folder `nl<LF>x` must not start a line an annotator reads as a problem of its own.
    assert.equal(formatProblem(problem({ file: 'nl\nx/a.claims.yaml' })), 'nl\\u000Ax/a.claims.yaml:4:5: error orphaned: quote not found in a.txt');
    const item = checked([]);
    assert.equal(summaryLine({ ...item.analysis, articlePath: 'nl\r\nx\t/a.txt' }).split(':')[0], 'nl\\u000D\\u000Ax\\u0009/a.txt');
  });

  it('summarises an article with every status count and its problems', () => {
    const item = checked(
      [
        { claim: claim('x', { status: 'verified' }), anchor: at('bridge') },
        { claim: claim('y', { status: 'verified' }), anchor: at('minister') },
        { claim: claim('z'), anchor: ORPHANED },
      ],
      [problem(), problem({ severity: 'warning', code: 'fuzzy', message: 'drifted' })],
    );
    assert.equal(
      summaryLine(item.analysis),
      'a.txt: 3 claims (1 unverified, 0 in-review, 2 verified, 0 disputed, 0 false, 0 unverifiable); 1 error, 1 warning',
    );
  });

  it('names a sidecar whose article is missing by its own path', () => {
    const item = checked([], [problem({ code: 'article-missing' })], null);
    assert.match(summaryLine(item.analysis), /^a\.claims\.yaml: 0 claims /);
  });

  it('prints all problems before the summary lines', () => {
    const other = checked([], []);
    const text = checkText([checked([], [problem()]), { ...other, analysis: { ...other.analysis, articlePath: 'b.txt' } }]);
    const lines = text.split('\n');
    assert.equal(lines[0], 'a.claims.yaml:4:5: error orphaned: quote not found in a.txt');
    assert.match(lines[1]!, /^a\.txt: 0 claims/);
    assert.match(lines[2]!, /^b\.txt: 0 claims/);
    assert.equal(lines[3], '');
  });

  it('gives an article with two sidecars one summary line, over both', () => {
    const yaml = checked([{ claim: claim('x', { status: 'verified' }), anchor: at('bridge') }], [problem()]);
    const yml = checked([{ claim: claim('y'), anchor: at('minister') }], [problem({ severity: 'warning', code: 'fuzzy', message: 'drifted' })]);
    const text = checkText([yaml, { ...yml, analysis: { ...yml.analysis, sidecarPath: 'a.claims.yml' } }]);
    assert.deepEqual(text.split('\n').filter((line) => line.startsWith('a.txt')), [
      'a.txt: 2 claims (1 unverified, 0 in-review, 1 verified, 0 disputed, 0 false, 0 unverifiable); 1 error, 1 warning',
    ]);
  });

  it('fails on errors, and on warnings only when strict', () => {
    const warning = [checked([], [problem({ severity: 'warning', code: 'fuzzy' })])];
    const error = [checked([], [problem()])];
    assert.equal(exitCode([checked([])]), 0);
    assert.equal(exitCode(warning), 0);
    assert.equal(exitCode(warning, true), 1);
    assert.equal(exitCode(error), 1);
  });
});

describe('report: check --json', () => {
  it('gives anchors with 1-based line and column, the article text, and nulls for orphans', () => {
    const item = checked(
      [
        { claim: claim('bridge', { status: 'verified' }), anchor: at('bridge will reopen', 'normalized') },
        { claim: claim('gone'), anchor: ORPHANED },
      ],
      [problem({ claim: 'gone' }), problem({ code: 'yaml-syntax', line: 1, column: 1, message: 'bad' })],
    );
    assert.deepEqual(JSON.parse(JSON.stringify(checkJson([item]))), {
      version: 1,
      articles: [
        {
          article: 'a.txt',
          sidecar: 'a.claims.yaml',
          counts: { unverified: 1, 'in-review': 0, verified: 1, disputed: 0, false: 0, unverifiable: 0 },
          claims: [
            {
              id: 'bridge',
              status: 'verified',
              anchor: { kind: 'normalized', ambiguous: false, start: 32, end: 50, line: 2, column: 23, text: 'bridge will reopen' },
            },
            {
              id: 'gone',
              status: 'unverified',
              anchor: { kind: 'orphaned', ambiguous: false, start: null, end: null, line: null, column: null, text: null },
            },
          ],
        },
      ],
      problems: [
        { file: 'a.claims.yaml', line: 4, column: 5, severity: 'error', code: 'orphaned', claim: 'gone', message: 'quote not found in a.txt' },
        { file: 'a.claims.yaml', line: 1, column: 1, severity: 'error', code: 'yaml-syntax', claim: null, message: 'bad' },
      ],
    });
  });

  it('has a null article and orphaned anchors when the article is missing', () => {
    const doc = checkJson([checked([{ claim: claim('x'), anchor: ORPHANED }], [], null)]);
    assert.equal(doc.articles[0]!.article, null);
    assert.equal(doc.articles[0]!.claims[0]!.anchor.line, null);
  });
});

describe('report: formats', () => {
  const all = checked(
    STATUSES.map((status, i) => ({
      claim: claim(`c-${status}`, { status, quote: `quote ${i}`, index: i }),
      anchor: i === 0 ? ORPHANED : at('Second line'),
    })),
  );

  it('escapes CSV cells per RFC 4180', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a, b'), '"a, b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell(''), '');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    assert.equal(csvCell('=SUM(A1)'), "'=SUM(A1)");
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-1'), "'-1");
    assert.equal(csvCell('@cmd'), "'@cmd");
    assert.equal(csvCell('\tx'), "'\tx");
    assert.equal(csvCell('=A1,"x"'), '"\'=A1,""x"""');
    assert.equal(csvCell('a=b'), 'a=b');
  });

  it('writes one CSV row per claim after a header, with CRLF line ends', () => {
    const csv = csvReport([all]);
    const rows = csv.split('\r\n');
    assert.equal(rows.length, STATUSES.length + 2);
    assert.equal(rows[0], 'article,sidecar,claim,status,line,column,anchor,quote,attribution,sources,note,reviewer,reviewed,tags');
    assert.equal(rows[1], 'a.txt,a.claims.yaml,c-unverified,unverified,,,orphaned,quote 0,,,,,,');
    assert.equal(rows[2], 'a.txt,a.claims.yaml,c-in-review,in-review,3,1,exact,quote 1,,,,,,');
    assert.equal(rows.at(-1), '');
  });

  it('makes a ClaimReview only for verified, false, disputed and unverifiable claims', () => {
    const reviews = claimReviews([all]);
    const ratings = reviews.map((r) => (r.reviewRating as { alternateName: Status }).alternateName);
    assert.deepEqual(ratings, ['verified', 'disputed', 'false', 'unverifiable']);
    for (const r of reviews) {
      assert.equal(r['@context'], 'https://schema.org');
      assert.equal(r['@type'], 'ClaimReview');
    }
  });

  it('fills a ClaimReview from the quote, attribution chain, sources and review date', () => {
    const c = claim('x', {
      status: 'false',
      quote: 'The bridge is closed',
      note: 'It reopened on Monday.',
      reviewed: '2026-03-02',
      reviewer: 'desk-1',
      attribution: {
        speaker: 'Ana Weiss',
        role: 'Mayor',
        anonymous: false,
        via: [{ name: 'Gazette', url: 'https://example.com/g', published: '2026-03-01' }, { name: 'Radio Nord', url: 'javascript:alert(1)' }],
      },
      sources: [{ name: 'Photo', url: 'https://example.com/p' }],
    });
    const [review] = claimReviews([checked([{ claim: c, anchor: ORPHANED }])]);
    assert.deepEqual(review, {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'The bridge is closed',
      reviewRating: { '@type': 'Rating', alternateName: 'false', ratingExplanation: 'It reopened on Monday.' },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Ana Weiss', jobTitle: 'Mayor' },
        appearance: [
          { '@type': 'CreativeWork', name: 'Gazette', url: 'https://example.com/g', datePublished: '2026-03-01' },
          { '@type': 'CreativeWork', name: 'Radio Nord' },
        ],
        firstAppearance: { '@type': 'CreativeWork', name: 'Radio Nord' },
      },
      citation: [{ '@type': 'CreativeWork', name: 'Photo', url: 'https://example.com/p' }],
      datePublished: '2026-03-02',
      author: { '@type': 'Person', name: 'desk-1' },
    });
  });

  it('reports each claim in JSON with its content', () => {
    const doc = jsonReport([all]);
    assert.equal(doc.articles[0]!.claims.length, STATUSES.length);
    const first = doc.articles[0]!.claims[0]!;
    assert.equal(first.quote, 'quote 0');
    assert.equal(first.attribution, null);
    assert.equal(first.anchor.kind, 'orphaned');
  });

  it('renders sidecar text in the Markdown report as text, never as markup or unsafe links', () => {
    const c = claim('x', {
      status: 'disputed',
      quote: '# not a heading <script>alert(1)</script> [click](javascript:alert(1))',
      note: '**bold** | pipe',
      sources: [{ name: 'Evil', url: 'javascript:alert(1)' }, { name: 'Good', url: 'https://example.com/a' }],
    });
    const markdown = markdownReport([checked([{ claim: c, anchor: at('bridge') }])]);
    const html = renderMarkdown(markdown);
    assert.doesNotMatch(html, /<script|href="javascript|<strong>bold/);
    assert.match(html, /href="https:\/\/example\.com\/a"/);
    const text = visibleText(markdown);
    assert.ok(text.includes('# not a heading <script>alert(1)</script> [click](javascript:alert(1))'), text);
    assert.ok(text.includes('Anchor: line 2, column 23 (exact match)'), text);
    assert.ok(text.includes('**bold** | pipe'), text);
  });

  it('lists the problems of a sidecar in the Markdown report', () => {
    const markdown = markdownReport([checked([{ claim: claim('gone'), anchor: ORPHANED }], [problem({ claim: 'gone' })])]);
    assert.ok(visibleText(markdown).includes('a.claims.yaml:4:5: error orphaned: quote not found in a.txt'));
    assert.ok(visibleText(markdown).includes('not found in the article (orphaned)'));
  });
});

describe('report: suggest output', () => {
  it('prints line:column: sentence with the sentence on one line', () => {
    const start = ARTICLE.indexOf('The minister');
    const end = ARTICLE.indexOf('here.') + 5;
    const text = suggestText(ARTICLE, [{ start, end, text: ARTICLE.slice(start, end), reasons: ['attribution'] }]);
    assert.equal(text, '2:1: The minister said the bridge will reopen. Second line here.\n');
  });
});
