/**
 * Approximate matching for drifted quotes (sidecar.md, "Anchoring", step 3), on
 * normalized text.
 *
 * - Filter (pigeonhole): a match with at most t edits, cut into t + 1 pieces, leaves
 *   at least one piece untouched, so it contains that piece verbatim. Each exact
 *   piece hit fixes a "diagonal" (where the quote would start, +- t), and only a
 *   window of m + 2t characters around it needs checking.
 * - Verification: Myers' bit-parallel edit distance (Hyyrö's block form for quotes
 *   longer than 32 code units), written out below.
 * - Iterative deepening: try t = 1, 3, 7, ... up to the cutoff k. Level t finds every
 *   candidate with distance <= t, so the first level that finds any has found the best
 *   ones, and small drifts are found with few, long (selective) pieces.
 */
import { splitsSurrogatePair } from './normalize';

const SPACE = 32;

/** The largest edit distance a fuzzy anchor may have, for a normalized quote of length m. */
export function fuzzyCutoff(m: number): number {
  return Math.max(2, Math.floor(0.2 * m));
}

/** The thresholds tried in turn, ending at the cutoff k. */
export function fuzzyLevels(k: number): number[] {
  const levels: number[] = [];
  for (let t = 1; t < k; t = 2 * t + 1) levels.push(t);
  levels.push(k);
  return levels;
}

/** The t + 1 consecutive pieces a match with <= t edits keeps at least one of. */
export function fuzzyPieces(q: string, t: number): { offset: number; text: string }[] {
  const n = t + 1;
  const pieces: { offset: number; text: string }[] = [];
  for (let i = 0; i < n; i++) {
    const a = Math.floor((i * q.length) / n);
    const b = Math.floor(((i + 1) * q.length) / n);
    pieces.push({ offset: a, text: q.slice(a, b) });
  }
  return pieces;
}

/**
 * A pattern compiled for Myers' algorithm: for each code unit, a bit mask per 32-row
 * block of the rows (pattern positions) where it occurs.
 */
class BitPattern {
  readonly m: number;
  readonly blocks: number;
  private readonly ascii: Int32Array;
  private readonly other = new Map<number, Int32Array>();
  private readonly none: Int32Array;
  /** Scratch vertical delta vectors (positive and negative) per block. */
  private readonly pv: Int32Array;
  private readonly mv: Int32Array;

  constructor(p: string) {
    this.m = p.length;
    this.blocks = Math.ceil(p.length / 32);
    this.ascii = new Int32Array(128 * this.blocks);
    this.none = new Int32Array(this.blocks);
    this.pv = new Int32Array(this.blocks);
    this.mv = new Int32Array(this.blocks);
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      const b = i >> 5;
      const bit = 1 << (i & 31);
      if (c < 128) this.ascii[c * this.blocks + b]! |= bit;
      else {
        let eq = this.other.get(c);
        if (!eq) this.other.set(c, (eq = new Int32Array(this.blocks)));
        eq[b]! |= bit;
      }
    }
  }

  /**
   * Reads text[i] for i = from, from + step, ... (count code units) and reports after
   * each one the edit distance of the pattern against the best text substring ending
   * there (`anchored` false), or against exactly the text read so far (`anchored`
   * true). `report(readCount, distance)`.
   */
  run(text: string, from: number, step: 1 | -1, count: number, anchored: boolean, report: (n: number, d: number) => void): void {
    const { blocks, ascii, other, none, pv, mv } = this;
    const lastBit = 1 << ((this.m - 1) & 31);
    pv.fill(-1);
    mv.fill(0);
    let score = this.m;
    for (let n = 1, i = from; n <= count; n++, i += step) {
      const c = text.charCodeAt(i);
      let eqs: Int32Array;
      let base = 0;
      if (c < 128) {
        eqs = ascii;
        base = c * blocks;
      } else eqs = other.get(c) ?? none;
      // hIn: the horizontal delta entering the block's top row. Row 0 is all zeros
      // for a substring search, 0, 1, 2, ... when the match must start at `from`.
      let hIn = anchored ? 1 : 0;
      for (let b = 0; b < blocks; b++) {
        const hNeg = hIn < 0 ? 1 : 0;
        const eq = eqs[base + b]! | hNeg;
        const p = pv[b]!;
        const mm = mv[b]!;
        const xv = eq | mm;
        const xh = (((eq & p) + p) ^ p) | eq;
        let ph = mm | ~(xh | p);
        let mh = p & xh;
        const rowMask = b === blocks - 1 ? lastBit : 0x80000000 | 0;
        const hOut = (ph & rowMask) !== 0 ? 1 : (mh & rowMask) !== 0 ? -1 : 0;
        ph = (ph << 1) | (hIn > 0 ? 1 : 0);
        mh = (mh << 1) | hNeg;
        pv[b] = mh | ~(xv | ph);
        mv[b] = ph & xv;
        hIn = hOut;
      }
      score += hIn;
      report(n, score);
    }
  }
}

