/**
 * Anchors kept up to date while the article is edited, without re-anchoring every
 * claim per keystroke. After any sequence of changes, `anchors` equals
 * `anchorClaims(currentText, targets)` exactly (kind, range, ambiguity, distance).
 *
 * State: the article with its normalized form (`NormalizedText`, edited in place);
 * for every distinct normalized quote, and for the pieces of its first fuzzy levels,
 * all their normalized occurrences; for claims with no occurrence, their fuzzy
 * candidates.
 *
 * An edit changes the normalized text only in [nlo, nhi). A claim's result depends on
 * its occurrences (each decided by its own characters and its neighbours, which
 * decide whether it splits a surrogate pair), on the text around them that prefix and
 * suffix compare (at most their length + 1 normalized characters away), and, for a
 * fuzzy or orphaned claim, on every approximate match within its current distance.
 * So per edit:
 * 1. occurrences starting within `reach` (longest quote + longest prefix/suffix + 2)
 *    of the changed stretch are dropped and found again with one windowed
 *    multi-pattern scan; those further away only shift. Claims whose occurrences
 *    changed are chosen again (cheap: their own occurrences only).
 * 2. a claim left without occurrences is searched fuzzily, level by level
 *    (`fuzzySearchMany`): the first levels from their pieces' kept occurrences, the
 *    whole text only for the levels after.
 * 3. a fuzzy or orphaned claim is searched again only if one of its best candidates
 *    (or the text its prefix/suffix compare) was touched, or if its pieces
 *    (indexed by their first four characters) occur near the edit and verify to a
 *    match within its current distance that touches the change.
 * Everything else keeps its anchor, shifted if it lies after the edit.
 */
import {
  chooseFuzzy,
  chooseOccurrence,
  fuzzySearchMany,
  prepareTarget,
  toOccurrences,
  type PreparedTarget,
} from './anchor';
import { FuzzyQuote, fuzzyLevels, fuzzyPieces, type FuzzyMatch } from './fuzzy';
import { MultiSearch } from './multiSearch';
import { NormalizedText, type NormalizedChange } from './normalize';
import type { Anchor, AnchorTarget } from './types';

/** One change as VS Code reports it (`TextDocumentContentChangeEvent`). */
export interface ContentChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/** A fuzzy or orphaned claim: its best candidates (normalized offsets) and the distance they have. */
interface FuzzyState {
  cands: FuzzyMatch[];
  /** The distance a new candidate must not exceed to matter: the best's, or the cutoff. */
  threshold: number;
  /** The pieces of the quote for `threshold` (`fuzzyPieces`), indexed while fuzzy. */
  pieces: string[];
  /** Piece index keys registered for this claim, to unregister them. */
  keys: number[];
  /** How far before / after a change a piece of a match that matters can start. */
  before: number;
  after: number;
}

/**
 * Pieces are indexed by their first HEAD code units. Four: a piece is about a fifth
 * of its quote at the cutoff, so at least 4 long for quotes of 20 or more, and a
 * 4-gram head names far fewer pieces than a 3-gram one (" th" heads hundreds).
 */
const HEAD = 4;

/** How many of a claim's first fuzzy levels have their pieces' occurrences kept. */
const TRACKED_ROUNDS = 2;
/** Pieces shorter than this are not tracked: a short one occurs too often to be worth it. */
const MIN_PIECE = 8;

