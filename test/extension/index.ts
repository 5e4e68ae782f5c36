/**
 * The mocha entry point that VS Code loads into the extension host (the
 * `extensionTestsPath`): under code-server through the smoke-test driver
 * (scripts/vscode/runExtensionTests.ts) and under @vscode/test-electron
 * (scripts/vscode/runElectronTests.ts). Runs every `*.test.js` beside it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // CLAIM_LENS_TEST_GREP (passed down through code-server) runs only matching tests.
  const grep = process.env.CLAIM_LENS_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, ...(grep ? { grep } : {}) });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}
