/**
 * Gives plain-text articles that have a sidecar the `claimlens-article` language, whose
 * grammar (syntaxes/article.tmLanguage.json) marks quotations, attribution cues and
 * figures. The language claims no file extension, so no other file changes: a .txt
 * without a sidecar stays plain text, and Markdown articles keep the Markdown language
 * (an injection grammar cannot be limited to files with a sidecar, and changing their
 * language would break Markdown preview and tooling). A document leaves the language
 * again when its sidecar goes away, and stays in the language the user picks instead
 * (Change Language Mode) until it is closed.
 */
import * as vscode from 'vscode';
import type { ClaimStoreApi } from './claimStore';

export const ARTICLE_LANGUAGE = 'claimlens-article';
const PLAIN_TEXT = 'plaintext';

export class ArticleLanguage implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[];
  /** Documents whose language this is changing, to which language (until VS Code reopens them in it). */
  private readonly switching = new Map<string, string>();
  /** Documents the user moved out of the article language: left as they chose while open. */
  private readonly optedOut = new Set<string>();
  /** Documents closed in this turn, with their language: reopened in the same turn, their language changed. */
  private readonly closed = new Map<string, string>();

  constructor(private readonly store: ClaimStoreApi) {
    this.disposables = [
      store.onDidChange(() => this.updateAll()),
      // VS Code changes a document's language by closing it and opening it again at once.
      vscode.workspace.onDidCloseTextDocument((d) => {
        const key = d.uri.toString();
        this.closed.set(key, d.languageId);
        queueMicrotask(() => {
          if (!this.closed.delete(key)) return; // reopened: a change of language
          // Really closed: the next opening starts afresh.
          this.optedOut.delete(key);
          this.switching.delete(key);
        });
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        const key = d.uri.toString();
        const ours = this.switching.get(key) === d.languageId;
        if (ours) this.switching.delete(key);
        const from = this.closed.get(key);
        if (from !== undefined) {
          this.closed.delete(key);
          if (!ours && from === ARTICLE_LANGUAGE) this.optedOut.add(key);
          else if (d.languageId === ARTICLE_LANGUAGE) this.optedOut.delete(key);
        }
        void this.update(d);
      }),
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
    const key = document.uri.toString();
    if (this.optedOut.has(key) || this.switching.has(key)) return;
    const hasSidecar = this.store.forArticle(document.uri) !== undefined;
    const to = hasSidecar && document.languageId === PLAIN_TEXT ? ARTICLE_LANGUAGE : !hasSidecar && document.languageId === ARTICLE_LANGUAGE ? PLAIN_TEXT : undefined;
    if (!to) return;
    this.switching.set(key, to);
    try {
      await vscode.languages.setTextDocumentLanguage(document, to);
    } catch {
      this.switching.delete(key);
    }
  }
}
