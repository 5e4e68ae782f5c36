/**
 * Writing: pure functions returning the smallest text edits to a sidecar
 * (sidecar.md, "Writing"). A sidecar that does not parse is refused.
 * STUB: the signatures are the contract; the sidecar helper fills them in.
 */
import type { Source, Status, TextEdit, TextRange } from './types';

export type EditResult =
  | { ok: true; edits: TextEdit[] }
  | { ok: false; message: string; line?: number; column?: number };

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Set one claim's status: rewrites (or inserts) one scalar. */
export function setStatusEdits(sidecarText: string, claimId: string, status: Status): EditResult {
  void sidecarText;
  void claimId;
  void status;
  return { ok: false, message: 'not implemented' };
}

export interface NewClaimOptions {
  /** Defaults to a slug of the quote, made unique in the file. */
  id?: string;
  status?: Status;
}

/**
 * Add a claim whose quote is `articleText[range]`; adds the shortest prefix/suffix
 * that makes it unique only when the quote alone is ambiguous.
 */
export function addClaimEdits(
  sidecarText: string,
  articleText: string,
  range: TextRange,
  options?: NewClaimOptions,
): EditResult & { id?: string } {
  void sidecarText;
  void articleText;
  void range;
  void options;
  return { ok: false, message: 'not implemented' };
}

/** Text of a new sidecar for an article (`article` is the article's file name). */
export function newSidecarText(articleFileName: string): string {
  void articleFileName;
  return 'version: 1\nclaims: []\n';
}

/**
 * Attach a source to a claim's `sources:`. With `{ id }` alone, attach an existing
 * shared source; with a full Source including `id`, also define it under `sources:`.
 */
export function addSourceEdits(sidecarText: string, claimId: string, source: Source & { id: string }): EditResult {
  void sidecarText;
  void claimId;
  void source;
  return { ok: false, message: 'not implemented' };
}

/** Rewrite a drifted quote to the article's current text. */
export function rewriteQuoteEdits(sidecarText: string, claimId: string, newQuote: string): EditResult {
  void sidecarText;
  void claimId;
  void newQuote;
  return { ok: false, message: 'not implemented' };
}
