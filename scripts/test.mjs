// `npm test`: every check the project has, in order, with the time each stage takes.
// Plain JavaScript because it compiles the TypeScript. Every stage runs even when an
// earlier one failed (the compiler emits despite type errors), so one run reports
// everything, except those that need a stage that failed; the exit code is 1 if any
// stage failed or was skipped.
//
// Usage: node scripts/test.mjs [stage ...]   (e.g. `npm test -- unit extension-host`)
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const node = (script) => [process.execPath, join(root, script)];

const stages = [
  { name: 'lint', command: [bin('eslint'), 'src', 'test', 'bench', 'scripts'] },
  { name: 'typecheck+compile', command: [bin('tsc'), '-p', '.'] },
  { name: 'build', command: node('esbuild.js') },
  { name: 'unit', command: [bin('mocha')] },
  { name: 'install-vscode', command: node('out/scripts/vscode/install.js') },
  { name: 'extension-host', command: node('out/scripts/vscode/runExtensionTests.js'), needs: ['build', 'install-vscode'] },
  { name: 'ui', command: node('out/scripts/vscode/runUiTests.js'), needs: ['build', 'install-vscode'] },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !stages.some((s) => s.name === w));
if (unknown.length > 0) {
  console.error(`Unknown stage(s) ${unknown.join(', ')}; stages: ${stages.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const results = [];
for (const stage of stages.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  const failedNeed = (stage.needs ?? []).find((need) => results.some((r) => r.name === need && !r.ok));
  if (failedNeed) {
    console.log(`\n=== ${stage.name}: skipped, ${failedNeed} failed`);
    results.push({ name: stage.name, ok: false, skipped: true, seconds: 0, tests: undefined });
    continue;
  }
  console.log(`\n=== ${stage.name}: ${stage.command.map((a) => a.replace(root + '/', '')).join(' ')}`);
  const started = Date.now();
  const run = await runStage(stage.command);
  const seconds = (Date.now() - started) / 1000;
  const ok = run.status === 0;
  results.push({ name: stage.name, ok, seconds, tests: run.tests });
  console.log(`=== ${stage.name}: ${ok ? 'passed' : `FAILED (${run.error ?? run.signal ?? `exit ${run.status}`})`} in ${seconds.toFixed(1)} s`);
  if (run.signal === 'SIGINT') break;
}

console.log('\nstage                 result   seconds  tests');
for (const r of results) {
  const tests = r.tests ? `${r.tests.passed} passed, ${r.tests.failed} failed` : '';
  console.log(`${r.name.padEnd(22)}${(r.ok ? 'ok' : r.skipped ? 'skipped' : 'FAILED').padEnd(9)}${r.seconds.toFixed(1).padStart(7)}  ${tests}`);
}
const total = results.reduce((sum, r) => sum + r.seconds, 0);
console.log(`${'total'.padEnd(31)}${total.toFixed(1).padStart(7)}`);
// The closing line CI reads: every mocha test, plus each failed or skipped stage that
// has no tests of its own (lint, types, build, install) counted as one failure.
const passed = results.reduce((sum, r) => sum + (r.tests?.passed ?? 0), 0);
const failed = results.reduce((sum, r) => sum + (r.tests ? r.tests.failed : r.ok ? 0 : 1), 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;

/**
 * Runs one stage with its output passed through as it comes, and reads mocha's
 * closing counts ("N passing", "N failing") from it where the stage runs mocha.
 */
function runStage([command, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['inherit', 'pipe', 'pipe'] });
    let tail = '';
    const counts = { passed: 0, failed: 0 };
    let sawCounts = false;
    const read = (chunk, out) => {
      out.write(chunk);
      const lines = (tail + chunk.toString('utf8')).split('\n');
      tail = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^\s*(\d+) (passing|failing)\b/.exec(line);
        if (!m) continue;
        sawCounts = true;
        counts[m[2] === 'passing' ? 'passed' : 'failed'] += Number(m[1]);
      }
    };
    child.stdout.on('data', (chunk) => read(chunk, process.stdout));
    child.stderr.on('data', (chunk) => read(chunk, process.stderr));
    child.on('error', (error) => resolve({ status: null, error: error.message, tests: undefined }));
    child.on('close', (status, signal) => resolve({ status, signal, tests: sawCounts ? counts : undefined }));
  });
}
