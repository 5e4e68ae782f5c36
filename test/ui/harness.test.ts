/**
 * The harness itself: code-server starts, serves a workbench that loads the
 * extension, and leaves no process behind however the run ends.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { livingGroupMembers, livingProcessesMentioning } from '../../scripts/vscode/processes';
import { useWorkbench } from './session';

describe('Test harness', () => {
  describe('a run that ends normally', () => {
    const session = useWorkbench();

    it('serves a workbench with the extension under development', async () => {
      const { page } = session.workbench;
      await page.locator('.monaco-workbench').waitFor();
      assert.ok(livingGroupMembers(session.server.pgid).length >= 2, 'code-server runs helper processes in its group');
    });

    it('stops its whole process group', async () => {
      const { server } = session;
      await server.stop();
      assert.deepEqual(livingGroupMembers(server.pgid), [], 'processes left in the group');
      // (The run folder also holds the browser's profile; the browser closes after the last test.)
      assert.deepEqual(livingProcessesMentioning(server.userDataDir), [], 'processes left that use the profile');
    });
  });

  for (const ending of ['SIGINT', 'SIGTERM', 'throw'] as const) {
    it(`leaves nothing behind when the process that started it ends by ${ending}`, async function () {
      this.timeout(60_000);
      const child = spawn(process.execPath, [path.join(__dirname, 'startThenEnd.js'), ending === 'throw' ? 'throw' : 'wait'], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const started = await new Promise<{ runDir: string; pgid: number }>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const line = out.split('\n').find((l) => l.startsWith('{'));
          if (line) resolve(JSON.parse(line) as { runDir: string; pgid: number });
        });
        void exited.then((code) => reject(new Error(`the child exited (${code}) before starting code-server: ${out}`)));
      });
      assert.ok(livingGroupMembers(started.pgid).length >= 1, 'code-server is running');
      if (ending === 'throw') child.stdin.write('now\n');
      else child.kill(ending);
      assert.notEqual(await exited, 0, 'the child reports its abnormal end');
      // The child sent SIGKILL on its way out; give the kernel a moment to deliver it.
      await settle(() => livingGroupMembers(started.pgid).length === 0);
      assert.deepEqual(livingGroupMembers(started.pgid), [], 'processes left in the group');
      assert.deepEqual(livingProcessesMentioning(started.runDir), [], 'processes left that use the run folder');
    });
  }
});

async function settle(done: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}
