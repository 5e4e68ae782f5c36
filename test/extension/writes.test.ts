/**
 * Every write to a sidecar, in a real extension host: the smallest edit to the open
 * document (comments kept), one undo step, saved when the sidecar was clean and left
 * unsaved when it was dirty, a new sidecar when there was none, and no write at all
 * (with the line and column of the YAML error) when the sidecar does not parse.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import {
  claimArg,
  createDesk,
  diskText,
  extensionApi,
  removeDesk,
  SIDECAR_TEXT,
  selectText,
  until,
  type Desk,
} from './reviewDesk';

interface RawSidecar {
  sources?: Record<string, { name: string; url?: string; type?: string }>;
  claims: { id: string; quote: string; status?: string; sources?: unknown[] }[];
}

/** Lines of `after` that differ from `before`, compared line by line (for same-length texts). */
function changedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  return after.split('\n').filter((line, i) => line !== old[i]);
}

describe('Writing sidecars', () => {
  let count = 0;
  let desk: Desk;

  beforeEach(async () => {
    desk = await createDesk(`writedesk-${++count}`);
  });

  afterEach(async () => {
    await removeDesk(desk);
  });

  it('sets a status by rewriting one scalar, saves the clean sidecar, and undo restores it', async () => {
    const editor = await vscode.window.showTextDocument(desk.sidecar);
    const result = await vscode.commands.executeCommand('claimLens.setStatus', claimArg(desk, 'bridge-opening'), 'verified');
    assert.deepEqual(result, { ok: true });
    const after = editor.document.getText();
    assert.deepEqual(changedLines(SIDECAR_TEXT, after), ['    status: verified   # the minister\'s promise']);
    assert.equal(after.split('\n').length, SIDECAR_TEXT.split('\n').length);
    assert.equal(editor.document.isDirty, false, 'a sidecar that was clean is saved after the edit');
    assert.equal(await diskText(desk.sidecar), after);

    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), SIDECAR_TEXT, 'Ctrl+Z restores the sidecar');
    await editor.document.save();
  });

  it('writes into an unsaved sidecar without saving the user’s own edits', async () => {
    const editor = await vscode.window.showTextDocument(desk.sidecar);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# unsaved note\n'));
    assert.ok(editor.document.isDirty);
    const result = await vscode.commands.executeCommand('claimLens.setStatus', claimArg(desk, 'budget-rise'), 'false');
    assert.deepEqual(result, { ok: true });
    assert.ok(editor.document.isDirty, 'still unsaved');
    assert.match(editor.document.getText(), /^# unsaved note\n# Review desk/);
    // Quoted: a bare `false` would be YAML's boolean.
    assert.match(editor.document.getText(), /id: budget-rise\n {4}quote: the budget rose by 12 percent\n {4}status: (false|"false"|'false')\n/);
    assert.equal((parse(editor.document.getText()) as RawSidecar).claims.find((c) => c.id === 'budget-rise')?.status, 'false');
    assert.equal(await diskText(desk.sidecar), SIDECAR_TEXT, 'the disk still has the saved text');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('adds the selected text as a claim, appending one entry and keeping the rest', async () => {
    await selectText(desk.article, ' two months late');
    const result = await vscode.commands.executeCommand<{ ok: boolean; id?: string }>('claimLens.addClaim');
    assert.equal(result?.ok, true);
    assert.ok(result?.id, 'the new claim has an id');
    const text = await diskText(desk.sidecar);
    assert.ok(text.startsWith(SIDECAR_TEXT.trimEnd()), 'everything before the new entry is unchanged');
    const claims = (parse(text) as RawSidecar).claims;
    assert.equal(claims.length, 6);
    assert.deepEqual(claims[5], { id: result.id, quote: 'two months late' }, 'the selection without its leading space');
    const { store } = await extensionApi();
    await until(() => store.forSidecar(desk.sidecar)?.analysis.claims.some((c) => c.claim.id === result.id) === true, 'the store to see the new claim');
  });

  it('creates the sidecar when the article has none', async () => {
    const bare = await createDesk(`${desk.folder.path.split('/').pop()}-bare`, null);
    try {
      await selectText(bare.article, 'traffic doubled');
      const result = await vscode.commands.executeCommand<{ ok: boolean; id?: string }>('claimLens.addClaim');
      assert.equal(result?.ok, true);
      const sidecar = parse(await diskText(bare.sidecar)) as RawSidecar & { version: number };
      assert.equal(sidecar.version, 1);
      assert.deepEqual(sidecar.claims, [{ id: result?.id, quote: 'traffic doubled' }]);
    } finally {
      await removeDesk(bare);
    }
  });

  it('attaches a shared source, and defines and attaches a new one', async () => {
    const shared = await vscode.commands.executeCommand('claimLens.addSource', claimArg(desk, 'budget-rise'), { id: 'gazette' });
    assert.deepEqual(shared, { ok: true });
    const fresh = { id: 'wire', name: 'Wire Service', url: 'https://wire.example/', type: 'news-agency' };
    assert.deepEqual(await vscode.commands.executeCommand('claimLens.addSource', claimArg(desk, 'budget-rise'), fresh), { ok: true });
    const text = await diskText(desk.sidecar);
    assert.ok(text.startsWith('# Review desk: this comment must survive every write.\n'));
    assert.ok(text.includes('  # No status: unverified by default.\n'), 'comments are kept');
    const sidecar = parse(text) as RawSidecar;
    assert.deepEqual(sidecar.sources?.wire, { name: 'Wire Service', url: 'https://wire.example/', type: 'news-agency' });
    assert.deepEqual(sidecar.claims.find((c) => c.id === 'budget-rise')?.sources, ['gazette', 'wire']);
  });

  it('never writes a sidecar that does not parse, and says where it breaks', async () => {
    const broken = SIDECAR_TEXT.replace('    quote: traffic doubled\n', '    quote: [traffic doubled\n');
    await vscode.workspace.fs.writeFile(desk.sidecar, new TextEncoder().encode(broken));
    const { store } = await extensionApi();
    await until(() => store.forSidecar(desk.sidecar)?.analysis.sidecar.parsed === false, 'the store to see the broken sidecar');
    await selectText(desk.article, 'Bridge report');
    const result = await vscode.commands.executeCommand<{ ok: boolean; message?: string }>('claimLens.addClaim');
    assert.equal(result?.ok, false);
    assert.match(result?.message ?? '', new RegExp(`writedesk-\\d+\\.claims\\.yaml:\\d+:\\d+: `), `names file:line:column: ${result?.message}`);
    assert.equal(await diskText(desk.sidecar), broken, 'the file is untouched');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === desk.sidecar.toString());
    assert.equal(document?.getText() ?? broken, broken, 'the document is untouched');
  });

  it('shows sidecar text in a refusal as text, never as a command link', async () => {
    // The workbench turns [label](command:...) in a notification into a link that runs the command.
    const link = '"[Open Sidecar](command:workbench.action.terminal.new)"';
    const hostile = `${SIDECAR_TEXT}${link}: 1\n${link}: 2\n`;
    await vscode.workspace.fs.writeFile(desk.sidecar, new TextEncoder().encode(hostile));
    const { store } = await extensionApi();
    await until(() => store.forSidecar(desk.sidecar)?.analysis.sidecar.parsed === false, 'the store to see the duplicate key');
    await selectText(desk.article, 'Bridge report');
    const result = await vscode.commands.executeCommand<{ ok: boolean; message?: string }>('claimLens.addClaim');
    assert.equal(result?.ok, false);
    assert.ok(result?.message?.includes('[Open Sidecar]\u200B(command:workbench.action.terminal.new)'), `shown as text: ${result?.message}`);
    assert.ok(!/\]\((command|https?|file):/.test(result?.message ?? ''), 'no link form is left');
    assert.equal(await diskText(desk.sidecar), hostile, 'the file is untouched');
  });
});
