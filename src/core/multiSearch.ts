/**
 * Finds every occurrence of many patterns in a text in about one pass, instead of
 * one `indexOf` scan per pattern, by sampling the text:
 *
 * Every pattern is at least `minLen` long. Take q-grams (q < minLen) and let
 * w = minLen - q + 1 (or less). An occurrence starting at s covers the text positions
 * s .. s + w - 1 with q-grams that lie inside the pattern, and exactly one of them is
 * a multiple of w. So a filter holds, for every pattern, its q-grams at offsets
 * 0 .. w - 1, and the text is probed only at multiples of w. A probe at i that
 * passes is where an occurrence starting at i - o could be, for the offsets o at
 * which some pattern has a q-gram with that hash (a bit mask per bucket of hashes);
 * the text's head there (its first q + w - 1 code units, hashed from the bytes at
 * hand) is looked up among the patterns' heads, and a pattern found is confirmed
 * against the text. Each occurrence is found exactly once, from the one probe it
 * covers.
 *
 * The filter, the masks and the heads' table stay in the CPU's second-level cache;
 * a table of every (q-gram, pattern, offset), which this replaces, did not, and
 * building it cost a cache miss per q-gram.
 *
 * The q-grams are hashed from bytes read four at a time (a `DataView` over a copy of
 * the text made by `TextEncoder`, many times cheaper than `charCodeAt` per character):
 * a byte is the low 8 bits of a code unit, so a text that is not ASCII only costs
 * chance candidates, which the check against the text rejects.
 *
 * Patterns are grouped by length (16+ code units with q = 8 to 12, 8+ with q = 6,
 * and each length from 3 to 7 on its own); shorter ones fall back to `indexOf`.
 */

const MIX = 0x9e3779b1 | 0;
/** The q of the class of long patterns: chosen from their shortest length. */
const LONG = 0;
const Q_LONG = 12;
/**
 * The largest w: a pattern puts w q-grams in the filter and a probe may check up to
 * w heads, so a large w (long patterns) would fill the filter to save probes that
 * are already cheap.
 */
const W_MAX = 32;
/** The filter has at most 2^this words (64 KB): it stays in the second-level cache. */
const FILTER_WORD_BITS = 14;
/** The offset masks have at most 2^this buckets (128 KB of 16-bit masks where w ≤ 16, else 256 KB). */
const OFFSET_BITS = 16;
/** Up to this many patterns of a length class are searched with `indexOf`. */
const FEW = 8;
/** The text is copied to bytes this many code units at a time (about, a multiple of w). */
const CHUNK = 4096;
/** `bytes & TAIL[n]`: the first n bytes of a little-endian word. */
const TAIL = [0, 0xff, 0xffff, 0xffffff];

const encoder = new TextEncoder();

/**
 * The hash of the q bytes at `at`, read as little-endian 32-bit words (the last one
 * masked to what is left; up to 3 bytes past the q-gram must be readable). The first
 * three words are spelled out: a loop costs more than the reads on the hot path.
 */
function gramHash(bytes: DataView, at: number, q: number): number {
  let h = Math.imul(q ^ word(bytes, at, q), MIX);
  if (q > 4) h = Math.imul(h ^ word(bytes, at + 4, q - 4), MIX);
  if (q > 8) h = Math.imul(h ^ word(bytes, at + 8, q - 8), MIX);
  for (let j = 12; j < q; j += 4) h = Math.imul(h ^ word(bytes, at + j, q - j), MIX);
  return h;
}

/**
 * The word at `at`, keeping only its first `left` bytes when fewer than 4 are left.
 * Read signed: an unsigned word and a masked one are a double to the compiler, which
 * the hash would convert back to int32, with a check, on every read.
 */
function word(bytes: DataView, at: number, left: number): number {
  const x = bytes.getInt32(at, true);
  return left >= 4 ? x : x & TAIL[left]!;
}

/**
 * Writes the low bytes of text[from, from + n) to `out` from 0: with `TextEncoder`,
 * which is the same when the stretch is ASCII, else one code unit at a time.
 */
function copyBytes(text: string, from: number, n: number, out: Uint8Array): void {
  const piece = text.slice(from, from + n);
  const { read, written } = encoder.encodeInto(piece, out);
  if (read === n && written === n) return;
  for (let k = 0; k < n; k++) out[k] = text.charCodeAt(from + k);
}

