/**
 * The status bar item: the active article's counts, hidden elsewhere, and its click
 * target (the Claims view's focus command) exists.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ARTICLE, claimLens, Fixture, SIDECAR, until } from './claimFixture';

describe('Status bar counts', () => {
  let fixture: Fixture;

  before(async () => {
    fixture = await Fixture.create('e1-status-bar', { 'article.txt': ARTICLE, 'article.claims.yaml': SIDECAR, 'other.txt': 'No claims here.\n' });
  });
  after(() => fixture.dispose());

  it('shows the active article’s claims to review and verified', async () => {
    const api = await claimLens();
    await vscode.window.showTextDocument(fixture.uri('article.txt'));
    // unverified 1 + in review 2 = 3 to review; 2 verified.
    await until(() => api.statusBar.text === '$(checklist) 3 to review · 2 verified', () => `the counts, got ${api.statusBar.text}`);
    const tooltip = api.statusBar.tooltip ?? '';
    for (const line of ['9 claims', 'Unverified: 1', 'In review: 2', 'Verified: 2', 'Disputed: 2', 'False: 1', 'Unverifiable: 1']) {
      assert.ok(tooltip.includes(line), `the tooltip lists "${line}":\n${tooltip}`);
    }
  });

  it('shows the counts for the sidecar too, and hides on other files', async () => {
    const api = await claimLens();
    await vscode.window.showTextDocument(fixture.uri('article.claims.yaml'));
    await until(() => api.statusBar.text === '$(checklist) 3 to review · 2 verified', () => `the counts, got ${api.statusBar.text}`);
    await vscode.window.showTextDocument(fixture.uri('other.txt'));
    await until(() => api.statusBar.text === undefined, () => `the item to hide, got ${api.statusBar.text}`);
  });

  it('focuses the Claims view when clicked', async () => {
    const registered = await vscode.commands.getCommands(true);
    assert.ok(registered.includes('claimLens.claims.focus'));
    await vscode.commands.executeCommand('claimLens.claims.focus');
  });
});
