/**
 * Finds which of many strings start at each position of a short stretch of text:
 * what an edit needs, where `MultiSearch` is built for whole texts. Strings can be
 * added and removed at any time.
 *
 * `MultiSearch` probes the text only every w positions, so its table holds w
 * q-grams per pattern; for tens of thousands of patterns that table is megabytes,
 * and each probe of a short window misses the cache. Here each string is indexed
 * once, by its head (its first HEAD code units, or all of it if shorter), and the
 * window is read at every position with a rolling hash per head length in use: a
 * small bit set answers most positions, and a hit names the few strings that may
 * start there.
 */

const HEAD = 8;
const BASE = 0x01000193;
const FILTER_BITS = 18;
/** Map keys are kept to 30 bits: V8 stores those as small integers, larger ones boxed. */
const KEY_MASK = 0x3fffffff;
const NONE = -1;

export class HeadIndex {
  /** Ids by the key of their head. */
  private readonly byKey = new Map<number, number[]>();
  private readonly texts: (string | undefined)[] = [];
  private readonly keys: number[] = [];
  /** How many strings have a head of each length (index 1 .. HEAD). */
  private readonly perLength = new Int32Array(HEAD + 1);
  /** Bits of the keys in use (a removed string's bit stays: it only costs a lookup). */
  private readonly filter = new Int32Array(1 << (FILTER_BITS - 5));

  /** Indexes `text` (not empty) under `id`, a small non-negative integer not in use. */
  add(id: number, text: string): void {
    const length = Math.min(HEAD, text.length);
    let h = 0;
    for (let j = 0; j < length; j++) h = (Math.imul(h, BASE) + text.charCodeAt(j)) | 0;
    const key = keyOf(h, length);
    const ids = this.byKey.get(key);
    if (ids) ids.push(id);
    else this.byKey.set(key, [id]);
    const bit = key >>> (30 - FILTER_BITS);
    this.filter[bit >>> 5]! |= 1 << (bit & 31);
    this.texts[id] = text;
    this.keys[id] = key;
    this.perLength[length]!++;
  }

  remove(id: number): void {
    const text = this.texts[id];
    if (text === undefined) return;
    const key = this.keys[id]!;
    const ids = this.byKey.get(key)!;
    ids.splice(ids.indexOf(id), 1);
    if (ids.length === 0) this.byKey.delete(key);
    this.texts[id] = undefined;
    this.keys[id] = NONE;
    this.perLength[Math.min(HEAD, text.length)]!--;
  }

  /**
   * Calls `hit(id, start)` for every occurrence of an indexed string starting in
   * text[from, to) (it may run past `to`, as far as `text` goes).
   */
  scan(text: string, from: number, to: number, hit: (id: number, start: number) => void): void {
    const { filter, byKey, texts } = this;
    for (let length = 1; length <= HEAD; length++) {
      if (this.perLength[length] === 0) continue;
      const end = Math.min(to, text.length - length + 1);
      if (from >= end) continue;
      let out = 1;
      for (let k = 1; k < length; k++) out = Math.imul(out, BASE);
      let h = 0;
      for (let j = from; j < from + length; j++) h = (Math.imul(h, BASE) + text.charCodeAt(j)) | 0;
      for (let i = from; ; ) {
        const key = keyOf(h, length);
        const bit = key >>> (30 - FILTER_BITS);
        if ((filter[bit >>> 5]! & (1 << (bit & 31))) !== 0) {
          const ids = byKey.get(key);
          if (ids) for (const id of ids) if (occursAt(text, texts[id]!, i)) hit(id, i);
        }
        if (++i >= end) break;
        h = (Math.imul(h - Math.imul(text.charCodeAt(i - 1), out), BASE) + text.charCodeAt(i + length - 1)) | 0;
      }
    }
  }
}

function keyOf(hash: number, length: number): number {
  return (hash ^ Math.imul(length, 0x9e3779b1)) & KEY_MASK;
}

/** `text.startsWith(p, at)`, rejecting most chance candidates by their last code unit first. */
function occursAt(text: string, p: string, at: number): boolean {
  const last = at + p.length - 1;
  return last < text.length && text.charCodeAt(last) === p.charCodeAt(p.length - 1) && text.slice(at, last + 1) === p;
}