export class LiveAnchors {
  private readonly nt: NormalizedText;
  private readonly targets: PreparedTarget[];
  /** Distinct normalized quotes, and for each claim its quote's index (-1: empty). */
  private readonly matcher: MultiSearch;
  private readonly patternOf: number[];
  private readonly claimsOf: number[][];
  /**
   * Per claim, the pattern ids of the pieces of its first fuzzy levels
   * (`fuzzyPieces(norm, level)`, one list per level, up to TRACKED_ROUNDS), whose
   * occurrences are kept like the quotes' so that those levels of a fuzzy search
   * (distance 1, what a keystroke in an exact quote leaves, then 3) read no more than
   * them. Stops at the first level with a piece too short to track.
   */
  private readonly trackedOf: number[][][];
  /** Per distinct quote or tracked piece: normalized starts of all its occurrences. */
  private readonly occurrences: OccurrenceTable;
  private readonly current: Anchor[];
  private readonly fuzzy: (FuzzyState | undefined)[];
  /** The claims that have a FuzzyState (no valid occurrence). */
  private readonly fuzzyClaims = new Set<number>();
  private readonly quotes = new Map<number, FuzzyQuote>();
  /** Pieces of fuzzy/orphaned claims, by the key of their first HEAD code units. */
  private readonly pieceIndex = new Map<number, { claim: number; piece: number }[]>();
  /** Pieces shorter than HEAD code units: (claim, piece). */
  private readonly tinyPieces: { claim: number; piece: number }[] = [];
  private readonly reach: number;
  /** `fuzzyReach()`, cached until a claim's fuzzy state changes. */
  private fuzzyReachCache: number | undefined;

  constructor(article: string, targets: readonly AnchorTarget[]) {
    this.nt = NormalizedText.from(article);
    this.targets = targets.map(prepareTarget);
    const ids = new Map<string, number>();
    const distinct: string[] = [];
    this.claimsOf = [];
    const idOf = (pattern: string): number => {
      let id = ids.get(pattern);
      if (id === undefined) {
        ids.set(pattern, (id = distinct.length));
        distinct.push(pattern);
        this.claimsOf.push([]);
      }
      return id;
    };
    this.patternOf = this.targets.map((t, claim) => {
      if (t.norm === '') return -1;
      const id = idOf(t.norm);
      this.claimsOf[id]!.push(claim);
      return id;
    });
    // The pieces are tracked after the quotes, so a quote's id does not depend on them.
    this.trackedOf = this.patternOf.map((p, claim) => {
      const t = this.targets[claim]!;
      if (p === -1 || t.cutoff === 0) return [];
      const rounds: number[][] = [];
      for (const level of fuzzyLevels(t.cutoff).slice(0, TRACKED_ROUNDS)) {
        const pieces = fuzzyPieces(t.norm, level);
        if (pieces.some((piece) => piece.length < MIN_PIECE)) break;
        rounds.push(pieces.map(idOf));
      }
      return rounds;
    });
    this.matcher = new MultiSearch(distinct);
    this.occurrences = new OccurrenceTable(this.matcher.findAll(this.nt.norm));
    let reach = 0;
    for (const t of this.targets) reach = Math.max(reach, t.norm.length + Math.max(t.prefix.length, t.suffix.length) + 2);
    this.reach = reach;

    this.current = this.targets.map(() => ({ kind: 'orphaned', ambiguous: false }));
    this.fuzzy = this.targets.map(() => undefined);
    const unanchored: number[] = [];
    this.targets.forEach((_, claim) => {
      if (!this.chooseFromOccurrences(claim)) unanchored.push(claim);
    });
    const found = fuzzySearchMany(
      this.nt.norm,
      unanchored.map((claim) => this.targets[claim]!),
      (n) => this.quote(unanchored[n]!),
    );
    unanchored.forEach((claim, n) => this.setFuzzy(claim, found[n]!));
  }

  /**
   * The current anchors, one per target, in order. The objects are updated in place
   * by later changes (shifting thousands of anchors per keystroke must not allocate):
   * copy one to keep it.
   */
  get anchors(): readonly Anchor[] {
    return this.current;
  }

  get text(): string {
    return this.nt.text;
  }

  /** Applies one content change's edits in the order given, each against the text the previous one left. */
  applyChanges(changes: readonly ContentChange[]): void {
    for (const c of changes) this.apply(c.rangeOffset, c.rangeOffset + c.rangeLength, c.text);
  }

