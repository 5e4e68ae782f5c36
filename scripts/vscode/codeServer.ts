/**
 * One code-server (VS Code in the browser) process per run: 127.0.0.1 on a free
 * port, a fresh profile, extensions dir and XDG dirs in its own run folder, and a
 * copy of the workspace so tests may edit it. It runs in its own process group
 * (`detached` = setsid), and `stop()` ends the whole group: killing only the main
 * pid would leave its file watcher and extension host behind. The group is also
 * killed when this process exits, is interrupted (SIGINT/SIGTERM) or throws.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { Installation } from './install';
import { RUNS_DIR } from './layout';
import { livingGroupMembers, livingProcessesMentioning, signalGroup } from './processes';

export interface CodeServerOptions {
  install: Installation;
  /** Names the run folder, e.g. "ui" or "extension-host". */
  label: string;
  /** The folder to open; copied into the run folder (so tests may edit it) unless `inPlace`. */
  workspace: string;
  inPlace?: boolean;
  /** Accept a `payload` (extensionDevelopmentPath, extensionTestsPath) in the URL. */
  smokeTestDriver?: boolean;
}

/** User settings that remove the welcome page, chat and background noise. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'editor.cursorBlinking': 'solid',
  'workbench.tips.enabled': false,
};

const KEEP_RUNS = 6;
const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;

const running = new Set<CodeServer>();

export class CodeServer {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** The folder the workbench opens: the run's copy of the workspace, unless started `inPlace`. */
  readonly workspace: string;

  private constructor(
    private readonly child: ChildProcess,
    readonly runDir: string,
    readonly userDataDir: string,
    workspace: string,
    port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.workspace = workspace;
  }

  static async start(options: CodeServerOptions): Promise<CodeServer> {
    installEmergencyStop();
    const runDir = createRunDir(options.label);
    const dirs = {
      userData: path.join(runDir, 'user-data'),
      extensions: path.join(runDir, 'extensions'),
      config: path.join(runDir, 'xdg', 'config'),
      data: path.join(runDir, 'xdg', 'data'),
      cache: path.join(runDir, 'xdg', 'cache'),
    };
    for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
    fs.mkdirSync(path.join(dirs.userData, 'User'));
    fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
    const workspace = options.inPlace ? options.workspace : path.join(runDir, 'workspace');
    if (!options.inPlace) fs.cpSync(options.workspace, workspace, { recursive: true });

    const env = { ...process.env, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache };

    const port = await freePort();
    const log = fs.openSync(path.join(runDir, 'code-server.log'), 'a');
    const args = [
      options.install.codeServerEntry,
      ...['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none'],
      ...['--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'],
      ...['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions],
      ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ];
    const child = spawn(options.install.node, args, { env, detached: true, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    const server = new CodeServer(child, runDir, dirs.userData, workspace, port);
    running.add(server);
    try {
      await server.waitUntilHealthy();
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  /** The workbench URL for the run's workspace, with an optional smoke-test-driver payload. */
  workbenchUrl(payload?: ReadonlyArray<readonly [string, string]>): string {
    const query = new URLSearchParams({ folder: this.workspace });
    if (payload) query.set('payload', JSON.stringify(payload));
    return `${this.url}/?${query}`;
  }

  /** The process group id (the leader's pid, as it was started with setsid). */
  get pgid(): number {
    if (this.child.pid === undefined) throw new Error('code-server did not start');
    return this.child.pid;
  }

  log(): string {
    return fs.readFileSync(path.join(this.runDir, 'code-server.log'), 'utf8');
  }

  /** Ends the whole process group: SIGTERM, then SIGKILL for anything still alive after a grace period. */
  async stop(): Promise<void> {
    running.delete(this);
    if (this.child.pid === undefined) return;
    if (signalGroup(this.pgid, 'SIGTERM')) {
      const deadline = Date.now() + STOP_GRACE_MS;
      while (livingGroupMembers(this.pgid).length > 0 && Date.now() < deadline) await sleep(100);
      signalGroup(this.pgid, 'SIGKILL');
    }
    while (livingGroupMembers(this.pgid).length > 0) await sleep(50);
  }

  private async waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`code-server exited before it was ready:\n${this.log()}`);
      }
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      await sleep(100);
    }
    throw new Error(`code-server was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${this.log()}`);
  }

  /** Synchronous last resort for exit paths, where nothing can be awaited. */
  killNow(): void {
    running.delete(this);
    if (this.child.pid !== undefined) signalGroup(this.pgid, 'SIGKILL');
  }
}

let emergencyStopInstalled = false;

/**
 * Kills every running code-server group when this process ends in any way other
 * than an orderly stop(). An uncaught error or rejection ends Node through 'exit'
 * too; the signals would otherwise end it without running any handler.
 */
function installEmergencyStop(): void {
  if (emergencyStopInstalled) return;
  emergencyStopInstalled = true;
  const killAll = () => {
    for (const server of [...running]) server.killNow();
  };
  process.on('exit', killAll);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      killAll();
      process.exit(code);
    });
  }
}

/** A new run folder; older ones beyond the last few are removed unless still in use. */
function createRunDir(label: string): string {
  fs.mkdirSync(RUNS_DIR, { recursive: true });
  const old = fs.readdirSync(RUNS_DIR).sort();
  for (const name of old.slice(0, Math.max(0, old.length - KEEP_RUNS + 1))) {
    const dir = path.join(RUNS_DIR, name);
    if (livingProcessesMentioning(dir).length === 0) fs.rmSync(dir, { recursive: true, force: true });
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  return fs.mkdtempSync(path.join(RUNS_DIR, `${stamp}-${label}-`));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
