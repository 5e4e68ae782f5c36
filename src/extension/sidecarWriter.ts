/**
 * Every change Claim Lens makes to a sidecar goes through here. The core computes the
 * smallest text edits against the sidecar's current text (the open document's, unsaved
 * changes included); they are applied as one WorkspaceEdit, so Ctrl+Z undoes them and
 * comments, key order and quoting stay as written. A sidecar that does not parse is
 * never written: the core refuses and the user is told where the YAML breaks.
 *
 * Saving: a sidecar that had no unsaved changes is saved right after the edit, so the
 * file on disk (what the CLI, git and other tools read) says what the editor shows,
 * and a sidecar opened only to be edited is not left dirty and out of sight. Undo still
 * works after the save. A sidecar that already had unsaved changes is left unsaved:
 * saving it would also write the user's unfinished edits.
 */
import * as vscode from 'vscode';
import { sidecarCandidates } from '../core/article';
import type { EditResult } from '../core/edits';
import { basename } from '../core/paths';
import type { ClaimStoreApi } from './claimStore';
import { exists } from './fileSystem';
import { notificationText } from '../core/text';
import { showError } from './notifications';

export type WriteResult = { ok: true } | { ok: false; message: string };

/** Applies `compute(text)` to the sidecar's document; shows and returns why not when refused. */
export async function editSidecar(sidecarUri: vscode.Uri, compute: (text: string) => EditResult): Promise<WriteResult> {
  const document = await vscode.workspace.openTextDocument(sidecarUri);
  const wasDirty = document.isDirty;
  const result = compute(document.getText());
  if (!result.ok) return refuse(sidecarUri, result);
  if (result.edits.length === 0) return { ok: true };
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) {
    edit.replace(sidecarUri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  }
  // The edit carries the document version it was computed for: if the user typed in
  // between, it is rejected rather than applied at the wrong place.
  if (!(await vscode.workspace.applyEdit(edit))) {
    return fail(vscode.l10n.t('{0} changed while Claim Lens was editing it; try again.', basename(sidecarUri.path)));
  }
  if (!wasDirty && !document.isUntitled) await document.save();
  return { ok: true };
}

/** Creates a sidecar that does not exist yet, with `text` (undoable as a file operation). */
export async function createSidecar(sidecarUri: vscode.Uri, text: string): Promise<WriteResult> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(sidecarUri, { contents: new TextEncoder().encode(text) });
  if (await vscode.workspace.applyEdit(edit)) return { ok: true };
  return fail(vscode.l10n.t('Could not create {0}.', vscode.workspace.asRelativePath(sidecarUri)));
}

/** Opens the sidecar with the cursor at a 1-based line and column. */
async function openSidecarAt(sidecarUri: vscode.Uri, line = 1, column = 1): Promise<vscode.TextEditor> {
  const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
  return vscode.window.showTextDocument(sidecarUri, { selection: new vscode.Range(position, position) });
}

function refuse(sidecarUri: vscode.Uri, result: Extract<EditResult, { ok: false }>): WriteResult {
  const file = vscode.workspace.asRelativePath(sidecarUri);
  const where = result.line !== undefined ? `:${result.line}:${result.column ?? 1}` : '';
  // As shown: the core's message quotes the sidecar, which must not spell a command link.
  const message = notificationText(vscode.l10n.t('Claim Lens did not change {0}{1}: {2}', file, where, result.message));
  const open = vscode.l10n.t('Open Sidecar');
  // Not awaited: the command finishes now; the notification stays until dismissed.
  void showError(message, open).then((choice) => {
    if (choice === open) void openSidecarAt(sidecarUri, result.line, result.column);
  });
  return { ok: false, message };
}

export function fail(message: string): WriteResult {
  void showError(message);
  return { ok: false, message };
}

/**
 * The article's sidecar: the store's, else the first candidate on disk (not yet seen
 * by the store), else where a new one belongs (`x.claims.yaml` beside `x.txt`).
 */
export async function sidecarFor(
  store: ClaimStoreApi,
  articleUri: vscode.Uri,
): Promise<{ uri: vscode.Uri; exists: boolean } | undefined> {
  const known = store.forArticle(articleUri);
  if (known) return { uri: known.sidecarUri, exists: true };
  const candidates = sidecarCandidates(articleUri.path).map((path) => articleUri.with({ path }));
  for (const uri of candidates) if (await exists(uri)) return { uri, exists: true };
  return candidates[0] && { uri: candidates[0], exists: false };
}
