/**
 * Converts UTF-16 offsets to 1-based line and column and back. Lines end at "\n", at
 * "\r\n" and at a "\r" alone (old Mac files; editors and YAML break lines there too);
 * the "\r" of "\r\n" belongs to the line it ends (as in VS Code, columns count it).
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    // A lone CR is rare; CRLF text (every Windows article, per keystroke in the editor)
    // keeps the indexOf loop, the CR of each CRLF staying on its line.
    if (!/\r(?!\n)/.test(text)) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (const m of text.matchAll(/\r\n?|\n/g)) starts.push(m.index + m[0].length);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column of an offset (clamped to the text). */
  positionAt(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  /** Offset of a 1-based line and column (clamped to the line). */
  offsetAt(line: number, column: number): number {
    const l = Math.max(1, Math.min(line, this.starts.length));
    const start = this.starts[l - 1]!;
    const end = l < this.starts.length ? this.starts[l]! - 1 : this.text.length;
    return Math.min(start + Math.max(0, column - 1), end);
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.starts[Math.max(1, Math.min(line, this.starts.length)) - 1]!;
  }
}
