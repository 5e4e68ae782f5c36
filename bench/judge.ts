/** Compares where an approach anchored each claim with where the claim was cut. */
import type { Anchor, TextRange } from '../src/core/types';
import { samePlace } from './corpus';
import type { BenchClaim } from './corpus';

export interface Verdict {
  anchored: number;
  orphaned: number;
  /** Claims in the text anchored away from where they were cut. */
  wrong: number;
  /** Claims in the text (verbatim or edited) left orphaned. */
  missed: number;
  /** Absent claims anchored somewhere. */
  spurious: number;
}

export function judge(claims: readonly BenchClaim[], found: readonly (TextRange | undefined)[]): Verdict {
  if (found.length !== claims.length) throw new Error(`judge: ${found.length} results for ${claims.length} claims`);
  const verdict: Verdict = { anchored: 0, orphaned: 0, wrong: 0, missed: 0, spurious: 0 };
  claims.forEach((claim, i) => {
    const range = found[i];
    if (range) verdict.anchored++;
    else verdict.orphaned++;
    if (!claim.truth) {
      if (range) verdict.spurious++;
    } else if (!range) {
      verdict.missed++;
    } else if (!samePlace(range, claim.truth)) {
      verdict.wrong++;
    }
  });
  return verdict;
}

export function rangeOf(anchor: Anchor): TextRange | undefined {
  return anchor.kind === 'orphaned' ? undefined : { start: anchor.start, end: anchor.end };
}
