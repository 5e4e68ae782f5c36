/**
 * Child process for harness.test.ts: starts code-server, reports its run folder and
 * process group on stdout, then ends in the way argv[2] names, without calling stop():
 *   "wait"  - waits to be interrupted (the test sends SIGINT or SIGTERM);
 *   "throw" - throws an uncaught error as soon as a line arrives on stdin.
 */
import { CodeServer } from '../../scripts/vscode/codeServer';
import { ensureInstalled } from '../../scripts/vscode/install';
import { TEST_WORKSPACE } from '../../scripts/vscode/layout';

async function main(mode: string): Promise<void> {
  const server = await CodeServer.start({ install: ensureInstalled(), label: `ends-by-${mode}`, workspace: TEST_WORKSPACE });
  console.log(JSON.stringify({ runDir: server.runDir, pgid: server.pgid }));
  if (mode === 'throw') {
    process.stdin.once('data', () => {
      throw new Error('deliberate uncaught error');
    });
  } else setInterval(() => undefined, 1000);
}

void main(process.argv[2] ?? 'wait');
