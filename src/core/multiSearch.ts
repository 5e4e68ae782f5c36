/**
 * Finds every occurrence of many patterns in a text in about one pass, instead of
 * one `indexOf` scan per pattern, by sampling the text:
 *
 * Every pattern is at least `minLen` long. Take q-grams (q < minLen) and let
 * w = minLen - q + 1. An occurrence starting at s covers the text positions
 * s .. s + w - 1 with q-grams that lie inside the pattern, and exactly one of them is
 * a multiple of w. So the table holds, for every pattern, its q-grams at offsets
 * 0 .. w - 1, and the text is probed only at multiples of w: a hit (pattern, offset)
 * at position i is a candidate start i - offset, confirmed with `startsWith`. Each
 * occurrence is found exactly once, and the text is read about q/w times over.
 *
 * Patterns are grouped by length (16+ code units with q = 8 to 12, 8+ with q = 6,
 * and each length from 3 to 7 on its own); shorter ones fall back to `indexOf`.
 */

const BASE = 0x01000193;
const MIX = 0x9e3779b1 | 0;
/** The q of the class of long patterns: chosen from their shortest length. */
const LONG = 0;
const Q_LONG = 12;
/** Up to this many patterns of a length class are searched with `indexOf`. */
const FEW = 8;

/** One length class of patterns, probed with q-grams every w positions. */
class SampledGroup {
  readonly w: number;
  /**
   * Open addressing with linear probing, each slot three int32s in a row: hash,
   * pattern + 1 (0: empty, so a fresh table needs no filling), offset. A probe that passes the filter costs one cache line,
   * where chained entries spread over separate arrays cost several misses.
   */
  private readonly slots: Int32Array;
  private readonly bits: number;
  /**
   * A small bit set of the q-gram hashes, checked before the table: most probes are
   * q-grams no pattern has, and the set stays in the CPU cache where the table
   * (several hundred kB for thousands of patterns) would miss it on every probe.
   */
  private readonly filter: Int32Array;
  private readonly filterBits: number;

  constructor(
    private readonly patterns: readonly string[],
    readonly members: readonly number[],
    private readonly q: number,
  ) {
    let minLen = Infinity;
    for (const i of members) minLen = Math.min(minLen, patterns[i]!.length);
    this.w = minLen - q + 1;
    const entries = members.length * this.w;
    let bits = 4;
    while (1 << bits < entries * 2) bits++;
    this.bits = bits;
    const mask = (1 << bits) - 1;
    const slots = (this.slots = new Int32Array(3 << bits));
    this.filterBits = Math.min(18, bits + 2);
    this.filter = new Int32Array(1 << (this.filterBits - 5));
    let outFactor = 1;
    for (let k = 1; k < q; k++) outFactor = Math.imul(outFactor, BASE);
    for (const i of members) {
      const p = patterns[i]!;
      let h = hashOf(p, 0, q);
      for (let o = 0; o < this.w; o++) {
        // Roll the hash from offset o - 1 to offset o.
        if (o > 0) h = (Math.imul(h - Math.imul(p.charCodeAt(o - 1), outFactor), BASE) + p.charCodeAt(o + q - 1)) | 0;
        let slot = Math.imul(h, MIX) >>> (32 - bits);
        while (slots[3 * slot + 1] !== 0) slot = (slot + 1) & mask;
        slots[3 * slot] = h;
        slots[3 * slot + 1] = i + 1;
        slots[3 * slot + 2] = o;
        const bit = h >>> (32 - this.filterBits);
        this.filter[bit >>> 5]! |= 1 << (bit & 31);
      }
    }
  }

  scan(text: string, hit: (pattern: number, position: number) => void, from: number, to: number): void {
    const { w, q, slots, patterns, filter } = this;
    const shift = 32 - this.bits;
    const mask = (1 << this.bits) - 1;
    const filterShift = 32 - this.filterBits;
    const first = Math.ceil(from / w) * w;
    const last = Math.min(to - 1 + w - 1, text.length - q);
    for (let i = first; i <= last; i += w) {
      let h = 0;
      for (let j = i; j < i + q; j++) h = (Math.imul(h, BASE) + text.charCodeAt(j)) | 0;
      const bit = h >>> filterShift;
      if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
      for (let slot = Math.imul(h, MIX) >>> shift; slots[3 * slot + 1] !== 0; slot = (slot + 1) & mask) {
        if (slots[3 * slot] !== h) continue;
        const s = i - slots[3 * slot + 2]!;
        const p = slots[3 * slot + 1]! - 1;
        if (s >= from && s < to && occursAt(text, patterns[p]!, s)) hit(p, s);
      }
    }
  }
}

