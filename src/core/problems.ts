import type { Problem } from './types';

/** Problems in reading order: by file, then line, then column (stable for the rest). */
export function compareProblems(a: Problem, b: Problem): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;
}
