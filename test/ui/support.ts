/** Small helpers shared by the UI tests. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../scripts/vscode/layout';

/** Probes every 200 ms until `ok` holds or `ms` pass; returns the last value (the caller asserts on it). */
export async function eventually<T>(probe: () => T | Promise<T>, ok: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await probe();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await probe();
  }
  return value;
}

/** package.nls.json's text for a key, as the workbench shows it. */
export function nls(key: string): string {
  const text = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>)[key];
  assert.ok(text, `package.nls.json defines ${key}`);
  return text;
}