/** One length class of patterns, probed with q-grams every w positions. */
class SampledGroup {
  readonly w: number;
  /** How many code units of each member its q-grams cover (q + w - 1). */
  private readonly head: number;
  /**
   * The filter every probe checks first: a word per q-gram or so, two bits of the
   * word per q-gram (both must be set). Most probes are q-grams no pattern has; two
   * bits in one word reject about four times as many of them as one bit in a set of
   * the same size, with one read.
   */
  private readonly filter: Int32Array;
  private readonly filterBits: number;
  /** The hash of each member's head (its first `head` code units). */
  private readonly headHashes: Int32Array;
  /**
   * The members by head hash: open addressing with linear probing, member + 1 per
   * slot (0: empty), for the first member of each pattern (twins are not in it).
   */
  private readonly byHead: Int32Array;
  private readonly byHeadBits: number;
  /**
   * For each bucket of q-gram hashes, a bit per offset (0 .. w - 1) at which some
   * member has a q-gram of the bucket: a probe that passes the filter checks the heads
   * at those offsets back from it, not at all w. Sixteen bits a bucket where w
   * allows: the table, read at random, takes half the cache.
   */
  private readonly offsets: Uint16Array | Int32Array;
  private readonly offsetBits: number;
  /**
   * The next member with the same pattern, or -1. A pattern that an earlier member
   * already has (the same quote claimed twice) puts nothing in the filter: it is
   * reported wherever the earlier one is found, with one compare for both.
   */
  private readonly twins: Int32Array;

  constructor(
    private readonly patterns: readonly string[],
    private readonly members: readonly number[],
    private readonly q: number,
    minLen: number,
  ) {
    const w = (this.w = Math.min(minLen - q + 1, W_MAX));
    const head = (this.head = q + w - 1);
    const heads = new Uint8Array(members.length * head + 3);
    copyBytes(members.map((i) => patterns[i]!.slice(0, head)).join(''), 0, members.length * head, heads);
    const view = new DataView(heads.buffer);
    let filterBits = 4;
    while (1 << filterBits < members.length * w && filterBits < FILTER_WORD_BITS) filterBits++;
    this.filterBits = filterBits;
    const filterShift = 32 - filterBits;
    const filter = (this.filter = new Int32Array(1 << filterBits));
    const headHashes = (this.headHashes = new Int32Array(members.length));
    const twins = (this.twins = new Int32Array(members.length).fill(-1));
    let byHeadBits = 4;
    while (1 << byHeadBits < 2 * members.length) byHeadBits++;
    this.byHeadBits = byHeadBits;
    const byHead = (this.byHead = new Int32Array(1 << byHeadBits));
    const byHeadMask = (1 << byHeadBits) - 1;
    let offsetBits = 4;
    while (1 << offsetBits < members.length * w && offsetBits < OFFSET_BITS) offsetBits++;
    this.offsetBits = offsetBits;
    const offsetShift = 32 - offsetBits;
    const offsets = (this.offsets = w <= 16 ? new Uint16Array(1 << offsetBits) : new Int32Array(1 << offsetBits));
    // `row` is k * head, kept as a sum: a product is a double to the compiler.
    for (let k = 0, row = 0; k < members.length; k++, row += head) {
      const hh = (headHashes[k] = gramHash(view, row, head));
      let at = (hh >>> (32 - byHeadBits)) | 0;
      let twin = -1;
      for (; byHead[at] !== 0; at = (at + 1) & byHeadMask) {
        const j = byHead[at]! - 1;
        if (headHashes[j] === hh && patterns[members[j]!] === patterns[members[k]!]) {
          twin = j;
          break;
        }
      }
      if (twin !== -1) {
        twins[k] = twins[twin]!;
        twins[twin] = k;
        continue;
      }
      byHead[at] = k + 1;
      for (let o = 0; o < w; o++) {
        const h = gramHash(view, row + o, q);
        filter[h >>> filterShift]! |= filterBitsOf(h);
        offsets[h >>> offsetShift]! |= 1 << o;
      }
    }
  }

