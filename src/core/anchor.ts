/**
 * The anchoring engine: finds each claim's quote in the article (sidecar.md,
 * "Anchoring"): exact, then normalized, then fuzzy, else orphaned.
 *
 * Decisions the spec leaves open:
 * - A quote's leading and trailing white space is not part of it: the quote is trimmed
 *   first (an anchor starts and ends on a visible character). A quote that is empty
 *   after trimming is orphaned (the caller reports `empty-quote`).
 * - The kinds are tiers: if the quote occurs verbatim anywhere, only verbatim
 *   occurrences compete; normalized occurrences only when there is none.
 * - `prefix` and `suffix` are trimmed and normalized too, and compared ignoring the
 *   white space between them and the quote: the score of an occurrence is the number
 *   of characters the normalized text before it agrees with the end of the prefix,
 *   plus the number the text after it agrees with the start of the suffix.
 * - An occurrence that would split a surrogate pair (only possible for a quote cut
 *   inside one) does not count.
 * - A fuzzy match never starts or ends on white space. Quotes no longer than the
 *   cutoff (1 or 2 characters) are fuzzy as the spec says, though that lets them
 *   "match" nearly anywhere (`shortQuoteMatches`).
 * - Fuzzy ties (same distance and score) are ambiguous only when the tied matches do
 *   not overlap: overlapping ones are the same place read with a different edge.
 *
 * Speed: per-article state is built once (`ArticleIndex`); all quotes are found with
 * one multi-pattern pass (`MultiSearch`) per tier instead of one scan per claim; the
 * article is normalized only when some quote has no verbatim occurrence; fuzzy search
 * filters with pigeonhole pieces (`fuzzy.ts`).
 */
import { FuzzyQuote, fuzzyCutoff, fuzzyLevels, fuzzyPieces, shortQuoteMatches, type FuzzyMatch } from './fuzzy';
import type { TextLike } from './chunkedText';
import { MultiSearch } from './multiSearch';
import { occurrences } from './text';
import {
  NormalizedText,
  foldQuote,
  isHighSurrogate,
  isLowSurrogate,
  isSpace,
  normalize,
  splitsSurrogatePair,
} from './normalize';
import type { Anchor, AnchorTarget } from './types';

const ORPHANED: Anchor = { kind: 'orphaned', ambiguous: false };

/**
 * A target with its quote trimmed and normalized, once, on first use (a quote that
 * occurs verbatim needs no normalized form). Its prefix and suffix are compared as
 * they are stored (`agreeBefore` and `agreeAfter` ignore white space at their ends),
 * so scoring copies no string; trimmed copies are made only for callers that ask.
 */
export class PreparedTarget {
  /** The quote, trimmed (what an exact occurrence must equal). */
  readonly quote: string;
  private normQuote: string | undefined;
  private trimmedPrefix: string | undefined;
  private trimmedSuffix: string | undefined;

  constructor(readonly target: AnchorTarget) {
    this.quote = target.quote.trim();
  }

  /** The trimmed quote, normalized. Empty for an empty or white-space-only quote. */
  get norm(): string {
    return (this.normQuote ??= normalize(this.quote));
  }

  /**
   * Fuzzy cutoff for this quote, for the search by pieces; 0 when the quote is no
   * longer than its cutoff (`short`) or empty.
   */
  get cutoff(): number {
    const k = fuzzyCutoff(this.norm.length);
    return this.norm.length > k ? k : 0;
  }

  /** A quote of 1 or 2 code units, no longer than its cutoff: searched by `shortQuoteMatches`. */
  get short(): boolean {
    const m = this.norm.length;
    return m > 0 && m <= fuzzyCutoff(m);
  }

  /** The prefix, trimmed; its length bounds the normalized one. */
  get prefix(): string {
    return (this.trimmedPrefix ??= (this.target.prefix ?? '').trim());
  }

  /** The suffix, trimmed. */
  get suffix(): string {
    return (this.trimmedSuffix ??= (this.target.suffix ?? '').trim());
  }

  /** How well the text around [start, end) agrees with the prefix and suffix (0 without them). */
  score(text: TextLike, start: number, end: number): number {
    return agreeBefore(text, start, this.target.prefix ?? '') + agreeAfter(text, end, this.target.suffix ?? '');
  }
}

