/**
 * Anchors kept up to date while the article is edited, without re-anchoring every
 * claim per keystroke. After any sequence of changes, `anchors` equals
 * `anchorClaims(currentText, targets)` exactly (kind, range, ambiguity, distance).
 *
 * State: the article and its normalized form in chunks (`NormalizedText` over
 * `ChunkedText`: an edit copies one chunk, never the whole text); for every distinct
 * normalized quote, and for the pieces of its first fuzzy levels, all their
 * normalized occurrences, in buckets along the text (`OccurrenceIndex`); anchor
 * ranges in typed arrays; for fuzzy claims, the stretches their best candidates and
 * the text their prefix/suffix compare cover; for fuzzy and orphaned claims, the
 * pieces that could reveal a better match (`HeadIndex`).
 *
 * An edit changes the normalized text only in [nlo, nhi). A claim's result depends on
 * its occurrences (each decided by its own characters and its neighbours, which
 * decide whether it splits a surrogate pair), on the text around them that prefix and
 * suffix compare (at most their length + 1 normalized characters away), and, for a
 * fuzzy or orphaned claim, on every approximate match within its current distance.
 * So per edit:
 * 1. occurrences that could overlap the change (starting at most one quote length
 *    before it) are dropped and found again in a copy of that stretch; the others
 *    only move. Claims with an occurrence whose quote, prefix or suffix the change
 *    reaches are chosen again (cheap: their own occurrences only).
 * 2. a claim left without occurrences is searched fuzzily: the first levels from
 *    their pieces' kept occurrences, then a level with long pieces, the whole text
 *    with the cutoff's pieces only when that finds nothing.
 * 3. a fuzzy claim is searched again only if a stretch of its best candidates was
 *    touched; a fuzzy or orphaned claim also if its pieces occur near the edit and
 *    verify to a match within its current distance that overlaps the change (an
 *    orphan then takes those matches: it had none anywhere else).
 * Everything else keeps its anchor, moved if it lies after the edit.
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
import { lastAtMost } from './chunkedText';
import { HeadIndex, type StartWindow } from './headIndex';
import { NormalizedText, type NormalizedChange } from './normalize';
import type { Anchor, AnchorTarget } from './types';

/** One change as VS Code reports it (`TextDocumentContentChangeEvent`). */
export interface ContentChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/** A fuzzy or orphaned claim: what can change its anchor, and how to notice. */
interface FuzzyState {
  /** The distance a new candidate must not exceed to matter: the best's, or the cutoff. */
  threshold: number;
  /** The pieces of the quote for `threshold` (`fuzzyPieces`), indexed while fuzzy. */
  pieces: string[];
  /** The ids its pieces have in `pieceIndex` (one per piece), to unregister them. */
  ids: number[];
  /** Where each piece starts in the quote. */
  offsets: number[];
}

/** How many of a claim's first fuzzy levels have their pieces' occurrences kept. */
const TRACKED_ROUNDS = 2;
/** Pieces shorter than this are not tracked: a short one occurs too often to be worth it. */
const MIN_PIECE = 8;

export class LiveAnchors {
  private readonly nt: NormalizedText;
  private readonly targets: PreparedTarget[];
  /** Distinct normalized quotes and their tracked pieces (ids: their index), looked for around each edit; for each claim its quote's index (-1: empty). */
  private readonly matcher = new HeadIndex();
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
  private readonly occurrences: OccurrenceIndex;
  /** The longest distinct quote or tracked piece. */
  private readonly longest: number;
  private readonly current: Anchor[];
  /**
   * Where each anchor lies (original offsets; -1: orphaned). An anchor object reads
   * its range from here, so shifting every anchor after an edit is one pass over two
   * typed arrays instead of a write to thousands of objects scattered in memory.
   */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /**
   * Per fuzzy claim, each best candidate widened by what its prefix and suffix
   * compare: an edit that touches one searches the claim again.
   */
  private readonly spans = new SpanSet();
  /** Per claim, while it has no valid occurrence (fuzzy or orphaned): what can change its anchor. */
  private readonly fuzzy: (FuzzyState | undefined)[];
  /** Claims whose quote is 1 or 2 characters (`PreparedTarget.short`). */
  private readonly shortClaims: number[];
  private readonly quotes = new Map<number, FuzzyQuote>();
  /** The pieces of fuzzy and orphaned claims; an id names a claim (`pieceClaim`) and its piece. */
  private readonly pieceIndex = new HeadIndex();
  private readonly pieceClaim: number[] = [];
  private readonly pieceOf: number[] = [];
  /** Per id, the hierarchical check of its hits (`FuzzyQuote.pieceCheck`). */
  private readonly pieceCheck: ((text: string, at: number) => boolean)[] = [];
  /** Ids of `pieceIndex` no longer in use. */
  private readonly freeIds: number[] = [];
  /** `fuzzyReach()`, cached until a claim's fuzzy state changes. */
  private fuzzyReachCache: number | undefined;

