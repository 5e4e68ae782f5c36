/**
 * What the real-VS-Code tests expect to see, read straight from the workspace on disk
 * with the `yaml` package: an oracle independent of the extension's own sidecar
 * parser and anchoring engine (those are unit-tested in test/unit). It locates a
 * quote only where that needs no judgement: exactly one occurrence, verbatim or
 * differing only in white space and typographic quotes. Fuzzy, ambiguous and
 * orphaned claims have no position here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { LineIndex } from '../../src/core/lineIndex';

const ARTICLE_EXTENSIONS = ['.txt', '.text', '.md', '.markdown'];

export interface ExpectedClaim {
  id: string;
  quote: string;
  status: string;
  speaker?: string;
  /** Names of the claim's evidence sources and of the attribution's `via` chain. */
  sourceNames: string[];
  sidecar: string;
  article: string;
  /** Where the quote starts in the article, 1-based as the editor shows it; absent when not locatable. */
  line?: number;
  column?: number;
}

export type LocatedClaim = ExpectedClaim & { line: number; column: number };

/** Every `*.claims.yaml` / `*.claims.yml` under `folder`, sorted. */
export function findSidecars(folder: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...findSidecars(full));
    else if (/\.claims\.ya?ml$/.test(entry.name)) found.push(full);
  }
  return found.sort();
}

interface RawSource {
  name?: string;
}
interface RawClaim {
  id: string;
  quote: string;
  /** YAML reads the status `false` as a boolean. */
  status?: string | boolean;
  attribution?: { speaker?: string; via?: Array<string | RawSource> };
  sources?: Array<string | RawSource>;
}
interface RawSidecar {
  article?: string;
  sources?: Record<string, RawSource>;
  claims?: RawClaim[];
}

/** Every claim of a sidecar, with its position where the quote is plainly locatable. */
export function readClaims(sidecar: string): ExpectedClaim[] {
  const raw = parse(fs.readFileSync(sidecar, 'utf8')) as RawSidecar;
  const article = articleOf(sidecar, raw);
  const text = fs.readFileSync(article, 'utf8').replace(/^\uFEFF/, '');
  const lines = new LineIndex(text);
  const sourceName = (s: string | RawSource) => (typeof s === 'string' ? raw.sources?.[s]?.name : s.name) ?? String(s);
  return (raw.claims ?? []).map((claim) => {
    const at = soleOccurrence(text, claim.quote ?? '');
    return {
      id: claim.id,
      quote: claim.quote,
      status: claim.status === undefined ? 'unverified' : String(claim.status),
      ...(claim.attribution?.speaker ? { speaker: claim.attribution.speaker } : {}),
      sourceNames: [...(claim.sources ?? []), ...(claim.attribution?.via ?? [])].map(sourceName),
      sidecar,
      article,
      ...(at === undefined ? {} : lines.positionAt(at)),
    };
  });
}

/** The claims of a sidecar that have a position. */
export function locatableClaims(sidecar: string): LocatedClaim[] {
  return readClaims(sidecar).filter((c): c is LocatedClaim => c.line !== undefined && c.column !== undefined);
}

const DOUBLE_QUOTES = '"“”„‟″';
const SINGLE_QUOTES = "'‘’‚‛′";

/** Offset of the only match of `quote` in `text`, treating white space runs and quote marks as the spec's normalization does. */
function soleOccurrence(text: string, quote: string): number | undefined {
  if (!quote.trim()) return undefined;
  const pattern = Array.from(quote.trim().split(/\s+/).join(' '))
    .map((ch) => {
      if (ch === ' ') return '\\s+';
      if (DOUBLE_QUOTES.includes(ch)) return `[${DOUBLE_QUOTES}]`;
      if (SINGLE_QUOTES.includes(ch)) return `[${SINGLE_QUOTES}]`;
      return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    })
    .join('');
  const matches = [...text.matchAll(new RegExp(pattern, 'g'))];
  return matches.length === 1 ? matches[0]!.index : undefined;
}

/** The sidecar's article: its `article:` field, else the sibling with the same stem. */
function articleOf(sidecar: string, raw: RawSidecar): string {
  if (raw.article) return path.resolve(path.dirname(sidecar), raw.article);
  const stem = sidecar.replace(/\.claims\.ya?ml$/, '');
  const candidates = ARTICLE_EXTENSIONS.map((ext) => stem + ext).filter((f) => fs.existsSync(f));
  if (candidates.length !== 1) throw new Error(`${sidecar}: expected exactly one article beside it, found ${candidates.length}`);
  return candidates[0]!;
}
