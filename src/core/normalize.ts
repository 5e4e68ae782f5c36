/**
 * Normalization for anchoring (sidecar.md, "Anchoring", step 2): every run of white
 * space counts as one space, and typographic quotes and apostrophes count as their
 * ASCII forms. "White space" is exactly what JavaScript's `\s` and `String.trim` mean:
 * space, tab, CR, LF, VT, FF, no-break space (U+00A0), the Unicode space separators,
 * U+2028/U+2029 and U+FEFF.
 *
 * Every mapping is one code unit to one code unit except a white-space run, which
 * becomes one space. `NormalizedText` keeps the article's normalized form together
 * with a sparse offset map back to the original (one breakpoint per run of two or more
 * white-space characters), and can be edited in place so the editor never has to
 * re-normalize a whole article per keystroke.
 */

import { ChunkedText, lastAtMost, type TextLike } from './chunkedText';

const SPACE = 32;
const APOSTROPHE = 39;
const QUOTE = 34;

/** True when the UTF-16 code unit `c` is white space (same set as `\s`). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Folds a non-space code unit: ‘ ’ ‚ ‛ ′ -> ', “ ” „ ‟ ″ -> ". */
export function foldQuote(c: number): number {
  if (c < 0x2018) return c;
  if (c <= 0x201b || c === 0x2032) return APOSTROPHE;
  if (c <= 0x201f || c === 0x2033) return QUOTE;
  return c;
}

/** The normalized code unit of a single character (white space -> space). */
export function normalizeCode(c: number): number {
  return isSpace(c) ? SPACE : foldQuote(c);
}

const SINGLE_QUOTES = /[\u2018-\u201b\u2032]/g;
const DOUBLE_QUOTES = /[\u201c-\u201f\u2033]/g;

/** Anything `normalize` would change: white space other than a lone space, or a curly quote. */
const CHANGES = /[^\S ]| \s|[\u2018-\u201f\u2032\u2033]/;

/**
 * A white-space run that is not already one space: one that starts with other white
 * space, or a space followed by more. A lone space, most of an article's white space,
 * is left alone (replacing every run, lone spaces included, took 25 ms for a 1 MB
 * article instead of 7 ms).
 */
const RUNS = /[^\S ]\s*| \s+/g;

/** Normalizes `s` (runs of white space -> one space, curly quotes -> ASCII). Does not trim. */
export function normalize(s: string): string {
  if (!CHANGES.test(s)) return s;
  return s.replace(RUNS, ' ').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
}

export const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
export const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** True when offset `i` of `s` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(s: TextLike, i: number): boolean {
  return i > 0 && i < s.length && isLowSurrogate(s.charCodeAt(i)) && isHighSurrogate(s.charCodeAt(i - 1));
}

/** What `NormalizedText.replace` changed, in both coordinate systems. */
export interface NormalizedChange {
  /** Original offsets: [lo, hiOld) of the old text became [lo, hiNew) of the new one. */
  lo: number;
  hiOld: number;
  hiNew: number;
  /** Normalized offsets: [nlo, nhiOld) of the old form became [nlo, nhiNew) of the new one. */
  nlo: number;
  nhiOld: number;
  nhiNew: number;
}

/**
 * An article with its normalized form and the map between them. Normalized offset n
 * maps to original offset `n + delta(n)`, where delta only grows at breakpoints: the
 * normalized position right after a collapsed run of r >= 2 white-space characters
 * adds r - 1. A run's single space maps to the run's first character, so a normalized
 * range [ns, ne) covers the original characters [toOriginal(ns), toOriginal(ne)),
 * runs included.
 */
export class NormalizedText {
  private bpNorm: number[] = [];
  private bpDelta: number[] = [];

  private constructor(
    private readonly originalText: ChunkedText,
    private readonly normalizedText: ChunkedText,
  ) {}

  /** `chunkSize`: how the texts are cut for editing (tests make it small). */
  static from(text: string, chunkSize?: number): NormalizedText {
    const nt = new NormalizedText(new ChunkedText(text, chunkSize), new ChunkedText(normalize(text), chunkSize));
    const runs = collapsedRuns(text, 0, 0);
    nt.bpNorm = runs.norm;
    nt.bpDelta = runs.delta;
    return nt;
  }

  /** The article as one string (built on first use after an edit: prefer `original` for reads). */
  get text(): string {
    return this.originalText.toString();
  }

