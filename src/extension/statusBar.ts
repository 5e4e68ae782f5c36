/**
 * The active article's claim counts in the status bar ("$(checklist) 3 to review ·
 * 2 verified"), every count in the tooltip; a click focuses the Claims view.
 */
import * as vscode from 'vscode';
import { STATUS_INFO, STATUS_ORDER, sumCounts, toReview } from '../core/status';
import type { StatusCounts } from '../core/types';
import type { ClaimStoreApi } from './claimStore';

export const FOCUS_CLAIMS_VIEW_COMMAND = 'claimLens.claims.focus';

export class ClaimStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('claimLens.counts', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[];
  private visible = false;

  constructor(private readonly store: ClaimStoreApi) {
    this.item.name = vscode.l10n.t('Claim Lens Counts');
    this.item.command = FOCUS_CLAIMS_VIEW_COMMAND;
    this.disposables = [
      this.item,
      store.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  /** The item's current text, or undefined while it is hidden (for tests). */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  /** The tooltip's Markdown while the item shows (for tests). */
  get tooltip(): string | undefined {
    return this.visible && this.item.tooltip instanceof vscode.MarkdownString ? this.item.tooltip.value : undefined;
  }

  update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    // An article's counts are those of all its sidecars; a sidecar's its own.
    const sidecar = uri && this.store.forSidecar(uri);
    const states = sidecar ? [sidecar] : uri ? this.store.allForArticle(uri) : [];
    this.visible = states.length > 0;
    if (!this.visible) {
      this.item.hide();
      return;
    }
    const counts = sumCounts(states.map((state) => state.analysis.counts));
    this.item.text = vscode.l10n.t('$(checklist) {0} to review · {1} verified', toReview(counts), counts.verified);
    this.item.tooltip = tooltip(counts);
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function tooltip(counts: StatusCounts): vscode.MarkdownString {
  const total = STATUS_ORDER.reduce((sum, status) => sum + counts[status], 0);
  const lines = [
    vscode.l10n.t('Claim Lens: {0} claims', total),
    '',
    ...STATUS_ORDER.map((status) => `- ${STATUS_INFO[status].label}: ${counts[status]}`),
    '',
    vscode.l10n.t('Click to show the Claims view.'),
  ];
  const markdown = new vscode.MarkdownString(lines.join('\n'));
  markdown.isTrusted = false;
  return markdown;
}