  constructor(article: string, targets: readonly AnchorTarget[], layout: Layout = {}) {
    this.nt = NormalizedText.from(article, layout.chunkSize);
    this.targets = targets.map(prepareTarget);
    const ids = new Map<string, number>();
    // The distinct quotes, then the tracked pieces of each distinct quote; ids are indices.
    const patterns: string[] = [];
    this.claimsOf = [];
    const newId = (pattern: string): number => {
      patterns.push(pattern);
      this.claimsOf.push([]);
      return patterns.length - 1;
    };
    const idOf = (pattern: string): number => {
      let id = ids.get(pattern);
      if (id === undefined) ids.set(pattern, (id = newId(pattern)));
      return id;
    };
    this.patternOf = this.targets.map((t, claim) => {
      if (t.norm === '') return -1;
      const id = idOf(t.norm);
      this.claimsOf[id]!.push(claim);
      return id;
    });
    // The pieces are tracked after the quotes, so a quote's id does not depend on them.
    // They are cut once per distinct quote, and each gets an id of its own without a
    // lookup: a map of tens of thousands of fresh strings cost about 1 µs a piece, and a
    // piece equal to another quote's piece or to a quote (rare) is only looked for
    // twice, each id keeping the same occurrences.
    // Per quote id, its rounds of piece ids (shared by the claims that quote it; only read).
    const piecesOf: (number[][] | undefined)[] = [];
    this.trackedOf = this.patternOf.map((p, claim) => {
      const t = this.targets[claim]!;
      if (p === -1 || t.cutoff === 0) return [];
      let rounds = piecesOf[p];
      if (rounds) return rounds;
      rounds = [];
      for (const level of fuzzyLevels(t.cutoff).slice(0, TRACKED_ROUNDS)) {
        const pieces = fuzzyPieces(t.norm, level);
        if (pieces.some((piece) => piece.length < MIN_PIECE)) break;
        rounds.push(pieces.map(newId));
      }
      piecesOf[p] = rounds;
      return rounds;
    });
    // Only an occurrence that overlaps a change can appear: one that starts after
    // lo - its length and before hi.
    patterns.forEach((pattern, id) => this.matcher.add(id, pattern, { before: -pattern.length, after: 0 }));
    // How far before and after an occurrence of each quote the claims that have it
    // read (prefix and suffix, and a neighbour that decides a surrogate pair); a
    // tracked piece that no claim quotes reads nothing.
    const reads = { before: new Int32Array(patterns.length).fill(-1), after: new Int32Array(patterns.length).fill(-1) };
    this.patternOf.forEach((p, claim) => {
      if (p === -1) return;
      const t = this.targets[claim]!;
      reads.before[p] = Math.max(reads.before[p]!, t.prefix.length + 2);
      reads.after[p] = Math.max(reads.after[p]!, t.norm.length + t.suffix.length + 2);
    });
    const everywhere = patterns.length > 0 ? new MultiSearch(patterns).findAll(this.nt.norm) : [];
    const lengths = Int32Array.from(patterns, (pattern) => pattern.length);
    this.occurrences = new OccurrenceIndex(everywhere, this.nt.normLength, lengths, reads, layout.bucketSize);
    this.longest = patterns.reduce((n, p) => Math.max(n, p.length), 0);

    this.current = this.targets.map(() => ({ kind: 'orphaned', ambiguous: false }));
    this.starts = new Int32Array(this.targets.length).fill(-1);
    this.ends = new Int32Array(this.targets.length).fill(-1);
    this.fuzzy = this.targets.map(() => undefined);
    this.shortClaims = this.targets.flatMap((t, claim) => (t.short ? [claim] : []));
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
   * The current anchors, one per target, in order. An anchor's `start` and `end`
   * follow later changes (they read the offsets this object keeps): copy one, e.g.
   * with `{ ...anchor }`, to keep it as it is.
   */
  get anchors(): readonly Anchor[] {
    return this.current;
  }

  /**
   * The current anchors as plain objects, a copy that later changes leave alone (what
   * `{ ...anchor }` of each would give, without reading every range through its
   * accessors: a tenth of the time for thousands of claims).
   */
  snapshot(): Anchor[] {
    const { starts, ends } = this;
    return this.current.map((a, claim) =>
      a.kind === 'orphaned'
        ? { kind: 'orphaned', ambiguous: a.ambiguous }
        : { kind: a.kind, ambiguous: a.ambiguous, start: starts[claim]!, end: ends[claim]!, distance: a.distance },
    );
  }

  /** The article as edited so far (built whole on each call after an edit: prefer `length`). */
  get text(): string {
    return this.nt.text;
  }

  get length(): number {
    return this.nt.original.length;
  }

  /** Whether the article as edited so far is `text` (compared chunk by chunk, without building the `text` getter's string). */
  isText(text: string): boolean {
    return this.nt.isText(text);
  }

  /** Applies one content change's edits in the order given, each against the text the previous one left. */
  applyChanges(changes: readonly ContentChange[]): void {
    for (const c of changes) this.apply(c.rangeOffset, c.rangeOffset + c.rangeLength, c.text);
  }

  private apply(start: number, end: number, insert: string): void {
    const change = this.nt.replace(start, end, insert);
    const normDelta = change.nhiNew - change.nhiOld;
    const origDelta = change.hiNew - change.hiOld;
    const research = new Set<number>();

    // Fuzzy claims whose best candidates (or the text their prefix/suffix read) the
    // change touched, in the old offsets; those after it move.
    this.spans.edit(change.nlo, change.nhiOld, normDelta, (claim) => research.add(claim));

    // Occurrences that overlap the change are found again (in a copy of just that
    // stretch); the rest shift. Only those can appear or vanish: they start at most
    // `longest` before it. Those further away within `reach` keep existing, but
    // their claims choose again (the text their prefix and suffix compare changed).
    const from = Math.max(0, change.nlo - this.longest + 1);
    const stretch = this.nt.normalized.slice(from, change.nhiNew + this.longest - 1);
    const found: [number, number][] = [];
    this.matcher.scan(stretch, 0, change.nhiNew - from, (p, s) => found.push([p, from + s]), {
      lo: change.nlo - from,
      hi: change.nhiNew - from,
    });
    const dirty = this.occurrences.edit(change, found);

    // Every anchor after the change moves.
    if (origDelta !== 0) {
      const { starts, ends } = this;
      for (let claim = 0; claim < starts.length; claim++) {
        if (starts[claim]! >= change.hiOld) {
          starts[claim]! += origDelta;
          ends[claim]! += origDelta;
        }
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
    for (const [claim, cands] of this.newMatches(change)) {
      // An orphan had no match within its cutoff anywhere, so every one it has now
      // overlaps the change, and all of those were just verified: they are the answer.
      if (this.current[claim]!.kind === 'orphaned' && !research.has(claim)) this.setFuzzy(claim, cands);
      else research.add(claim);
    }
    // A quote of 1 or 2 characters without an occurrence matches nearly any character:
    // any edit can make a candidate as good as its own, so it is searched again.
    for (const claim of this.shortClaims) if (this.fuzzy[claim] !== undefined) research.add(claim);
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
      const found = this.quote(claim).verify(this.nt.normalized, levels[round]!, lists);
      if (found.length > 0 || round === levels.length - 1) return found;
    }
    // A claim an edit pushed just past the tracked levels (a drift of 3 now 4) is
    // looked for with pieces twice as long as the cutoff's first: they are rare, so
    // a pass over the text finds it in milliseconds, where the cutoff's many short
    // pieces take tens. Level t finds every candidate within t, and none was within
    // the last tracked level, so what it finds is the best.
    const norm = this.nt.norm;
    const mid = 2 * (levels[tracked.length - 1] ?? 0) + 1;
    if (tracked.length > 0 && mid < levels[tracked.length]!) {
      const pieces = fuzzyPieces(t.norm, mid);
      const found = this.quote(claim).verify(norm, mid, new MultiSearch(pieces).findAll(norm));
      if (found.length > 0) return found;
    }
    return fuzzySearchMany(norm, [t], () => this.quote(claim), tracked.length)[0]!;
  }

  /** The normalized stretch candidate c of a claim and the text its prefix and suffix read cover. */
  private span(claim: number, c: FuzzyMatch): [number, number] {
    const t = this.targets[claim]!;
    return [c.start - t.prefix.length - 2, c.end + t.suffix.length + 2];
  }

  /** Whether candidate c of a claim (`span`) reaches into the normalized stretch [from, to). */
  private touches(claim: number, c: FuzzyMatch, from: number, to: number): boolean {
    const [start, end] = this.span(claim, c);
    return start < to && end > from;
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
    this.place(claim, chooseOccurrence(this.nt.original, t, occs));
    this.unregister(claim);
    this.fuzzy[claim] = undefined;
    this.spans.set(claim, []);
    return true;
  }

  /** Makes `anchor` the claim's current one, its range kept in `starts`/`ends`. */
  private place(claim: number, anchor: Anchor): void {
    if (anchor.kind === 'orphaned') {
      this.starts[claim] = -1;
      this.ends[claim] = -1;
      this.current[claim] = anchor;
      return;
    }
    this.starts[claim] = anchor.start;
    this.ends[claim] = anchor.end;
    const current = this.current[claim]!;
    if (current.kind !== 'orphaned') {
      // Already a view of this claim's range: only what is not a range changes.
      const view = current as { kind: Anchor['kind']; ambiguous: boolean; distance: number };
      view.kind = anchor.kind;
      view.ambiguous = anchor.ambiguous;
      view.distance = anchor.distance;
      return;
    }
    const { starts, ends } = this;
    const view = { kind: anchor.kind, ambiguous: anchor.ambiguous };
    // In the order anchorClaims gives its anchors (JSON of the two must be equal).
    Object.defineProperties(view, {
      start: { get: () => starts[claim]!, enumerable: true },
      end: { get: () => ends[claim]!, enumerable: true },
      distance: { value: anchor.distance, enumerable: true, writable: true },
    });
    this.current[claim] = view as Anchor;
  }

  private quote(claim: number): FuzzyQuote {
    let fq = this.quotes.get(claim);
    if (!fq) this.quotes.set(claim, (fq = new FuzzyQuote(this.targets[claim]!.norm)));
    return fq;
  }

  /** Records a fuzzy search's result and indexes the pieces that could beat it. */
  private setFuzzy(claim: number, cands: FuzzyMatch[]): void {
    const t = this.targets[claim]!;
    this.place(claim, chooseFuzzy(this.nt, t, cands));
    this.unregister(claim);
    this.spans.set(
      claim,
      cands.map((c) => this.span(claim, c)),
    );
    if (t.cutoff === 0) {
      this.fuzzy[claim] = { threshold: 0, pieces: [], ids: [], offsets: [] };
      return;
    }
    const threshold = cands.length > 0 ? cands[0]!.distance : t.cutoff;
    const pieces = fuzzyPieces(t.norm, threshold);
    let offset = 0;
    const offsets = pieces.map((piece) => (offset += piece.length) - piece.length);
    const state: FuzzyState = { threshold, pieces, ids: [], offsets };
    state.pieces.forEach((piece, i) => {
      const id = this.freeIds.pop() ?? this.pieceClaim.length;
      this.pieceClaim[id] = claim;
      this.pieceOf[id] = i;
      this.pieceCheck[id] = this.quote(claim).pieceCheck(threshold, i);
      this.pieceIndex.add(id, piece, this.pieceWindow(claim, threshold, offsets[i]!));
      state.ids.push(id);
    });
    this.fuzzy[claim] = state;
    // A claim that reaches further widens the cached reach; one that reaches less leaves it be.
    if (this.fuzzyReachCache !== undefined) this.fuzzyReachCache = Math.max(this.fuzzyReachCache, this.reachOf(claim));
  }

  private unregister(claim: number): void {
    const state = this.fuzzy[claim];
    if (!state) return;
    // Only the claim that reached furthest makes the cached reach too wide (never too narrow).
    if (state.pieces.length > 0 && this.reachOf(claim) === this.fuzzyReachCache) this.fuzzyReachCache = undefined;
    for (const id of state.ids) {
      this.pieceIndex.remove(id);
      this.freeIds.push(id);
    }
    state.ids = [];
    state.pieces = [];
  }

  /**
   * Fuzzy and orphaned claims with a match within their threshold that touches the
   * change (new offsets), found from their pieces' occurrences near it, with the
   * best of those matches.
   */
  private newMatches(change: NormalizedChange): Map<number, FuzzyMatch[]> {
    const norm = this.nt.normalized;
    const hits = new Map<number, number[][]>();
    // Piece starts that could belong to a match touching the change (or the text
    // its prefix/suffix read): within quote + threshold + prefix/suffix of it; each
    // piece's own window (`pieceWindow`) is narrower.
    const margin = this.fuzzyReach();
    const from = Math.max(0, change.nlo - margin);
    const to = Math.min(norm.length, change.nhiNew + margin);
    // One flat copy holds every piece hit (a piece is never longer than its quote)
    // and all the text the hierarchical check of a hit reads (at most a quote and
    // a threshold, `margin`, either side); it ends where the text does or beyond
    // what is read, so checking in it is checking in the text.
    const base = Math.max(0, from - margin);
    const stretch = norm.slice(base, to + this.longest - 1 + margin);
    this.pieceIndex.scan(
      stretch,
      from - base,
      to - base,
      (id, at) => {
        // Most chance hits of a short piece fail the hierarchical check at once.
        if (!this.pieceCheck[id]!(stretch, at)) return;
        const claim = this.pieceClaim[id]!;
        const piece = this.pieceOf[id]!;
        const state = this.fuzzy[claim]!;
        let perPiece = hits.get(claim);
        if (!perPiece) hits.set(claim, (perPiece = state.pieces.map(() => [])));
        perPiece[piece]!.push(base + at);
      },
      { lo: change.nlo - base, hi: change.nhiNew - base },
    );
    const out = new Map<number, FuzzyMatch[]>();
    for (const [claim, perPiece] of hits) {
      const state = this.fuzzy[claim]!;
      const cands = this.quote(claim).verify(norm, state.threshold, perPiece);
      if (cands.some((c) => this.touches(claim, c, change.nlo, change.nhiNew))) out.set(claim, cands);
    }
    return out;
  }

  /**
   * Where piece `piece` of the claim can start to belong to a match that overlaps a
   * change [lo, hi) (or comes within 2 of it, whose edges a surrogate pair may
   * decide): only such a match is new; one elsewhere kept its distance, and if it
   * is among the best, the claim's spans already noticed the change. A match of m +
   * t or fewer code units that starts at ms holds the piece within t of ms + its
   * offset, so the piece starts after lo - 2 - m - 2t + offset and before hi + 2 +
   * offset + t.
   */
  private pieceWindow(claim: number, t: number, offset: number): StartWindow {
    const m = this.targets[claim]!.norm.length;
    return { before: offset - 2 - m - 2 * t, after: offset + t + 2 };
  }

  /** How far from a change a piece of a fuzzy or orphaned claim's match can start. */
  private fuzzyReach(): number {
    if (this.fuzzyReachCache !== undefined) return this.fuzzyReachCache;
    let reach = 0;
    this.fuzzy.forEach((state, claim) => {
      if (state) reach = Math.max(reach, this.reachOf(claim));
    });
    return (this.fuzzyReachCache = reach);
  }

  /** How far from a change a piece of this fuzzy claim's match can start (0: it has no pieces). */
  private reachOf(claim: number): number {
    const state = this.fuzzy[claim]!;
    return state.pieces.length > 0 ? this.targets[claim]!.norm.length + 2 * state.threshold + 2 : 0;
  }
}

/**
 * Stretches of the normalized text, each owned by a claim, in flat typed arrays: an
 * edit checks every one in a single pass over them (there are about as many as
 * fuzzy candidates), touching no per-claim object, and moves those after it.
 * Freed slots are reused.
 */
class SpanSet {
  private from = new Int32Array(64);
  private to = new Int32Array(64);
  /** The claim owning each slot (-1: free). */
  private owner = new Int32Array(64).fill(-1);
  /** Slots in use are below this. */
  private used = 0;
  private readonly free: number[] = [];
  private readonly slotsOf = new Map<number, number[]>();

  /** Replaces the claim's spans ([from, to) pairs). */
  set(claim: number, spans: readonly (readonly [number, number])[]): void {
    const old = this.slotsOf.get(claim);
    if (old) {
      for (const slot of old) {
        this.owner[slot] = -1;
        this.free.push(slot);
      }
      this.slotsOf.delete(claim);
    }
    if (spans.length === 0) return;
    const slots: number[] = [];
    for (const [from, to] of spans) {
      const slot = this.free.pop() ?? this.take();
      this.from[slot] = from;
      this.to[slot] = to;
      this.owner[slot] = claim;
      slots.push(slot);
    }
    this.slotsOf.set(claim, slots);
  }

  /**
   * An edit replaced [lo, hiOld) and moved what follows by `delta`: calls
   * `touched(claim)` for each span that overlaps it (once per span) and moves the
   * spans after it.
   */
  edit(lo: number, hiOld: number, delta: number, touched: (claim: number) => void): void {
    const { from, to, owner } = this;
    for (let k = 0; k < this.used; k++) {
      if (to[k]! <= lo) continue;
      if (from[k]! >= hiOld) {
        from[k]! += delta;
        to[k]! += delta;
      } else if (owner[k]! !== -1) touched(owner[k]!);
    }
  }

  private take(): number {
    if (this.used === this.owner.length) {
      const grow = (a: Int32Array, fill: number): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(2 * a.length).fill(fill);
        b.set(a);
        return b;
      };
      this.from = grow(this.from, 0);
      this.to = grow(this.to, 0);
      this.owner = grow(this.owner, -1);
    }
    return this.used++;
  }
}

/**
 * How the state is cut up: text chunks (`ChunkedText`) and occurrence buckets of
 * about this many code units. The defaults suit articles of any size; tests make
 * them tiny so that short texts cross their boundaries.
 */
export interface Layout {
  chunkSize?: number;
  bucketSize?: number;
}

const BUCKET = 1024;

/** A stretch of the normalized text and the occurrences that start in it, by pattern (offsets within the bucket, ascending). */
interface Bucket {
  index: number;
  length: number;
  occ: Map<number, number[]>;
}

/**
 * Every pattern's occurrences (normalized starts), in buckets along the text. An edit
 * touches only the buckets around it: those after it move as a whole (a bucket's
 * start is the sum of the lengths before it), so nothing else is shifted or copied.
 * A pattern's occurrences are read from the buckets it occurs in.
 */
class OccurrenceIndex {
  private buckets: Bucket[] = [];
  /** bases[k]: where bucket k starts; recomputed after an edit, on first need. */
  private bases: Int32Array | undefined;
  /** Per pattern, the buckets it occurs in (in no order). */
  private readonly bucketsOf: Bucket[][];
  /** The furthest any pattern's claims read around an occurrence (`reads`), or any pattern reaches. */
  private readonly reach: number;

