/**
 * The Claims view (`claimLens.claims`): every claim in the workspace, grouped by status,
 * article, speaker or source, filtered by text, with a badge counting what is still to
 * review. The grouping is remembered per workspace; both it and the filter are also
 * context keys, so menus can follow them.
 */
import * as vscode from 'vscode';
import { claimHoverMarkdown } from '../core/hover';
import { escapeMarkdown } from '../core/markdown';
import { toReview } from '../core/status';
import { shortText } from '../core/text';
import type { Status } from '../core/types';
import {
  buildGroups,
  claimContextValue,
  isGroupBy,
  type ClaimNode,
  type ClaimsNode,
  type GroupBy,
  type GroupNode,
} from './claimsTreeNodes';
import type { ClaimStoreApi } from './claimStore';

export const CLAIMS_VIEW_ID = 'claimLens.claims';
/** Internal command a claim row runs when clicked (registered in commands.ts). */
export const REVEAL_IN_ARTICLE_COMMAND = 'claimLens._revealInArticle';
const GROUP_BY_KEY = 'claimLens.claimsView.groupBy';
const FILTERED_KEY = 'claimLens.claimsView.filtered';

const STATUS_ICONS: Readonly<Record<Status, vscode.ThemeIcon>> = {
  unverified: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('charts.yellow')),
  'in-review': new vscode.ThemeIcon('eye', new vscode.ThemeColor('charts.blue')),
  verified: new vscode.ThemeIcon('pass', new vscode.ThemeColor('charts.green')),
  disputed: new vscode.ThemeIcon('warning', new vscode.ThemeColor('charts.orange')),
  false: new vscode.ThemeIcon('error', new vscode.ThemeColor('charts.red')),
  unverifiable: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
};
const ORPHANED_ICON = new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('problemsErrorIcon.foreground'));

export class ClaimsTreeView implements vscode.TreeDataProvider<ClaimsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ClaimsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The view itself: its badge, message, description, selection and visibility. */
  readonly view: vscode.TreeView<ClaimsNode>;
  private readonly disposables: vscode.Disposable[];
  private groups: GroupNode[] | undefined;
  private groupByMode: GroupBy;
  private filterText = '';

  constructor(
    private readonly store: ClaimStoreApi,
    private readonly memento: vscode.Memento,
  ) {
    const remembered = memento.get<unknown>(GROUP_BY_KEY);
    this.groupByMode = isGroupBy(remembered) ? remembered : 'status';
    this.view = vscode.window.createTreeView(CLAIMS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables = [this.view, this.changed, store.onDidChange(() => this.refresh())];
    void this.setContext();
    this.refresh();
  }

  get groupBy(): GroupBy {
    return this.groupByMode;
  }

  get filter(): string {
    return this.filterText;
  }

  async setGroupBy(mode: GroupBy): Promise<void> {
    this.groupByMode = mode;
    await this.memento.update(GROUP_BY_KEY, mode);
    await this.setContext();
    this.refresh();
  }

  async setFilter(text: string): Promise<void> {
    this.filterText = text.trim();
    await this.setContext();
    this.refresh();
  }

  /** The groups as shown now (tests and `reveal` read them). */
  roots(): readonly GroupNode[] {
    this.groups ??= buildGroups(this.store.all(), this.groupByMode, this.filterText);
    return this.groups;
  }

  /**
   * Selects the claim's first row (a claim can sit in several source groups): by id, or
   * by id and place in `claims:` (two claims may share an id).
   */
  async reveal(sidecarUri: vscode.Uri, claim: string | { id: string; index: number }, options?: { focus?: boolean }): Promise<boolean> {
    const key = sidecarUri.toString();
    const [id, index] = typeof claim === 'string' ? [claim, undefined] : [claim.id, claim.index];
    const node = this.roots()
      .flatMap((g) => g.claims)
      .find((c) => c.state.sidecarUri.toString() === key && c.claim.claim.id === id && (index === undefined || c.claim.claim.index === index));
    if (!node) return false;
    await this.view.reveal(node, { select: true, focus: options?.focus ?? false, expand: true });
    return true;
  }

  getChildren(node?: ClaimsNode): ClaimsNode[] {
    if (!node) return [...this.roots()];
    return node.kind === 'group' ? node.claims : [];
  }

  getParent(node: ClaimsNode): ClaimsNode | undefined {
    return node.kind === 'claim' ? node.parent : undefined;
  }

  getTreeItem(node: ClaimsNode): vscode.TreeItem {
    return node.kind === 'group' ? groupItem(node) : claimItem(node);
  }

  /** The tooltip is built only when the user hovers a row. */
  resolveTreeItem(item: vscode.TreeItem, node: ClaimsNode): vscode.TreeItem {
    if (node.kind === 'claim') item.tooltip = claimTooltip(node);
    return item;
  }

  refresh(): void {
    this.groups = undefined;
    this.updateChrome();
    this.changed.fire(undefined);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private updateChrome(): void {
    const pending = this.store.all().reduce((sum, s) => sum + toReview(s.analysis.counts), 0);
    this.view.badge =
      pending > 0
        ? {
            value: pending,
            tooltip: pending === 1 ? vscode.l10n.t('1 claim still to review') : vscode.l10n.t('{0} claims still to review', pending),
          }
        : undefined;
    const filter = this.filterText;
    this.view.description = filter ? vscode.l10n.t('Filter: {0}', filter) : undefined;
    if (!filter) this.view.message = undefined;
    else if (this.roots().length === 0) this.view.message = vscode.l10n.t('No claims match “{0}”.', filter);
    else this.view.message = vscode.l10n.t('Showing claims that match “{0}”.', filter);
  }

  private async setContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', GROUP_BY_KEY, this.groupByMode);
    await vscode.commands.executeCommand('setContext', FILTERED_KEY, this.filterText !== '');
  }
}

function groupItem(group: GroupNode): vscode.TreeItem {
  const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = group.id;
  item.description = String(group.claims.length);
  item.contextValue = group.orphaned ? 'group.orphaned' : 'group';
  if (group.orphaned) item.iconPath = ORPHANED_ICON;
  else if (group.status) item.iconPath = STATUS_ICONS[group.status];
  return item;
}

function claimItem(node: ClaimNode): vscode.TreeItem {
  const claim = node.claim.claim;
  const item = new vscode.TreeItem(shortText(claim.quote), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const speaker = claim.attribution?.speaker;
  if (speaker) item.description = speaker;
  item.iconPath = node.claim.anchor.kind === 'orphaned' ? ORPHANED_ICON : STATUS_ICONS[claim.status];
  item.contextValue = claimContextValue(node.claim);
  item.command = { command: REVEAL_IN_ARTICLE_COMMAND, title: vscode.l10n.t('Reveal in Article'), arguments: [node] };
  return item;
}

/**
 * The full quote, then what the article hover says about the claim (built and escaped
 * in the core: sidecar text is untrusted, links are http(s) only), then where it lives.
 */
function claimTooltip(node: ClaimNode): vscode.MarkdownString {
  const quote = escapeMarkdown(node.claim.claim.quote.replace(/\s+/g, ' ').trim());
  const where = escapeMarkdown(vscode.workspace.asRelativePath(node.state.sidecarUri));
  return new vscode.MarkdownString(`> ${quote}\n\n${claimHoverMarkdown(node.claim)}\n\n${where}`);
}
