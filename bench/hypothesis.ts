/**
 * The reference approach: how the Hypothesis web annotator re-anchors a quote
 * (its client's `src/annotator/anchoring/match-quote.ts`), reimplemented from its
 * description for this benchmark. No position hint: a sidecar has none.
 *
 * 1. Candidates: every exact occurrence of the quote (`indexOf`); if there is none,
 *    the lowest-error approximate matches from `approx-string-match`, allowing
 *    min(256, quote.length / 2) errors.
 * 2. Each candidate scores 50 × quote similarity + 20 × prefix similarity + 20 ×
 *    suffix similarity, where similarity = 1 - errors / length and the prefix and
 *    suffix errors come from an approximate search of each in the text right before
 *    and after the candidate (a missing prefix or suffix scores 1). Hypothesis adds
 *    2 × a position term that is constant without a hint, so it is left out.
 * 3. The best score wins (the first on a tie). There is no minimum score: any
 *    candidate anchors.
 */
import search from 'approx-string-match';
import type { Match } from 'approx-string-match';
import type { AnchorTarget, TextRange } from '../src/core/types';

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;

/** Where Hypothesis would anchor `target` in `text`, or undefined when it finds nothing. */
export function hypothesisAnchor(text: string, target: AnchorTarget): TextRange | undefined {
  const { quote, prefix, suffix } = target;
  if (quote.length === 0) return undefined;
  let best: TextRange | undefined;
  let bestScore = -Infinity;
  for (const candidate of candidates(text, quote, Math.min(256, quote.length / 2))) {
    const before = prefix ? similarity(text.slice(Math.max(0, candidate.start - prefix.length), candidate.start), prefix) : 1;
    const after = suffix ? similarity(text.slice(candidate.end, candidate.end + suffix.length), suffix) : 1;
    const score =
      QUOTE_WEIGHT * (1 - candidate.errors / quote.length) + PREFIX_WEIGHT * before + SUFFIX_WEIGHT * after;
    if (score > bestScore) {
      bestScore = score;
      best = { start: candidate.start, end: candidate.end };
    }
  }
  return best;
}

/** Exact occurrences when there are any (found cheaply), else the best approximate ones. */
function candidates(text: string, pattern: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    exact.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return exact.length > 0 ? exact : search(text, pattern, maxErrors);
}

/** 1 - (fewest errors of `pattern` anywhere in `text`) / pattern length; 0 if either is empty. */
function similarity(text: string, pattern: string): number {
  if (text.length === 0 || pattern.length === 0) return 0;
  return 1 - candidates(text, pattern, pattern.length)[0].errors / pattern.length;
}
