/**
 * Plain data shared by every part of Claim Lens. No behaviour, no imports from
 * vscode or Node: the core speaks in UTF-16 string offsets and plain objects, and
 * the adapters convert (e.g. with `document.positionAt`).
 */

export const STATUSES = ['unverified', 'in-review', 'verified', 'disputed', 'false', 'unverifiable'] as const;
export type Status = (typeof STATUSES)[number];

export const SOURCE_TYPES = [
  'news-agency',
  'newspaper',
  'broadcaster',
  'government',
  'military',
  'intelligence',
  'international-organization',
  'expert',
  'document',
  'social-media',
  'other',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const PROBLEM_CODES = [
  'yaml-syntax',
  'schema',
  'version',
  'duplicate-id',
  'unknown-source',
  'unknown-field',
  'article-missing',
  'orphaned',
  'fuzzy',
  'ambiguous',
  'empty-quote',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
export type Severity = 'error' | 'warning';

/** A half-open range [start, end) of UTF-16 code unit offsets into some text. */
export interface TextRange {
  start: number;
  end: number;
}

/** The smallest unit of change the core hands to an adapter: replace [start, end) with newText. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A quick fix the core can compute: text edits against one file. */
export interface ProblemFix {
  title: string;
  /** 'sidecar' edits apply to the sidecar text, 'article' ones to the article text. */
  target: 'sidecar' | 'article';
  edits: TextEdit[];
  /** What a sidecar fix does to the data: sets these fields of `claims[claim]`, nothing else (edits.ts, `fixKeepsData`). */
  sets?: { claim: number; fields: Record<string, string> };
}

export interface Problem {
  /** Path of the file the problem is in (sidecar or article), as given to the core. */
  file: string;
  /** 1-based line and column (UTF-16 code units) of the offending node. */
  line: number;
  column: number;
  severity: Severity;
  code: ProblemCode;
  message: string;
  /** Id of the claim the problem belongs to, when there is one. */
  claim?: string;
  /** Offsets into `file` of the offending node. */
  range?: TextRange;
  /** For fuzzy and ambiguous anchors: the range in the article, and its path. */
  article?: { file: string; range: TextRange; line: number; column: number };
  /** Quick fixes (rewrite a drifted quote, add a prefix, replace a misspelt status). */
  fixes?: ProblemFix[];
}

export interface Source {
  /** The key in `sources:` for a shared source; undefined for an inline one. */
  id?: string;
  name: string;
  url?: string;
  type?: SourceType;
  published?: string;
  accessed?: string;
  note?: string;
  /**
   * Set on what stands in for a source id with no valid entry under `sources:` (an
   * `unknown-source` or `schema` error): its name is the id, so it is still shown.
   */
  unresolved?: true;
}

export interface Attribution {
  speaker?: string;
  role?: string;
  anonymous: boolean;
  /** The chain the claim travelled through, nearest to the article first. */
  via: Source[];
  cue?: string;
  direct?: boolean;
}

/** One claim as loaded from a sidecar, with the positions of its parts in the sidecar. */
export interface Claim {
  id: string;
  quote: string;
  prefix?: string;
  suffix?: string;
  status: Status;
  attribution?: Attribution;
  sources: Source[];
  note?: string;
  reviewer?: string;
  reviewed?: string;
  tags: string[];
  /** Index of the claim in the sidecar's `claims:` list. */
  index: number;
  /** Sidecar offsets: the whole list entry, and individual scalars where present. */
  entryRange: TextRange;
  idRange?: TextRange;
  quoteRange?: TextRange;
  statusRange?: TextRange;
}

export type AnchorKind = 'exact' | 'normalized' | 'fuzzy' | 'orphaned';

export type Anchor =
  | { kind: 'orphaned'; ambiguous: false }
  | {
      kind: 'exact' | 'normalized' | 'fuzzy';
      /** Several equally good occurrences; the first was taken. */
      ambiguous: boolean;
      /** UTF-16 offsets into the article text; never split a surrogate pair. */
      start: number;
      end: number;
      /** Edit distance after normalization (0 unless fuzzy). */
      distance: number;
    };

/** What the anchoring engine needs from a claim. */
export interface AnchorTarget {
  quote: string;
  prefix?: string;
  suffix?: string;
}

export interface AnchoredClaim {
  claim: Claim;
  anchor: Anchor;
}

export type StatusCounts = Record<Status, number>;