/**
 * The first of the places starts[from + k], k < n (ascending; each `ends` long, or
 * ending at ends[from + k]) with the best agreement with the target's prefix and
 * suffix, and whether another shares it (without prefix and suffix: the first, and
 * ambiguous when there is another). `score` decides, but an affix's normalized
 * length is counted only when it does: a place where all of an affix agrees scores
 * that length, more than any place where only part of it agrees, so two places
 * compare without it unless each has a whole side where the other does not.
 */
export function chooseAmong(
  text: TextLike,
  target: AnchorTarget,
  starts: ArrayLike<number>,
  from: number,
  n: number,
  ends: number | ArrayLike<number>,
): { best: number; ambiguous: boolean } {
  const choice = chooseIndex(text, target.prefix ?? '', target.suffix ?? '', starts, from, n, ends);
  return { best: choice >> 2, ambiguous: (choice & AMBIGUOUS) !== 0 };
}

/** Bits of `chooseIndex`'s answer: another place ties with the chosen one. */
const AMBIGUOUS = 1;
/**
 * The chosen place agrees whole with every affix there is (or there is none), so no
 * other place, verbatim or not, can agree more.
 */
const SETTLED = 2;

/**
 * `chooseAmong`, as one number: 4 * best, plus AMBIGUOUS and SETTLED (no object per
 * call: tier 1 calls it for each of thousands of quotes), given the target's prefix
 * and suffix ('' for none).
 */
function chooseIndex(
  text: TextLike,
  prefix: string,
  suffix: string,
  starts: ArrayLike<number>,
  from: number,
  n: number,
  ends: number | ArrayLike<number>,
): number {
  if (!prefix && !suffix) return SETTLED + (n > 1 ? AMBIGUOUS : 0);
  const prefixBegin = coreStart(prefix);
  const prefixEnd = coreEnd(prefix);
  const suffixBegin = coreStart(suffix);
  const suffixEnd = coreEnd(suffix);
  if (n < 2) {
    // One place: chosen, but settled only if its affixes agree whole there.
    if (n === 0) return SETTLED;
    const at = starts[from]!;
    const whole =
      (prefixBegin >= prefixEnd || agreementBefore(text, at, prefix, prefixBegin, prefixEnd) === WHOLE) &&
      (suffixBegin >= suffixEnd || agreementAfter(text, endOf(starts, from, ends), suffix, suffixBegin, suffixEnd) === WHOLE);
    return whole ? SETTLED : 0;
  }
  if (befores.length < n) {
    befores = new Int32Array(2 * n);
    afters = new Int32Array(2 * n);
  }
  // Every place's prefix first. A place that agrees whole on both sides beats every
  // place that does not on one of them, so where one does, only the places whose
  // prefix agrees whole need their suffix read (the usual case: the sidecar's writer
  // took the prefix and suffix from one place).
  let wholeBefore = 0;
  for (let k = 0; k < n; k++) {
    const before = (befores[k] = agreementBefore(text, starts[from + k]!, prefix, prefixBegin, prefixEnd));
    if (before === WHOLE) wholeBefore++;
    afters[k] = UNREAD;
  }
  if (wholeBefore > 0) {
    let best = -1;
    let ambiguous = false;
    for (let k = 0; k < n; k++) {
      if (befores[k] !== WHOLE) continue;
      if ((afters[k] = agreementAfter(text, endOf(starts, from + k, ends), suffix, suffixBegin, suffixEnd)) !== WHOLE) continue;
      if (best === -1) best = k;
      else ambiguous = true;
    }
    if (best !== -1) return 4 * best + SETTLED + (ambiguous ? AMBIGUOUS : 0);
  }
  let best = 0;
  let ambiguous = false;
  for (let k = 0; k < n; k++) {
    const after =
      afters[k] !== UNREAD ? afters[k]! : agreementAfter(text, endOf(starts, from + k, ends), suffix, suffixBegin, suffixEnd);
    const c = k === 0 ? 1 : compareAgreements(prefix, suffix, befores[k]!, after, befores[best]!, afters[best]!);
    afters[k] = after;
    if (c > 0) {
      best = k;
      ambiguous = false;
    } else if (c === 0) ambiguous = true;
  }
  const settled = (prefixBegin >= prefixEnd || befores[best] === WHOLE) && (suffixBegin >= suffixEnd || afters[best] === WHOLE);
  return 4 * best + (settled ? SETTLED : 0) + (ambiguous ? AMBIGUOUS : 0);
}

