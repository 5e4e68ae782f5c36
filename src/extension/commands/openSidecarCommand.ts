/** Opens the active article's sidecar (or offers to create it). */
import * as vscode from 'vscode';
import { basename } from '../../core/paths';
import type { CommandContext } from '../commands';
import { sidecarFor } from '../sidecarWriter';
import { createSidecarCommand } from './createSidecarCommand';
import { showInformation } from '../notifications';

export async function openSidecarCommand(ctx: CommandContext, uriArg?: unknown): Promise<vscode.TextEditor | undefined> {
  const articleUri = uriArg instanceof vscode.Uri ? uriArg : ctx.articles.activeArticleEditor()?.document.uri;
  if (!articleUri || !ctx.articles.isArticle(articleUri)) {
    void showInformation(vscode.l10n.t('Open an article to open its claims file.'));
    return undefined;
  }
  const sidecar = await sidecarFor(ctx.store, articleUri);
  if (sidecar?.exists) return vscode.window.showTextDocument(sidecar.uri);
  const create = vscode.l10n.t('Create Claims File');
  const choice = await showInformation(
    vscode.l10n.t('{0} has no claims file yet.', basename(articleUri.path)),
    create,
  );
  if (choice === create) await createSidecarCommand(ctx, articleUri);
  return undefined;
}
