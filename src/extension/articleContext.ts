/**
 * Whether the active editor shows an article, and whether that article has a sidecar,
 * as context keys: `claimLens.editorIsArticle` (keybindings, editor menus) and
 * `claimLens.activeArticleWithoutSidecar` (the Claims view's "create a claims file"
 * welcome and title action).
 */
import * as vscode from 'vscode';
import { extname, isSidecarPath } from '../core/paths';
import type { ClaimStoreApi } from './claimStore';
import type { Config } from './config';

const IS_ARTICLE_KEY = 'claimLens.editorIsArticle';
const WITHOUT_SIDECAR_KEY = 'claimLens.activeArticleWithoutSidecar';

export class ArticleContext implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly store: ClaimStoreApi,
    private readonly config: Config,
  ) {
    const update = () => void this.update();
    this.disposables = [
      vscode.window.onDidChangeActiveTextEditor(update),
      store.onDidChange(update),
      config.onDidChange(update),
    ];
    update();
  }

  isArticle(uri: vscode.Uri): boolean {
    return !isSidecarPath(uri.path) && this.config.current.articleExtensions.includes(extname(uri.path));
  }

  /** The active editor when it shows an article. */
  activeArticleEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor && this.isArticle(editor.document.uri) ? editor : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async update(): Promise<void> {
    const editor = this.activeArticleEditor();
    const withoutSidecar = editor !== undefined && !this.store.forArticle(editor.document.uri);
    await vscode.commands.executeCommand('setContext', IS_ARTICLE_KEY, editor !== undefined);
    await vscode.commands.executeCommand('setContext', WITHOUT_SIDECAR_KEY, withoutSidecar);
  }
}