export class MultiSearch {
  private readonly groups: SampledGroup[] = [];
  private readonly short: number[] = [];

  /** `patterns` must be non-empty (duplicates are fine); results are indexed like them. */
  constructor(readonly patterns: readonly string[]) {
    // Long patterns: [minimum length, q]. Those of 16 or more share one scan (two
    // would read the text twice), with q half their shortest length (8 to 12): longer
    // q-grams are rarer, so fewer false candidates, but the text is read about
    // q / (minLen - q + 1) times over. Short ones (3 to 7, e.g. fuzzy pieces) are
    // grouped by exact length with q = length and w = 1: patterns sharing a common
    // beginning ("the") would otherwise all be compared at every occurrence of it.
    const classes: [number, number][] = [
      [16, LONG],
      [8, 6],
    ];
    for (let len = 7; len >= 3; len--) classes.push([len, len]);
    const members: number[][] = classes.map(() => []);
    patterns.forEach((p, i) => {
      const c = classes.findIndex(([min]) => p.length >= min);
      (c === -1 ? this.short : members[c]!).push(i);
    });
    classes.forEach(([, qOf], c) => {
      let q = qOf;
      if (q === LONG) {
        let minLen = Infinity;
        for (const i of members[c]!) minLen = Math.min(minLen, patterns[i]!.length);
        q = Math.min(Q_LONG, minLen >> 1);
      }
      // A sampled scan costs about one pass; `indexOf` (Boyer-Moore-Horspool in V8,
      // which skips ahead by up to a pattern's length) is cheaper for a handful of
      // long patterns, but not for short ones.
      const few = q >= 6 ? FEW : 1;
      if (members[c]!.length > few) this.groups.push(new SampledGroup(patterns, members[c]!, q));
      else this.short.push(...members[c]!);
    });
  }

  /**
   * Calls `hit(pattern, start)` for every occurrence of a pattern starting in
   * text[from, to) (it may run past `to`), overlapping ones included; not in order.
   */
  scan(text: string, hit: (pattern: number, start: number) => void, from = 0, to = text.length): void {
    for (const group of this.groups) group.scan(text, hit, from, to);
    for (const p of this.short) {
      const pattern = this.patterns[p]!;
      // Search a slice, so a pattern absent from a small window is not looked for
      // all the way to the end of the text.
      const piece = to - from < text.length ? text.slice(from, to + pattern.length - 1) : text;
      const base = piece === text ? 0 : from;
      for (let i = piece.indexOf(pattern, from - base); i !== -1 && i + base < to; i = piece.indexOf(pattern, i + 1)) {
        hit(p, i + base);
      }
    }
  }

  /** Every occurrence of every pattern starting in text[from, to): one ascending list per pattern. */
  findAll(text: string, from = 0, to = text.length): number[][] {
    const found: number[][] = this.patterns.map(() => []);
    let unsorted = false;
    this.scan(
      text,
      (p, s) => {
        const list = found[p]!;
        if (list.length > 0 && list[list.length - 1]! > s) unsorted = true;
        list.push(s);
      },
      from,
      to,
    );
    if (unsorted) for (const list of found) list.sort((a, b) => a - b);
    return found;
  }
}

/**
 * `text.startsWith(p, at)`, but comparing a slice with `===`, which V8 does with a
 * block compare (several times faster than `startsWith` for long patterns).
 */
function occursAt(text: string, p: string, at: number): boolean {
  // Most candidates are chance q-gram hits: reject them before allocating a slice.
  const last = p.length - 1;
  if (text.charCodeAt(at + last) !== p.charCodeAt(last) || text.charCodeAt(at) !== p.charCodeAt(0)) return false;
  return text.slice(at, at + p.length) === p;
}

function hashOf(s: string, from: number, len: number): number {
  let h = 0;
  for (let i = from; i < from + len; i++) h = (Math.imul(h, BASE) + s.charCodeAt(i)) | 0;
  return h;
}
