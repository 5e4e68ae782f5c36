/**
 * One sidecar + its article -> anchored claims, problems and counts. The single entry
 * point the CLI and the extension share.
 */
import { anchorClaims } from './anchor';
import { disambiguatingContext } from './disambiguate';
import { SidecarEditor, openSidecar, type EditResult } from './edits';
import { LineIndex } from './lineIndex';
import { compareProblems } from './problems';
import { parseSidecar, type ParsedSidecar } from './sidecar';
import { countStatuses } from './status';
import { shortText } from './text';
import type { Anchor, AnchoredClaim, AnchorTarget, Claim, Problem, ProblemFix, StatusCounts } from './types';

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
      if (anchor.kind === 'fuzzy') {
        const current = articleText.slice(anchor.start, anchor.end);
        const fixes = fix(`Rewrite the quote to the article's text: "${shortText(current)}"`, edit((e) => e.rewriteQuote(claim.index, current)));
        const message = `quote drifted: ${articleName} now reads "${shortText(current)}" (line ${article.line}); update the quote or the article`;
        problems.push({ ...at(claim), severity: 'warning', code: 'fuzzy', message, article, ...(fixes ? { fixes } : {}) });
      }
      if (anchor.ambiguous) {
        const context = disambiguatingContext(articleText, anchor.start, anchor.end);
        const result = context && (context.prefix !== undefined || context.suffix !== undefined) ? edit((e) => e.setContext(claim.index, context)) : undefined;
        const title = context?.prefix !== undefined ? `Add prefix "${shortText(context.prefix)}"` : `Add suffix "${shortText(context?.suffix ?? '')}"`;
        const fixes = result && fix(title, result);
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

function fix(title: string, result: EditResult): ProblemFix[] | undefined {
  return result.ok && result.edits.length ? [{ title, target: 'sidecar', edits: result.edits }] : undefined;
}

