/**
 * Finding a sidecar's article (sidecar.md, "Where a sidecar lives"). Pure: the caller
 * says which candidate paths exist (sync in the CLI, workspace.fs in the editor).
 * STUB: the signature is the contract; the sidecar helper fills it in.
 */

export const DEFAULT_ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.text', '.md', '.markdown'];

/** The paths to test for existence, in order. */
export function articleCandidates(
  sidecarPath: string,
  articleField: string | undefined,
  extensions: readonly string[] = DEFAULT_ARTICLE_EXTENSIONS,
): string[] {
  void sidecarPath;
  void articleField;
  void extensions;
  return [];
}

export type ArticleResolution = { ok: true; path: string } | { ok: false; message: string };

/** Chooses the article from the candidates that exist, or explains why none can be. */
export function resolveArticle(
  sidecarPath: string,
  articleField: string | undefined,
  existing: readonly string[],
  extensions: readonly string[] = DEFAULT_ARTICLE_EXTENSIONS,
): ArticleResolution {
  void sidecarPath;
  void articleField;
  void existing;
  void extensions;
  return { ok: false, message: 'not implemented' };
}

/** For an article path, the sidecar paths to look for (`x.claims.yaml`, `x.claims.yml`). */
export function sidecarCandidates(articlePath: string): string[] {
  void articlePath;
  return [];
}
