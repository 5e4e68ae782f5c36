/** Filters the Claims view by text (every word must match), and clears the filter. */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands';

export async function filterCommand(ctx: CommandContext, textArg?: unknown): Promise<void> {
  const text =
    typeof textArg === 'string'
      ? textArg
      : await vscode.window.showInputBox({
          value: ctx.claimsView.filter,
          prompt: vscode.l10n.t('Show claims whose quote, id, speaker, source, note, tags or article contain these words'),
          placeHolder: vscode.l10n.t('e.g. yonhap troops'),
        });
  if (text !== undefined) await ctx.claimsView.setFilter(text);
}

export async function clearFilterCommand(ctx: CommandContext): Promise<void> {
  await ctx.claimsView.setFilter('');
}