  private apply(start: number, end: number, insert: string): void {
    const change = this.nt.replace(start, end, insert);
    const norm = this.nt.norm;
    const normDelta = change.nhiNew - change.nhiOld;
    const origDelta = change.hiNew - change.hiOld;
    const research = new Set<number>();

    // Fuzzy claims whose best candidates (or the text their prefix/suffix read) the
    // change touched, in the old offsets.
    for (const claim of this.fuzzyClaims) {
      if (this.fuzzy[claim]!.cands.some((c) => this.touches(claim, c, change.nlo, change.nhiOld))) research.add(claim);
    }

    // Occurrences near the change are found again; the rest shift.
    const dropFrom = change.nlo - this.reach;
    const found: [number, number][] = [];
    this.matcher.scan(norm, (p, s) => found.push([p, s]), Math.max(0, dropFrom), change.nhiNew + this.reach);
    const dirty = this.occurrences.edit(dropFrom, change.nhiOld + this.reach, normDelta, found);

    // Everything after the change shifts.
    if (origDelta !== 0) {
      for (const a of this.current) {
        if (a.kind !== 'orphaned' && a.start >= change.hiOld) {
          a.start += origDelta;
          a.end += origDelta;
        }
      }
    }
    if (normDelta !== 0) {
      for (const claim of this.fuzzyClaims) {
        for (const c of this.fuzzy[claim]!.cands) if (c.start >= change.nhiOld) shift(c, normDelta);
      }
    }

    // Claims whose occurrences changed choose again; those left without any search.
    for (const p of dirty) {
      for (const claim of this.claimsOf[p]!) {
        const hadOccurrences = this.fuzzy[claim] === undefined;
        if (this.chooseFromOccurrences(claim)) research.delete(claim);
        else if (hadOccurrences) research.add(claim);
      }
    }
    for (const claim of this.newMatches(change)) research.add(claim);
    for (const claim of research) this.setFuzzy(claim, this.search(claim));
  }

  /**
   * The claim's fuzzy candidates, as `fuzzySearchMany` finds them: its first levels
   * from the tracked pieces' occurrences, the whole text only for the levels after.
   */
  private search(claim: number): FuzzyMatch[] {
    const t = this.targets[claim]!;
    const levels = fuzzyLevels(t.cutoff);
    const tracked = this.trackedOf[claim]!;
    for (let round = 0; round < tracked.length; round++) {
      const lists = tracked[round]!.map((p) => this.occurrences.of(p));
      const found = this.quote(claim).verify(this.nt.norm, levels[round]!, lists);
      if (found.length > 0 || round === levels.length - 1) return found;
    }
    return fuzzySearchMany(this.nt.norm, [t], () => this.quote(claim), tracked.length)[0]!;
  }

  /**
   * Whether candidate c of a claim, or the text its prefix and suffix read, reaches
   * into the normalized stretch [from, to).
   */
  private touches(claim: number, c: FuzzyMatch, from: number, to: number): boolean {
    const t = this.targets[claim]!;
    return c.start - t.prefix.length - 2 < to && c.end + t.suffix.length + 2 > from;
  }

  /**
   * Anchors `claim` among its occurrences, if it has any valid one (then it is no
   * longer fuzzy). False when it has none.
   */
  private chooseFromOccurrences(claim: number): boolean {
    const p = this.patternOf[claim]!;
    if (p === -1) return false;
    const t = this.targets[claim]!;
    const occs = toOccurrences(this.nt, t, this.occurrences.of(p));
    if (occs.length === 0) return false;
    this.current[claim] = chooseOccurrence(this.nt.text, t, occs);
    this.unregister(claim);
    this.fuzzy[claim] = undefined;
    this.fuzzyClaims.delete(claim);
    return true;
  }

  private quote(claim: number): FuzzyQuote {
    let fq = this.quotes.get(claim);
    if (!fq) this.quotes.set(claim, (fq = new FuzzyQuote(this.targets[claim]!.norm)));
    return fq;
  }

