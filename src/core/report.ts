/**
 * What the `claim-lens` command line prints, built from analyses (cli.md): the check
 * output (compiler-style lines, summaries, `--json`) and the verification report in
 * Markdown, JSON, CSV and schema.org ClaimReview. Pure: the caller reads the files and
 * passes paths already relative to the working directory, with `/` separators.
 */
import type { Analysis } from './analyze';
import { attributionSentence, sourceLabel } from './attribution';
import { LineIndex } from './lineIndex';
import { escapeMarkdown as md, markdownLink, safeUrl } from './markdown';
import { STATUS_INFO, STATUS_ORDER, sumCounts } from './status';
import type { Suggestion, SuggestionReason } from './suggest';
import { safeJson, showControls, showPath } from './text';
import type { Anchor, AnchoredClaim, Attribution, Claim, Problem, Source, Status, StatusCounts } from './types';

/** One analysed sidecar with the article text its claims were anchored in. */
export interface CheckedSidecar {
  analysis: Analysis;
  /** Undefined when the article is missing (then every claim is orphaned). */
  articleText?: string;
}

// ---------------------------------------------------------------------------------
// check

/** `file:line:col: severity code: message`, the form compilers and CI annotators use. */
export function formatProblem(problem: Problem): string {
  return `${showPath(problem.file)}:${problem.line}:${problem.column}: ${problem.severity} ${problem.code}: ${oneLine(problem.message)}`;
}

/**
 * One line per article: `a.txt: 3 claims (1 unverified, 0 in-review, 2 verified,
 * 0 disputed, 0 false, 0 unverifiable); 1 error, 0 warnings`, over all the sidecars
 * given (an article may have several: `a.claims.yaml` and `a.claims.yml`, or one
 * elsewhere whose `article:` names it). A sidecar whose article is missing is named
 * by its own path.
 */
