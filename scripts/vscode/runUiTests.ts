/**
 * Runs the UI tests (test/ui/**\/*.test.ts, compiled to out/test/ui) with mocha in
 * this Node process; each test file drives its own code-server and headless Chromium
 * through test/ui/session.ts. test-results/ is emptied first; failures and happy
 * paths leave screenshots there.
 *
 * Usage (after `npm run compile && npm run build`): node out/scripts/vscode/runUiTests.js [grep]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { ensureInstalled } from './install';
import { RESULTS_DIR, ROOT } from './layout';

const UI_TESTS = path.join(ROOT, 'out', 'test', 'ui');

function main(): void {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js')) || !fs.existsSync(UI_TESTS)) {
    throw new Error('The extension or the UI tests are not built: run `npm run compile && npm run build` first.');
  }
  ensureInstalled();
  // Screenshots from an earlier run would read as this run's failures.
  fs.rmSync(RESULTS_DIR, { recursive: true, force: true });
  const grep = process.argv[2];
  const mocha = new Mocha({ reporter: 'spec', timeout: 60_000, ...(grep ? { grep } : {}) });
  const files = fs.readdirSync(UI_TESTS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.js'));
  for (const file of files.sort()) mocha.addFile(path.join(UI_TESTS, file));
  mocha.run((failures) => {
    process.exitCode = failures > 0 ? 1 : 0;
  });
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
