// `npm test`: every check the project has, in order, with the time each stage takes.
// Plain JavaScript because it compiles the TypeScript. Every stage runs even when an
// earlier one failed (the compiler emits despite type errors), so one run reports
// everything, except those that need a stage that failed; the exit code is 1 if any
// stage failed or was skipped.
//
// Usage: node scripts/test.mjs [stage ...]   (e.g. `npm test -- unit extension-host`)
import { spawnSync } from 'node:child_process';
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
    results.push({ name: stage.name, ok: false, skipped: true, seconds: 0 });
    continue;
  }
  console.log(`\n=== ${stage.name}: ${stage.command.map((a) => a.replace(root + '/', '')).join(' ')}`);
  const started = Date.now();
  const run = spawnSync(stage.command[0], stage.command.slice(1), { cwd: root, stdio: 'inherit' });
  const seconds = (Date.now() - started) / 1000;
  const ok = run.status === 0;
  results.push({ name: stage.name, ok, seconds });
  console.log(`=== ${stage.name}: ${ok ? 'passed' : `FAILED (${run.error?.message ?? run.signal ?? `exit ${run.status}`})`} in ${seconds.toFixed(1)} s`);
  if (run.signal === 'SIGINT') break;
}

console.log('\nstage                 result   seconds');
for (const r of results) {
  console.log(`${r.name.padEnd(22)}${(r.ok ? 'ok' : r.skipped ? 'skipped' : 'FAILED').padEnd(9)}${r.seconds.toFixed(1).padStart(7)}`);
}
const total = results.reduce((sum, r) => sum + r.seconds, 0);
console.log(`${'total'.padEnd(31)}${total.toFixed(1).padStart(7)}`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
