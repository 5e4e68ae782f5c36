/**
 * Gives plain-text articles that have a sidecar the `claimlens-article` language, whose
 * grammar (syntaxes/article.tmLanguage.json) marks quotations, attribution cues and
 * figures. The language claims no file extension, so no other file changes: a .txt
 * without a sidecar stays plain text, and Markdown articles keep the Markdown language
 * (an injection grammar cannot be limited to files with a sidecar, and changing their
 * language would break Markdown preview and tooling). A document leaves the language
 * again when its sidecar goes away.
 */
import * as vscode from 'vscode';
import type { ClaimStoreApi } from './claimStore';

export const ARTICLE_LANGUAGE = 'claimlens-article';
const PLAIN_TEXT = 'plaintext';

export class ArticleLanguage implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly store: ClaimStoreApi) {
    this.disposables = [
      store.onDidChange(() => this.updateAll()),
      vscode.workspace.onDidOpenTextDocument((d) => void this.update(d)),
    ];
    this.updateAll();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private updateAll(): void {
    for (const document of vscode.workspace.textDocuments) void this.update(document);
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    const hasSidecar = this.store.forArticle(document.uri) !== undefined;
    if (hasSidecar && document.languageId === PLAIN_TEXT) {
      await vscode.languages.setTextDocumentLanguage(document, ARTICLE_LANGUAGE);
    } else if (!hasSidecar && document.languageId === ARTICLE_LANGUAGE) {
      await vscode.languages.setTextDocumentLanguage(document, PLAIN_TEXT);
    }
  }
}
