/**
 * One sidecar + its article -> anchored claims, problems and counts. The single entry
 * point the CLI and the extension share.
 */
import { anchorClaims } from './anchor';
import { disambiguatingContext, type QuoteContext } from './disambiguate';
import { NormalizedText } from './normalize';
import { SidecarEditor, openSidecar, type EditResult } from './edits';
import { LineIndex } from './lineIndex';
import { compareProblems } from './problems';
import { parseSidecar, type ParsedSidecar } from './sidecar';
import { countStatuses } from './status';
import { shortText } from './text';
import type { Anchor, AnchoredClaim, AnchorTarget, Claim, Problem, ProblemFix, StatusCounts, TextEdit } from './types';

export interface AnalyzeInput {
  sidecarPath: string;
  sidecarText: string;
  /** Resolved article path, or undefined when it could not be found. */
  articlePath?: string;
  /** The article text (BOM already stripped); undefined when it could not be read. */
  articleText?: string;
  /** Why the article could not be found (becomes an `article-missing` problem). */
  articleMissing?: string;
  /**
   * How to anchor the claims with a non-blank quote (default `anchorClaims`): the editor
   * passes one backed by `LiveAnchors`, kept current while the article is typed in.
   */
  anchor?: (articleText: string, targets: readonly AnchorTarget[]) => readonly Anchor[];
  /**
   * `parseSidecar(sidecarText, sidecarPath)` when the caller already has it: the editor
   * keeps the last one while only the article is being typed in.
   */
  parsed?: ParsedSidecar;
  /**
   * `openSidecar(sidecarText)` for the quick fixes, when the caller keeps one: it parses
   * the whole YAML document again, which the editor should not do per keystroke.
   */
  openSidecar?: () => SidecarEditor | EditResult;
}

export interface Analysis {
  sidecarPath: string;
  articlePath?: string;
  sidecar: ParsedSidecar;
  /** Every loaded claim with its anchor (orphaned when there is no article). */
  claims: AnchoredClaim[];
  /** Sidecar problems plus anchoring problems, sorted by file, line, column. */
  problems: Problem[];
  counts: StatusCounts;
}

const ORPHANED: Anchor = { kind: 'orphaned', ambiguous: false };

