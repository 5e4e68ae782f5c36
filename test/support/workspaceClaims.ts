/**
 * What the real-VS-Code tests expect to see, read straight from the workspace on disk
 * with the `yaml` package: an oracle independent of the extension's own sidecar
 * parser and anchoring engine (those are unit-tested in test/unit). It only reports
 * positions for quotes that occur verbatim exactly once, which need no anchoring
 * rules to locate.
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
  /** Where the quote starts in the article: 1-based, as the editor shows it. */
  line: number;
  column: number;
}

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
  status?: string;
  attribution?: { speaker?: string; via?: Array<string | RawSource> };
  sources?: Array<string | RawSource>;
}
interface RawSidecar {
  article?: string;
  sources?: Record<string, RawSource>;
  claims?: RawClaim[];
}

/** The claims of a sidecar whose quotes occur verbatim exactly once in its article. */
export function locatableClaims(sidecar: string): ExpectedClaim[] {
  const raw = parse(fs.readFileSync(sidecar, 'utf8')) as RawSidecar;
  const article = articleOf(sidecar, raw);
  const text = fs.readFileSync(article, 'utf8').replace(/^\uFEFF/, '');
  const lines = new LineIndex(text);
  const sourceName = (s: string | RawSource) => (typeof s === 'string' ? raw.sources?.[s]?.name : s.name) ?? String(s);
  const result: ExpectedClaim[] = [];
  for (const claim of raw.claims ?? []) {
    const at = text.indexOf(claim.quote);
    if (!claim.quote || at < 0 || text.indexOf(claim.quote, at + 1) >= 0) continue;
    result.push({
      id: claim.id,
      quote: claim.quote,
      status: claim.status ?? 'unverified',
      ...(claim.attribution?.speaker ? { speaker: claim.attribution.speaker } : {}),
      sourceNames: [...(claim.sources ?? []), ...(claim.attribution?.via ?? [])].map(sourceName),
      sidecar,
      article,
      ...lines.positionAt(at),
    });
  }
  return result;
}

/** The sidecar's article: its `article:` field, else the sibling with the same stem. */
function articleOf(sidecar: string, raw: RawSidecar): string {
  if (raw.article) return path.resolve(path.dirname(sidecar), raw.article);
  const stem = sidecar.replace(/\.claims\.ya?ml$/, '');
  const candidates = ARTICLE_EXTENSIONS.map((ext) => stem + ext).filter((f) => fs.existsSync(f));
  if (candidates.length !== 1) throw new Error(`${sidecar}: expected exactly one article beside it, found ${candidates.length}`);
  return candidates[0]!;
}
