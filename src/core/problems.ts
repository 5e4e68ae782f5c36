import { showControls } from './text';
import type { Problem } from './types';

/** Problems in reading order: by file, then line, then column (stable for the rest). */
export function compareProblems(a: Problem, b: Problem): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;
}

/**
 * Text from the sidecar as it appears inside a problem message: in single quotes, on
 * one line (problems print one per line), control characters and bidirectional
 * overrides written out, and cut short when long.
 */
export function quoted(text: string, max = 60): string {
  const oneLine = showControls(
    text.replace(/\p{Cc}|[\u2028\u2029]/gu, (c) =>
      c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ),
  );
  return `'${oneLine.length > max ? `${oneLine.slice(0, max - 3)}...` : oneLine}'`;
}
