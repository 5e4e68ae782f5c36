/**
 * Finds which of many strings start at each position of a short stretch of text:
 * what an edit needs, where `MultiSearch` is built for whole texts. Strings can be
 * added and removed at any time.
 *
 * `MultiSearch` probes the text only every w positions, so its table holds w
 * q-grams per pattern; for tens of thousands of patterns that table is megabytes,
 * and each probe of a short window misses the cache. Here each string is indexed
 * once, by its head (its first HEAD code units, or fewer: `headLength`), and the
 * window is read at every position with a rolling hash per head length in use: a
 * pass costs little, a long chain of strings sharing a short head costs much.
 * Articles are mostly made of the quoted text, so most positions start some head:
 * the table is typed arrays (open addressing, the ids of a key chained through
 * `next`), and a candidate is rejected by where it may start, its length and its
 * last code unit before its string is read. What one probe reads lies together
 * (a slot's key beside its first id; an id's link, length, last code unit and
 * window side by side): on a machine where the table is out of cache, every
 * separate array is a separate miss.
 */

const HEAD = 8;
/** The head of a string shorter than HEAD (`headLength`). */
const SHORT_HEAD = 5;
const BASE = 0x01000193;
const MIX = 0x9e3779b1 | 0;
const NONE = -1;
/**
 * The filter tested before the table: two bits of one word per key, a word per two
 * slots of the table (about 16 bits per key), at most 2^this words (128 KB).
 */
const FILTER_WORD_BITS = 15;
/** Per id, in `meta`: the next id with the same key, length, last code unit, window, slot. */
const NEXT = 0;
const LENGTH = 1;
const LAST = 2;
const BEFORE = 3;
const AFTER = 4;
const SLOT = 5;
const STRIDE = 8;
/** A window bound no scan reaches: the string may start anywhere. */
const FAR = 1 << 30;

/**
 * Where a string may start, relative to a stretch [lo, hi) a scan names: after
 * lo + before and before hi + after. A string that can only matter when it overlaps
 * or comes near a change says so here, and a scan rejects the other hits before
 * reading the string.
 */
export interface StartWindow {
  before: number;
  after: number;
}

export class HeadIndex {
  /** Open addressing, two ints per slot: its key (NONE: empty) and the first id chained there. */
  private slots = new Int32Array(32).fill(NONE);
  private bits = 4;
  private usedSlots = 0;
  /** STRIDE ints per id (NEXT, LENGTH, LAST, BEFORE, AFTER, SLOT). */
  private meta = new Int32Array(16 * STRIDE);
  private readonly texts: (string | undefined)[] = [];
  /** How many strings have a head of each length (index 1 .. HEAD). */
  private readonly perLength = new Int32Array(HEAD + 1);
  /** Keys in use (a removed string's bit stays until the table grows: it only costs a probe). */
  private filter = new Int32Array(8);
  private filterShift = 28;

  /** Indexes `text` (not empty) under `id`, a small non-negative integer not in use; `window`: where it may start (anywhere by default). */
  add(id: number, text: string, window?: StartWindow): void {
    if ((id + 1) * STRIDE > this.meta.length) this.growIds(id + 1);
    const length = headLength(text.length);
    let h = 0;
    for (let j = 0; j < length; j++) h = (Math.imul(h, BASE) + text.charCodeAt(j)) | 0;
    const slot = this.slotFor(keyOf(h, length));
    const at = id * STRIDE;
    const meta = this.meta;
    meta[at + NEXT] = this.slots[2 * slot + 1]!;
    this.slots[2 * slot + 1] = id;
    meta[at + SLOT] = slot;
    meta[at + LENGTH] = text.length;
    meta[at + LAST] = text.charCodeAt(text.length - 1);
    meta[at + BEFORE] = window ? window.before : -FAR;
    meta[at + AFTER] = window ? window.after : FAR;
    this.texts[id] = text;
    this.perLength[length]!++;
  }

  remove(id: number): void {
    const text = this.texts[id];
    if (text === undefined) return;
    const meta = this.meta;
    const slot = meta[id * STRIDE + SLOT]!;
    if (this.slots[2 * slot + 1] === id) this.slots[2 * slot + 1] = meta[id * STRIDE + NEXT]!;
    else {
      let k = this.slots[2 * slot + 1]!;
      while (meta[k * STRIDE + NEXT] !== id) k = meta[k * STRIDE + NEXT]!;
      meta[k * STRIDE + NEXT] = meta[id * STRIDE + NEXT]!;
    }
    this.texts[id] = undefined;
    meta[id * STRIDE + SLOT] = NONE;
    this.perLength[headLength(text.length)]!--;
  }

