/**
 * Finds every occurrence of many patterns in one pass over a text, instead of one
 * `indexOf` scan per pattern: a Rabin–Karp rolling hash of each pattern's first
 * `head` code units is looked up in an open hash table at every text position, and
 * only head hits are compared in full. Patterns shorter than `MIN_HEAD` (rare: a word
 * or two) fall back to `indexOf`.
 */

const MIN_HEAD = 4;
const MAX_HEAD = 12;
const BASE = 0x01000193;
const MIX = 0x9e3779b1 | 0;

export class MultiSearch {
  private readonly head: number;
  /** Patterns searched by hash (length >= head) and by indexOf (shorter). */
  private readonly hashed: number[] = [];
  private readonly short: number[] = [];
  private readonly hashes: Int32Array;
  private readonly next: Int32Array;
  private readonly table: Int32Array;
  private readonly bits: number;
  /** BASE^(head - 1), to roll the oldest code unit out of the hash. */
  private readonly outFactor: number;

  /** `patterns` should be distinct and non-empty; results are indexed like them. */
  constructor(readonly patterns: readonly string[]) {
    let head = MAX_HEAD;
    for (const p of patterns) if (p.length >= MIN_HEAD) head = Math.min(head, p.length);
    this.head = head;
    patterns.forEach((p, i) => (p.length >= head ? this.hashed : this.short).push(i));

    let bits = 4;
    while (1 << bits < this.hashed.length * 4) bits++;
    this.bits = bits;
    this.table = new Int32Array(1 << bits).fill(-1);
    this.hashes = new Int32Array(patterns.length);
    this.next = new Int32Array(patterns.length).fill(-1);
    for (const i of this.hashed) {
      const h = hashOf(patterns[i]!, 0, head);
      this.hashes[i] = h;
      const slot = Math.imul(h, MIX) >>> (32 - bits);
      this.next[i] = this.table[slot]!;
      this.table[slot] = i;
    }
    let f = 1;
    for (let i = 1; i < head; i++) f = Math.imul(f, BASE);
    this.outFactor = f;
  }

  /**
   * Calls `hit(pattern, position)` for every occurrence of a pattern starting in
   * text[from, to) (the pattern itself may run past `to`), in increasing position
   * order per pattern. Overlapping occurrences are all reported.
   */
  scan(text: string, hit: (pattern: number, position: number) => void, from = 0, to = text.length): void {
    const { head, table, hashes, next, patterns, outFactor } = this;
    const shift = 32 - this.bits;
    const last = Math.min(to, text.length - head + 1);
    if (this.hashed.length > 0 && from < last) {
      let h = hashOf(text, from, head);
      for (let i = from; ; i++) {
        for (let e = table[Math.imul(h, MIX) >>> shift]!; e !== -1; e = next[e]!) {
          if (hashes[e] === h && text.startsWith(patterns[e]!, i)) hit(e, i);
        }
        if (i + 1 >= last) break;
        h = (Math.imul(h - Math.imul(text.charCodeAt(i), outFactor), BASE) + text.charCodeAt(i + head)) | 0;
      }
    }
    for (const e of this.short) {
      const p = patterns[e]!;
      for (let i = text.indexOf(p, from); i !== -1 && i < to; i = text.indexOf(p, i + 1)) hit(e, i);
    }
  }

  /** Every occurrence of every pattern in the whole text: one sorted list per pattern. */
  findAll(text: string): number[][] {
    const found: number[][] = this.patterns.map(() => []);
    this.scan(text, (e, i) => found[e]!.push(i));
    return found;
  }
}

function hashOf(s: string, from: number, len: number): number {
  let h = 0;
  for (let i = from; i < from + len; i++) h = (Math.imul(h, BASE) + s.charCodeAt(i)) | 0;
  return h;
}

/** Every (possibly overlapping) occurrence of `p` in `text`, ascending. */
export function indexOfAll(text: string, p: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(p); i !== -1; i = text.indexOf(p, i + 1)) out.push(i);
  return out;
}
