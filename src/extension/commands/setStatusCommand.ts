/** Sets a claim's status: rewrites one scalar in the sidecar. */
import * as vscode from 'vscode';
import { setStatusEdits } from '../../core/edits';
import { isStatus, STATUS_INFO, STATUS_ORDER } from '../../core/status';
import type { Status } from '../../core/types';
import { claimRef, resolveClaim } from '../claimPicker';
import type { CommandContext } from '../commands';
import { editSidecar, type WriteResult } from '../sidecarWriter';

/** `claimLens.setStatus(claim?, status?)`: asks for whichever is not given. */
export async function setStatusCommand(ctx: CommandContext, claimArg?: unknown, statusArg?: unknown): Promise<WriteResult | undefined> {
  const ref = await resolveClaim(ctx.store, claimArg, vscode.l10n.t('Set the status of which claim?'));
  if (!ref) return undefined;
  const status = isStatus(statusArg) ? statusArg : await pickStatus(ref.claim.claim.status);
  if (!status) return undefined;
  return editSidecar(ref.state.sidecarUri, (text) => setStatusEdits(text, claimRef(ref), status));
}

async function pickStatus(current: Status): Promise<Status | undefined> {
  // The label is the word written in the sidecar, so what is picked is what is read there.
  const items = STATUS_ORDER.map((status) => ({
    label: status,
    description: status === current ? vscode.l10n.t('{0} (current)', STATUS_INFO[status].description) : STATUS_INFO[status].description,
    status,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Set the claim’s status') });
  return picked?.status;
}