/** Where place k ends: starts[k] + ends for a quote's length, else ends[k]. */
function endOf(starts: ArrayLike<number>, k: number, ends: number | ArrayLike<number>): number {
  return typeof ends === 'number' ? starts[k]! + ends : ends[k]!;
}

/** Scratch for `chooseIndex`: each place's agreement with the prefix and with the suffix (UNREAD: not read yet). */
let befores = new Int32Array(16);
let afters = new Int32Array(16);
const UNREAD = -2;

/**
 * Positive, zero or negative as agreements (b1, a1) with `prefix` and `suffix` score
 * more than, as much as or less than (b2, a2), agreements as `agreementBefore` and
 * `agreementAfter` give them.
 */
function compareAgreements(prefix: string, suffix: string, b1: number, a1: number, b2: number, a2: number): number {
  // Each side's difference, ±Infinity for "more" or "less" by an amount not counted.
  const p = side(b1, b2);
  const s = side(a1, a2);
  if (Number.isFinite(p) && Number.isFinite(s)) return p + s;
  if (p >= 0 && s >= 0) return 1;
  if (p <= 0 && s <= 0) return -1;
  const score = (before: number, after: number): number =>
    (before === WHOLE ? normalizedLength(prefix) : before) + (after === WHOLE ? normalizedLength(suffix) : after);
  return score(b1, a1) - score(b2, a2);
}

/** x - y for two agreements of one affix, or ±Infinity where just one of them is WHOLE (and so larger). */
function side(x: number, y: number): number {
  if (x === y) return 0;
  if (x === WHOLE) return Infinity;
  if (y === WHOLE) return -Infinity;
  return x - y;
}

export function prepareTarget(target: AnchorTarget): PreparedTarget {
  return new PreparedTarget(target);
}

/** An occurrence of a quote: original offsets, and whether it is verbatim. */
export interface Occurrence {
  start: number;
  end: number;
  exact: boolean;
}

/** Whether [start, end) of `text` keeps surrogate pairs whole. */
export function keepsPairs(text: TextLike, start: number, end: number): boolean {
  return !splitsSurrogatePair(text, start) && !splitsSurrogatePair(text, end);
}

/** What `agreementBefore` and `agreementAfter` return where the whole trimmed affix agrees. */
const WHOLE = -1;

/**
 * How many normalized characters of the text before `at` agree with the end of
 * `prefix`, trimmed (both sides are normalized as they are read, and the white space
 * at the prefix's ends is skipped rather than cut, so no prefix is ever copied).
 * White space right before `at` is skipped. `whole`, when the caller knows it, is
 * the trimmed prefix's normalized length, what it scores where all of it agrees;
 * otherwise that is counted.
 */
export function agreeBefore(text: TextLike, at: number, prefix: string, whole = -1): number {
  const n = agreementBefore(text, at, prefix);
  return n !== WHOLE ? n : whole >= 0 ? whole : normalizedLength(prefix);
}

/**
 * How many normalized characters of the text from `at` agree with the start of
 * `suffix`, trimmed; `whole` as for `agreeBefore`.
 */
export function agreeAfter(text: TextLike, at: number, suffix: string, whole = -1): number {
  const n = agreementAfter(text, at, suffix);
  return n !== WHOLE ? n : whole >= 0 ? whole : normalizedLength(suffix);
}

/**
 * `agreeBefore`, but WHOLE where all of the prefix agrees, so its normalized length
 * is not needed to say so: one compare where the text ends with the prefix verbatim
 * (with its white space, or trimmed once the text's is skipped). `begin` and `end`
 * bound the prefix without the white space at its ends, for a caller that compares
 * one prefix with many places.
 */
