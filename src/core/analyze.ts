/**
 * One sidecar + its article -> anchored claims, problems and counts. The single entry
 * point the CLI and the extension share.
 * STUB: the signature is the contract; the sidecar helper fills it in.
 */
import type { ParsedSidecar } from './sidecar';
import type { AnchoredClaim, Problem, StatusCounts } from './types';

export interface AnalyzeInput {
  sidecarPath: string;
  sidecarText: string;
  /** Resolved article path, or undefined when it could not be found. */
  articlePath?: string;
  /** The article text (BOM already stripped); undefined when it could not be read. */
  articleText?: string;
  /** Why the article could not be found (becomes an `article-missing` problem). */
  articleMissing?: string;
}

export interface Analysis {
  sidecarPath: string;
  articlePath?: string;
  sidecar: ParsedSidecar;
  /** Every loaded claim with its anchor (orphaned when there is no article). */
  claims: AnchoredClaim[];
  /** Sidecar problems plus anchoring problems, sorted by file, line, column. */
  problems: Problem[];
  counts: StatusCounts;
}

export function analyze(input: AnalyzeInput): Analysis {
  void input;
  throw new Error('not implemented');
}