  /** Records a fuzzy search's result and indexes the pieces that could beat it. */
  private setFuzzy(claim: number, cands: FuzzyMatch[]): void {
    const t = this.targets[claim]!;
    this.current[claim] = chooseFuzzy(this.nt, t, cands);
    this.unregister(claim);
    if (t.cutoff === 0) {
      this.fuzzy[claim] = { cands: [], threshold: 0, pieces: [], keys: [], before: 0, after: 0 };
      this.fuzzyClaims.add(claim);
      return;
    }
    const threshold = cands.length > 0 ? cands[0]!.distance : t.cutoff;
    const span = t.norm.length + threshold + 2;
    const state: FuzzyState = {
      cands,
      threshold,
      pieces: fuzzyPieces(t.norm, threshold),
      keys: [],
      before: span + t.suffix.length,
      after: span + t.prefix.length,
    };
    state.pieces.forEach((piece, i) => {
      const entry = { claim, piece: i };
      if (piece.length < HEAD) {
        this.tinyPieces.push(entry);
        return;
      }
      const key = headKey(piece, 0);
      state.keys.push(key);
      let list = this.pieceIndex.get(key);
      if (!list) this.pieceIndex.set(key, (list = []));
      list.push(entry);
    });
    this.fuzzy[claim] = state;
    this.fuzzyClaims.add(claim);
    this.fuzzyReachCache = undefined;
  }

  private unregister(claim: number): void {
    const state = this.fuzzy[claim];
    if (!state) return;
    this.fuzzyReachCache = undefined;
    for (const key of state.keys) {
      const list = this.pieceIndex.get(key);
      if (!list) continue; // two pieces with the same head: already removed
      const kept = list.filter((e) => e.claim !== claim);
      if (kept.length > 0) this.pieceIndex.set(key, kept);
      else this.pieceIndex.delete(key);
    }
    if (this.tinyPieces.some((e) => e.claim === claim)) {
      const kept = this.tinyPieces.filter((e) => e.claim !== claim);
      this.tinyPieces.length = 0;
      this.tinyPieces.push(...kept);
    }
    state.keys = [];
    state.pieces = [];
  }

  /**
   * Fuzzy and orphaned claims with a match within their threshold that touches the
   * change (new offsets): found from their pieces' occurrences near it.
   */
  private newMatches(change: NormalizedChange): number[] {
    const norm = this.nt.norm;
    const hits = new Map<number, number[][]>();
    const record = (claim: number, piece: number, at: number): void => {
      // Most chance hits of a short piece fail the hierarchical check at once.
      if (!this.quote(claim).plausible(norm, this.fuzzy[claim]!.threshold, piece, at)) return;
      let perPiece = hits.get(claim);
      if (!perPiece) hits.set(claim, (perPiece = this.fuzzy[claim]!.pieces.map(() => [])));
      perPiece[piece]!.push(at);
    };
    // Piece starts that could belong to a match touching the change (or the text
    // its prefix/suffix read): within quote + threshold + prefix/suffix of it.
    const margin = this.fuzzyReach();
    const from = Math.max(0, change.nlo - margin);
    const to = Math.min(norm.length, change.nhiNew + margin);
    if (this.pieceIndex.size > 0) {
      for (let i = from; i < to && i + HEAD <= norm.length; i++) {
        const list = this.pieceIndex.get(headKey(norm, i));
        if (!list) continue;
        for (const { claim, piece } of list) {
          if (this.mayTouch(claim, i, change) && norm.startsWith(this.fuzzy[claim]!.pieces[piece]!, i)) {
            record(claim, piece, i);
          }
        }
      }
    }
    // A window of the text, so a rare tiny piece is not looked for all the way to its end.
    const window = this.tinyPieces.length > 0 ? norm.slice(from, to + HEAD) : '';
    for (const { claim, piece } of this.tinyPieces) {
      const text = this.fuzzy[claim]!.pieces[piece]!;
      for (let i = window.indexOf(text); i !== -1 && from + i < to; i = window.indexOf(text, i + 1)) {
        if (this.mayTouch(claim, from + i, change)) record(claim, piece, from + i);
      }
    }
    const out: number[] = [];
    for (const [claim, perPiece] of hits) {
      const state = this.fuzzy[claim]!;
      const cands = this.quote(claim).verify(norm, state.threshold, perPiece);
      if (cands.some((c) => this.touches(claim, c, change.nlo, change.nhiNew))) out.push(claim);
    }
    return out;
  }

