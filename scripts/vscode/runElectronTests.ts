/**
 * Runs the same extension-host suites as runExtensionTests.ts under
 * @vscode/test-electron, for machines that can download VS Code from Microsoft
 * (this harness's own machines cannot; they use code-server instead).
 *
 * Usage (after `npm run compile && npm run build`): node out/scripts/vscode/runElectronTests.js
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { EXTENSION_TESTS_ENTRY, ROOT, TEST_WORKSPACE } from './layout';

async function main(): Promise<void> {
  // A copy, so tests may edit the workspace.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-lens-electron-'));
  fs.cpSync(TEST_WORKSPACE, workspace, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: EXTENSION_TESTS_ENTRY,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
