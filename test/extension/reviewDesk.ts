/**
 * A small article and sidecar that the review tests (tree, commands, writes) create in
 * their own folder of the test workspace and delete afterwards, so they know every
 * claim they look at and leave the shared workspace as they found it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClaimLensApi } from '../../src/extension';

const EXTENSION_ID = 'claim-lens.claim-lens';

export const ARTICLE_TEXT = [
  'Bridge report',
  '',
  'The minister said the bridge will open in May, two months late.',
  'Officials added that the budget rose by 12 percent.',
  'A union leader claimed that wages fell by 3 percent last year.',
  'The regional paper reported that traffic doubled.',
  '',
].join('\n');

/** In article order: bridge-opening, budget-rise, wages-fell, traffic-doubled; ghost is orphaned. */
export const SIDECAR_TEXT = `# Review desk: this comment must survive every write.
version: 1

sources:
  gazette:
    name: Regional Gazette
    url: https://example.org/gazette

claims:
  - id: traffic-doubled
    quote: traffic doubled
    status: verified
    sources: [gazette]

  - id: bridge-opening
    quote: the bridge will open in May
    status: unverified   # the minister's promise
    attribution:
      speaker: Transport minister
    sources: [gazette]

  - id: budget-rise
    quote: the budget rose by 12 percent
    status: in-review
    attribution:
      speaker: Officials

  # No status: unverified by default.
  - id: wages-fell
    quote: wages fell by 3 percent last year
    attribution:
      speaker: Union leader
    sources:
      - name: Union bulletin

  - id: ghost
    quote: this sentence is nowhere in the article
    status: verified
`;

export const QUOTES: Readonly<Record<string, string>> = {
  'bridge-opening': 'the bridge will open in May',
  'budget-rise': 'the budget rose by 12 percent',
  'wages-fell': 'wages fell by 3 percent last year',
  'traffic-doubled': 'traffic doubled',
  ghost: 'this sentence is nowhere in the article',
};

export interface Desk {
  folder: vscode.Uri;
  article: vscode.Uri;
  sidecar: vscode.Uri;
}

export async function extensionApi(): Promise<ClaimLensApi> {
  const extension = vscode.extensions.getExtension<ClaimLensApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded`);
  return extension.activate();
}

function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run on a workspace folder');
  return folder.uri;
}

/**
 * Writes `<name>/<name>.txt` (and, unless `sidecar` is null, `<name>/<name>.claims.yaml`)
 * and waits until the store has analysed the sidecar.
 */
export async function createDesk(name: string, sidecar: string | null = SIDECAR_TEXT, article = ARTICLE_TEXT): Promise<Desk> {
  const folder = vscode.Uri.joinPath(workspaceFolder(), name);
  const desk = {
    folder,
    article: vscode.Uri.joinPath(folder, `${name}.txt`),
    sidecar: vscode.Uri.joinPath(folder, `${name}.claims.yaml`),
  };
  await vscode.workspace.fs.writeFile(desk.article, new TextEncoder().encode(article));
  if (sidecar !== null) {
    await vscode.workspace.fs.writeFile(desk.sidecar, new TextEncoder().encode(sidecar));
    const { store } = await extensionApi();
    await until(() => store.forSidecar(desk.sidecar)?.articleText !== undefined, `the store to load ${name}`);
  }
  return desk;
}

export async function removeDesk(desk: Desk): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  // The sidecar first, on its own: its deletion is what the store watches for.
  await vscode.workspace.fs.delete(desk.sidecar, { useTrash: false }).then(undefined, () => undefined);
  const { store } = await extensionApi();
  await until(() => !store.forSidecar(desk.sidecar), 'the store to drop the deleted sidecar');
  await vscode.workspace.fs.delete(desk.folder, { recursive: true, useTrash: false });
}

/** A claim as commands accept it from plain data. */
export function claimArg(desk: Desk, id: string): { sidecar: string; id: string } {
  return { sidecar: desk.sidecar.toString(), id };
}

export async function diskText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Shows `uri` with `text` (its first occurrence) selected. */
export async function selectText(uri: vscode.Uri, text: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const start = document.getText().indexOf(text);
  assert.ok(start >= 0, `"${text}" is in ${uri.path}`);
  const range = new vscode.Range(document.positionAt(start), document.positionAt(start + text.length));
  return vscode.window.showTextDocument(document, { selection: range });
}

export function selectedText(editor: vscode.TextEditor | undefined): string | undefined {
  return editor?.document.getText(editor.selection);
}

/** Polls `condition` until it holds or `timeoutMs` passes (the store and the view update asynchronously). */
export async function until(condition: () => boolean | Promise<boolean>, what: string | (() => string), timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
