/**
 * The published case's shape: about 450 quotes in a page of about 100,000
 * characters. The reference numbers (Hypothesis's matcher: 453 quotes in a
 * 103,494-character page in 936 ms; diff-match-patch 13,342 ms) come from another
 * machine and page, so only the ratio measured here, in one process, counts.
 */
import { anchorClaims } from '../../src/core/anchor';
import { buildArticle, DEFAULT_CLAIM_OPTIONS, makeClaims } from '../corpus';
import { hypothesisAnchor } from '../hypothesis';
import { judge, rangeOf } from '../judge';
import { ms, ratio } from '../report';
import type { ScenarioResult } from '../report';
import { Random } from '../random';
import { measure } from '../stats';
import { corpusNote } from './anchoring';
import type { BenchOptions, SharedCorpus } from './options';

const PAGE_LENGTH = 103_494;
const QUOTES = 453;

export function smallPageScenario(corpus: SharedCorpus, options: BenchOptions): ScenarioResult {
  const random = new Random(options.seed + 1);
  const article = buildArticle(corpus.documents, PAGE_LENGTH, random);
  const claims = makeClaims(article, { ...DEFAULT_CLAIM_OPTIONS, count: QUOTES }, random);
  const targets = claims.map((c) => c.target);
  const text = article.text;

  const lens = measure(() => anchorClaims(text, targets), { warmup: 1, runs: options.runs });
  targets.slice(0, 5).forEach((t) => hypothesisAnchor(text, t));
  const hypothesis = measure(() => targets.map((t) => hypothesisAnchor(text, t)), {
    warmup: 0,
    runs: Math.min(3, options.runs),
  });
  const row = (name: string, time: number, found: ReturnType<typeof judge>): string[] => [
    name,
    String(claims.length),
    ms(time),
    ms(time / claims.length),
    ...[found.anchored, found.orphaned, found.wrong, found.missed, found.spurious].map(String),
  ];
  const speedup = hypothesis.median / lens.median;
  return {
    sections: [
      {
        title: `Small page: ${QUOTES} quotes in a ${text.length.toLocaleString('en')}-character page`,
        columns: ['approach', 'claims', 'time (median)', 'per claim', 'anchored', 'orphaned', 'wrong', 'missed', 'spurious'],
        rows: [
          row('Claim Lens', lens.median, judge(claims, lens.result.map(rangeOf))),
          row('Hypothesis approach', hypothesis.median, judge(claims, hypothesis.result)),
        ],
        notes: [
          corpusNote(claims),
          `Claim Lens is ${ratio(speedup)} faster here. Published reference (another machine and page): Hypothesis's matcher 453 quotes in 936 ms, diff-match-patch 13,342 ms.`,
        ],
      },
    ],
    targets: [],
  };
}
