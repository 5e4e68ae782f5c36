/**
 * The Claims view in a real extension host: grouping (each mode) with counts, the
 * orphaned group, the text filter with its description and message, the to-review
 * badge, rows (label, description, icon, contextValue, lazy tooltip, click command),
 * getParent and reveal.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClaimLensApi } from '../../src/extension';
import type { ClaimNode, ClaimsNode, GroupNode } from '../../src/extension/claimsTreeNodes';
import { createDesk, extensionApi, QUOTES, removeDesk, selectedText, until, type Desk } from './reviewDesk';

const NAME = 'treedesk';

describe('Claims view', () => {
  let api: ClaimLensApi;
  let desk: Desk;

  /** The groups shown when the view is filtered to this test's article, as `label (count): ids`. */
  function shape(): string[] {
    return api.claimsView.roots().map((g) => `${g.label} (${description(g)}): ${g.claims.map(claimId).join(' ')}`);
  }
  const description = (node: ClaimsNode) => api.claimsView.getTreeItem(node).description;
  const claimId = (node: ClaimNode) => node.claim.claim.id;
  const claimNode = (id: string) => api.claimsView.roots().flatMap((g) => g.claims).find((c) => claimId(c) === id);

  before(async () => {
    api = await extensionApi();
    desk = await createDesk(NAME);
  });

  after(async () => {
    await api.claimsView.setGroupBy('status');
    await api.claimsView.setFilter('');
    await removeDesk(desk);
  });

  it('badges the number of claims still to review (unverified and in review)', async () => {
    const pending = (counts: Record<string, number>) => (counts['unverified'] ?? 0) + (counts['in-review'] ?? 0);
    // The desk adds two unverified claims (one by default) and one in review.
    assert.equal(pending(api.store.forSidecar(desk.sidecar)!.analysis.counts), 3);
    const total = () => api.store.all().reduce((sum, s) => sum + pending(s.analysis.counts), 0);
    await until(() => api.claimsView.view.badge?.value === total(), () => `badge ${total()}, is ${api.claimsView.view.badge?.value}`);
    assert.ok(total() >= 3);
    assert.match(api.claimsView.view.badge?.tooltip ?? '', new RegExp(`^${total()} claims? still to review`));
  });

  it('groups by status, unverified and in review first, orphaned claims last, in article order', async () => {
    await api.claimsView.setGroupBy('status');
    await api.claimsView.setFilter(NAME);
    assert.deepEqual(shape(), [
      'Unverified (2): bridge-opening wages-fell',
      'In review (1): budget-rise',
      'Verified (1): traffic-doubled',
      'Orphaned (1): ghost',
    ]);
  });

  it('groups by article, by speaker and by source', async () => {
    await api.claimsView.setFilter(NAME);
    await api.claimsView.setGroupBy('article');
    assert.deepEqual(shape(), [`${NAME}.txt (4): bridge-opening budget-rise wages-fell traffic-doubled`, 'Orphaned (1): ghost']);
    await api.claimsView.setGroupBy('speaker');
    assert.deepEqual(shape(), [
      'Officials (1): budget-rise',
      'Transport minister (1): bridge-opening',
      'Union leader (1): wages-fell',
      'No speaker (1): traffic-doubled',
      'Orphaned (1): ghost',
    ]);
    await api.claimsView.setGroupBy('source');
    assert.deepEqual(shape(), [
      'Regional Gazette (2): bridge-opening traffic-doubled',
      'Union bulletin (1): wages-fell',
      'No source (1): budget-rise',
      'Orphaned (1): ghost',
    ]);
    await vscode.commands.executeCommand('claimLens.groupBy', 'status');
    assert.equal(api.claimsView.groupBy, 'status', 'the groupBy command switches the mode');
  });

  it('filters by every word, says so in the description and the message, and clears', async () => {
    await vscode.commands.executeCommand('claimLens.filter', `${NAME}  gazette`);
    assert.deepEqual(shape(), ['Unverified (1): bridge-opening', 'Verified (1): traffic-doubled']);
    assert.match(String(api.claimsView.view.description), /gazette/);
    assert.match(api.claimsView.view.message ?? '', /gazette/);

    await vscode.commands.executeCommand('claimLens.filter', `${NAME} no-such-word`);
    assert.deepEqual(api.claimsView.roots(), []);
    assert.match(api.claimsView.view.message ?? '', /No claims match/);

    await vscode.commands.executeCommand('claimLens.clearFilter');
    assert.equal(api.claimsView.filter, '');
    assert.equal(api.claimsView.view.description, undefined);
    assert.equal(api.claimsView.view.message, undefined);
    assert.ok(claimNode('ghost') && claimNode('bridge-opening'), 'all claims are back');
  });

  it('shows a short quote, the speaker, a status icon and a contextValue built from parts', async () => {
    await api.claimsView.setFilter(NAME);
    const bridge = api.claimsView.getTreeItem(claimNode('bridge-opening')!);
    assert.equal(bridge.label, QUOTES['bridge-opening']);
    assert.equal(bridge.description, 'Transport minister');
    assert.equal(bridge.contextValue, 'claim.unverified.hasSource');
    assert.ok(bridge.iconPath instanceof vscode.ThemeIcon && bridge.iconPath.color instanceof vscode.ThemeColor);
    assert.equal(api.claimsView.getTreeItem(claimNode('budget-rise')!).contextValue, 'claim.in-review');
    assert.equal(api.claimsView.getTreeItem(claimNode('ghost')!).contextValue, 'claim.verified.orphaned');
  });

  it('builds the tooltip lazily with the full quote and the attribution', async () => {
    await api.claimsView.setFilter(NAME);
    const node = claimNode('bridge-opening')!;
    const item = api.claimsView.getTreeItem(node);
    assert.equal(item.tooltip, undefined, 'no tooltip before it is resolved');
    const resolved = api.claimsView.resolveTreeItem(item, node);
    // appendText escapes the sidecar's text for Markdown, spaces included.
    const tooltip = resolved.tooltip instanceof vscode.MarkdownString ? resolved.tooltip.value.replace(/&nbsp;/g, ' ') : '';
    assert.match(tooltip, /the bridge will open in May/);
    assert.match(tooltip, /Transport minister/);
    assert.match(tooltip, /Regional Gazette/);
    assert.notEqual((resolved.tooltip as vscode.MarkdownString).isTrusted, true);
  });

  it('knows each row’s parent, and reveals and selects a claim', async () => {
    await api.claimsView.setFilter(NAME);
    for (const group of api.claimsView.roots()) {
      assert.equal(api.claimsView.getParent(group), undefined);
      for (const claim of group.claims) assert.equal(api.claimsView.getParent(claim), group);
    }
    assert.equal(await api.claimsView.reveal(desk.sidecar, 'wages-fell'), true);
    await until(() => api.claimsView.view.selection.length === 1, 'a selected row');
    const [selected] = api.claimsView.view.selection;
    assert.equal(selected?.kind, 'claim');
    assert.equal(claimId(selected as ClaimNode), 'wages-fell');
    assert.equal(((selected as ClaimNode).parent as GroupNode).label, 'Unverified');
  });

  it('reveals the claim in the article when a row is clicked (its command)', async () => {
    await api.claimsView.setFilter(NAME);
    const command = api.claimsView.getTreeItem(claimNode('budget-rise')!).command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), desk.article.toString());
    assert.equal(selectedText(editor), QUOTES['budget-rise']);
  });

  it('shows an orphaned claim in its sidecar when its row is clicked', async () => {
    await api.claimsView.setFilter(NAME);
    const command = api.claimsView.getTreeItem(claimNode('ghost')!).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), desk.sidecar.toString());
    assert.equal(selectedText(editor), 'ghost');
  });
});