  /**
   * Calls `hit(id, start)` for every occurrence of an indexed string starting in
   * text[from, to) (it may run past `to`, as far as `text` goes) and, when `around`
   * is given, inside the string's window around [around.lo, around.hi).
   */
  scan(
    text: string,
    from: number,
    to: number,
    hit: (id: number, start: number) => void,
    around: { lo: number; hi: number } = { lo: 0, hi: 0 },
  ): void {
    const { slots, meta, texts, filter, filterShift } = this;
    const { lo, hi } = around;
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
        // Most positions start no head: the filter answers without touching the table.
        const bits = filterBitsOf(key);
        if ((filter[key >>> filterShift]! & bits) !== bits) continue;
        for (let slot = Math.imul(key, MIX) >>> shift; slots[2 * slot] !== NONE; slot = (slot + 1) & mask) {
          if (slots[2 * slot] !== key) continue;
          for (let id = slots[2 * slot + 1]!; id !== NONE; id = meta[id * STRIDE + NEXT]!) {
            const at = id * STRIDE;
            if (i <= lo + meta[at + BEFORE]! || i >= hi + meta[at + AFTER]!) continue;
            const last = i + meta[at + LENGTH]! - 1;
            if (text.charCodeAt(last) === meta[at + LAST] && text.slice(i, last + 1) === texts[id]) hit(id, i);
          }
          break;
        }
      }
    }
  }

  /** The slot holding `key`, taken if new (keys stay until the table grows). */
  private slotFor(key: number): number {
    if (2 * (this.usedSlots + 1) > 1 << this.bits) this.growSlots();
    const mask = (1 << this.bits) - 1;
    let slot = Math.imul(key, MIX) >>> (32 - this.bits);
    while (this.slots[2 * slot] !== NONE && this.slots[2 * slot] !== key) slot = (slot + 1) & mask;
    if (this.slots[2 * slot] === NONE) {
      this.slots[2 * slot] = key;
      this.usedSlots++;
      this.filter[key >>> this.filterShift]! |= filterBitsOf(key);
    }
    return slot;
  }

  /** Doubles the table, keeping only the keys some id still has. */
  private growSlots(): void {
    const live: number[] = [];
    this.texts.forEach((text, id) => {
      if (text !== undefined) live.push(id);
    });
    const meta = this.meta;
    const keys = live.map((id) => this.slots[2 * meta[id * STRIDE + SLOT]!]!);
    this.bits++;
    this.slots = new Int32Array(2 << this.bits).fill(NONE);
    const words = Math.min(FILTER_WORD_BITS, this.bits - 1);
    this.filter = new Int32Array(1 << words);
    this.filterShift = 31 - words;
    this.usedSlots = 0;
    live.forEach((id, n) => {
      const slot = this.slotFor(keys[n]!);
      meta[id * STRIDE + NEXT] = this.slots[2 * slot + 1]!;
      this.slots[2 * slot + 1] = id;
      meta[id * STRIDE + SLOT] = slot;
    });
  }

  private growIds(needed: number): void {
    let size = this.meta.length / STRIDE;
    while (size < needed) size *= 2;
    const grown = new Int32Array(size * STRIDE);
    grown.set(this.meta);
    this.meta = grown;
  }
}

/** Two bits of a filter word for a key (from its low ten bits; the word comes from its top bits). */
function filterBitsOf(key: number): number {
  return (1 << (key & 31)) | (1 << ((key >>> 5) & 31));
}

/** A head's key: its hash and length, never NONE. */
function keyOf(hash: number, length: number): number {
  return (hash ^ Math.imul(length, MIX)) & 0x7fffffff;
}

/**
 * How many code units of a string of this length its head holds: all of one of up
 * to SHORT_HEAD, SHORT_HEAD of one shorter than HEAD, else HEAD. Each head length
 * in use costs a pass over the stretch, and fuzzy pieces come in every length: a
 * few of 6 or 7 made two passes of their own, for a handful of hits.
 */
function headLength(length: number): number {
  return length >= HEAD ? HEAD : Math.min(SHORT_HEAD, length);
}
