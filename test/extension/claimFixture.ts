/**
 * Shared by the editor tests (decorations, hover, diagnostics, live, status bar): each
 * test file writes its own copy of a small article and sidecar into the test workspace
 * (a per-run copy, so tests may write to it) and inspects what the extension rendered
 * through the API `activate()` returns.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ClaimLensApi } from '../../src/extension';

export const EXTENSION_ID = 'claim-lens.claim-lens';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

/** One claim per status, plus a drifted one, a changed-since-verified one and an ambiguous one. */
export const ARTICLE = fs.readFileSync(path.join(FIXTURES, 'editor-every-look.txt'), 'utf8');
export const SIDECAR = fs.readFileSync(path.join(FIXTURES, 'editor-every-look.claims.yaml'), 'utf8');

/** Where each claim of SIDECAR lies in ARTICLE (the first occurrence of this text). */
export const CLAIM_TEXT: Readonly<Record<string, string>> = {
  evidence: 'we have evidence',
  casualties: '1,200 casualties',
  treaty: 'The treaty was signed in 1999',
  rigged: 'Critics called the vote rigged',
  free: 'Observers called the election free',
  border: 'what happened at the border crossing',
  bridge: 'Rebels held the northern bridge for three days.',
  port: 'The port reopened on Sunday after the storm.',
  plan: 'The plan was approved',
};

export async function claimLens(): Promise<ClaimLensApi> {
  const extension = vscode.extensions.getExtension<ClaimLensApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded`);
  return extension.activate();
}

/** A folder of the test workspace holding one test file's articles and sidecars. */
export class Fixture {
  private constructor(readonly folder: vscode.Uri) {}

  /** Writes `files` (name -> text) into a fresh folder `name` of the workspace. */
  static async create(name: string, files: Readonly<Record<string, string>>): Promise<Fixture> {
    const root = vscode.workspace.workspaceFolders?.[0];
    assert.ok(root, 'the tests run on a workspace folder');
    const fixture = new Fixture(vscode.Uri.joinPath(root.uri, name));
    await vscode.workspace.fs.delete(fixture.folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    for (const [file, text] of Object.entries(files)) await fixture.write(file, text);
    return fixture;
  }

  uri(file: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, file);
  }

  /** Writes to disk, as a save or a `git checkout` would. */
  async write(file: string, text: string): Promise<void> {
    await vscode.workspace.fs.writeFile(this.uri(file), new TextEncoder().encode(text));
  }

  async delete(file: string): Promise<void> {
    await vscode.workspace.fs.delete(this.uri(file), { useTrash: false });
  }

  /** Saves what the test left unsaved (so closing prompts nothing), closes every editor, deletes the folder. */
  async dispose(): Promise<void> {
    const inside = `${this.folder.toString()}/`;
    for (const document of vscode.workspace.textDocuments) {
      if (document.isDirty && document.uri.toString().startsWith(inside)) await document.save();
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(this.folder, { recursive: true, useTrash: false });
  }
}

/**
 * Polls `condition` every 5 ms until it holds; returns how long that took (ms). Fails
 * with `what` after `timeoutMs`.
 */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string | (() => string),
  timeoutMs = 10_000,
): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) assert.fail(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Date.now() - started;
}

/** The range of the first occurrence of `text` in `document`. */
export function rangeOf(document: vscode.TextDocument, text: string, from = 0): vscode.Range {
  const start = document.getText().indexOf(text, from);
  assert.ok(start >= 0, `"${text}" is in ${document.uri.path}`);
  return new vscode.Range(document.positionAt(start), document.positionAt(start + text.length));
}

/** Ranges as sorted `line:char-line:char` text, for comparisons with readable failures. */
export function describeRanges(ranges: readonly vscode.Range[] | undefined): string {
  const sorted = [...(ranges ?? [])].sort((a, b) => a.start.compareTo(b.start) || a.end.compareTo(b.end));
  return JSON.stringify(sorted.map((r) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`));
}

/** Opens the article of a fixture and waits until the extension has decorated it. */
export async function showDecorated(api: ClaimLensApi, uri: vscode.Uri, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, preview: false });
  await until(() => Object.keys(api.decorator.renderedRanges(editor)).length > 0, `decorations on ${uri.path}`);
  return editor;
}
