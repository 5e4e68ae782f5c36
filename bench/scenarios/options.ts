import type { Article, BenchClaim } from '../corpus';
import type { BrownDocument } from '../brown';

/** The corpus every scenario shares: the 1 MB article and its 5,000 claims. */
export interface SharedCorpus {
  documents: readonly BrownDocument[];
  article: Article;
  claims: readonly BenchClaim[];
}

export interface BenchOptions {
  seed: number;
  /** Timed runs per measurement (the median is reported). */
  runs: number;
  /** Claims the Hypothesis approach anchors in the 1 MB article, or all of them. */
  hypothesisSample: number | 'all';
}
