/**
 * Runs the mocha suites of test/extension inside a real VS Code extension host:
 * code-server with VS Code's smoke-test driver, which accepts the
 * extensionDevelopmentPath/extensionTestsPath that code-server's own command line
 * does not. The tests' output arrives through `codeAutomationLog`, their result
 * through `codeAutomationExit`, and becomes this process's exit code.
 *
 * Usage (after `npm run compile && npm run build`): node out/scripts/vscode/runExtensionTests.js
 * Environment: CLAIM_LENS_TEST_TIMEOUT (seconds for the whole run, default 300).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser';
import { CodeServer } from './codeServer';
import { ensureInstalled } from './install';
import { EXTENSION_TESTS_ENTRY, ROOT, TEST_WORKSPACE } from './layout';

const TIMEOUT_S = Number(process.env.CLAIM_LENS_TEST_TIMEOUT ?? 300);

async function main(): Promise<number> {
  for (const built of [path.join(ROOT, 'dist', 'extension.js'), EXTENSION_TESTS_ENTRY]) {
    if (!fs.existsSync(built)) throw new Error(`${path.relative(ROOT, built)} is missing: run \`npm run compile && npm run build\` first.`);
  }
  const install = ensureInstalled();
  const server = await CodeServer.start({ install, label: 'extension-host', workspace: TEST_WORKSPACE, smokeTestDriver: true });
  const context = await launchBrowser(install, path.join(server.runDir, 'browser'));
  try {
    const page = await context.newPage();
    let exit: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = format(...(args ?? []));
      if (type === 'error') console.error(line);
      else console.log(line);
    });
    // code-server's remote authority is "remote": paths are on the machine it runs on.
    const remote = (file: string) => `vscode-remote://remote${file}`;
    await page.goto(
      server.workbenchUrl([
        ['extensionDevelopmentPath', remote(ROOT)],
        ['extensionTestsPath', remote(EXTENSION_TESTS_ENTRY)],
        ['skipWelcome', 'true'],
      ]),
    );
    return await withTimeout(exitCode, TIMEOUT_S * 1000, () => `the extension-host tests did not finish within ${TIMEOUT_S} s (code-server log: ${path.join(server.runDir, 'code-server.log')})`);
  } finally {
    await context.close();
    await server.stop();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
