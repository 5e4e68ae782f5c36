/**
 * The anchoring engine: finds each claim's quote in the article (sidecar.md,
 * "Anchoring"). STUB: the signature is the contract; the anchor helper fills it in.
 */
import type { Anchor, AnchorTarget } from './types';

/**
 * Anchors every target in `article` (the text as the editor holds it: CRLF kept,
 * no BOM). Returns one Anchor per target, in order.
 */
export function anchorClaims(article: string, targets: readonly AnchorTarget[]): Anchor[] {
  void article;
  return targets.map(() => ({ kind: 'orphaned', ambiguous: false }));
}