function agreementBefore(text: TextLike, at: number, prefix: string, begin = coreStart(prefix), end = coreEnd(prefix)): number {
  let j = end;
  if (begin >= j) return 0;
  if (occursAt(text, prefix, at - prefix.length)) return WHOLE;
  let i = at;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  // The same compare again where white space was skipped (else it is the one above).
  if (i !== at && begin === 0 && j === prefix.length && occursAt(text, prefix, i - j)) return WHOLE;
  let n = 0;
  while (i > 0 && j > begin) {
    let a = text.charCodeAt(i - 1);
    let b = prefix.charCodeAt(j - 1);
    // The same character, not white space: agrees as it is (the usual case).
    if (a === b && !isSpace(a)) {
      i--;
      j--;
      n++;
      continue;
    }
    if (isSpace(a)) {
      while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
      a = 32;
    } else {
      a = foldQuote(a);
      i--;
    }
    if (isSpace(b)) {
      while (j > begin && isSpace(prefix.charCodeAt(j - 1))) j--;
      b = 32;
    } else {
      b = foldQuote(b);
      j--;
    }
    if (a !== b) return n;
    n++;
  }
  return j === begin ? WHOLE : n;
}

/** Where `s` starts once the white space at its start is skipped. */
function coreStart(s: string): number {
  let k = 0;
  while (k < s.length && isSpace(s.charCodeAt(k))) k++;
  return k;
}

/** Where `s` ends once the white space at its end is dropped (0 if all of it is white space). */
function coreEnd(s: string): number {
  let k = s.length;
  while (k > 0 && isSpace(s.charCodeAt(k - 1))) k--;
  return k;
}

/** `agreeAfter`, but WHOLE where all of the suffix agrees (as `agreementBefore`). */
function agreementAfter(text: TextLike, at: number, suffix: string, begin = coreStart(suffix), end = coreEnd(suffix)): number {
  let j = begin;
  if (j >= end) return 0;
  if (occursAt(text, suffix, at)) return WHOLE;
  let i = at;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i !== at && j === 0 && end === suffix.length && occursAt(text, suffix, i)) return WHOLE;
  let n = 0;
  while (i < text.length && j < end) {
    let a = text.charCodeAt(i);
    let b = suffix.charCodeAt(j);
    if (a === b && !isSpace(a)) {
      i++;
      j++;
      n++;
      continue;
    }
    if (isSpace(a)) {
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      a = 32;
    } else {
      a = foldQuote(a);
      i++;
    }
    if (isSpace(b)) {
      while (j < end && isSpace(suffix.charCodeAt(j))) j++;
      b = 32;
    } else {
      b = foldQuote(b);
      j++;
    }
    if (a !== b) return n;
    n++;
  }
  return j === end ? WHOLE : n;
}

/**
 * Whether `s` occurs in `text` at `at`. Its first and last code units are compared
 * first: most places that do not agree differ there, and a native compare costs a
 * call where two reads do not.
 */
function occursAt(text: TextLike, s: string, at: number): boolean {
  const n = s.length;
  if (at < 0 || at + n > text.length) return false;
  if (n > 0 && (text.charCodeAt(at) !== s.charCodeAt(0) || text.charCodeAt(at + n - 1) !== s.charCodeAt(n - 1))) return false;
  // `endsWith` compares in place; `startsWith` and `slice` are slower for a string.
  return typeof text === 'string' ? text.endsWith(s, at + n) : text.startsWith(s, at);
}

/** `normalize(s.trim()).length`, without building either string: a white-space run between visible characters counts once. */
function normalizedLength(s: string): number {
  let n = 0;
  let gap = false;
  for (let k = 0; k < s.length; k++) {
    if (isSpace(s.charCodeAt(k))) gap = n > 0;
    else {
      n += gap ? 2 : 1;
      gap = false;
    }
  }
  return n;
}

/**
 * Picks among a claim's occurrences (sorted by start; all exact and normalized ones,
 * or just the exact ones): the verbatim place that agrees best with the prefix and
 * suffix (the first where several do, then ambiguous), unless a place that is not
 * verbatim agrees strictly more; without verbatim places, the same among the others.
 */
