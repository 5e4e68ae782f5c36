/**
 * The benchmark corpus: an article assembled from real news text and claims cut
 * from it whose true location is known by construction (sidecar.md, "Anchoring").
 *
 * The ground truth is checked here with code independent of the engine under test
 * (its own normalization, `approx-string-match` for edit distances), so a claim that
 * could legitimately anchor somewhere else than where it was cut is never emitted.
 */
import search from 'approx-string-match';
import type { Match } from 'approx-string-match';
import type { AnchorTarget, TextRange } from '../src/core/types';
import type { BrownDocument } from './brown';
import type { Random } from './random';

export interface Article {
  text: string;
  /** The range of every sentence in `text`. */
  sentences: TextRange[];
}

export type ClaimKind = 'verbatim' | 'edited' | 'absent';

export interface BenchClaim {
  kind: ClaimKind;
  target: AnchorTarget;
  /** Where the quote was cut from (an edited claim's too); absent claims have none. */
  truth?: TextRange;
  /** Characters changed after cutting (edited claims only). */
  edits: number;
}

export interface ClaimOptions {
  count: number;
  /** Share of claims edited by 1 to 3 characters after cutting, forcing fuzzy matching. */
  editedShare: number;
  /** Share of claims that are nowhere in the text, not even within the fuzzy cutoff. */
  absentShare: number;
  /** Context first given to a quote that occurs more than once; grown in steps of this. */
  context: number;
  /** A quote that needs more context than this on each side is not used. */
  maxContext: number;
}

export const DEFAULT_CLAIM_OPTIONS: ClaimOptions = {
  count: 5000,
  editedShare: 0.1,
  absentShare: 0.02,
  context: 32,
  maxContext: 256,
};

const MIN_QUOTE = 20;
const MAX_QUOTE = 300;
const MAX_ATTEMPTS = 1000;

/**
 * Concatenates copies of `documents` until the text is at least `minLength` long.
 * The first copy is the section as printed. Each further copy shuffles the document
 * order and the sentences within each document (keeping the paragraph sizes), so
 * every passage repeats but its surroundings differ and prefix/suffix can choose.
 */
export function buildArticle(documents: readonly BrownDocument[], minLength: number, random: Random): Article {
  if (!documents.some((document) => document.length > 0)) throw new Error('buildArticle: no text to build from');
  const parts: string[] = [];
  const sentences: TextRange[] = [];
  let length = 0;
  for (let copy = 0; length < minLength; copy++) {
    const order = copy === 0 ? documents : random.shuffle(documents.map((document) => reshuffle(document, random)));
    for (const paragraph of order.flat()) {
      if (length >= minLength) break;
      if (length > 0) {
        parts.push('\n\n');
        length += 2;
      }
      paragraph.forEach((sentence, i) => {
        if (i > 0) {
          parts.push(' ');
          length += 1;
        }
        sentences.push({ start: length, end: length + sentence.length });
        parts.push(sentence);
        length += sentence.length;
      });
    }
  }
  return { text: oneBytePerCharacter(parts.join('')), sentences };
}

/**
 * `text` stored one byte per character when every character fits, as V8 stores
 * ASCII text read from a file. `Array.prototype.join` returns a two-byte string
 * when any part is a thin string (a string internalized after it was made), and
 * whether a sentence still is one when they are joined depends on what the process
 * ran before: with the bench's other scenario modules loaded first, the corpus came
 * out two-byte every time, without them one-byte. Anchoring reads two-byte text
 * about a quarter slower, the floor's loop as fast, so exact-only moved from about
 * 2.6× to 3.5× with it.
 * The anchoring scenario measures a two-byte copy of the article on its own row.
 */
export function oneBytePerCharacter(text: string): string {
  return /[\u0100-\uffff]/.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}

function reshuffle(document: BrownDocument, random: Random): BrownDocument {
  const sentences = random.shuffle(document.flat());
  let next = 0;
  return document.map((paragraph) => sentences.slice(next, (next += paragraph.length)));
}

