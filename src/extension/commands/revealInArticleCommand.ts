/**
 * What clicking a claim in the Claims view does: selects its text in the article, or,
 * for an orphaned claim (or a missing article), shows its entry in the sidecar.
 */
import * as vscode from 'vscode';
import { claimFromArgument } from '../claimPicker';
import type { CommandContext } from '../commands';
import { revealInSidecarCommand } from './revealInSidecarCommand';

export async function revealInArticleCommand(ctx: CommandContext, claimArg?: unknown): Promise<vscode.TextEditor | undefined> {
  const ref = claimFromArgument(ctx.store, claimArg);
  if (!ref) return undefined;
  const { anchor } = ref.claim;
  const articleUri = ref.state.articleUri;
  if (anchor.kind === 'orphaned' || !articleUri) return revealInSidecarCommand(ctx, claimArg);
  const document = await vscode.workspace.openTextDocument(articleUri);
  const selection = new vscode.Range(document.positionAt(anchor.start), document.positionAt(anchor.end));
  return vscode.window.showTextDocument(document, { selection, preserveFocus: true, preview: true });
}