export function chooseOccurrence(text: TextLike, t: PreparedTarget, occs: readonly Occurrence[]): Anchor {
  const exact = occs.filter((o) => o.exact);
  if (exact.length === 0) return chooseIn(text, t, occs, 'normalized').anchor;
  const { anchor: verbatim, settled } = chooseIn(text, t, exact, 'exact');
  // Settled: every affix agrees whole there, so no other place can agree more.
  if (verbatim.kind === 'orphaned' || settled || exact.length === occs.length) return verbatim;
  // A place that is not verbatim wins only where the prefix and suffix agree with it
  // more (`Smith said “we will win”` for the quote `said "we will win"` with prefix
  // `Smith `, when `Jones said "we will win"` is verbatim too); otherwise verbatim first.
  const other = chooseIn(text, t, occs.filter((o) => !o.exact), 'normalized').anchor;
  if (other.kind === 'orphaned') return verbatim;
  const prefix = t.target.prefix ?? '';
  const suffix = t.target.suffix ?? '';
  const more = compareAgreements(
    prefix,
    suffix,
    agreementBefore(text, other.start, prefix),
    agreementAfter(text, other.end, suffix),
    agreementBefore(text, verbatim.start, prefix),
    agreementAfter(text, verbatim.end, suffix),
  );
  return more > 0 ? other : verbatim;
}

/**
 * The best of `occs` by prefix and suffix (the first where they tie, then ambiguous), as
 * an anchor of `kind`, and whether every affix agrees whole there.
 */
function chooseIn(
  text: TextLike,
  t: PreparedTarget,
  occs: readonly Occurrence[],
  kind: 'exact' | 'normalized',
): { anchor: Anchor; settled: boolean } {
  if (occs.length === 0) return { anchor: ORPHANED, settled: true };
  const { target } = t;
  const choice = chooseIndex(text, target.prefix ?? '', target.suffix ?? '', occs.map((o) => o.start), 0, occs.length, occs.map((o) => o.end));
  const { start, end } = occs[choice >> 2]!;
  return { anchor: { kind, ambiguous: (choice & AMBIGUOUS) !== 0, start, end, distance: 0 }, settled: (choice & SETTLED) !== 0 };
}

/**
 * Picks among fuzzy candidates (normalized offsets, all at the same, lowest distance):
 * best prefix/suffix agreement, then the first; ambiguous when a candidate that does
 * not overlap the chosen one ties with it.
 */
export function chooseFuzzy(nt: NormalizedText, t: PreparedTarget, cands: readonly FuzzyMatch[]): Anchor {
  if (cands.length === 0) return ORPHANED;
  const text = nt.original;
  const m = t.norm.length;
  const scored = cands.map((c) => {
    const start = nt.toOriginal(c.start);
    const end = nt.toOriginal(c.end);
    return { start, end, distance: c.distance, len: c.end - c.start, score: t.score(text, start, end) };
  });
  let best = scored[0]!;
  for (const c of scored) {
    if (
      c.score > best.score ||
      (c.score === best.score &&
        (c.start < best.start || (c.start === best.start && Math.abs(c.len - m) < Math.abs(best.len - m))))
    ) {
      best = c;
    }
  }
  const ambiguous = scored.some((c) => c.score === best.score && (c.end <= best.start || c.start >= best.end));
  return { kind: 'fuzzy', ambiguous, start: best.start, end: best.end, distance: best.distance };
}

/**
 * Every place the engine weighs for `quote` in the text normalized as `nt`: its
 * verbatim and its normalized occurrences, in order (what `chooseOccurrence` takes).
 */
export function occurrencesOf(nt: NormalizedText, quote: string): Occurrence[] {
  const t = prepareTarget({ quote });
  return toOccurrences(nt, t, occurrences(nt.norm, t.norm));
}

/** Normalized occurrences of `t.norm` (normalized offsets) as original-offset occurrences. */
export function toOccurrences(nt: NormalizedText, t: PreparedTarget, normStarts: ArrayLike<number>): Occurrence[] {
  const text = nt.original;
  const occs: Occurrence[] = [];
  for (let k = 0; k < normStarts.length; k++) {
    const ns = normStarts[k]!;
    const start = nt.toOriginal(ns);
    const end = nt.toOriginal(ns + t.norm.length);
    if (!keepsPairs(text, start, end)) continue;
    occs.push({ start, end, exact: isVerbatim(text, start, end, t.quote) });
  }
  return occs;
}

/**
 * Whether text[start, end) is `quote` verbatim, a line break (CRLF, LF or CR) in one
 * matching any in the other: a quote written over lines in YAML holds LF, and CRLF
 * and LF articles anchor the same quotes.
 */
function isVerbatim(text: TextLike, start: number, end: number, quote: string): boolean {
  if (end - start === quote.length && text.startsWith(quote, start)) return true;
  if (!/[\r\n]/.test(quote)) return false;
  const lf = (s: string) => s.replace(/\r\n?/g, '\n');
  return lf(text.slice(start, end)) === lf(quote);
}