  /** The normalized article as one string (built on first use after an edit: prefer `normalized`). */
  get norm(): string {
    return this.normalizedText.toString();
  }

  /** The article, to read without building it whole. */
  get original(): TextLike {
    return this.originalText.view();
  }

  /** The normalized article, to read without building it whole. */
  get normalized(): TextLike {
    return this.normalizedText.view();
  }

  /** Whether the article is `text` now (without building it whole). */
  isText(text: string): boolean {
    return this.originalText.equals(text);
  }

  get normLength(): number {
    return this.normalizedText.length;
  }

  /** Original offset of normalized offset `n` (0 <= n <= norm.length). */
  toOriginal(n: number): number {
    const k = lastAtMost(this.bpNorm, n);
    return k < 0 ? n : n + this.bpDelta[k]!;
  }

  /**
   * Normalized offset of original offset `o`. Exact when `o` is not inside a
   * white-space run (the first character of a run is fine); inside a run it may
   * point past the run's space, so callers first move `o` to a run boundary.
   */
  toNormalized(o: number): number {
    // Breakpoint k sits at original offset bpNorm[k] + bpDelta[k]; both are increasing.
    let lo = 0;
    let hi = this.bpNorm.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.bpNorm[mid]! + this.bpDelta[mid]! <= o) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return k < 0 ? o : o - this.bpDelta[k]!;
  }

  /**
   * Replaces original [start, end) with `insert`, re-normalizing only the changed
   * stretch widened to whole white-space runs (a run may grow or merge with its
   * neighbour), and shifting the map beyond it. Copies only the chunks it touches.
   */
  replace(start: number, end: number, insert: string): NormalizedChange {
    const text = this.originalText;
    let lo = start;
    while (lo > 0 && isSpace(text.charCodeAt(lo - 1))) lo--;
    let hi = end;
    while (hi < text.length && isSpace(text.charCodeAt(hi))) hi++;
    // text[lo - 1] and text[hi] are not white space (or do not exist), in the old
    // text and in the new one, so [lo, hiNew) normalizes on its own.
    const stretch = text.slice(lo, start) + insert + text.slice(end, hi);
    const origDelta = insert.length - (end - start);
    const nlo = this.toNormalized(lo);
    const nhiOld = this.toNormalized(hi);
    const hiNew = hi + origDelta;
    const local = normalize(stretch);
    const nhiNew = nlo + local.length;
    const normDelta = nhiNew - nhiOld;

    const kBefore = lastAtMost(this.bpNorm, nlo);
    const baseDelta = kBefore < 0 ? 0 : this.bpDelta[kBefore]!;
    // Breakpoints in (nlo, nhiOld] belong to the replaced stretch.
    const firstAfter = lastAtMost(this.bpNorm, nhiOld) + 1;
    const runs = collapsedRuns(stretch, nlo, baseDelta);
    const shift = origDelta - normDelta;
    for (let k = firstAfter; k < this.bpNorm.length; k++) {
      this.bpNorm[k]! += normDelta;
      this.bpDelta[k]! += shift;
    }
    this.bpNorm = spliced(this.bpNorm, kBefore + 1, firstAfter, runs.norm);
    this.bpDelta = spliced(this.bpDelta, kBefore + 1, firstAfter, runs.delta);

    text.replace(start, end, insert);
    this.normalizedText.replace(nlo, nhiOld, local);
    return { lo, hiOld: hi, hiNew, nlo, nhiOld, nhiNew };
  }
}

/** xs with [from, to) replaced by ys (in place when ys is small). */
function spliced(xs: number[], from: number, to: number, ys: number[]): number[] {
  if (ys.length < 1000) {
    xs.splice(from, to - from, ...ys);
    return xs;
  }
  return xs.slice(0, from).concat(ys, xs.slice(to));
}

/**
 * Breakpoints for the runs of >= 2 white-space characters in `text`, whose normalized
 * form starts at normalized offset `normFrom` with delta `delta0`.
 */
function collapsedRuns(text: string, normFrom: number, delta0: number): { norm: number[]; delta: number[] } {
  const norm: number[] = [];
  const delta: number[] = [];
  const re = /\s{2,}/g;
  let d = delta0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // The run's space sits at normalized offset normFrom + m.index - (d - delta0).
    const space = normFrom + m.index - (d - delta0);
    d += m[0].length - 1;
    norm.push(space + 1);
    delta.push(d);
  }
  return { norm, delta };
}
