/**
 * The extension in a real extension host, on a workspace with sidecars: it activates
 * by itself, registers what it contributes, and its hover tells a claim's status.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findSidecars, locatableClaims } from '../support/workspaceClaims';

const EXTENSION_ID = 'claim-lens.claim-lens';

describe('Extension in the extension host', () => {
  const workspace = () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests run on a workspace folder');
    return folder.uri.fsPath;
  };

  it('activates by itself on a workspace that contains a sidecar', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    await until(() => extension.isActive, 'the extension to activate');
  });

  it('registers every claimLens command it contributes', async () => {
    const declared = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes?.commands ?? []) as Array<{ command: string }>;
    const ours = declared.map((c) => c.command).filter((id) => id.startsWith('claimLens.'));
    assert.ok(ours.length > 0, 'package.json contributes claimLens commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      ours.filter((id) => !registered.has(id)),
      [],
      'contributed commands that are not registered',
    );
  });

  it('shows each claim’s status in the hover over its quote', async () => {
    const claims = findSidecars(workspace()).flatMap(locatableClaims);
    assert.ok(claims.length > 0, 'the workspace has claims whose quotes occur verbatim');
    for (const claim of claims) {
      const document = await vscode.workspace.openTextDocument(claim.article);
      const inside = new vscode.Position(claim.line - 1, claim.column);
      let text = '';
      await until(async () => {
        text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, inside));
        return text.includes(claim.status);
      }, () => `a hover over "${claim.quote}" that names its status "${claim.status}" (last hover: ${JSON.stringify(text)})`);
    }
  });
});

/** The hovers' markdown as it reads once rendered: backslash escapes removed. */
function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Polls `condition` until it holds or `timeoutMs` passes (activation and loading are asynchronous). */
async function until(condition: () => boolean | Promise<boolean>, what: string | (() => string), timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
