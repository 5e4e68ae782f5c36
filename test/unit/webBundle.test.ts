/**
 * The browser bundle (package.json `browser`) must run where there is no Node: it may
 * load nothing but `vscode`. Evaluated here in a bare V8 context that has no
 * `process`, `Buffer` or Node `require`, as in VS Code's web worker extension host.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';

const ROOT = path.join(__dirname, '..', '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'web', 'extension.js');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { browser: string };

/** A stand-in for the vscode API: every property, call and `new` gives another one. */
function anything(): unknown {
  const stub: unknown = new Proxy(function () {}, {
    get: (_target, key) => (key === Symbol.toPrimitive ? () => '' : stub),
    apply: () => stub,
    construct: () => stub as object,
    // esbuild's import helper copies own keys onto an object whose prototype is this.
    getPrototypeOf: () => stub as object,
  });
  return stub;
}

describe('web bundle', () => {
  before(function () {
    if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`node esbuild.js\` first (npm test does).`);
  });

  it('is the file package.json names as `browser`', () => {
    assert.equal(path.join(ROOT, pkg.browser), BUNDLE);
  });

  it('requires nothing but vscode', () => {
    const required = new Set([...fs.readFileSync(BUNDLE, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['vscode']);
  });

  it('loads in a context without Node and exports activate and deactivate', () => {
    const requested: string[] = [];
    const module = { exports: {} as Record<string, unknown> };
    const sandbox = {
      module,
      exports: module.exports,
      require: (name: string) => {
        requested.push(name);
        if (name !== 'vscode') throw new Error(`the web bundle required '${name}'`);
        return anything();
      },
      console,
      setTimeout,
      clearTimeout,
      TextDecoder,
      TextEncoder,
      URL,
    };
    vm.runInNewContext(fs.readFileSync(BUNDLE, 'utf8'), sandbox, { filename: BUNDLE });
    assert.equal(typeof module.exports.activate, 'function');
    assert.equal(typeof module.exports.deactivate, 'function');
    assert.ok(requested.every((n) => n === 'vscode'));
    assert.equal('process' in sandbox, false, 'no process global was provided, and the bundle did not need one');
  });
});