  /**
   * `reads.before[p]` / `reads.after[p]`: how far before an occurrence of pattern p,
   * and after its start, the claims that quote it read (-1: none do).
   */
  constructor(
    lists: readonly (readonly number[])[],
    length: number,
    /** Each pattern's length. */
    private readonly lengths: Int32Array,
    private readonly reads: { before: Int32Array; after: Int32Array },
    private readonly size = BUCKET,
  ) {
    let reach = 0;
    lists.forEach((_, p) => (reach = Math.max(reach, lengths[p]!, reads.before[p]!, reads.after[p]!)));
    this.reach = reach;
    const count = Math.max(1, Math.ceil(length / size));
    for (let k = 0; k < count; k++) {
      this.buckets.push({ index: k, length: Math.min(size, length - k * size), occ: new Map() });
    }
    this.bucketsOf = lists.map(() => []);
    lists.forEach((list, p) => {
      for (const s of list) {
        const bucket = this.buckets[Math.min(count - 1, Math.floor(s / size))]!;
        this.add(bucket, p, s - bucket.index * size);
      }
    });
  }

  /** Pattern p's occurrences, ascending. */
  of(p: number): number[] {
    const where = this.bucketsOf[p]!;
    if (where.length === 0) return [];
    if (where.length > 1) where.sort((a, b) => a.index - b.index);
    const bases = this.basesNow();
    const out: number[] = [];
    for (const bucket of where) {
      const base = bases[bucket.index]!;
      for (const local of bucket.occ.get(p)!) out.push(base + local);
    }
    return out;
  }

