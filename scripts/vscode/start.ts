/**
 * `npm start`: opens examples/ in a real VS Code with the extension from this working
 * tree (built by the npm script first). Uses the local `code` command when there is
 * one; otherwise starts the harness's code-server, prints its URL and keeps it running
 * until Ctrl+C, which stops its whole process group.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeServer } from './codeServer';
import { ensureInstalled } from './install';
import { EXAMPLES, ROOT } from './layout';

function onPath(command: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, command))
    .find((file) => {
      try {
        fs.accessSync(file, fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

async function main(): Promise<void> {
  const code = onPath('code');
  if (code) {
    console.log(`Opening ${EXAMPLES} with ${code}`);
    const result = spawnSync(code, [`--extensionDevelopmentPath=${ROOT}`, EXAMPLES], { stdio: 'inherit' });
    process.exitCode = result.status ?? 1;
    return;
  }
  const server = await CodeServer.start({ install: ensureInstalled(), label: 'start', workspace: EXAMPLES, inPlace: true, smokeTestDriver: true });
  const url = server.workbenchUrl([['extensionDevelopmentPath', `vscode-remote://remote${ROOT}`]]);
  console.log(`\nNo \`code\` command on PATH: VS Code (code-server) is serving examples/ with Claim Lens loaded at\n\n  ${url}\n\nPress Ctrl+C to stop it.`);
  // The process now stays alive while code-server runs; Ctrl+C ends its whole process group (see codeServer.ts).
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
