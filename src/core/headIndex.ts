/**
 * Finds which of many strings start at each position of a short stretch of text:
 * what an edit needs, where `MultiSearch` is built for whole texts. Strings can be
 * added and removed at any time.
 *
 * `MultiSearch` probes the text only every w positions, so its table holds w
 * q-grams per pattern; for tens of thousands of patterns that table is megabytes,
 * and each probe of a short window misses the cache. Here each string is indexed
 * once, by its head (its first HEAD code units, or all of a shorter one), and the
 * window is read at every position with a rolling hash per head length in use: a
 * pass costs little, a long chain of strings sharing a short head costs much.
 * Articles are mostly made of the quoted text, so most positions start some head:
 * the table is typed arrays (open addressing, the ids of a key chained through
 * `next`), and a candidate is rejected by its length and last code unit before its
 * string is read.
 */

const HEAD = 8;
const BASE = 0x01000193;
const MIX = 0x9e3779b1 | 0;
const NONE = -1;
/** A bit per key hash, small enough to stay in the first-level cache, tested before the table. */
const FILTER_BITS = 17;

export class HeadIndex {
  /** Open addressing: the key of each slot (NONE: empty) and the first id chained there. */
  private slotKey = new Int32Array(16).fill(NONE);
  private slotFirst = new Int32Array(16).fill(NONE);
  private bits = 4;
  private usedSlots = 0;
  /** Per id: the next id with the same key, its slot, length and last code unit. */
  private next = new Int32Array(16);
  private slotOf = new Int32Array(16).fill(NONE);
  private lengthOf = new Int32Array(16);
  private lastOf = new Int32Array(16);
  private readonly texts: (string | undefined)[] = [];
  /** How many strings have a head of each length (index 1 .. HEAD). */
  private readonly perLength = new Int32Array(HEAD + 1);
  /** Keys in use (a removed string's bit stays until the table grows: it only costs a probe). */
  private filter = new Int32Array(1 << (FILTER_BITS - 5));

  /** Indexes `text` (not empty) under `id`, a small non-negative integer not in use. */
  add(id: number, text: string): void {
    if (id >= this.next.length) this.growIds(id + 1);
    const length = headLength(text.length);
    let h = 0;
    for (let j = 0; j < length; j++) h = (Math.imul(h, BASE) + text.charCodeAt(j)) | 0;
    const slot = this.slotFor(keyOf(h, length));
    this.next[id] = this.slotFirst[slot]!;
    this.slotFirst[slot] = id;
    this.slotOf[id] = slot;
    this.lengthOf[id] = text.length;
    this.lastOf[id] = text.charCodeAt(text.length - 1);
    this.texts[id] = text;
    this.perLength[length]!++;
  }

  remove(id: number): void {
    const text = this.texts[id];
    if (text === undefined) return;
    const slot = this.slotOf[id]!;
    if (this.slotFirst[slot] === id) this.slotFirst[slot] = this.next[id]!;
    else {
      let k = this.slotFirst[slot]!;
      while (this.next[k] !== id) k = this.next[k]!;
      this.next[k] = this.next[id]!;
    }
    this.texts[id] = undefined;
    this.slotOf[id] = NONE;
    this.perLength[headLength(text.length)]!--;
  }

  /**
   * Calls `hit(id, start)` for every occurrence of an indexed string starting in
   * text[from, to) (it may run past `to`, as far as `text` goes).
   */
  scan(text: string, from: number, to: number, hit: (id: number, start: number) => void): void {
    const { slotKey, slotFirst, next, lengthOf, lastOf, texts, filter } = this;
    const shift = 32 - this.bits;
    const mask = (1 << this.bits) - 1;
    // Prefix hashes of the stretch, once: the hash of text[i, i + L) is then
    // prefix[i + L] - prefix[i] * BASE^L, for every head length L in use.
    const stop = Math.min(text.length, to + HEAD - 1);
    const prefix = new Int32Array(Math.max(0, stop - from) + 1);
    for (let i = from; i < stop; i++) prefix[i - from + 1] = (Math.imul(prefix[i - from]!, BASE) + text.charCodeAt(i)) | 0;
    let power = 1;
    for (let length = 1; length <= HEAD; length++) {
      power = Math.imul(power, BASE);
      if (this.perLength[length] === 0) continue;
      const end = Math.min(to, text.length - length + 1);
      for (let i = from; i < end; i++) {
        const h = (prefix[i - from + length]! - Math.imul(prefix[i - from]!, power)) | 0;
        const key = keyOf(h, length);
        const bit = key >>> (31 - FILTER_BITS);
        // Most positions start no head: the filter answers without touching the table.
        if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
        for (let slot = Math.imul(key, MIX) >>> shift; slotKey[slot] !== NONE; slot = (slot + 1) & mask) {
          if (slotKey[slot] !== key) continue;
          for (let id = slotFirst[slot]!; id !== NONE; id = next[id]!) {
            const last = i + lengthOf[id]! - 1;
            if (text.charCodeAt(last) === lastOf[id] && text.slice(i, last + 1) === texts[id]) hit(id, i);
          }
          break;
        }
      }
    }
  }

  /** The slot holding `key`, taken if new (keys stay until the table grows). */
  private slotFor(key: number): number {
    if (2 * (this.usedSlots + 1) > this.slotKey.length) this.growSlots();
    const mask = (1 << this.bits) - 1;
    let slot = Math.imul(key, MIX) >>> (32 - this.bits);
    while (this.slotKey[slot] !== NONE && this.slotKey[slot] !== key) slot = (slot + 1) & mask;
    if (this.slotKey[slot] === NONE) {
      this.slotKey[slot] = key;
      this.usedSlots++;
      const bit = key >>> (31 - FILTER_BITS);
      this.filter[bit >>> 5]! |= 1 << (bit & 31);
    }
    return slot;
  }

  /** Doubles the table, keeping only the keys some id still has. */
  private growSlots(): void {
    const live: number[] = [];
    this.texts.forEach((text, id) => {
      if (text !== undefined) live.push(id);
    });
    const keys = live.map((id) => this.slotKey[this.slotOf[id]!]!);
    this.bits++;
    this.slotKey = new Int32Array(1 << this.bits).fill(NONE);
    this.slotFirst = new Int32Array(1 << this.bits).fill(NONE);
    this.filter = new Int32Array(1 << (FILTER_BITS - 5));
    this.usedSlots = 0;
    live.forEach((id, n) => {
      const slot = this.slotFor(keys[n]!);
      this.next[id] = this.slotFirst[slot]!;
      this.slotFirst[slot] = id;
      this.slotOf[id] = slot;
    });
  }

  private growIds(needed: number): void {
    let size = this.next.length;
    while (size < needed) size *= 2;
    const grown = (a: Int32Array, fill = 0): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(size).fill(fill);
      b.set(a);
      return b;
    };
    this.next = grown(this.next);
    this.slotOf = grown(this.slotOf, NONE);
    this.lengthOf = grown(this.lengthOf);
    this.lastOf = grown(this.lastOf);
  }
}

/** A head's key: its hash and length, never NONE. */
function keyOf(hash: number, length: number): number {
  return (hash ^ Math.imul(length, MIX)) & 0x7fffffff;
}

function headLength(length: number): number {
  return Math.min(HEAD, length);
}
