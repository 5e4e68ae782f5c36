/**
 * Where the test harness keeps things, and the versions it pins. Everything it
 * installs or creates lives under `.cache/vscode/` (ignored by git), so deleting that
 * folder returns the machine to a cold start.
 */
import * as path from 'node:path';

/** The repository root (this file runs compiled, from out/scripts/vscode/). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
/** Debian packages: the browser that drives the workbench, and the headers code-server's kerberos module compiles against. */
export const CHROMIUM = '/usr/bin/chromium';

export const CACHE = path.join(ROOT, '.cache', 'vscode');
export const NODE_DIR = path.join(CACHE, `node-${NODE_VERSION}`);
export const NODE_BIN = path.join(NODE_DIR, 'bin', 'node');
export const CODE_SERVER_DIR = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** The committed package.json + package-lock.json that pin code-server and its dependencies. */
export const CODE_SERVER_MANIFEST_DIR = path.join(ROOT, 'scripts', 'vscode', 'code-server');
/** One folder per run: profile, extensions, XDG dirs, browser profile and a copy of the workspace. */
export const RUNS_DIR = path.join(CACHE, 'runs');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
/** The example workspace `npm start` opens. */
export const EXAMPLES = path.join(ROOT, 'examples');
/** The workspace the extension-host and UI tests open (copied per run, so tests may edit it). */
export const TEST_WORKSPACE = EXAMPLES;
/** Compiled test entry points. */
export const EXTENSION_TESTS_ENTRY = path.join(ROOT, 'out', 'test', 'extension', 'index.js');