/** White space as the spec counts it: spaces, tabs, line breaks, no-break spaces. */
const WHITE_RUN = /[ \t\n\r\f\v\u00a0]+/g;

function isWhite(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0;
}

/** The spec's normalization, restricted to what this ASCII corpus contains: white space runs. */
export function normalize(text: string): string {
  return text.replace(WHITE_RUN, ' ');
}

/** The spec's fuzzy cutoff: max(2, ⌊20% of the quote's length⌋). */
export function fuzzyCutoff(length: number): number {
  return Math.max(2, Math.floor(length * 0.2));
}

/** `normalize(raw)` with a map from raw offsets at word boundaries to normalized ones. */
export class NormalizedText {
  readonly text: string;
  private readonly offsets: Int32Array;

  constructor(raw: string) {
    this.offsets = new Int32Array(raw.length + 1);
    let j = 0;
    let inRun = false;
    for (let i = 0; i < raw.length; i++) {
      this.offsets[i] = j;
      const white = isWhite(raw.charCodeAt(i));
      if (!white || !inRun) j++;
      inRun = white;
    }
    this.offsets[raw.length] = j;
    this.text = normalize(raw);
  }

  /** The normalized offset of a raw offset that does not fall inside a white-space run. */
  at(rawOffset: number): number {
    return this.offsets[rawOffset];
  }
}

/** The length of the overlap of two ranges over the longer one's length: 1 for the same range. */
export function overlapRatio(a: TextRange, b: TextRange): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap <= 0 ? 0 : overlap / Math.max(a.end - a.start, b.end - b.start);
}

/** Ranges judged the same place: they overlap by at least half the longer one. */
export function samePlace(a: TextRange, b: TextRange): boolean {
  return overlapRatio(a, b) >= 0.5;
}

/** Every occurrence of `needle` in `text` (overlapping ones included), at most `limit`. */
export function occurrences(text: string, needle: string, limit = Infinity): TextRange[] {
  const found: TextRange[] = [];
  for (let at = text.indexOf(needle); at !== -1 && found.length < limit; at = text.indexOf(needle, at + 1)) {
    found.push({ start: at, end: at + needle.length });
  }
  return found;
}

/** Below this piece length, or beyond this many candidate windows, searching the whole text is cheaper. */
const MIN_PIECE = 8;
const MAX_WINDOWS = 2000;

/**
 * The closest approximate matches of `pattern` in `text` with at most `maxErrors`
 * errors, as `approx-string-match` reports them, but searching only around exact
 * occurrences of one of `maxErrors + 1` disjoint pieces of the pattern: at most
 * `maxErrors` edits can break at most that many pieces (pigeonhole), so every match
 * contains an intact one. Much faster than a search of the whole text.
 */
export function closestMatches(text: string, pattern: string, maxErrors: number): Match[] {
  const size = Math.floor(pattern.length / (maxErrors + 1));
  if (size < MIN_PIECE) return search(text, pattern, maxErrors);
  const windows: TextRange[] = [];
  for (let offset = 0; offset + size <= pattern.length; offset += size) {
    const piece = pattern.slice(offset, offset + size);
    for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) {
      if (windows.length === MAX_WINDOWS) return search(text, pattern, maxErrors);
      const start = at - offset - maxErrors;
      windows.push({ start: Math.max(0, start), end: Math.min(text.length, start + pattern.length + 2 * maxErrors) });
    }
  }
  const found = new Map<string, Match>();
  for (const window of mergeRanges(windows)) {
    for (const m of search(text.slice(window.start, window.end), pattern, maxErrors)) {
      const match = { start: m.start + window.start, end: m.end + window.start, errors: m.errors };
      found.set(`${match.start}:${match.end}`, match);
    }
  }
  const best = Math.min(...[...found.values()].map((m) => m.errors));
  return [...found.values()].filter((m) => m.errors === best).sort((a, b) => a.start - b.start);
}