  /**
   * An edit replaced normalized [nlo, nhiOld) with [nlo, nhiNew). Occurrences that
   * overlap [nlo, nhiOld) are dropped, those after it move with the text, and
   * `found` ([pattern, start] in the new offsets: every occurrence that overlaps
   * [nlo, nhiNew)) are added. Returns the patterns that lost or gained one, or have
   * one (old offsets) whose surroundings its claims read the change reaches.
   */
  edit({ nlo, nhiOld, nhiNew }: NormalizedChange, found: readonly (readonly [number, number])[]): Set<number> {
    const dirty = new Set<number>();
    const delta = nhiNew - nhiOld;
    const map = (x: number): number => (x <= nlo ? x : x >= nhiOld ? x + delta : nhiNew);
    const { reads, lengths } = this;
    // Every occurrence that overlaps the change, or whose claims read it, starts in here.
    const near = { from: nlo - this.reach, to: nhiOld + this.reach };
    const bases = this.basesNow();
    const last = this.buckets.length - 1;
    let unbalanced = false;
    // Buckets wholly before `near` keep everything; those after only move.
    const first = lastAtMost(bases, Math.max(0, near.from));
    let k = first;
    for (; k <= last && bases[k]! <= near.to; k++) {
      const bucket = this.buckets[k]!;
      const bs = bases[k]!;
      const newBs = map(bs);
      bucket.occ.forEach((locals, p) => {
        let w = 0;
        for (let i = 0; i < locals.length; i++) {
          const abs = bs + locals[i]!;
          if (abs < nhiOld && abs + lengths[p]! > nlo) {
            dirty.add(p);
            continue;
          }
          if (abs > nlo - reads.after[p]! && abs < nhiOld + reads.before[p]!) dirty.add(p);
          locals[w++] = (abs < nlo ? abs : abs + delta) - newBs;
        }
        locals.length = w;
        if (w === 0) this.remove(bucket, p);
      });
      // The last bucket takes what is typed at the very end.
      const newBe = k === last ? bases[k]! + bucket.length + delta : map(bs + bucket.length);
      bucket.length = newBe - newBs;
      if (bucket.length === 0 || bucket.length > 2 * this.size) unbalanced = true;
    }
    // The new starts, in place (no pass over a thousand bucket objects on every
    // keystroke): summed again over the buckets just changed; those after them
    // start beyond `near`, past the change, so they move by delta.
    for (let j = first + 1; j < k; j++) bases[j] = bases[j - 1]! + this.buckets[j - 1]!.length;
    for (let j = k; j <= last; j++) bases[j]! += delta;
    for (const [p, s] of found) {
      const bucket = this.buckets[lastAtMost(bases, s)]!;
      this.add(bucket, p, s - bases[bucket.index]!);
      dirty.add(p);
    }
    if (unbalanced) this.rebalance();
    return dirty;
  }

