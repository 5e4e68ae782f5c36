/** Opens the sidecar at the claim's entry, with its id selected. */
import * as vscode from 'vscode';
import { resolveClaim } from '../claimPicker';
import type { CommandContext } from '../commands';

export async function revealInSidecarCommand(ctx: CommandContext, claimArg?: unknown): Promise<vscode.TextEditor | undefined> {
  const ref = await resolveClaim(ctx.store, claimArg, vscode.l10n.t('Reveal which claim in its sidecar?'));
  if (!ref) return undefined;
  const document = await vscode.workspace.openTextDocument(ref.state.sidecarUri);
  const { idRange, entryRange } = ref.claim.claim;
  const target = idRange ?? { start: entryRange.start, end: entryRange.start };
  const selection = new vscode.Range(document.positionAt(target.start), document.positionAt(target.end));
  return vscode.window.showTextDocument(document, { selection });
}