function mergeRanges(ranges: TextRange[]): TextRange[] {
  const merged: TextRange[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/**
 * Cuts `options.count` claims from `article`: sentences and phrases of 20 to 300
 * characters, some edited, some absent, in a random order. Deterministic for a seed.
 */
export function makeClaims(article: Article, options: ClaimOptions, random: Random): BenchClaim[] {
  const normalized = new NormalizedText(article.text);
  const words = [...new Set(article.text.split(WHITE_RUN).filter(Boolean))];
  const absent = Math.round(options.count * options.absentShare);
  const edited = Math.round(options.count * options.editedShare);
  const kinds: ClaimKind[] = random.shuffle([
    ...Array<ClaimKind>(absent).fill('absent'),
    ...Array<ClaimKind>(edited).fill('edited'),
    ...Array<ClaimKind>(options.count - absent - edited).fill('verbatim'),
  ]);
  return kinds.map((kind) => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const claim =
        kind === 'absent'
          ? makeAbsent(words, normalized, random)
          : makePresent(kind, article, normalized, options, random);
      if (claim) return { ...claim, target: asParsed(claim.target) };
    }
    throw new Error(`makeClaims: could not make a ${kind} claim in ${MAX_ATTEMPTS} attempts`);
  });
}

/**
 * A target as a sidecar hands it over: its quote, prefix and suffix are strings of
 * their own, as parsing YAML makes them. Cut with `slice`, they would be views into
 * the article (V8 shares the article's memory for slices of 13 or more characters),
 * which no loaded sidecar's strings are: reading them would read the article.
 */
function asParsed(target: AnchorTarget): AnchorTarget {
  return JSON.parse(JSON.stringify(target)) as AnchorTarget;
}

function makePresent(
  kind: 'verbatim' | 'edited',
  article: Article,
  normalized: NormalizedText,
  options: ClaimOptions,
  random: Random,
): BenchClaim | undefined {
  const truth = random.chance(0.5) ? pickSentence(article, random) : pickPhrase(article.text, random);
  if (!truth) return undefined;
  const quote = article.text.slice(truth.start, truth.end);
  const copies = occurrences(normalized.text, normalize(quote));
  const context = disambiguate(article.text, normalized, truth, copies, options);
  if (!context) return undefined;
  if (kind === 'verbatim') return { kind, target: { quote, ...context }, truth, edits: 0 };
  const edit = editQuote(quote, random);
  if (!edit || !onlyNearTruth(edit, truth, copies, normalized)) return undefined;
  return { kind, target: { quote: edit.text, ...context }, truth, edits: edit.edits };
}

function pickSentence(article: Article, random: Random): TextRange | undefined {
  const sentence = random.pick(article.sentences);
  const length = sentence.end - sentence.start;
  return length >= MIN_QUOTE && length <= MAX_QUOTE ? sentence : undefined;
}

/** A run of whole words starting at a random place, 20 to 300 characters long. */
function pickPhrase(text: string, random: Random): TextRange | undefined {
  let start = random.int(0, text.length - MIN_QUOTE);
  while (start < text.length && !isWordStart(text, start)) start++;
  let end = Math.min(text.length, start + random.int(MIN_QUOTE, MAX_QUOTE));
  while (end > start && !isWordEnd(text, end)) end--;
  return end - start >= MIN_QUOTE ? { start, end } : undefined;
}

function isWordStart(text: string, at: number): boolean {
  return !isWhite(text.charCodeAt(at)) && (at === 0 || isWhite(text.charCodeAt(at - 1)));
}

function isWordEnd(text: string, at: number): boolean {
  return !isWhite(text.charCodeAt(at - 1)) && (at === text.length || isWhite(text.charCodeAt(at)));
}

/**
 * What a sidecar writer gives a quote: nothing when it occurs once (after
 * normalization), otherwise the shortest prefix and suffix (in steps of
 * `options.context`) that no other occurrence (`copies`, normalized) also has in
 * full, so the true occurrence is the only one whose surroundings agree with both.
 * Undefined when even `options.maxContext` does not tell them apart.
 */
