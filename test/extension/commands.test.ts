/**
 * The review commands that move around and read, in a real extension host: next and
 * previous claim (wrapping), the claim under the cursor, reveal in sidecar, copy quote,
 * open and create the claims file, and the report export in every format.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import {
  claimArg,
  createDesk,
  diskText,
  QUOTES,
  removeDesk,
  selectedText,
  selectText,
  type Desk,
} from './reviewDesk';

const NAME = 'commanddesk';

describe('Review commands', () => {
  let desk: Desk;

  before(async () => {
    desk = await createDesk(NAME);
  });

  after(async () => {
    await removeDesk(desk);
  });

  it('goes to the next and previous claim in article order, wrapping at both ends', async () => {
    const editor = await selectText(desk.article, 'Bridge report');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const visited: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await vscode.commands.executeCommand<string>('claimLens.nextClaim');
      assert.equal(selectedText(vscode.window.activeTextEditor), QUOTES[id], `${id} is selected`);
      visited.push(id);
    }
    // ghost is orphaned: it has no place to go to.
    assert.deepEqual(visited, ['bridge-opening', 'budget-rise', 'wages-fell', 'traffic-doubled', 'bridge-opening']);
    assert.equal(await vscode.commands.executeCommand('claimLens.previousClaim'), 'traffic-doubled', 'wraps backwards');
    assert.equal(await vscode.commands.executeCommand('claimLens.previousClaim'), 'wages-fell');
  });

  it('acts on the claim under the cursor when given none', async () => {
    const editor = await selectText(desk.article, 'rose by 12');
    editor.selection = new vscode.Selection(editor.selection.start, editor.selection.start);
    const result = await vscode.commands.executeCommand<{ ok: boolean }>('claimLens.setStatus', undefined, 'disputed');
    assert.deepEqual(result, { ok: true });
    const sidecar = parse(await diskText(desk.sidecar)) as { claims: { id: string; status?: string }[] };
    assert.equal(sidecar.claims.find((c) => c.id === 'budget-rise')?.status, 'disputed');
  });

  it('acts on the claim that Go to Next Claim selected (the selection ends where the claim ends)', async () => {
    const editor = await selectText(desk.article, 'Officials added');
    editor.selection = new vscode.Selection(editor.selection.start, editor.selection.start);
    assert.equal(await vscode.commands.executeCommand('claimLens.nextClaim'), 'budget-rise');
    await vscode.commands.executeCommand('claimLens.setStatus', undefined, 'verified');
    const sidecar = parse(await diskText(desk.sidecar)) as { claims: { id: string; status?: string }[] };
    assert.equal(sidecar.claims.find((c) => c.id === 'budget-rise')?.status, 'verified');
  });

  it('reveals a claim in its sidecar with its id selected', async () => {
    await vscode.commands.executeCommand('claimLens.revealInSidecar', claimArg(desk, 'wages-fell'));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), desk.sidecar.toString());
    assert.equal(selectedText(editor), 'wages-fell');
  });

  it('copies a claim’s quote to the clipboard', async () => {
    await vscode.env.clipboard.writeText('');
    assert.equal(await vscode.commands.executeCommand('claimLens.copyQuote', claimArg(desk, 'bridge-opening')), QUOTES['bridge-opening']);
    assert.equal(await vscode.env.clipboard.readText(), QUOTES['bridge-opening']);
  });

  it('opens the active article’s claims file', async () => {
    await selectText(desk.article, 'Bridge report');
    await vscode.commands.executeCommand('claimLens.openSidecar');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), desk.sidecar.toString());
  });

  it('creates a claims file for an article that has none, and opens it', async () => {
    const bare = await createDesk(`${NAME}-bare`, null);
    try {
      await selectText(bare.article, 'Bridge report');
      const created = await vscode.commands.executeCommand<vscode.Uri>('claimLens.createSidecar');
      assert.equal(created?.toString(), bare.sidecar.toString());
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), bare.sidecar.toString());
      const sidecar = parse(await diskText(bare.sidecar)) as { version: number; article?: string; claims: unknown[] };
      assert.equal(sidecar.version, 1);
      assert.deepEqual(sidecar.claims, []);
      assert.equal(sidecar.article, `${NAME}-bare.txt`);
    } finally {
      await removeDesk(bare);
    }
  });

  it('exports the report in each format to the chosen file', async () => {
    const out = (name: string) => vscode.Uri.joinPath(desk.folder, name);
    const json = await vscode.commands.executeCommand<vscode.Uri>('claimLens.exportReport', 'json', out('report.json'));
    assert.equal(json?.toString(), out('report.json').toString());
    const report = JSON.parse(await diskText(out('report.json'))) as unknown;
    const text = JSON.stringify(report);
    for (const id of Object.keys(QUOTES)) assert.ok(text.includes(`"${id}"`), `the JSON report has ${id}`);
    assert.ok(text.includes(`${NAME}/${NAME}.claims.yaml`), 'paths are relative to the workspace');
    const absolute = text.indexOf(desk.folder.path);
    assert.equal(absolute, -1, `no absolute paths: …${text.slice(absolute - 80, absolute + 80)}…`);

    await vscode.commands.executeCommand('claimLens.exportReport', 'markdown', out('report.md'));
    assert.match(await diskText(out('report.md')), /the bridge will open in May/);
    await vscode.commands.executeCommand('claimLens.exportReport', 'csv', out('report.csv'));
    assert.match(await diskText(out('report.csv')), /wages-fell/);
    await vscode.commands.executeCommand('claimLens.exportReport', 'claimreview', out('review.jsonld'));
    const reviews = JSON.stringify(JSON.parse(await diskText(out('review.jsonld'))));
    assert.match(reviews, /ClaimReview/);
    assert.match(reviews, /traffic doubled/, 'verified claims are reviewed');
    assert.doesNotMatch(reviews, /wages fell/, 'unverified claims are not');
  });
});

describe('Review commands on claims that share an id or a start', () => {
  // Two claims with one id (a copied entry whose id was not changed) and a claim nested
  // at the start of another: both are allowed, and each must be reachable on its own.
  const TWINS = [
    'version: 1',
    'claims:',
    '  - id: twin',
    '    quote: the bridge will open in May',
    '  - id: twin',
    '    quote: the budget rose by 12 percent',
    '  - id: nested',
    '    quote: the budget rose',
    '',
  ].join('\n');
  let desk: Desk;

  before(async () => {
    desk = await createDesk('twindesk', TWINS);
  });

  after(async () => {
    await removeDesk(desk);
  });

  it('goes to a claim nested at the start of another, in both directions', async () => {
    const editor = await selectText(desk.article, 'Bridge report');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const visited: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      await vscode.commands.executeCommand<string>('claimLens.nextClaim');
      visited.push(selectedText(vscode.window.activeTextEditor));
    }
    assert.deepEqual(visited, ['the bridge will open in May', 'the budget rose', 'the budget rose by 12 percent', 'the bridge will open in May']);
    await vscode.commands.executeCommand('claimLens.previousClaim');
    assert.equal(selectedText(vscode.window.activeTextEditor), 'the budget rose by 12 percent', 'wraps backwards');
    await vscode.commands.executeCommand('claimLens.previousClaim');
    assert.equal(selectedText(vscode.window.activeTextEditor), 'the budget rose');
  });

  it('reveals and writes the claim named by its place, not the first with its id', async () => {
    const second = { ...claimArg(desk, 'twin'), index: 1 };
    await vscode.commands.executeCommand('claimLens._revealInArticle', second);
    assert.equal(selectedText(vscode.window.activeTextEditor), 'the budget rose by 12 percent');
    assert.deepEqual(await vscode.commands.executeCommand('claimLens.setStatus', second, 'false'), { ok: true });
    const sidecar = parse(await diskText(desk.sidecar)) as { claims: { id: string; status?: string }[] };
    assert.deepEqual(sidecar.claims.map((c) => c.status), [undefined, 'false', undefined]);
  });
});
