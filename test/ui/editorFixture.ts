/**
 * The editor fixture (test/fixtures/editor-every-look.*) copied into a UI session's
 * workspace, and where its claims are, for the highlight and hover UI tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../scripts/vscode/layout';

export const ARTICLE_NAME = 'editor-every-look.txt';
const SIDECAR_NAME = 'editor-every-look.claims.yaml';

/** Copies the fixture into `workspace/folder` and returns the article's text. */
export function copyEditorFixture(workspace: string, folder: string): string {
  const target = path.join(workspace, folder);
  fs.mkdirSync(target, { recursive: true });
  for (const name of [ARTICLE_NAME, SIDECAR_NAME]) fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', name), path.join(target, name));
  return fs.readFileSync(path.join(target, ARTICLE_NAME), 'utf8');
}

/** 1-based line and column of a character inside the first occurrence of `text` (a few characters in). */
export function inside(article: string, text: string): { line: number; column: number } {
  const at = article.indexOf(text);
  if (at < 0) throw new Error(`"${text}" is not in the fixture article`);
  const before = article.slice(0, at + 2);
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}