export function summaryLine(analyses: Analysis | readonly Analysis[]): string {
  const all: readonly Analysis[] = Array.isArray(analyses) ? analyses : [analyses as Analysis];
  const counts = sumCounts(all.map((a) => a.counts));
  const problems = all.flatMap((a) => a.problems);
  const total = STATUS_ORDER.reduce((sum, status) => sum + counts[status], 0);
  const byStatus = STATUS_ORDER.map((status) => `${counts[status]} ${status}`).join(', ');
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const name = showPath(summaryName(all[0]!));
  return `${name}: ${plural(total, 'claim')} (${byStatus}); ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

function summaryName(analysis: Analysis): string {
  return analysis.articlePath ?? analysis.sidecarPath;
}

/** The human output of `check`: every problem, then one summary line per article (spec: cli.md). */
export function checkText(checked: readonly CheckedSidecar[]): string {
  const byArticle = new Map<string, Analysis[]>();
  for (const { analysis } of checked) {
    const name = summaryName(analysis);
    const same = byArticle.get(name);
    if (same) same.push(analysis);
    else byArticle.set(name, [analysis]);
  }
  const lines = [
    ...checked.flatMap(({ analysis }) => analysis.problems.map(formatProblem)),
    ...[...byArticle.values()].map((analyses) => summaryLine(analyses)),
  ];
  return lines.map((line) => `${line}\n`).join('');
}

/** Exit status of a run: 1 when an error (or, strict, a warning) was found, else 0. */
export function exitCode(checked: readonly CheckedSidecar[], strict = false): 0 | 1 {
  const failing = checked.some(({ analysis }) =>
    analysis.problems.some((p) => p.severity === 'error' || (strict && p.severity === 'warning')),
  );
  return failing ? 1 : 0;
}

/** The anchor as `check --json` shows it: nulls for an orphaned claim. */
export interface AnchorJson {
  kind: Anchor['kind'];
  ambiguous: boolean;
  start: number | null;
  end: number | null;
  line: number | null;
  column: number | null;
  text: string | null;
}

export interface ProblemJson {
  file: string;
  line: number;
  column: number;
  severity: Problem['severity'];
  code: Problem['code'];
  claim: string | null;
  message: string;
}

export interface CheckJson {
  version: 1;
  articles: {
    article: string | null;
    sidecar: string;
    counts: StatusCounts;
    claims: { id: string; status: Status; anchor: AnchorJson }[];
  }[];
  problems: ProblemJson[];
}

/** The document `check --json` prints (cli.md, "check --json"). */
export function checkJson(checked: readonly CheckedSidecar[]): CheckJson {
  return {
    version: 1,
    articles: checked.map((item) => {
      const anchors = anchorReader(item);
      return {
        article: item.analysis.articlePath ?? null,
        sidecar: item.analysis.sidecarPath,
        counts: item.analysis.counts,
        claims: item.analysis.claims.map((c) => ({ id: c.claim.id, status: c.claim.status, anchor: anchors(c.anchor) })),
      };
    }),
    problems: checked.flatMap(({ analysis }) => analysis.problems.map(problemJson)),
  };
}

function problemJson(p: Problem): ProblemJson {
  return {
    file: p.file,
    line: p.line,
    column: p.column,
    severity: p.severity,
    code: p.code,
    claim: p.claim ?? null,
    message: p.message,
  };
}

/** Converts anchors of one article to AnchorJson (one LineIndex per article). */
function anchorReader(item: CheckedSidecar): (anchor: Anchor) => AnchorJson {
  const text = item.articleText ?? '';
  let index: LineIndex | undefined;
  return (anchor) => {
    if (anchor.kind === 'orphaned' || item.articleText === undefined) {
      return { kind: 'orphaned', ambiguous: false, start: null, end: null, line: null, column: null, text: null };
    }
    index ??= new LineIndex(text);
    const { line, column } = index.positionAt(anchor.start);
    const { kind, ambiguous, start, end } = anchor;
    return { kind, ambiguous, start, end, line, column, text: text.slice(start, end) };
  };
}

// ---------------------------------------------------------------------------------
// report

export const REPORT_FORMATS = ['markdown', 'json', 'csv', 'claimreview'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);
}

export function renderReport(format: ReportFormat, checked: readonly CheckedSidecar[]): string {
  switch (format) {
    case 'markdown':
      return markdownReport(checked);
    case 'json':
      return `${safeJson(JSON.stringify(jsonReport(checked), null, 2))}\n`;
    case 'csv':
      return csvReport(checked);
    case 'claimreview':
      // Pasted into an HTML page's <script type="application/ld+json">: no '<' may close it.
      return `${safeJson(JSON.stringify(claimReviews(checked), null, 2), true)}\n`;
  }
}

/** A claim with everything a report row needs. */
interface ReportedClaim {
  article: string | null;
  sidecar: string;
  claim: Claim;
  anchor: AnchorJson;
}

function reportedClaims(item: CheckedSidecar): ReportedClaim[] {
  const anchors = anchorReader(item);
  return item.analysis.claims.map((c: AnchoredClaim) => ({
    article: item.analysis.articlePath ?? null,
    sidecar: item.analysis.sidecarPath,
    claim: c.claim,
    anchor: anchors(c.anchor),
  }));
}

// --- JSON

export interface AttributionJson {
  speaker: string | null;
  role: string | null;
  anonymous: boolean;
  via: Source[];
  cue: string | null;
  direct: boolean | null;
  /** The chain as one sentence (attributionSentence). */
  sentence: string;
}

export interface ReportJson {
  version: 1;
  articles: {
    article: string | null;
    sidecar: string;
    counts: StatusCounts;
    claims: {
      id: string;
      status: Status;
      quote: string;
      anchor: AnchorJson;
      attribution: AttributionJson | null;
      sources: Source[];
      note: string | null;
      reviewer: string | null;
      reviewed: string | null;
      tags: string[];
    }[];
  }[];
  problems: ProblemJson[];
}

/** The `report --format json` document: the check document plus each claim's content. */
export function jsonReport(checked: readonly CheckedSidecar[]): ReportJson {
  return {
    version: 1,
    articles: checked.map((item) => ({
      article: item.analysis.articlePath ?? null,
      sidecar: item.analysis.sidecarPath,
      counts: item.analysis.counts,
      claims: reportedClaims(item).map(({ claim, anchor }) => ({
        id: claim.id,
        status: claim.status,
        quote: claim.quote,
        anchor,
        attribution: claim.attribution ? attributionJson(claim.attribution) : null,
        sources: claim.sources,
        note: claim.note ?? null,
        reviewer: claim.reviewer ?? null,
        reviewed: claim.reviewed ?? null,
        tags: claim.tags,
      })),
    })),
    problems: checked.flatMap(({ analysis }) => analysis.problems.map(problemJson)),
  };
}

function attributionJson(a: Attribution): AttributionJson {
  return {
    speaker: a.speaker ?? null,
    role: a.role ?? null,
    anonymous: a.anonymous,
    via: a.via,
    cue: a.cue ?? null,
    direct: a.direct ?? null,
    sentence: attributionSentence(a),
  };
}

// --- CSV

const CSV_HEADER = [
  'article',
  'sidecar',
  'claim',
  'status',
  'line',
  'column',
  'anchor',
  'quote',
  'attribution',
  'sources',
  'note',
  'reviewer',
  'reviewed',
  'tags',
];

/** RFC 4180 CSV (CRLF line ends), one row per claim, safe to open in a spreadsheet. */
export function csvReport(checked: readonly CheckedSidecar[]): string {
  const rows = checked.flatMap(reportedClaims).map(({ article, sidecar, claim, anchor }) => [
    article ?? '',
    sidecar,
    claim.id,
    claim.status,
    anchor.line?.toString() ?? '',
    anchor.column?.toString() ?? '',
    anchor.kind,
    claim.quote,
    claim.attribution ? attributionSentence(claim.attribution) : '',
    claim.sources.map(sourceText).join('; '),
    claim.note ?? '',
    claim.reviewer ?? '',
    claim.reviewed ?? '',
    claim.tags.join(', '),
  ]);
  return [CSV_HEADER, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/**
 * One CSV field: text a spreadsheet would run as a formula (starting with = + - @, tab
 * or carriage return) gets a leading apostrophe; fields with a comma, quote or line
 * break are quoted, quotes doubled (RFC 4180).
 */
export function csvCell(value: string): string {
  const shown = showControls(value);
  const safe = /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `Yonhap News Agency <https://…>` */
function sourceText(source: Source): string {
  return source.url ? `${sourceLabel(source)} <${source.url}>` : sourceLabel(source);
}

// --- ClaimReview

/** Statuses that are a verdict, and so become a ClaimReview. */
export const REVIEWED_STATUSES: readonly Status[] = ['verified', 'false', 'disputed', 'unverifiable'];

type JsonLd = { [key: string]: JsonLdValue };
type JsonLdValue = string | number | boolean | JsonLd | JsonLdValue[];

/**
 * schema.org ClaimReview JSON-LD, one object per claim with a verdict:
 * - `claimReviewed`: the quote; `reviewRating.alternateName`: the status;
 * - `itemReviewed`: a Claim whose `author` is the attributed speaker (a Person when a
 *   role is given, else an Organization), whose `appearance` is the attribution chain
 *   (the works the claim travelled through, nearest to the article first) and whose
 *   `firstAppearance` is the far end of that chain;
 * - `citation`: the evidence (`sources:`); `datePublished`: `reviewed`; `author`: the
 *   reviewer.
 */
export function claimReviews(checked: readonly CheckedSidecar[]): JsonLd[] {
  return checked
    .flatMap(reportedClaims)
    .filter(({ claim }) => REVIEWED_STATUSES.includes(claim.status))
    .map(({ claim }) => claimReview(claim));
}

function claimReview(claim: Claim): JsonLd {
  const rating: JsonLd = { '@type': 'Rating', alternateName: claim.status };
  if (claim.note) rating.ratingExplanation = claim.note;

  const item: JsonLd = { '@type': 'Claim' };
  const a = claim.attribution;
  if (a?.speaker) {
    item.author = a.role
      ? { '@type': 'Person', name: a.speaker, jobTitle: a.role }
      : { '@type': 'Organization', name: a.speaker };
  }
  // A source id with no entry names no work: it is left out (check reports it).
  const via = a?.via.filter((s) => !s.unresolved) ?? [];
  if (via.length > 0) {
    item.appearance = via.map(creativeWork);
    item.firstAppearance = creativeWork(via[via.length - 1]!);
  }

  const review: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: claim.quote,
    reviewRating: rating,
    itemReviewed: item,
  };
  const evidence = claim.sources.filter((s) => !s.unresolved);
  if (evidence.length > 0) review.citation = evidence.map(creativeWork);
  if (claim.reviewed) review.datePublished = claim.reviewed;
  if (claim.reviewer) review.author = { '@type': 'Person', name: claim.reviewer };
  return review;
}

