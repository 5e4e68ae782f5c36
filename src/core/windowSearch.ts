/**
 * Finds which of many patterns start at each position of a short stretch of text:
 * what an edit needs, where `MultiSearch` is built for whole texts.
 *
 * `MultiSearch` probes the text only every w positions, so its table holds w
 * q-grams per pattern; for tens of thousands of patterns that table is megabytes,
 * and each probe of a short window misses the cache. Here every pattern is indexed
 * once, by its first Q code units, and the window is read at every position with a
 * rolling hash: a small bit set answers most positions, and a hit names exactly the
 * patterns that may start there. Patterns shorter than Q are looked for with
 * `indexOf`.
 */

const Q = 8;
const BASE = 0x01000193;
const FILTER_BITS = 20;
/** Map keys are kept to 30 bits: V8 stores those as small integers, larger ones boxed. */
const KEY_MASK = 0x3fffffff;

export class WindowSearch {
  /** Pattern ids by the hash of their first Q code units. */
  private readonly byHead = new Map<number, number[]>();
  private readonly filter = new Int32Array(1 << (FILTER_BITS - 5));
  /** Patterns shorter than Q, each distinct text once with every id that has it. */
  private readonly short = new Map<string, number[]>();
  private readonly outFactor: number;

  constructor(private readonly patterns: readonly string[]) {
    let f = 1;
    for (let k = 1; k < Q; k++) f = Math.imul(f, BASE);
    this.outFactor = f;
    patterns.forEach((p, id) => {
      if (p.length === 0) return;
      if (p.length < Q) {
        const ids = this.short.get(p);
        if (ids) ids.push(id);
        else this.short.set(p, [id]);
        return;
      }
      let h = 0;
      for (let j = 0; j < Q; j++) h = (Math.imul(h, BASE) + p.charCodeAt(j)) | 0;
      const key = h & KEY_MASK;
      const ids = this.byHead.get(key);
      if (ids) ids.push(id);
      else this.byHead.set(key, [id]);
      const bit = h >>> (32 - FILTER_BITS);
      this.filter[bit >>> 5]! |= 1 << (bit & 31);
    });
  }

  /**
   * Calls `hit(pattern, start)` for every occurrence of a pattern starting in
   * text[from, to) (it may run past `to`, as far as the text goes).
   */
  scan(text: string, hit: (pattern: number, start: number) => void, from: number, to: number): void {
    const end = Math.min(to, text.length - Q + 1);
    if (this.byHead.size > 0 && from < end) {
      const { filter, outFactor, byHead, patterns } = this;
      let h = 0;
      for (let j = from; j < from + Q; j++) h = (Math.imul(h, BASE) + text.charCodeAt(j)) | 0;
      for (let i = from; ; ) {
        const bit = h >>> (32 - FILTER_BITS);
        if ((filter[bit >>> 5]! & (1 << (bit & 31))) !== 0) {
          const ids = byHead.get(h & KEY_MASK);
          if (ids) for (const id of ids) if (occursAt(text, patterns[id]!, i)) hit(id, i);
        }
        if (++i >= end) break;
        h = (Math.imul(h - Math.imul(text.charCodeAt(i - 1), outFactor), BASE) + text.charCodeAt(i + Q - 1)) | 0;
      }
    }
    if (this.short.size === 0) return;
    const piece = text.slice(from, to + Q - 2);
    for (const [p, ids] of this.short) {
      for (let i = piece.indexOf(p); i !== -1 && from + i < to; i = piece.indexOf(p, i + 1)) {
        for (const id of ids) hit(id, from + i);
      }
    }
  }
}

/** `text.startsWith(p, at)`, rejecting most chance candidates by their last code unit first. */
function occursAt(text: string, p: string, at: number): boolean {
  const last = at + p.length - 1;
  return last < text.length && text.charCodeAt(last) === p.charCodeAt(p.length - 1) && text.slice(at, last + 1) === p;
}