/**
 * Fuzzy search for many quotes at once: level by level, one multi-pattern pass finds
 * every pending quote's pieces; quotes resolved at a level drop out of the next.
 * Returns each target's best candidates (none when orphaned), the same whether
 * searched alone or together. `quoteOf` lets a caller keep the compiled quotes;
 * `firstRound` skips levels the caller already searched and found nothing at (none
 * of them the last).
 */
export function fuzzySearchMany(
  norm: string,
  targets: readonly PreparedTarget[],
  quoteOf: (i: number) => FuzzyQuote = (i) => new FuzzyQuote(targets[i]!.norm),
  firstRound = 0,
): FuzzyMatch[][] {
  const results: FuzzyMatch[][] = targets.map((t) => (t.short ? shortQuoteMatches(norm, t.norm, fuzzyCutoff(t.norm.length)) : []));
  const quotes = new Map<number, FuzzyQuote>();
  let pending = targets.map((_, i) => i).filter((i) => targets[i]!.cutoff > 0);
  for (let round = firstRound; pending.length > 0; round++) {
    const level = (i: number): number => fuzzyLevels(targets[i]!.cutoff)[round]!;
    const pieces = pending.map((i) => fuzzyPieces(targets[i]!.norm, level(i)));
    const hits = new MultiSearch(pieces.flat()).findAll(norm);
    let h = 0;
    pending = pending.filter((i, n) => {
      const own = hits.slice(h, (h += pieces[n]!.length));
      let fq = quotes.get(i);
      if (!fq) quotes.set(i, (fq = quoteOf(i)));
      results[i] = fq.verify(norm, level(i), own);
      return results[i]!.length === 0 && level(i) < targets[i]!.cutoff;
    });
  }
  return results;
}

/**
 * Tier 1 for one target, its quote trimmed (`length` long): its verbatim occurrences
 * `starts[from, to)` (ascending) chosen among as `chooseOccurrence` does (the best
 * prefix/suffix agreement, the first of those on a tie, ambiguous when another shares
 * it), without an object per occurrence. A quote that occurs once is not scored.
 * Where `splits` (a quote that begins with a low surrogate or ends with a high one),
 * occurrences that split a surrogate pair do not count. Undefined when none does.
 */
function exactAnchor(
  text: string,
  prefix: string,
  suffix: string,
  length: number,
  splits: boolean,
  starts: Int32Array,
  from: number,
  to: number,
): Anchor | undefined {
  let found = starts;
  if (splits) {
    found = starts.slice(from, to).filter((s) => keepsPairs(text, s, s + length));
    from = 0;
    to = found.length;
  }
  const n = to - from;
  if (n === 0) return undefined;
  const choice = chooseIndex(text, prefix, suffix, found, from, n, length);
  exactSettled = (choice & SETTLED) !== 0;
  const start = found[from + (choice >> 2)]!;
  return { kind: 'exact', ambiguous: (choice & AMBIGUOUS) !== 0, start, end: start + length, distance: 0 };
}

/**
 * Whether the last anchor `exactAnchor` returned is settled: a place that is not
 * verbatim cannot agree more with the prefix and suffix (a flag, not a field: tier 1
 * makes thousands of anchors, and only tier 1 reads it).
 */
let exactSettled = true;

/**
 * Per-article state, built once and reused for every claim: the article, and its
 * normalized form, built on first need.
 */
export class ArticleIndex {
  private normalizedText: NormalizedText | undefined;

  constructor(readonly text: string) {}

  get normalized(): NormalizedText {
    return (this.normalizedText ??= NormalizedText.from(this.text));
  }