function creativeWork(source: Source): JsonLd {
  const work: JsonLd = { '@type': 'CreativeWork', name: source.name };
  const url = source.url === undefined ? undefined : safeUrl(source.url);
  if (url) work.url = url;
  if (source.published) work.datePublished = source.published;
  return work;
}

// --- Markdown

/**
 * The Markdown report: per article a status table, then each claim with its quote,
 * anchor, attribution, sources and review, then that sidecar's problems. Every sidecar
 * string is escaped; links are http(s) only.
 */
export function markdownReport(checked: readonly CheckedSidecar[]): string {
  const out: string[] = ['# Claim report', ''];
  if (checked.length === 0) out.push('No sidecars found.', '');
  for (const item of checked) {
    const { analysis } = item;
    out.push(`## ${md(analysis.articlePath ?? analysis.sidecarPath)}`, '');
    out.push(`Sidecar: ${md(analysis.sidecarPath)}`, '');
    if (analysis.articlePath === undefined) out.push('The article was not found (see Problems): no claim could be anchored.', '');
    out.push('| Status | Claims |', '| --- | ---: |');
    for (const status of STATUS_ORDER) out.push(`| ${STATUS_INFO[status].label} | ${analysis.counts[status]} |`);
    out.push('');
    for (const { claim, anchor } of reportedClaims(item)) out.push(...markdownClaim(claim, anchor, analysis.articlePath !== undefined), '');
    if (analysis.problems.length > 0) {
      out.push('### Problems', '');
      for (const p of analysis.problems) {
        out.push(`- ${md(`${p.file}:${p.line}:${p.column}`)}: ${p.severity} ${p.code}: ${md(p.message)}`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}

function markdownClaim(claim: Claim, anchor: AnchorJson, articleFound: boolean): string[] {
  const lines = [`### ${md(claim.id)}: ${STATUS_INFO[claim.status].label}`, '', `> ${md(claim.quote)}`, ''];
  lines.push(`- Anchor: ${articleFound ? anchorDescription(anchor) : 'none (the article was not found)'}`);
  if (claim.attribution) lines.push(`- Attribution: ${md(attributionSentence(claim.attribution))}`);
  if (claim.sources.length > 0) lines.push(`- Sources: ${claim.sources.map(markdownSource).join('; ')}`);
  if (claim.note) lines.push(`- Note: ${md(claim.note)}`);
  if (claim.reviewed || claim.reviewer) {
    const when = claim.reviewed ? ` ${md(claim.reviewed)}` : '';
    const who = claim.reviewer ? ` by ${md(claim.reviewer)}` : '';
    lines.push(`- Reviewed:${when}${who}`);
  }
  if (claim.tags.length > 0) lines.push(`- Tags: ${claim.tags.map(md).join(', ')}`);
  return lines;
}

function anchorDescription(anchor: AnchorJson): string {
  if (anchor.line === null) return 'not found in the article (orphaned)';
  const kind = anchor.kind === 'fuzzy' ? 'drifted, approximate match' : `${anchor.kind} match`;
  return `line ${anchor.line}, column ${anchor.column} (${kind}${anchor.ambiguous ? ', ambiguous' : ''})`;
}

function markdownSource(source: Source): string {
  const link = markdownLink(sourceLabel(source), source.url);
  const details = [source.type?.replace(/-/g, ' '), source.published && `published ${source.published}`]
    .filter((d): d is string => !!d)
    .map(md);
  return details.length > 0 ? `${link} (${details.join(', ')})` : link;
}

/** Text on one line, as text: white space runs as one space, control characters as `\uXXXX`. */
function oneLine(text: string): string {
  return showControls(text.replace(/\s+/g, ' ').trim());
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------
// suggest

export interface SuggestionJson {
  line: number;
  column: number;
  start: number;
  end: number;
  text: string;
  reasons: SuggestionReason[];
}

/** Suggestions with the 1-based line and column where each sentence starts. */
export function suggestionsJson(articleText: string, suggestions: readonly Suggestion[]): SuggestionJson[] {
  const index = new LineIndex(articleText);
  return suggestions.map(({ start, end, text, reasons }) => ({ ...index.positionAt(start), start, end, text, reasons }));
}

/** The document `suggest --json` prints. */
export function suggestJson(
  article: string,
  articleText: string,
  suggestions: readonly Suggestion[],
): { version: 1; article: string; suggestions: SuggestionJson[] } {
  return { version: 1, article, suggestions: suggestionsJson(articleText, suggestions) };
}

/** The human output of `suggest`: `line:column: sentence`, the sentence on one line. */
export function suggestText(articleText: string, suggestions: readonly Suggestion[]): string {
  return suggestionsJson(articleText, suggestions)
    .map((s) => `${s.line}:${s.column}: ${oneLine(s.text)}\n`)
    .join('');
}