  /**
   * Whether a piece of the claim found at `at` can belong to a match (at most quote
   * + threshold long) that touches the change or the text its prefix/suffix read.
   */
  private mayTouch(claim: number, at: number, change: NormalizedChange): boolean {
    const state = this.fuzzy[claim]!;
    return at > change.nlo - state.before && at < change.nhiNew + state.after;
  }

  /** How far from a change a piece of a fuzzy or orphaned claim's match can start. */
  private fuzzyReach(): number {
    if (this.fuzzyReachCache !== undefined) return this.fuzzyReachCache;
    let reach = 0;
    for (const claim of this.fuzzyClaims) {
      const state = this.fuzzy[claim]!;
      if (state.pieces.length > 0) reach = Math.max(reach, state.before, state.after);
    }
    return (this.fuzzyReachCache = reach);
  }
}

/**
 * Every pattern's occurrences (normalized starts), in one array, pattern after
 * pattern, each ascending. An edit rewrites it in one pass (dropping the occurrences
 * near the change, shifting those after it, merging in the ones found again): one
 * list per pattern cost a binary search and a splice for each of tens of thousands.
 */
class OccurrenceTable {
  private starts: Int32Array;
  private spare: Int32Array;
  /** Pattern p's occurrences are starts[bounds[p]] .. starts[bounds[p + 1] - 1]. */
  private readonly bounds: Int32Array;

  constructor(lists: readonly (readonly number[])[]) {
    this.bounds = new Int32Array(lists.length + 1);
    let n = 0;
    lists.forEach((list, p) => {
      this.bounds[p] = n;
      n += list.length;
    });
    this.bounds[lists.length] = n;
    this.starts = new Int32Array(Math.max(16, n));
    this.spare = new Int32Array(this.starts.length);
    lists.forEach((list, p) => this.starts.set(list, this.bounds[p]!));
  }

  /** Pattern p's occurrences, ascending: a view, valid until the next edit. */
  of(p: number): Int32Array {
    return this.starts.subarray(this.bounds[p]!, this.bounds[p + 1]!);
  }

  /**
   * An edit: occurrences starting in [from, to) (old offsets) are dropped, those from
   * `to` on move by `delta`, and `found` ([pattern, start] in the new offsets, each
   * start in [from, to + delta)) are added. Returns the patterns that lost or gained one.
   */
  edit(from: number, to: number, delta: number, found: [number, number][]): Set<number> {
    const dirty = new Set<number>();
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const patterns = this.bounds.length - 1;
    const need = this.bounds[patterns]! + found.length;
    if (this.spare.length < need) this.spare = new Int32Array(need + (need >> 1));
    const src = this.starts;
    const out = this.spare;
    let w = 0;
    let f = 0;
    for (let p = 0; p < patterns; p++) {
      let i = this.bounds[p]!;
      const end = this.bounds[p + 1]!;
      this.bounds[p] = w;
      for (; i < end && src[i]! < from; i++) out[w++] = src[i]!;
      for (; i < end && src[i]! < to; i++) dirty.add(p);
      for (; f < found.length && found[f]![0] === p; f++) {
        out[w++] = found[f]![1];
        dirty.add(p);
      }
      for (; i < end; i++) out[w++] = src[i]! + delta;
    }
    this.bounds[patterns] = w;
    this.spare = src;
    this.starts = out;
    return dirty;
  }
}

function shift(c: FuzzyMatch, delta: number): void {
  c.start += delta;
  c.end += delta;
}

/**
 * A small-integer hash of the HEAD code units of `s` at `i` (a map key that V8 keeps
 * unboxed; collisions only cost a `startsWith`).
 */
function headKey(s: string, i: number): number {
  return (((s.charCodeAt(i) * 31 + s.charCodeAt(i + 1)) * 31 + s.charCodeAt(i + 2)) * 31 + s.charCodeAt(i + 3)) & 0x3fffffff;
}
