/**
 * Finding a sidecar's article (sidecar.md, "Where a sidecar lives"). Pure: the caller
 * says which candidate paths exist (sync in the CLI, workspace.fs in the editor).
 */
import { basename, dirname, extname, join, normalize, sidecarStem } from './paths';
import { quoted } from './problems';

export const DEFAULT_ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.text', '.md', '.markdown'];

/** `md` and `.MD` both mean `.md`. */
function normalizeExtensions(extensions: readonly string[]): string[] {
  const out: string[] = [];
  for (const e of extensions) {
    const ext = (e.startsWith('.') ? e : `.${e}`).toLowerCase();
    if (ext.length > 1 && !out.includes(ext)) out.push(ext);
  }
  return out;
}

/** The paths to test for existence, in order. */
export function articleCandidates(
  sidecarPath: string,
  articleField: string | undefined,
  extensions: readonly string[] = DEFAULT_ARTICLE_EXTENSIONS,
): string[] {
  if (articleField) return [join(dirname(sidecarPath), articleField)];
  const stem = normalize(sidecarStem(sidecarPath));
  return normalizeExtensions(extensions).map((ext) => stem + ext);
}

export type ArticleResolution = { ok: true; path: string } | { ok: false; message: string };

/** Chooses the article from the candidates that exist, or explains why none can be. */
export function resolveArticle(
  sidecarPath: string,
  articleField: string | undefined,
  existing: readonly string[],
  extensions: readonly string[] = DEFAULT_ARTICLE_EXTENSIONS,
): ArticleResolution {
  const present = new Set(existing.map(normalize));
  const candidates = articleCandidates(sidecarPath, articleField, extensions);
  const found = candidates.filter((c) => present.has(c));
  if (articleField) {
    return found[0]
      ? { ok: true, path: found[0] }
      : { ok: false, message: `article ${quoted(articleField)} (the sidecar's \`article:\` field) does not exist: ${candidates[0]}` };
  }
  if (found.length === 1) return { ok: true, path: found[0]! };
  if (found.length > 1) {
    const names = found.map(basename);
    return {
      ok: false,
      message: `several articles match ${basename(sidecarPath)}: ${names.join(', ')}; add \`article: ${names[0]}\` to the sidecar to choose one`,
    };
  }
  const stem = basename(sidecarStem(sidecarPath));
  return {
    ok: false,
    message: `no article for ${basename(sidecarPath)}: expected ${stem} with one of ${normalizeExtensions(extensions).join(', ')} beside it, or an \`article:\` field`,
  };
}

/** For an article path, the sidecar paths to look for (`x.claims.yaml`, `x.claims.yml`). */
export function sidecarCandidates(articlePath: string): string[] {
  const ext = extname(articlePath);
  const stem = ext ? articlePath.slice(0, -ext.length) : articlePath;
  return [`${stem}.claims.yaml`, `${stem}.claims.yml`];
}