  /** Anchors every target; one Anchor per target, in order. */
  anchorAll(targets: readonly AnchorTarget[]): Anchor[] {
    const anchors: Anchor[] = targets.map(() => ORPHANED);

    // Tier 1, exact: one pass over the article for all trimmed quotes. Most targets
    // end here, so they are not prepared (an object each) until a later tier needs them.
    // Each target is read once, here, in order: its quote, prefix and suffix go to
    // arrays of their final size (no copies as they grow). Targets are claims as the
    // sidecar gave them, of many shapes and spread over the heap: a second pass over
    // them would pay a lookup by shape and a cache miss each again. `trim` only where
    // a quote starts or ends with white space (`isSpace` is the set `trim` removes):
    // most quotes need no call.
    let quotes: string[] = new Array<string>(targets.length);
    const prefixes: string[] = new Array<string>(targets.length);
    const suffixes: string[] = new Array<string>(targets.length);
    const order = new Int32Array(targets.length);
    // Each quote's length, and 1 where it starts with a low surrogate or ends with a
    // high one (an occurrence of it may split a pair), read while the quote is at hand.
    const lengths = new Int32Array(targets.length);
    const splits = new Uint8Array(targets.length);
    let count = 0;
    for (let i = 0; i < targets.length; i++) {
      const target = targets[i]!;
      let quote = target.quote;
      if (quote.length === 0) continue;
      let head = quote.charCodeAt(0);
      let tail = quote.charCodeAt(quote.length - 1);
      if (isSpace(head) || isSpace(tail)) {
        quote = quote.trim();
        if (quote === '') continue;
        head = quote.charCodeAt(0);
        tail = quote.charCodeAt(quote.length - 1);
      }
      order[count] = i;
      lengths[count] = quote.length;
      splits[count] = isLowSurrogate(head) || isHighSurrogate(tail) ? 1 : 0;
      prefixes[count] = target.prefix ?? '';
      suffixes[count] = target.suffix ?? '';
      quotes[count++] = quote;
    }
    if (count < targets.length) quotes = quotes.slice(0, count);
    // Scored target by target, not as the search finds them: a target's prefix and
    // suffix are read once for all its occurrences, and they lie in memory about in
    // the order they were parsed, so reading them in order is cheaper than jumping
    // between them in the order of the text.
    const { starts, first } = new MultiSearch(quotes).findGrouped(this.text);
    const inexact: number[] = [];
    // Verbatim, but a place that is not might agree more with the prefix and suffix, or
    // a line break might be spelt otherwise there: chosen again among all occurrences.
    const unsettled: number[] = [];
    const crs = this.text.includes('\r');
    for (let n = 0; n < count; n++) {
      const i = order[n]!;
      const anchor = exactAnchor(
        this.text,
        prefixes[n]!,
        suffixes[n]!,
        lengths[n]!,
        splits[n] === 1,
        starts,
        first[n]!,
        first[n + 1]!,
      );
      if (!anchor) inexact.push(i);
      else {
        anchors[i] = anchor;
        if (!exactSettled || (crs && /[\r\n]/.test(quotes[n]!))) unsettled.push(i);
      }
    }
    let pending = inexact;
    if (pending.length === 0 && unsettled.length === 0) return anchors;
    const prepared: PreparedTarget[] = [];
    for (const i of pending) prepared[i] = prepareTarget(targets[i]!);
    for (const i of unsettled) prepared[i] = prepareTarget(targets[i]!);

    // Tier 2, normalized: the same over the normalized article (also for the
    // unsettled verbatim ones, among all their occurrences).
    const nt = this.normalized;
    const searched = [...pending, ...unsettled];
    const normalized = new MultiSearch(searched.map((i) => prepared[i]!.norm)).findAll(nt.norm);
    unsettled.forEach((i, n) => {
      const occs = toOccurrences(nt, prepared[i]!, normalized[pending.length + n]!);
      if (occs.length > 0) anchors[i] = chooseOccurrence(this.text, prepared[i]!, occs);
    });
    pending = pending.filter((i, n) => {
      const t = prepared[i]!;
      const occs = toOccurrences(nt, t, normalized[n]!);
      if (occs.length === 0) return true;
      anchors[i] = chooseOccurrence(this.text, t, occs);
      return false;
    });

    // Tier 3, fuzzy.
    const found = fuzzySearchMany(nt.norm, pending.map((i) => prepared[i]!));
    pending.forEach((i, n) => (anchors[i] = chooseFuzzy(nt, prepared[i]!, found[n]!)));
    return anchors;
  }
}

/**
 * Anchors every target in `article` (the text as the editor holds it: CRLF kept,
 * no BOM). Returns one Anchor per target, in order.
 */
export function anchorClaims(article: string, targets: readonly AnchorTarget[]): Anchor[] {
  return new ArticleIndex(article).anchorAll(targets);
}

export { LiveAnchors, type ContentChange } from './liveAnchors';
