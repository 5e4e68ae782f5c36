/**
 * Text held as a list of chunks of a few kilobytes, so that an edit copies one chunk
 * instead of the whole text. A JavaScript string is immutable: replacing one
 * character of a 1 MB article makes a new 1 MB string (V8 builds it lazily, but the
 * first read flattens it), and at every keystroke that copy, and the garbage it
 * leaves, cost more than everything else an edit needs.
 *
 * Reads near the last one are cheap (`charCodeAt` remembers its chunk); `slice`
 * copies only what it returns; the whole text as one string is built on demand and
 * kept until the next edit.
 */

/** What the anchoring code reads from a text: a string, or a `ChunkedText`. */
export interface TextLike {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end: number): string;
  startsWith(search: string, position: number): boolean;
}

/** Chunks are cut this long, and split again when an edit makes one twice as long. */
export const CHUNK = 4096;

export class ChunkedText implements TextLike {
  private chunks: string[];
  /** starts[k]: offset of chunks[k]; starts[chunks.length] is the length. */
  private starts: number[];
  private flat: string | undefined;
  /** The chunk the last read fell in. */
  private current = 0;

  constructor(
    text: string,
    private readonly chunkSize = CHUNK,
  ) {
    this.chunks = [];
    this.starts = [];
    for (let at = 0; at < text.length; at += chunkSize) {
      this.starts.push(at);
      this.chunks.push(flat(text.slice(at, at + chunkSize)));
    }
    if (this.chunks.length === 0) {
      this.chunks.push('');
      this.starts.push(0);
    }
    this.starts.push(text.length);
    this.flat = text;
  }

  get length(): number {
    return this.starts[this.chunks.length]!;
  }

  /** The whole text as one string (built once per edit, when first asked for). */
  toString(): string {
    return (this.flat ??= this.chunks.join(''));
  }

  /** The code unit at `index`, or NaN outside the text (as for a string). */
  charCodeAt(index: number): number {
    const k = this.current;
    if (index >= this.starts[k]! && index < this.starts[k + 1]!) return this.chunks[k]!.charCodeAt(index - this.starts[k]!);
    if (index < 0 || index >= this.length) return NaN;
    this.current = this.chunkAt(index);
    return this.chunks[this.current]!.charCodeAt(index - this.starts[this.current]!);
  }

  /** text[start, end), clamped to the text (no negative offsets from the end). */
  slice(start: number, end: number = this.length): string {
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    if (this.flat !== undefined) return flat(this.flat.slice(from, to));
    if (from === to) return '';
    let k = this.chunkAt(from);
    const first = this.chunks[k]!;
    const offset = from - this.starts[k]!;
    if (to <= this.starts[k + 1]!) return flat(first.slice(offset, to - this.starts[k]!));
    const parts = [first.slice(offset)];
    for (k++; this.starts[k + 1]! < to; k++) parts.push(this.chunks[k]!);
    parts.push(this.chunks[k]!.slice(0, to - this.starts[k]!));
    return parts.join('');
  }

  startsWith(search: string, position: number): boolean {
    return this.slice(position, position + search.length) === search;
  }

  /** Whether this is `text`, compared chunk by chunk (no whole string is built). */
  equals(text: string): boolean {
    if (text.length !== this.length) return false;
    if (this.flat !== undefined) return this.flat === text;
    // A slice compared with `===` is compared in place, block by block; `startsWith`
    // with a position is about 15 times slower on a 1 MB text.
    return this.chunks.every((chunk, k) => text.slice(this.starts[k]!, this.starts[k]! + chunk.length) === chunk);
  }

  /** The text as the cheapest thing to read: the whole string while it is built, else the chunks. */
  view(): TextLike {
    return this.flat ?? this;
  }

  /** Replaces [start, end) with `insert`, copying only the chunks the range touches. */
  replace(start: number, end: number, insert: string): void {
    const k = this.chunkAt(start);
    let last = end > start ? this.chunkAt(end - 1) : k;
    if (last < k) last = k;
    const head = this.chunks[k]!.slice(0, start - this.starts[k]!);
    const tail = this.chunks[last]!.slice(end - this.starts[last]!);
    const joined = head + insert + tail;
    const pieces: string[] = [];
    if (joined.length <= 2 * this.chunkSize) pieces.push(flat(joined));
    else for (let at = 0; at < joined.length; at += this.chunkSize) pieces.push(flat(joined.slice(at, at + this.chunkSize)));
    this.chunks.splice(k, last - k + 1, ...pieces);
    // The chunks after the edit move by its length change; the new ones start one after another.
    const delta = insert.length - (end - start);
    for (let j = last + 1; j < this.starts.length; j++) this.starts[j]! += delta;
    const newStarts: number[] = [];
    let at = this.starts[k]!;
    for (const piece of pieces) {
      newStarts.push(at);
      at += piece.length;
    }
    this.starts.splice(k, last - k + 1, ...newStarts);
    if (this.chunks.length > 1 && this.chunks[k]!.length === 0 && pieces.length === 1) {
      // An emptied chunk is dropped, so reads never land on one.
      this.chunks.splice(k, 1);
      this.starts.splice(k, 1);
    }
    this.flat = undefined;
    this.current = Math.min(k, this.chunks.length - 1);
  }

  /** Index of the chunk holding offset `i` (0 <= i; the last chunk for i = length). */
  private chunkAt(i: number): number {
    const last = this.chunks.length - 1;
    return i >= this.starts[last]! ? last : lastAtMost(this.starts, i);
  }
}

/** Index of the last element of ascending `xs` that is <= x, or -1 if none is. */
export function lastAtMost(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return k;
}

/**
 * `s` as a string of its own. A slice of a longer string or a concatenation is kept
 * by V8 as a view of its parts, and every `charCodeAt` on it follows the view:
 * reading such a window is about twice as slow as reading a string of its own. An
 * array join of two parts builds one (a join of one part would return it unchanged).
 */
function flat(s: string): string {
  return s.length < 2 ? s : [s.slice(0, s.length >> 1), s.slice(s.length >> 1)].join('');
}
