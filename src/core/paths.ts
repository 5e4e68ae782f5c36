/**
 * POSIX-style path helpers for '/'-separated paths (file system paths on Linux and
 * macOS, and `Uri.path` everywhere). The core may not import Node's 'path', because
 * it runs in the browser too.
 */

export function dirname(p: string): string {
  const i = p.replace(/\/+$/, '').lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return p.slice(0, i);
}

export function basename(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Extension of a file name including the dot, lower-cased ('' if none). */
export function extname(p: string): string {
  const b = basename(p);
  const i = b.lastIndexOf('.');
  return i <= 0 ? '' : b.slice(i).toLowerCase();
}

/** Joins and normalizes segments; a later absolute segment restarts the path. */
export function join(...parts: string[]): string {
  let joined = '';
  for (const part of parts) {
    if (!part) continue;
    joined = part.startsWith('/') ? part : joined ? `${joined}/${part}` : part;
  }
  return normalize(joined || '.');
}

export function normalize(p: string): string {
  const absolute = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(seg);
  }
  const body = out.join('/');
  return absolute ? `/${body}` : body || '.';
}

/** Path of `to` relative to the directory `from` (both absolute or both relative). */
export function relative(from: string, to: string): string {
  const a = normalize(from).split('/').filter((s) => s && s !== '.');
  const b = normalize(to).split('/').filter((s) => s && s !== '.');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  return [...up, ...b.slice(i)].join('/') || '.';
}

/** True for names like `x.claims.yaml` and `x.claims.yml`. */
export function isSidecarPath(p: string): boolean {
  return /\.claims\.ya?ml$/i.test(basename(p));
}

/** `reports/x.claims.yaml` -> `reports/x` */
export function sidecarStem(p: string): string {
  return p.replace(/\.claims\.ya?ml$/i, '');
}
