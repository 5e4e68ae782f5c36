/**
 * Adds the selected article text as a claim: appends one entry to the article's
 * sidecar, creating the sidecar when there is none yet.
 */
import * as vscode from 'vscode';
import { addClaimEdits, applyEdits, newSidecarText } from '../../core/edits';
import { basename } from '../../core/paths';
import { trimmedRange } from '../../core/text';
import type { TextRange } from '../../core/types';
import type { CommandContext } from '../commands';
import { createSidecar, editSidecar, fail, sidecarFor, type WriteResult } from '../sidecarWriter';

export async function addClaimCommand(ctx: CommandContext): Promise<WriteResult & { id?: string }> {
  const editor = ctx.articles.activeArticleEditor();
  const range = editor && trimmedSelection(editor);
  if (!editor || !range) return fail(vscode.l10n.t('Select the text of the claim in an article first.'));
  const articleUri = editor.document.uri;
  const articleText = editor.document.getText();
  const sidecar = await sidecarFor(ctx.store, articleUri);
  if (!sidecar) return fail(vscode.l10n.t('{0} cannot have a claims file.', basename(articleUri.path)));

  let id: string | undefined;
  let written: WriteResult;
  if (sidecar.exists) {
    written = await editSidecar(sidecar.uri, (text) => {
      const result = addClaimEdits(text, articleText, range);
      id = result.id;
      return result;
    });
  } else {
    const text = newSidecarText(basename(articleUri.path));
    const result = addClaimEdits(text, articleText, range);
    if (!result.ok) return fail(result.message);
    id = result.id;
    written = await createSidecar(sidecar.uri, applyEdits(text, result.edits));
  }
  if (written.ok && id) vscode.window.setStatusBarMessage(vscode.l10n.t('Claim Lens: added claim {0}', id), 4000);
  return id ? { ...written, id } : written;
}

/** The selection without white space at either end (as the core trims it); undefined when nothing is left. */
function trimmedSelection(editor: vscode.TextEditor): TextRange | undefined {
  const { document, selection } = editor;
  const range = trimmedRange(document.getText(), { start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) });
  return range.start < range.end ? range : undefined;
}