export function analyze(input: AnalyzeInput): Analysis {
  const { sidecarPath, sidecarText, articlePath, articleText } = input;
  const sidecar = input.parsed ?? parseSidecar(sidecarText, sidecarPath);
  const problems = [...sidecar.problems];
  const sidecarLines = new LineIndex(sidecarText);
  const at = (claim: Claim) => ({ file: sidecarPath, ...sidecarLines.positionAt(claim.entryRange.start), claim: claim.id, range: claim.entryRange });

  let anchors: Anchor[];
  if (articleText === undefined) {
    anchors = sidecar.claims.map(() => ORPHANED);
    if (sidecar.parsed) problems.push(articleMissing(input, sidecar, sidecarLines));
  } else {
    // An empty quote already has its own problem; it anchors nowhere, quietly.
    const anchorable = sidecar.claims.filter((c) => c.quote.trim());
    const found = (input.anchor ?? anchorClaims)(articleText, anchorable);
    const byClaim = new Map(anchorable.map((c, i) => [c, found[i] ?? ORPHANED]));
    anchors = sidecar.claims.map((c) => byClaim.get(c) ?? ORPHANED);
    // Lines of the article, counted when the first claim with a problem needs them.
    let articleLines: LineIndex | undefined;
    const articleName = articlePath ?? 'the article';
    // Quick fixes are computed from one parse of the sidecar, only when a claim needs one.
    let editor: SidecarEditor | EditResult | undefined;
    // The article normalized, when a quick fix needs a claim's places.
    let normalized: NormalizedText | undefined;
    const edit = (f: (e: SidecarEditor) => EditResult): EditResult => {
      editor ??= input.openSidecar?.() ?? openSidecar(sidecarText);
      return editor instanceof SidecarEditor ? f(editor) : editor;
    };
    sidecar.claims.forEach((claim, i) => {
      const anchor = anchors[i]!;
      if (!claim.quote.trim()) return;
      if (anchor.kind === 'orphaned') {
        problems.push({ ...at(claim), severity: 'error', code: 'orphaned', message: `quote not found in ${articleName}` });
        return;
      }
      if (anchor.kind !== 'fuzzy' && !anchor.ambiguous) return;
      // Only a claim with a problem needs its place in the article (per keystroke, for thousands).
      const range = { start: anchor.start, end: anchor.end };
      const article = { file: articleName, range, ...(articleLines ??= new LineIndex(articleText)).positionAt(anchor.start) };
      // The article normalized once, for the places of the claims whose fixes are asked for.
      const places = () => (normalized ??= NormalizedText.from(articleText));
      if (anchor.kind === 'fuzzy') {
        const current = articleText.slice(anchor.start, anchor.end);
        const title = `Rewrite the quote to the article's text: "${shortText(current)}"`;
        // Made when it is offered (a search of the article per claim, too much for every
        // keystroke): verbatim, the words may occur elsewhere too (a fuzzy match ties only
        // with places that do not overlap it), so the context that keeps the claim here.
        const fixes = [
          lazyFix(title, () => {
            const context = disambiguatingContext(articleText, anchor.start, anchor.end, current, places()) ?? {};
            const fields = { quote: current, ...withValues(context) };
            const result = edit((e) => e.setFields(claim.index, fields));
            return result.ok ? { title, edits: result.edits, sets: { claim: claim.index, fields } } : undefined;
          }),
        ];
        const message = `quote drifted: ${articleName} now reads "${shortText(current)}" (line ${article.line}); update the quote or the article`;
        problems.push({ ...at(claim), severity: 'warning', code: 'fuzzy', message, article, fixes });
      }
      if (anchor.ambiguous) {
        // A fuzzy claim's fix is its rewrite, which adds the context it needs.
        const fixes =
          anchor.kind === 'fuzzy'
            ? undefined
            : [
                lazyFix('Add a prefix or suffix that singles out this place', () => {
                  // The claim's own quote, at the place it was anchored (the first of the tied ones).
                  const fields = withValues(disambiguatingContext(articleText, anchor.start, anchor.end, claim.quote.trim(), places()) ?? {});
                  if (Object.keys(fields).length === 0) return undefined;
                  const result = edit((e) => e.setContext(claim.index, fields));
                  const what = [
                    ...(fields.prefix !== undefined ? [`prefix "${shortText(fields.prefix)}"`] : []),
                    ...(fields.suffix !== undefined ? [`suffix "${shortText(fields.suffix)}"`] : []),
                  ].join(' and ');
                  return result.ok ? { title: `Add ${what}`, edits: result.edits, sets: { claim: claim.index, fields } } : undefined;
                }),
              ];
        const message = `quote occurs more than once in ${articleName}; the first of the equally good matches (line ${article.line}) was taken: add a prefix or suffix to choose`;
        problems.push({ ...at(claim), severity: 'warning', code: 'ambiguous', message, article, ...(fixes ? { fixes } : {}) });
      }
    });
  }

  const claims = sidecar.claims.map((claim, i) => ({ claim, anchor: anchors[i]! }));
  return {
    sidecarPath,
    ...(articlePath !== undefined ? { articlePath } : {}),
    sidecar,
    claims,
    problems: problems.sort(compareProblems),
    counts: countStatuses(sidecar.claims),
  };
}

/** Points at the `article:` field when there is one, else at the top of the sidecar. */
function articleMissing(input: AnalyzeInput, sidecar: ParsedSidecar, lines: LineIndex): Problem {
  const message =
    input.articleMissing ?? (input.articlePath ? `the article ${input.articlePath} could not be read` : 'the article could not be found');
  const range = sidecar.articleRange ?? { start: 0, end: 0 };
  return { file: input.sidecarPath, ...lines.positionAt(range.start), severity: 'error', code: 'article-missing', message, range };
}

/** The fields of a context that are set. */
function withValues(context: QuoteContext): Record<string, string> {
  return Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

/**
 * A quick fix of the sidecar made on first use of its title, edits or `sets` (what it
 * does to the data, checked when it is offered: `fixKeepsData`). `make` gives
 * undefined when there is no fix after all: then it has no edits, and `title` stays.
 */
function lazyFix(title: string, make: () => { title: string; edits: TextEdit[]; sets: NonNullable<ProblemFix['sets']> } | undefined): ProblemFix {
  let made: ReturnType<typeof make> | null = null;
  const get = () => (made ??= make() ?? { title, edits: [], sets: undefined as never });
  return Object.defineProperties({ target: 'sidecar' } as ProblemFix, {
    title: { enumerable: true, get: () => get().title },
    edits: { enumerable: true, get: () => get().edits },
    sets: { enumerable: true, get: () => get().sets },
  });
}

