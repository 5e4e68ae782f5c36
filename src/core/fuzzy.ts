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
 * - Hierarchical verification (Navarro and Baeza-Yates' PEX): group the pieces in a
 *   balanced tree, a node of j of the t + 1 pieces allowed floor(j * t / (t + 1))
 *   edits. A match within t has a root-to-leaf path of nodes that all keep to their
 *   allowance (if both halves of a node exceeded theirs, the node would exceed its
 *   own), ending in an exact piece. So a piece hit is checked bottom-up, smallest
 *   node first, in a small window, and dropped as soon as a node fails: most chance
 *   hits of a 5-letter piece die at the first 10-letter node, and only survivors pay
 *   for a full window. A true match is still found through its own path's piece.
 * - Iterative deepening: try t = 1, 3, then the cutoff k. Level t finds every
 *   candidate with distance <= t, so the first level that finds any has found the best
 *   ones, and small drifts are found with few, long (selective) pieces.
 */
import type { TextLike } from './chunkedText';
import { splitsSurrogatePair } from './normalize';

const SPACE = 32;
/** A distance no band cell reaches: out of the text or of the band. */
const FAR = 1 << 29;

/** Scratch for `codeUnits`, grown as needed: a band reads one stretch at a time. */
let stretch = new Int32Array(1024);

/**
 * text[from, to) as code units, stretch[0] for `from`. Only offsets inside the text
 * are written (a band reads no others). Valid until the next call.
 */
function codeUnits(text: TextLike, from: number, to: number): Int32Array {
  if (stretch.length < to - from) stretch = new Int32Array(Math.max(to - from, 2 * stretch.length));
  const out = stretch;
  for (let x = Math.max(from, 0), end = Math.min(to, text.length); x < end; x++) out[x - from] = text.charCodeAt(x);
  return out;
}

/** The largest edit distance a fuzzy anchor may have, for a normalized quote of length m. */
export function fuzzyCutoff(m: number): number {
  return Math.max(2, Math.floor(0.2 * m));
}

/**
 * The thresholds tried in turn: 1 and 3 (a drift of a few characters is found with
 * long, selective pieces), then the cutoff k. Each level costs a pass over the text;
 * more levels in between would only help quotes that drifted by 4 or more.
 */
export function fuzzyLevels(k: number): number[] {
  return [1, 3].filter((t) => t < k).concat(k);
}

/** Where the t + 1 pieces of a quote of length m start (and, last, where they end). */
function pieceBounds(m: number, t: number): number[] {
  const bounds = new Array<number>(t + 2);
  for (let i = 0; i < t + 2; i++) bounds[i] = pieceBound(m, t, i);
  return bounds;
}

/** Where piece i of a quote of length m cut into t + 1 pieces starts (piece t + 1: where the last ends). */
function pieceBound(m: number, t: number, i: number): number {
  return Math.floor((i * m) / (t + 1));
}

/**
 * The t + 1 consecutive pieces a match with <= t edits keeps at least one of. A
 * plain loop: thousands of claims ask for their pieces at every level (an array of
 * bounds, then a map over it, took 1 µs a call).
 */
export function fuzzyPieces(q: string, t: number): string[] {
  const pieces = new Array<string>(t + 1);
  for (let i = 0, start = 0; i <= t; i++) {
    const end = pieceBound(q.length, t, i + 1);
    pieces[i] = q.slice(start, end);
    start = end;
  }
  return pieces;
}

/** One level's piece tree: per piece, the nodes above it, smallest first (root excluded). */
interface PieceTree {
  bounds: number[];
  paths: { from: number; to: number; allowed: number; pattern: BitPattern }[][];
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
  /** The bit of the pattern's last row in its last block. */
  private readonly lastBit: number;

  constructor(p: string) {
    this.m = p.length;
    this.lastBit = 1 << ((p.length - 1) & 31);
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
   * true). `report(readCount, distance)` may return true to stop early.
   */
  run(
    text: TextLike,
    from: number,
    step: 1 | -1,
    count: number,
    anchored: boolean,
    report: (n: number, d: number) => boolean | void,
  ): void {
    this.reset();
    let score = this.m;
    for (let n = 1, i = from; n <= count; n++, i += step) {
      score += this.advance(text.charCodeAt(i), anchored);
      if (report(n, score) === true) return;
    }
  }

  /** Whether some substring of text[from, from + count) is within `limit` of the pattern. */
  within(text: TextLike, from: number, count: number, limit: number): boolean {
    if (this.blocks === 1) return this.withinOneBlock(text, from, count, limit);
    this.reset();
    let score = this.m;
    for (let i = from; i < from + count; i++) {
      score += this.advance(text.charCodeAt(i), false);
      if (score <= limit) return true;
    }
    return false;
  }

  /**
   * `within` for a pattern of at most 32 code units, the common case (the nodes of
   * the piece trees): Myers' step with the vectors in locals, not typed arrays.
   */
  private withinOneBlock(text: TextLike, from: number, count: number, limit: number): boolean {
    const { ascii, lastBit } = this;
    let pv = -1;
    let mv = 0;
    let score = this.m;
    for (let i = from; i < from + count; i++) {
      const c = text.charCodeAt(i);
      const eq = c < 128 ? ascii[c]! : (this.other.get(c)?.[0] ?? 0);
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if ((ph & lastBit) !== 0) score++;
      else if ((mh & lastBit) !== 0) score--;
      if (score <= limit) return true;
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    return false;
  }

  private reset(): void {
    // Most patterns are one block: a loop beats two calls to fill.
    for (let b = 0; b < this.blocks; b++) {
      this.pv[b] = -1;
      this.mv[b] = 0;
    }
  }

  /**
   * One column of Myers' algorithm (Hyyrö's blocks): reads code unit c and returns
   * how the distance at the last row changed (-1, 0 or +1).
   */
  private advance(c: number, anchored: boolean): number {
    const { blocks, pv, mv } = this;
    let eqs: Int32Array;
    let base = 0;
    if (c < 128) {
      eqs = this.ascii;
      base = c * blocks;
    } else eqs = this.other.get(c) ?? this.none;
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
      const rowMask = b === blocks - 1 ? this.lastBit : 0x80000000 | 0;
      const hOut = (ph & rowMask) !== 0 ? 1 : (mh & rowMask) !== 0 ? -1 : 0;
      ph = (ph << 1) | (hIn > 0 ? 1 : 0);
      mh = (mh << 1) | hNeg;
      pv[b] = mh | ~(xv | ph);
      mv[b] = ph & xv;
      hIn = hOut;
    }
    return hIn;
  }
}

/** A normalized quote ready for fuzzy search (forward and reversed patterns). */
export class FuzzyQuote {
  private readonly forward: BitPattern;
  private readonly backward: BitPattern;

  private readonly trees = new Map<number, PieceTree>();

  constructor(readonly q: string) {
    this.forward = new BitPattern(q);
    // Reversed code unit by code unit, as the text is read backwards.
    this.backward = new BitPattern(q.split('').reverse().join(''));
  }

  get length(): number {
    return this.q.length;
  }

  private tree(t: number): PieceTree {
    let tree = this.trees.get(t);
    if (tree) return tree;
    const n = t + 1;
    const bounds = pieceBounds(this.q.length, t);
    const patterns = new Map<string, BitPattern>();
    const paths: PieceTree['paths'] = [];
    for (let leaf = 0; leaf < n; leaf++) {
      const path: PieceTree['paths'][number] = [];
      let l = 0;
      let r = n;
      while (r - l > 1) {
        if (r - l < n) {
          const key = `${l},${r}`;
          let pattern = patterns.get(key);
          if (!pattern) patterns.set(key, (pattern = new BitPattern(this.q.slice(bounds[l], bounds[r]))));
          path.unshift({ from: bounds[l]!, to: bounds[r]!, allowed: Math.floor(((r - l) * t) / n), pattern });
        }
        const mid = (l + r) >> 1;
        if (leaf < mid) r = mid;
        else l = mid;
      }
      paths.push(path);
    }
    this.trees.set(t, (tree = { bounds, paths }));
    return tree;
  }

  /**
   * All best candidates with distance <= t, given where each of the t + 1 pieces
   * (`fuzzyPieces(q, t)`) occurs exactly: `hits[i]` lists piece i's text offsets.
   * Candidates never start or end on white space or inside a surrogate pair.
   * Sorted by end.
   *
   * `method` (tests compare the two; by default the cheaper one for t): `bits`
   * runs Myers' algorithm over a window around each diagonal; `band` runs the
   * dynamic program only in the band of 2t + 1 diagonals around each one. Both give
   * the same answer: a match within t keeps one piece exact (pigeonhole), and every
   * cell of its alignment lies within t of that piece's diagonal, so the band of
   * that diagonal holds it. The band costs 2t + 1 cells per quote character and
   * stops as soon as no cell of a row is within t (most chance diagonals die within
   * a few characters), where Myers' algorithm costs a step per text character per
   * 32 quote characters, to the end of the window.
   */
  verify(text: TextLike, t: number, hits: readonly ArrayLike<number>[], method?: 'bits' | 'band'): FuzzyMatch[] {
    const { bounds, paths } = this.tree(t);
    const diagonals: number[] = [];
    hits.forEach((positions, piece) => {
      for (let k = 0; k < positions.length; k++) {
        const diagonal = positions[k]! - bounds[piece]!;
        if (this.survives(text, paths[piece]!, diagonal)) diagonals.push(diagonal);
      }
    });
    const sorted = Int32Array.from(diagonals).sort();
    const band = (method ?? (2 * t + 1 <= 4 * this.forward.blocks ? 'band' : 'bits')) === 'band';
    const ends = band ? this.bandEnds(text, t, sorted) : this.windowEnds(text, t, sorted);
    // The best start of an end may be a forbidden edge (white space, half a pair), so
    // its real distance can be higher: check ends by increasing distance, and stop
    // once no remaining end can reach the best real distance found.
    ends.sort((a, b) => a.d - b.d || a.end - b.end);
    let best = t;
    let found: FuzzyMatch[] = [];
    for (const { end, d } of ends) {
      if (d > best) break;
      const match = band ? this.bandStart(text, end, t) : this.startFor(text, end, t);
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
   * Every end (not after white space or inside a pair) whose best match, any start,
   * is within t, with that distance: Myers' algorithm over a window around each of
   * the sorted diagonals, windows that overlap or touch merged.
   */
  private windowEnds(text: TextLike, t: number, sorted: Int32Array): { end: number; d: number }[] {
    const m = this.q.length;
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
    return ends;
  }

  /** `windowEnds` by the banded dynamic program: the band of each distinct diagonal. */
  private bandEnds(text: TextLike, t: number, sorted: Int32Array): { end: number; d: number }[] {
    const least = new Map<number, number>();
    for (let i = 0; i < sorted.length; i++) {
      if (i === 0 || sorted[i] !== sorted[i - 1]) this.band(text, sorted[i]!, t, least);
    }
    const ends: { end: number; d: number }[] = [];
    for (const [end, d] of least) if (isEdge(text, end - 1, end)) ends.push({ end, d });
    return ends;
  }

  /**
   * The band of diagonal d: for each end e, the least distance of the quote to
   * text[s, e) for a start s within t of d, kept in `least` (end -> distance) when
   * it is at most t and lower than what is there. Row i is the quote's first i
   * characters; its cell b is text offset j = d + i + b - t.
   */
  private band(text: TextLike, d: number, t: number, least: Map<number, number>): void {
    const q = this.q;
    const m = q.length;
    const len = text.length;
    const w = 2 * t + 1;
    // The text the band reads, text[d - t, d + m + t), copied once: each character is
    // read by up to w cells, and a typed array is read faster than `charCodeAt` of a
    // text that may be chunked.
    const base = d - t;
    const chars = codeUnits(text, base, d + m + t);
    let prev = new Int32Array(w);
    let cur = new Int32Array(w);
    for (let b = 0; b < w; b++) {
      const j = d + b - t;
      prev[b] = j >= 0 && j <= len ? 0 : FAR;
    }
    for (let i = 1; i <= m; i++) {
      const c = q.charCodeAt(i - 1);
      let low = FAR;
      for (let b = 0; b < w; b++) {
        const j = d + i + b - t;
        if (j < 0 || j > len) {
          cur[b] = FAR;
          continue;
        }
        // From (i - 1, j - 1), the same cell of the row above; (i - 1, j), the next
        // one; (i, j - 1), the previous one of this row.
        let v = j >= 1 ? prev[b]! + (chars[j - 1 - base] === c ? 0 : 1) : FAR;
        if (b + 1 < w && prev[b + 1]! + 1 < v) v = prev[b + 1]! + 1;
        if (b > 0 && cur[b - 1]! + 1 < v) v = cur[b - 1]! + 1;
        cur[b] = v;
        if (v < low) low = v;
      }
      // The least value of a row never falls in the rows below it.
      if (low > t) return;
      const swap = prev;
      prev = cur;
      cur = swap;
    }
    for (let b = 0; b < w; b++) {
      const e = d + m + b - t;
      const v = prev[b]!;
      if (v > t || e < 1 || e > len) continue;
      const kept = least.get(e);
      if (kept === undefined || v < kept) least.set(e, v);
    }
  }

  /**
   * `startFor` by the band: the quote read backwards from `end` against the text,
   * anchored there. Row i is the quote's last i characters; its cell b has read
   * k = i + b - t text characters. Only lengths within t of the quote's can be
   * within t, and among those the choice is `startFor`'s.
   */
  private bandStart(text: TextLike, end: number, t: number): FuzzyMatch {
    const q = this.q;
    const m = q.length;
    const span = Math.min(end, m + t);
    const w = 2 * t + 1;
    // text[end - span, end), which the cells read, copied once (as in `band`).
    const base = end - span;
    const chars = codeUnits(text, base, end);
    let prev = new Int32Array(w);
    let cur = new Int32Array(w);
    for (let b = 0; b < w; b++) {
      const k = b - t;
      prev[b] = k >= 0 && k <= span ? k : FAR;
    }
    for (let i = 1; i <= m; i++) {
      const c = q.charCodeAt(m - i);
      let low = FAR;
      for (let b = 0; b < w; b++) {
        const k = i + b - t;
        if (k < 0 || k > span) {
          cur[b] = FAR;
          continue;
        }
        let v = k >= 1 ? prev[b]! + (chars[end - k - base] === c ? 0 : 1) : FAR;
        if (b + 1 < w && prev[b + 1]! + 1 < v) v = prev[b + 1]! + 1;
        if (b > 0 && cur[b - 1]! + 1 < v) v = cur[b - 1]! + 1;
        cur[b] = v;
        if (v < low) low = v;
      }
      if (low > t) return { start: end, end, distance: Infinity };
      const swap = prev;
      prev = cur;
      cur = swap;
    }
    let bestStart = end;
    let bestD = Infinity;
    for (let b = 0; b < w; b++) {
      const n = m + b - t;
      if (n < 1 || n > span) continue;
      const s = end - n;
      if (!isEdge(text, s, s)) continue;
      const dist = prev[b]!;
      if (dist < bestD || (dist === bestD && Math.abs(n - m) <= Math.abs(end - bestStart - m))) {
        bestD = dist;
        bestStart = s;
      }
    }
    return { start: bestStart, end, distance: bestD };
  }

  /**
   * The hierarchical check for hits of piece `piece` (of `fuzzyPieces(q, t)`): given
   * a text offset where the piece occurs, whether it may be part of a match within
   * t. Bound once, so a caller checking many hits of many pieces looks nothing up
   * per hit.
   */
  pieceCheck(t: number, piece: number): (text: TextLike, at: number) => boolean {
    const { bounds, paths } = this.tree(t);
    const path = paths[piece]!;
    const offset = bounds[piece]!;
    return (text, at) => this.survives(text, path, at - offset);
  }

  /** Whether every node above a piece hit (the quote placed at `diagonal`) keeps to its allowance. */
  private survives(text: TextLike, path: PieceTree['paths'][number], diagonal: number): boolean {
    for (const node of path) {
      const from = Math.max(0, diagonal + node.from - node.allowed);
      const to = Math.min(text.length, diagonal + node.to + node.allowed);
      if (to <= from || !node.pattern.within(text, from, to - from, node.allowed)) return false;
    }
    return true;
  }

  /**
   * The best allowed start for a match ending at `end` within distance t: read
   * backwards with the reversed quote anchored at `end`. Among equally close starts,
   * the one making the match length nearest the quote's, then the earliest.
   * (Distance Infinity when no allowed start is within reach.)
   */
  private startFor(text: TextLike, end: number, t: number): FuzzyMatch {
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

/**
 * Fuzzy candidates for a quote no longer than its cutoff k (1 or 2 code units; the
 * cutoff is at least 2), which pieces cannot find (a quote cut into k + 1 pieces has
 * empty ones): every end is tried, with every start of a match at most m + k long.
 * The answer `verify` gives a longer quote: each end (not after white space or inside
 * a pair) with its best allowed start (nearest the quote's length, then earliest),
 * the ends whose best has the lowest distance found (at most k), sorted by end.
 *
 * The spec's cutoff, max(2, 20% of the length), lets such a quote match nearly any
 * character of the article (a 1-character quote is 1 edit from any other character):
 * it is followed as written. A pass over the text per call, for a rare kind of claim.
 */
export function shortQuoteMatches(text: TextLike, q: string, k: number): FuzzyMatch[] {
  const m = q.length;
  const row = new Int32Array(m + 1);
  let best = k;
  let found: FuzzyMatch[] = [];
  for (let end = 1; end <= text.length; end++) {
    if (!isEdge(text, end - 1, end)) continue;
    let bestD = Infinity;
    let bestStart = end;
    for (let n = 1, most = Math.min(end, m + k); n <= most; n++) {
      // n - m insertions (or m - n deletions) at least: such a length cannot beat `best`.
      if (Math.abs(n - m) > best) {
        if (n > m) break;
        continue;
      }
      const s = end - n;
      if (!isEdge(text, s, s)) continue;
      const d = smallDistance(q, text, s, end, row);
      if (d < bestD || (d === bestD && Math.abs(n - m) <= Math.abs(end - bestStart - m))) {
        bestD = d;
        bestStart = s;
      }
    }
    if (bestD > best) continue;
    if (bestD < best) {
      best = bestD;
      found = [];
    }
    found.push({ start: bestStart, end, distance: bestD });
  }
  return found;
}

/** Edit distance of q and text[from, to), both a few code units (`row`: m + 1 cells of scratch). */
function smallDistance(q: string, text: TextLike, from: number, to: number, row: Int32Array): number {
  const m = q.length;
  for (let i = 0; i <= m; i++) row[i] = i;
  for (let x = from; x < to; x++) {
    const c = text.charCodeAt(x);
    let diagonal = row[0]!;
    row[0] = x - from + 1;
    for (let i = 1; i <= m; i++) {
      const above = row[i]!;
      row[i] = Math.min(above + 1, row[i - 1]! + 1, diagonal + (q.charCodeAt(i - 1) === c ? 0 : 1));
      diagonal = above;
    }
  }
  return row[m]!;
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
function isEdge(text: TextLike, ch: number, at: number): boolean {
  return ch >= 0 && ch < text.length && text.charCodeAt(ch) !== SPACE && !splitsSurrogatePair(text, at);
}