  private add(bucket: Bucket, p: number, local: number): void {
    const locals = bucket.occ.get(p);
    if (!locals) {
      bucket.occ.set(p, [local]);
      this.bucketsOf[p]!.push(bucket);
      return;
    }
    let i = locals.length;
    while (i > 0 && locals[i - 1]! > local) i--;
    locals.splice(i, 0, local);
  }

  private remove(bucket: Bucket, p: number): void {
    bucket.occ.delete(p);
    const where = this.bucketsOf[p]!;
    where.splice(where.indexOf(bucket), 1);
  }

  private basesNow(): Int32Array {
    if (this.bases) return this.bases;
    const bases = new Int32Array(this.buckets.length);
    let at = 0;
    this.buckets.forEach((bucket, k) => {
      bases[k] = at;
      at += bucket.length;
    });
    return (this.bases = bases);
  }

  /** Splits buckets an edit made too long and drops emptied ones, so an edit always touches a few. */
  private rebalance(): void {
    const next: Bucket[] = [];
    for (const bucket of this.buckets) {
      if (bucket.length === 0) continue;
      if (bucket.length <= 2 * this.size) {
        next.push(bucket);
        continue;
      }
      for (let from = 0; from < bucket.length; from += this.size) {
        const part: Bucket = { index: 0, length: Math.min(this.size, bucket.length - from), occ: new Map() };
        next.push(part);
        for (const [p, locals] of bucket.occ) {
          const mine = locals.filter((l) => l >= from && l < from + this.size).map((l) => l - from);
          if (mine.length === 0) continue;
          part.occ.set(p, mine);
          this.bucketsOf[p]!.push(part);
        }
      }
      for (const p of bucket.occ.keys()) {
        const where = this.bucketsOf[p]!;
        where.splice(where.indexOf(bucket), 1);
      }
    }
    if (next.length === 0) next.push({ index: 0, length: 0, occ: new Map() });
    next.forEach((bucket, k) => (bucket.index = k));
    this.buckets = next;
    this.bases = undefined;
  }
}
