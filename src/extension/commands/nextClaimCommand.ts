/**
 * Moves the selection to the next (or previous) claim in the active article, wrapping
 * at either end, and follows it in the Claims view when that is visible.
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands';

export function nextClaimCommand(ctx: CommandContext): Promise<string | undefined> {
  return goToClaim(ctx, 1);
}

export function previousClaimCommand(ctx: CommandContext): Promise<string | undefined> {
  return goToClaim(ctx, -1);
}

/** Returns the id of the claim it moved to. */
async function goToClaim(ctx: CommandContext, direction: 1 | -1): Promise<string | undefined> {
  const editor = ctx.articles.activeArticleEditor();
  if (!editor) return undefined;
  const key = editor.document.uri.toString();
  const targets = ctx.store
    .all()
    .filter((state) => state.articleUri?.toString() === key)
    .flatMap((state) =>
      state.analysis.claims.flatMap(({ claim, anchor }) =>
        anchor.kind === 'orphaned' ? [] : [{ state, id: claim.id, index: claim.index, start: anchor.start, end: anchor.end }],
      ),
    )
    .sort((a, b) => a.start - b.start || a.end - b.end);
  if (targets.length === 0) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('Claim Lens: this article has no anchored claims'), 3000);
    return undefined;
  }
  // In (start, end) order from the selection, which is the last claim gone to: a claim
  // nested at the start of another (same start, shorter) is gone to before it.
  const from = editor.document.offsetAt(editor.selection.start);
  const to = editor.document.offsetAt(editor.selection.end);
  const target =
    direction === 1
      ? (targets.find((t) => t.start > from || (t.start === from && t.end > to)) ?? targets[0]!)
      : ([...targets].reverse().find((t) => t.start < from || (t.start === from && t.end < to)) ?? targets[targets.length - 1]!);
  const range = new vscode.Range(editor.document.positionAt(target.start), editor.document.positionAt(target.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  if (ctx.claimsView.view.visible) await ctx.claimsView.reveal(target.state.sidecarUri, target);
  return target.id;
}