  /** Appends (pattern, start) for every occurrence of a member starting in text[from, to). */
  scan(text: string, out: Pairs, from: number, to: number): void {
    const { w, q, head, patterns, members, filter, headHashes, twins, byHead, offsets } = this;
    const filterShift = 32 - this.filterBits;
    const offsetShift = 32 - this.offsetBits;
    const byHeadShift = 32 - this.byHeadBits;
    const byHeadMask = (1 << this.byHeadBits) - 1;
    // Positions are kept int32 (`| 0`): `Math.ceil(from / w) * w` is a double to the
    // compiler, and so would be every probe position derived from it, each converted
    // back (and checked) where it indexes the bytes.
    const first = (from + ((w - (from % w)) % w)) | 0;
    const last = Math.min(to - 1 + w - 1, text.length - q) | 0;
    if (last < first) return;
    // Probes first, first + w, ... up to last, a chunk of them at a time; the bytes of
    // a chunk reach back and ahead far enough to hold the head of every candidate.
    const span = Math.min(Math.max(1, (CHUNK / w) | 0) * w, last - first + w) | 0;
    const bytes = new Uint8Array(span + 2 * head + 3);
    const view = new DataView(bytes.buffer);
    // The probes of a chunk that pass the filter: position, hash, then its offsets'
    // mask in place of the hash (room for every probe).
    const passed = new Int32Array(2 * (((span / w) | 0) + 1));
    // The candidates of a chunk whose head matches: member, start.
    let cands = new Int32Array(256);
    // The occurrences of a chunk: pattern, start (appended to `out` a chunk at a time,
    // which measured faster than one at a time).
    let found = new Int32Array(256);
    for (let base = first; base <= last; base += span) {
      const end = Math.min(base + span - w, last);
      const at = Math.max(0, base - w + 1);
      copyBytes(text, at, Math.min(end + head, text.length) - at, bytes);
      // Every probe is written, and kept (n moves on) only if it passes: about one in
      // nine passes, at random, and a branch on it measured slower than the arithmetic
      // (the CPU mispredicts it, and waits for the filter's read each time it does).
      let n = 0;
      for (let i = base; i <= end; i += w) {
        const h = gramHash(view, i - at, q);
        const bits = filterBitsOf(h);
        const missing = (filter[h >>> filterShift]! & bits) ^ bits;
        passed[n] = i;
        passed[n + 1] = h;
        // 2 if no bit is missing, else 0: (missing | -missing) has its sign bit set iff missing !== 0.
        n += 2 - 2 * ((missing | -missing) >>> 31);
      }
      // The masks of all of them read in a row, so the CPU waits for their cache misses at once.
      for (let k = 1; k < n; k += 2) passed[k] = offsets[passed[k]! >>> offsetShift]!;
      // An occurrence through a passing probe i starts at i - o for an offset o of its
      // mask: the head there is hashed (from the bytes at hand) and looked up.
      let c = 0;
      for (let k = 0; k < n; k += 2) {
        const i = passed[k]!;
        for (let m = passed[k + 1]!; m !== 0; m &= m - 1) {
          const s = i - (31 - Math.clz32(m & -m));
          if (s < from || s >= to || s + head > text.length) continue;
          const hh = gramHash(view, s - at, head);
          for (let slot = (hh >>> byHeadShift) | 0; byHead[slot] !== 0; slot = (slot + 1) & byHeadMask) {
            const member = byHead[slot]! - 1;
            if (headHashes[member] !== hh) continue;
            if (c === cands.length) cands = doubled(cands);
            cands[c++] = member;
            cands[c++] = s;
          }
        }
      }
      // The same for the patterns: their last code unit, read for all candidates in a
      // row, rejects some and brings the others' ends into the cache for the compare.
      for (let k = 0; k < c; k += 2) {
        const pattern = patterns[members[cands[k]!]!]!;
        if (text.charCodeAt(cands[k + 1]! + pattern.length - 1) !== pattern.charCodeAt(pattern.length - 1)) cands[k] = -1;
      }
      let f = 0;
      for (let k = 0; k < c; k += 2) {
        const member = cands[k]!;
        const s = cands[k + 1]!;
        if (member === -1 || !occursAt(text, patterns[members[member]!]!, s)) continue;
        for (let m = member; m !== -1; m = twins[m]!) {
          if (f === found.length) found = doubled(found);
          found[f++] = members[m]!;
          found[f++] = s;
        }
      }
      out.append(found, f);
    }
  }
}

/** A copy of `a` twice as long (at least 16). */
function doubled(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const more = new Int32Array(Math.max(16, 2 * a.length));
  more.set(a);
  return more;
}

/** Pairs of numbers in a typed array that doubles when full: `data[0, length)`. */
class Pairs {
  data: Int32Array<ArrayBuffer>;
  length = 0;

  constructor(capacity: number) {
    this.data = new Int32Array(capacity);
  }

  push(a: number, b: number): void {
    this.reserve(2);
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }

  /** Appends src[0, count). */
  append(src: Int32Array, count: number): void {
    this.reserve(count);
    this.data.set(src.subarray(0, count), this.length);
    this.length += count;
  }

  private reserve(count: number): void {
    while (this.length + count > this.data.length) this.data = doubled(this.data);
  }
}

/** Two bits of a filter word for hash h (from its low ten bits; the word comes from its top bits). */
function filterBitsOf(h: number): number {
  return (1 << (h & 31)) | (1 << ((h >>> 5) & 31));
}

