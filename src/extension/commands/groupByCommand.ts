/** Chooses how the Claims view groups claims: by status, article, speaker or source. */
import * as vscode from 'vscode';
import { GROUP_BY, isGroupBy, type GroupBy } from '../claimsTreeNodes';
import type { CommandContext } from '../commands';

export async function groupByCommand(ctx: CommandContext, modeArg?: unknown): Promise<GroupBy | undefined> {
  const mode = isGroupBy(modeArg) ? modeArg : await pickMode(ctx.claimsView.groupBy);
  if (mode) await ctx.claimsView.setGroupBy(mode);
  return mode;
}

function modeLabel(mode: GroupBy): string {
  switch (mode) {
    case 'status':
      return vscode.l10n.t('Status');
    case 'article':
      return vscode.l10n.t('Article');
    case 'speaker':
      return vscode.l10n.t('Speaker');
    case 'source':
      return vscode.l10n.t('Source');
  }
}

async function pickMode(current: GroupBy): Promise<GroupBy | undefined> {
  const items = GROUP_BY.map((mode) => ({
    label: modeLabel(mode),
    description: mode === current ? vscode.l10n.t('current') : undefined,
    mode,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Group claims by') });
  return picked?.mode;
}
