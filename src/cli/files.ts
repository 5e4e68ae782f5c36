/**
 * The command line's file system side: finds sidecars under the PATHs given, resolves
 * their articles and runs the core on them. Paths handed to the core are relative to
 * the working directory with `/` separators, so every message prints as cli.md shows.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../core/analyze';
import { articleCandidates, resolveArticle, sidecarCandidates } from '../core/article';
import { isSidecarPath } from '../core/paths';
import { quoted } from '../core/problems';
import type { CheckedSidecar } from '../core/report';
import { parseSidecar, type ParsedSidecar } from '../core/sidecar';

/** A failure that stops the command before it runs (exit code 2). */
export class UsageError extends Error {}

export class Workspace {
  constructor(private readonly cwd: string) {}

  /** `p` (relative or absolute) as shown and given to the core: cwd-relative, `/`-separated. */
  display(p: string): string {
    const rel = path.relative(this.cwd, path.resolve(this.cwd, p));
    return rel === '' ? '.' : rel.split(path.sep).join('/');
  }

  private stat(p: string): fs.Stats | undefined {
    return fs.statSync(path.resolve(this.cwd, p), { throwIfNoEntry: false });
  }

  isFile(p: string): boolean {
    return this.stat(p)?.isFile() ?? false;
  }

  /** Reads a text file as the editor would show it: UTF-8, no byte-order mark. */
  readText(p: string): string {
    const text = fs.readFileSync(path.resolve(this.cwd, p), 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /** Whether two paths name one file (through symbolic and hard links, where they exist). */
  sameFile(a: string, b: string): boolean {
    const [sa, sb] = [this.stat(a), this.stat(b)];
    if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
    const real = (p: string): string => {
      const full = path.resolve(this.cwd, p);
      try {
        return fs.realpathSync.native(full);
      } catch {
        return full;
      }
    };
    return real(a) === real(b);
  }

  writeText(p: string, text: string): void {
    fs.writeFileSync(path.resolve(this.cwd, p), text);
  }

  /** Throws a UsageError naming every PATH that does not exist. */
  requireExisting(paths: readonly string[]): void {
    const missing = paths.filter((p) => !this.stat(p));
    if (missing.length > 0) {
      throw new UsageError(missing.map((p) => `no such file or directory: ${p}`).join('\n'));
    }
  }

  /**
   * The sidecars the PATHs name, in order, without repeats: directories searched
   * recursively (skipping node_modules and dot-folders), sidecar files as they are,
   * and any other file as an article whose sidecar is looked for beside it. What holds
   * no sidecar is not an error (an article may have no claims yet): `note` says so.
   */
  findSidecars(paths: readonly string[], note: (message: string) => void): string[] {
    this.requireExisting(paths);
    const found: string[] = [];
    for (const p of paths) {
      const shown = this.display(p);
      if (this.stat(p)!.isDirectory()) {
        const sidecars = this.walk(shown);
        if (sidecars.length === 0) note(`no sidecar found under ${shown}`);
        found.push(...sidecars);
      } else if (isSidecarPath(shown)) {
        found.push(shown);
      } else {
        const sidecars = this.findSidecarsOf(shown);
        if (sidecars.length === 0) {
          note(`no sidecar for ${shown} (looked for ${sidecarCandidates(shown).join(', ')}, and for a sidecar beside it whose \`article:\` names it)`);
        }
        found.push(...sidecars);
      }
    }
    return [...new Set(found)];
  }

  /**
   * The sidecars beside an article that are its own (sidecar.md, "Where a sidecar
   * lives"): those whose `article:` field names it, and those without one (or that do
   * not parse) whose stem gives it as a candidate, `x.claims.yaml` and `x.claims.yml`
   * alike. A sidecar beside `x.txt` and `x.md` counts for both: checking it reports
   * that its article is ambiguous.
   */
  findSidecarsOf(article: string): string[] {
    const dir = article.includes('/') ? article.slice(0, article.lastIndexOf('/')) : '.';
    const entries = fs
      .readdirSync(path.resolve(this.cwd, dir))
      .filter((name) => isSidecarPath(name))
      .sort();
    return entries
      .map((name) => (dir === '.' ? name : `${dir}/${name}`))
      .filter((sidecar) => {
        if (!this.isFile(sidecar)) return false;
        return articleCandidates(sidecar, this.articleField(sidecar)).some((candidate) => this.sameFile(candidate, article));
      });
  }

  private walk(dir: string): string[] {
    const entries = fs
      .readdirSync(path.resolve(this.cwd, dir), { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const found: string[] = [];
    for (const entry of entries) {
      const child = dir === '.' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) found.push(...this.walk(child));
      } else if (isSidecarPath(entry.name) && this.isFile(child)) {
        found.push(child);
      }
    }
    return found;
  }

  /**
   * The files `check` read or weighed for each sidecar: the sidecar and every article
   * candidate that exists (several when they make the article ambiguous).
   */
  readonly inputs = new Map<string, readonly string[]>();

  /** Each sidecar parsed once: finding an article's sidecars reads its `article:` field, checking it all of it. */
  private readonly parsed = new Map<string, ParsedSidecar>();

  private parse(sidecarPath: string, sidecarText = this.readText(sidecarPath)): ParsedSidecar {
    let parsed = this.parsed.get(sidecarPath);
    if (!parsed) this.parsed.set(sidecarPath, (parsed = parseSidecar(sidecarText, sidecarPath)));
    return parsed;
  }

  private articleField(sidecarPath: string): string | undefined {
    return this.parse(sidecarPath).article;
  }

  /** Loads a sidecar, finds and reads its article, and analyses it. */
  check(sidecarPath: string): CheckedSidecar {
    const sidecarText = this.readText(sidecarPath);
    const parsed = this.parse(sidecarPath, sidecarText);
    const articleField = parsed.article;
    const existing = articleCandidates(sidecarPath, articleField).filter((c) => this.isFile(c));
    this.inputs.set(sidecarPath, [sidecarPath, ...existing]);
    const resolution = resolveArticle(sidecarPath, articleField, existing);
    if (!resolution.ok) {
      const named = articleField ? articleCandidates(sidecarPath, articleField)[0]! : undefined;
      const folder = named !== undefined && this.stat(named)?.isDirectory();
      const message = folder ? `article ${quoted(articleField!)} (the sidecar's \`article:\` field) is a folder, not a file: name the article's file` : resolution.message;
      return { analysis: analyze({ sidecarPath, sidecarText, parsed, articleMissing: message }) };
    }
    const articlePath = this.display(resolution.path);
    const articleText = this.readText(articlePath);
    return { analysis: analyze({ sidecarPath, sidecarText, parsed, articlePath, articleText }), articleText };
  }
}