export class MultiSearch {
  private readonly groups: SampledGroup[] = [];
  private readonly short: number[] = [];

  /** `patterns` must be non-empty (duplicates are fine); results are indexed like them. */
  constructor(readonly patterns: readonly string[]) {
    // Long patterns: [minimum length, q]. Those of 16 or more share one scan (two
    // would read the text twice), with q their shortest length - 8, at most 12: longer
    // q-grams are rarer, so fewer chance candidates, but a probe covers fewer
    // positions (w = minLen - q + 1). Short ones (3 to 7, e.g. fuzzy pieces) are
    // grouped by exact length with q = length and w = 1: patterns sharing a common
    // beginning ("the") would otherwise all be compared at every occurrence of it.
    const classes: [number, number][] = [
      [16, LONG],
      [8, 6],
    ];
    for (let len = 7; len >= 3; len--) classes.push([len, len]);
    const members: number[][] = classes.map(() => []);
    const minLens = classes.map(() => Infinity);
    for (let i = 0; i < patterns.length; i++) {
      // Each string's length read once: thousands of patterns are thousands of cache misses.
      const len = patterns[i]!.length;
      let c = 0;
      while (c < classes.length && len < classes[c]![0]) c++;
      if (c === classes.length) {
        this.short.push(i);
      } else {
        members[c]!.push(i);
        minLens[c] = Math.min(minLens[c]!, len);
      }
    }
    classes.forEach(([, qOf], c) => {
      const q = qOf === LONG ? Math.min(Q_LONG, minLens[c]! - 8) : qOf;
      // A sampled scan costs about one pass; `indexOf` (Boyer-Moore-Horspool in V8,
      // which skips ahead by up to a pattern's length) is cheaper for a handful of
      // long patterns, but not for short ones.
      const few = q >= 6 ? FEW : 1;
      if (members[c]!.length > few) this.groups.push(new SampledGroup(patterns, members[c]!, q, minLens[c]!));
      else this.short.push(...members[c]!);
    });
  }

  /** Every occurrence of every pattern starting in text[from, to): one ascending list per pattern. */
  findAll(text: string, from = 0, to = text.length): number[][] {
    const { starts, first } = this.findGrouped(text, from, to);
    return this.patterns.map((_, p) => {
      const list: number[] = [];
      for (let k = first[p]!; k < first[p + 1]!; k++) list.push(starts[k]!);
      return list;
    });
  }

  /**
   * Every occurrence of every pattern starting in text[from, to), in two flat arrays
   * (no array per pattern): pattern p's starts, ascending, are
   * `starts[first[p]] .. starts[first[p + 1] - 1]`.
   */
  findGrouped(text: string, from = 0, to = text.length): { starts: Int32Array; first: Int32Array } {
    // Pattern and start of each occurrence (it may run past `to`), overlapping ones
    // included, in no order.
    const pairs = new Pairs(1024);
    for (const group of this.groups) group.scan(text, pairs, from, to);
    for (const p of this.short) {
      const pattern = this.patterns[p]!;
      // Search a slice, so a pattern absent from a small window is not looked for
      // all the way to the end of the text.
      const piece = to - from < text.length ? text.slice(from, to + pattern.length - 1) : text;
      const base = piece === text ? 0 : from;
      for (let i = piece.indexOf(pattern, from - base); i !== -1 && i + base < to; i = piece.indexOf(pattern, i + 1)) {
        pairs.push(p, i + base);
      }
    }
    const found = pairs.data;
    const n = pairs.length;
    // Counting sort by pattern; the scan finds a pattern's occurrences nearly in order.
    const first = new Int32Array(this.patterns.length + 1);
    for (let k = 0; k < n; k += 2) first[found[k]! + 1]!++;
    for (let p = 0; p < this.patterns.length; p++) first[p + 1]! += first[p]!;
    const next = first.slice(0, this.patterns.length);
    const starts = new Int32Array(n >> 1);
    let unsorted = false;
    for (let k = 0; k < n; k += 2) {
      const p = found[k]!;
      const at = next[p]!++;
      starts[at] = found[k + 1]!;
      if (at > first[p]! && starts[at - 1]! > starts[at]!) unsorted = true;
    }
    if (unsorted) for (let p = 0; p < this.patterns.length; p++) starts.subarray(first[p]!, first[p + 1]!).sort();
    return { starts, first };
  }
}

/**
 * `text.startsWith(p, at)`, but comparing a slice with `===`, which V8 does with a
 * block compare (several times faster than `startsWith` for long patterns).
 */
function occursAt(text: string, p: string, at: number): boolean {
  return text.slice(at, at + p.length) === p;
}