/** A normalized quote ready for fuzzy search (forward and reversed patterns). */
export class FuzzyQuote {
  private readonly forward: BitPattern;
  private readonly backward: BitPattern;

  constructor(readonly q: string) {
    this.forward = new BitPattern(q);
    // Reversed code unit by code unit, as the text is read backwards.
    this.backward = new BitPattern(q.split('').reverse().join(''));
  }

  get length(): number {
    return this.q.length;
  }

  /**
   * All best candidates with distance <= t whose windows the diagonals (text offsets
   * where a piece hit says the quote would start) point at. Candidates never start
   * or end on white space or inside a surrogate pair. Sorted by end.
   */
  verify(text: string, t: number, diagonals: number[]): FuzzyMatch[] {
    const m = this.q.length;
    const sorted = Int32Array.from(diagonals).sort();
    // Every end whose best match (any start) is within t, with that distance.
    const ends: { end: number; d: number }[] = [];
    let i = 0;
    while (i < sorted.length) {
      const ws = Math.max(0, sorted[i]! - t);
      let we = Math.min(text.length, sorted[i]! + m + t);
      // Merge windows that overlap or touch.
      while (++i < sorted.length && sorted[i]! - t <= we) we = Math.min(text.length, sorted[i]! + m + t);
      if (we <= ws) continue;
      this.forward.run(text, ws, 1, we - ws, false, (n, d) => {
        if (d <= t && isEdge(text, ws + n - 1, ws + n)) ends.push({ end: ws + n, d });
      });
    }
    // The best start of an end may be a forbidden edge (white space, half a pair), so
    // its real distance can be higher: check ends by increasing distance, and stop
    // once no remaining end can reach the best real distance found.
    ends.sort((a, b) => a.d - b.d || a.end - b.end);
    let best = t;
    let found: FuzzyMatch[] = [];
    for (const { end, d } of ends) {
      if (d > best) break;
      const match = this.startFor(text, end, t);
      if (match.distance > best) continue;
      if (match.distance < best) {
        best = match.distance;
        found = [];
      }
      found.push(match);
    }
    return found.sort((a, b) => a.end - b.end);
  }

  /**
   * The best allowed start for a match ending at `end` within distance t: read
   * backwards with the reversed quote anchored at `end`. Among equally close starts,
   * the one making the match length nearest the quote's, then the earliest.
   * (Distance Infinity when no allowed start is within reach.)
   */
  private startFor(text: string, end: number, t: number): FuzzyMatch {
    const m = this.q.length;
    const span = Math.min(end, m + t);
    let bestStart = end;
    let bestD = Infinity;
    this.backward.run(text, end - 1, -1, span, true, (n, dist) => {
      const s = end - n;
      if (!isEdge(text, s, s)) return;
      if (dist < bestD || (dist === bestD && Math.abs(n - m) <= Math.abs(end - bestStart - m))) {
        bestD = dist;
        bestStart = s;
      }
    });
    return { start: bestStart, end, distance: bestD };
  }
}

/** A fuzzy candidate, in normalized offsets. */
export interface FuzzyMatch {
  start: number;
  end: number;
  distance: number;
}

/**
 * True when a match may begin (or end) at boundary `at`, with text[ch] its first (or
 * last) character: that character is not white space and the boundary does not split
 * a surrogate pair.
 */
function isEdge(text: string, ch: number, at: number): boolean {
  return ch >= 0 && ch < text.length && text.charCodeAt(ch) !== SPACE && !splitsSurrogatePair(text, at);
}

/** Exact edit distance of a and b (small inputs; tests and quick fixes). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