function disambiguate(
  text: string,
  normalized: NormalizedText,
  truth: TextRange,
  copies: readonly TextRange[],
  options: ClaimOptions,
): { prefix?: string; suffix?: string } | undefined {
  if (copies.length === 1) return {};
  const at = normalized.at(truth.start);
  const hay = normalized.text;
  for (let size = options.context; size <= options.maxContext; size += options.context) {
    const prefix = text.slice(Math.max(0, truth.start - size), truth.start);
    const suffix = text.slice(truth.end, truth.end + size);
    const before = normalize(prefix);
    const after = normalize(suffix);
    const alike = copies.filter(
      (copy) =>
        copy.start !== at &&
        hay.slice(copy.start - before.length, copy.start) === before &&
        hay.slice(copy.end, copy.end + after.length) === after,
    );
    if (alike.length === 0) return { prefix, suffix };
  }
  return undefined;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function isLetter(char: string | undefined): boolean {
  return char !== undefined && /^[A-Za-z]$/.test(char);
}

/**
 * Substitutes, inserts or deletes 1 to 3 letters inside words, so the quote drifts
 * without changing its white space (its normalized distance is at most `edits`).
 */
export function editQuote(quote: string, random: Random): { text: string; edits: number } | undefined {
  const edits = random.int(1, 3);
  let text = quote;
  for (let i = 0; i < edits; i++) {
    const letters = [...text].flatMap((char, at) => (isLetter(char) ? [at] : []));
    if (letters.length === 0) return undefined;
    const at = random.pick(letters);
    const letter = random.pick([...LETTERS].filter((l) => l !== text[at].toLowerCase()));
    const op = random.int(0, 2);
    if (op === 0) {
      text = text.slice(0, at) + letter + text.slice(at + 1);
    } else if (op === 1) {
      text = text.slice(0, at) + letter + text.slice(at);
    } else if (isLetter(text[at - 1]) && isLetter(text[at + 1])) {
      text = text.slice(0, at) + text.slice(at + 1);
    } else {
      return undefined;
    }
  }
  return { text, edits };
}

/**
 * True when the closest approximate matches of the edited quote are all at places
 * where the original quote occurs (`copies`), one of them the true one, none of them exact:
 * the claim must anchor fuzzily, and only prefix/suffix decide among the copies.
 */
function onlyNearTruth(
  edit: { text: string; edits: number },
  truth: TextRange,
  copies: readonly TextRange[],
  normalized: NormalizedText,
): boolean {
  const matches = closestMatches(normalized.text, normalize(edit.text), edit.edits);
  const truthThere = { start: normalized.at(truth.start), end: normalized.at(truth.end) };
  return (
    matches.length > 0 &&
    matches.every((m) => m.errors > 0 && copies.some((copy) => samePlace(m, copy))) &&
    matches.some((m) => samePlace(m, truthThere))
  );
}

/**
 * Words of the article in a random order, 20 to 300 characters, kept only if no
 * text is within the fuzzy cutoff of it: it must be orphaned.
 */
function makeAbsent(words: readonly string[], normalized: NormalizedText, random: Random): BenchClaim | undefined {
  const length = random.int(MIN_QUOTE, MAX_QUOTE);
  let quote = random.pick(words);
  while (quote.length < length) quote += ' ' + random.pick(words);
  if (quote.length > MAX_QUOTE) return undefined;
  if (closestMatches(normalized.text, quote, fuzzyCutoff(quote.length)).length > 0) return undefined;
  return { kind: 'absent', target: { quote }, edits: 0 };
}

/**
 * Indices of `size` claims with the same mix of kinds as `claims` (claims are in a
 * random order, so the first of each kind are a random sample of it).
 */
export function stratifiedSample(claims: readonly BenchClaim[], size: number): number[] {
  const byKind = new Map<ClaimKind, number[]>();
  claims.forEach((claim, i) => {
    const indices = byKind.get(claim.kind) ?? [];
    indices.push(i);
    byKind.set(claim.kind, indices);
  });
  const picked: number[] = [];
  for (const indices of byKind.values()) {
    picked.push(...indices.slice(0, Math.max(1, Math.round((indices.length * size) / claims.length))));
  }
  return picked.sort((a, b) => a - b);
}
