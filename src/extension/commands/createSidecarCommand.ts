/** Creates the claims file for an article (the active one, or one from the Explorer) and opens it. */
import * as vscode from 'vscode';
import { newSidecarText } from '../../core/edits';
import { basename } from '../../core/paths';
import type { CommandContext } from '../commands';
import { createSidecar, fail, sidecarFor } from '../sidecarWriter';

export async function createSidecarCommand(ctx: CommandContext, uriArg?: unknown): Promise<vscode.Uri | undefined> {
  const articleUri = uriArg instanceof vscode.Uri ? uriArg : ctx.articles.activeArticleEditor()?.document.uri;
  if (!articleUri || !ctx.articles.isArticle(articleUri)) {
    fail(vscode.l10n.t('Open an article (a .txt or .md file) to create its claims file.'));
    return undefined;
  }
  const sidecar = await sidecarFor(ctx.store, articleUri);
  if (!sidecar) return undefined;
  if (!sidecar.exists && !(await createSidecar(sidecar.uri, newSidecarText(basename(articleUri.path)))).ok) return undefined;
  await vscode.window.showTextDocument(sidecar.uri);
  return sidecar.uri;
}
