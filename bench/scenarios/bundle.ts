/**
 * The production bundles: built with the project's own `esbuild.js --production`
 * into a temporary folder (dist/ is left as it is), measured minified and gzipped,
 * and the time a fresh Node process takes to `require` the extension bundle with
 * the `vscode` module stubbed out.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { kb, ms } from '../report';
import type { ScenarioResult } from '../report';
import { median } from '../stats';
import type { BenchOptions } from './options';

/** The repository root, from out/bench/scenarios. */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const BUNDLES = ['dist/extension.js', 'dist/web/extension.js', 'dist/cli.js'];
const EXTENSION_BUNDLES = ['dist/extension.js', 'dist/web/extension.js'];
const LIMIT = 300 * 1024;
/** What esbuild.js reads, relative to the working directory it is run in. */
const LINKED = ['src', 'node_modules', 'package.json', 'tsconfig.json'];

/**
 * A `vscode` module: every top-level name of the API (from @types/vscode, since a
 * bundle copies the module's own keys) as a callable, constructible stand-in whose
 * every member is one too.
 */
function vscodeStub(): string {
  const api = readFileSync(path.join(ROOT, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
  const names = [...api.matchAll(/^\texport (?:class|namespace|enum|const|let|function) (\w+)/gm)].map((m) => m[1]);
  return `
const stub = () => new Proxy(function () {}, {
  get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : stub()),
  apply: () => stub(),
  construct: () => stub(),
});
for (const name of ${JSON.stringify([...new Set(names)])}) exports[name] = stub();
`;
}

function requireTimeScript(stub: string, bundle: string): string {
  return `
const Module = require('module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? ${JSON.stringify(stub)} : resolve.call(this, request, ...rest);
};
require(${JSON.stringify(stub)});
const start = process.hrtime.bigint();
require(${JSON.stringify(bundle)});
process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6));
`;
}

export function bundleScenario(options: BenchOptions): ScenarioResult {
  const work = mkdtempSync(path.join(tmpdir(), 'claim-lens-bench-'));
  try {
    for (const name of LINKED) symlinkSync(path.join(ROOT, name), path.join(work, name));
    const build = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.js'), '--production'], { cwd: work, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`production build failed:\n${build.stdout}${build.stderr}`);
    const sizes = BUNDLES.map((name) => {
      const bytes = readFileSync(path.join(work, name));
      return { name, size: bytes.length, gzip: gzipSync(bytes).length };
    });

    const stub = path.join(work, 'stub', 'vscode.js');
    mkdirSync(path.dirname(stub));
    writeFileSync(stub, vscodeStub());
    const script = requireTimeScript(stub, path.join(work, 'dist/extension.js'));
    const requireTimes = Array.from({ length: Math.max(3, options.runs) }, () => {
      const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`requiring the extension bundle failed:\n${run.stderr}`);
      return Number(run.stdout);
    });
    const requireTime = median(requireTimes);

    const extension = sizes.filter((s) => EXTENSION_BUNDLES.includes(s.name));
    const largest = Math.max(...extension.map((s) => s.size));
    return {
      sections: [
        {
          title: 'Bundles (production: minified, no source maps)',
          columns: ['bundle', 'minified', 'gzipped'],
          rows: sizes.map((s) => [`\`${s.name}\``, kb(s.size), kb(s.gzip)]),
          notes: [
            `\`require\` of dist/extension.js in a fresh Node process (\`vscode\` stubbed): ${ms(requireTime)} (median of ${requireTimes.length}).`,
          ],
        },
      ],
      targets: [
        {
          name: 'bundle: extension bundles (desktop and web), minified',
          goal: `< ${kb(LIMIT)}`,
          measured: extension.map((s) => `${s.name.replace('dist/', '')} ${kb(s.size)}`).join(', '),
          pass: largest < LIMIT,
        },
      ],
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
