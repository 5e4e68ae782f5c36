/**
 * A real workbench for one UI test file: code-server with the extension under
 * development loaded, on a fresh copy of the test workspace, and a headless Chromium
 * showing it. Call `useWorkbench()` inside a `describe`; it starts everything before
 * the first test, screenshots every failed test into test-results/, and stops
 * everything (the whole code-server process group) after the last one.
 */
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, Workbench } from '../../scripts/vscode/browser';
import { CodeServer } from '../../scripts/vscode/codeServer';
import { ensureInstalled } from '../../scripts/vscode/install';
import { ROOT, TEST_WORKSPACE } from '../../scripts/vscode/layout';

export interface Session {
  readonly server: CodeServer;
  readonly workbench: Workbench;
}

/** `workspace`: the folder to open a copy of (the shared test workspace unless a test needs its own). */
export function useWorkbench(workspace: string = TEST_WORKSPACE): Session {
  let server: CodeServer | undefined;
  let context: BrowserContext | undefined;
  let workbench: Workbench | undefined;

  before(async function () {
    this.timeout(120_000);
    const install = ensureInstalled();
    server = await CodeServer.start({ install, label: 'ui', workspace, smokeTestDriver: true });
    context = await launchBrowser(install, path.join(server.runDir, 'browser'));
    // The smoke-test driver's payload loads the extension from the working tree.
    workbench = await Workbench.open(
      context,
      server.workbenchUrl([
        ['extensionDevelopmentPath', `vscode-remote://remote${ROOT}`],
        ['skipWelcome', 'true'],
      ]),
    );
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && workbench) {
      const file = await workbench.screenshot(`failed ${test.fullTitle()}`);
      console.log(`      screenshot: ${path.relative(ROOT, file)}`);
    }
  });

  after(async () => {
    await context?.close();
    await server?.stop();
  });

  return {
    get server() {
      if (!server) throw new Error('code-server is not running (did the before hook fail?)');
      return server;
    },
    get workbench() {
      if (!workbench) throw new Error('the workbench is not open (did the before hook fail?)');
      return workbench;
    },
  };
}
