/**
 * The hover over a claim in an article: Markdown built and escaped by the core,
 * rendered untrusted (no HTML, no command links, no theme icons).
 */
import * as vscode from 'vscode';
import { claimsHoverMarkdown } from '../core/hover';
import type { ClaimStoreApi } from './claimStore';

export class ClaimHoverProvider implements vscode.HoverProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(private readonly store: ClaimStoreApi) {
    this.registration = vscode.languages.registerHoverProvider({ pattern: '**/*' }, this);
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    // Offsets are only valid for the text they were computed from.
    if (!this.store.showing(document)?.length) return undefined;
    const claims = this.store.claimsAt(document.uri, document.offsetAt(position));
    const inner = claims[0];
    if (!inner || inner.anchor.kind === 'orphaned') return undefined;
    const markdown = new vscode.MarkdownString(claimsHoverMarkdown(claims));
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    markdown.supportThemeIcons = false;
    const range = new vscode.Range(document.positionAt(inner.anchor.start), document.positionAt(inner.anchor.end));
    return new vscode.Hover(markdown, range);
  }

  dispose(): void {
    this.registration.dispose();
  }
}
