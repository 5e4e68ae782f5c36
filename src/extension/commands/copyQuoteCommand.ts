/** Copies a claim's quote to the clipboard (vscode.env.clipboard: works on the web too). */
import * as vscode from 'vscode';
import { resolveClaim } from '../claimPicker';
import type { CommandContext } from '../commands';

export async function copyQuoteCommand(ctx: CommandContext, claimArg?: unknown): Promise<string | undefined> {
  const ref = await resolveClaim(ctx.store, claimArg, vscode.l10n.t('Copy the quote of which claim?'));
  if (!ref) return undefined;
  await vscode.env.clipboard.writeText(ref.claim.claim.quote);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Claim Lens: quote copied'), 3000);
  return ref.claim.claim.quote;
}
