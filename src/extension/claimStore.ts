/**
 * The extension's model of the workspace: for every sidecar, its article and the
 * current Analysis (from open documents when open, else from disk), kept live.
 * This is the interface the tree view, commands, decorations, hovers and
 * diagnostics code against.
 */
import * as vscode from 'vscode';
import { analyze, type Analysis } from '../core/analyze';
import { articleCandidates, resolveArticle, sidecarCandidates } from '../core/article';
import { extname, isSidecarPath } from '../core/paths';
import { openSidecar, type EditResult, type SidecarEditor } from '../core/edits';
import { parseSidecar, type ParsedSidecar } from '../core/sidecar';
import { LiveAnchors, type ContentChange } from '../core/liveAnchors';
import type { Anchor, AnchoredClaim, AnchorTarget } from '../core/types';
import type { Config } from './config';
import { exists, isDirectory, openDocument, readText } from './fileSystem';

export interface ArticleState {
  sidecarUri: vscode.Uri;
  /** Undefined when the article could not be resolved (article-missing). */
  articleUri: vscode.Uri | undefined;
  /** Texts the analysis was computed from (open document text if open, else disk). */
  sidecarText: string;
  articleText: string | undefined;
  analysis: Analysis;
}

export interface ClaimStoreApi extends vscode.Disposable {
  /** Fires after any state changes (sidecar or article edited, created, deleted). */
  readonly onDidChange: vscode.Event<void>;
  /** All known sidecars with their state. */
  all(): readonly ArticleState[];
  /** The first sidecar of the article (use `allForArticle` where an article may have several). */
  forArticle(articleUri: vscode.Uri): ArticleState | undefined;
  /** Every sidecar of the article (`x.claims.yaml` and `x.claims.yml`, or one elsewhere whose `article:` names it). */
  allForArticle(articleUri: vscode.Uri): readonly ArticleState[];
  /**
   * `allForArticle` for an article shown, when every one was analysed from the text
   * it shows now; undefined while any catches up with typing (its offsets are for
   * another text).
   */
  showing(document: vscode.TextDocument): readonly ArticleState[] | undefined;
  forSidecar(sidecarUri: vscode.Uri): ArticleState | undefined;
  /** Claims whose anchor contains the offset in the article (innermost first). */
  claimsAt(articleUri: vscode.Uri, offset: number): AnchoredClaim[];
  /** Re-reads everything (e.g. after settings change). */
  refresh(): Promise<void>;
  /**
   * How many times the live anchors of the sidecar were built from scratch: once when
   * its article is opened, again only if an edit was missed or the claims changed.
   */
  liveAnchorBuilds(sidecarUri: vscode.Uri): number;
}

export const SIDECAR_GLOB = '**/*.claims.{yaml,yml}';
const EXCLUDE_GLOB = '**/node_modules/**';
/** Typing pauses this long before a re-analysis; well inside the 300 ms budget. */
const TYPING_DELAY_MS = 75;
/** File events come in bursts (a checkout, a save writing twice): coalesce them briefly. */
const FILE_EVENT_DELAY_MS = 10;
/** Documents that show some other version of a file (diffs, history): never the live text. */
const IGNORED_SCHEMES = new Set(['git', 'gitfs', 'output', 'vscode-scm', 'untitled']);

interface Entry {
  sidecarUri: vscode.Uri;
  state: ArticleState | undefined;
  /** Article paths whose creation or deletion can change this sidecar's resolution. */
  candidates: readonly string[];
  /** The `article:` field the resolution was made for, and why it failed (if it did). */
  articleField?: string;
  articleMissing?: string;
  /** Bumped on every load, so a slow load never overwrites a newer one. */
  generation: number;
  /** Loads reading the disk now; `retyped` when typing re-analyzed meanwhile (see `reanalyze`). */
  loading?: number;
  retyped?: boolean;
  /** While the article is open: its anchors, moved with every edit instead of recomputed. */
  live?: { anchors: LiveAnchors; targets: readonly AnchorTarget[] };
  /** How many times `live` was built from scratch. */
  liveBuilds?: number;
  /** The last parse of the sidecar: typing in the article does not change it. */
  parsed?: { text: string; sidecar: ParsedSidecar; editor?: SidecarEditor | EditResult };
}

export class ClaimStore implements ClaimStoreApi {
  private readonly entries = new Map<string, Entry>();
  private readonly timers = new Map<string, { timer: ReturnType<typeof setTimeout>; quick: boolean }>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private articleWatcher: vscode.FileSystemWatcher | undefined;
  readonly onDidChange = this.emitter.event;

  constructor(private readonly config: Config) {
    // Creating or deleting a folder (git checkout, a move) may report the folder alone,
    // so creations and deletions are watched for every path; changes only for ours.
    const paths = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    const sidecarChanges = vscode.workspace.createFileSystemWatcher(SIDECAR_GLOB, true, false, true);
    this.disposables.push(
      this.emitter,
      paths,
      paths.onDidCreate((uri) => void this.onCreate(uri)),
      paths.onDidDelete((uri) => this.onDelete(uri)),
      sidecarChanges,
      sidecarChanges.onDidChange((uri) => this.onDiskChange(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        this.advanceLiveAnchors(e.document, e.contentChanges);
        this.onDocumentChange(e.document.uri, TYPING_DELAY_MS, true);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => void this.discover(d.uri)),
      // Closing a document with unsaved edits drops them: the disk is the truth again.
      vscode.workspace.onDidCloseTextDocument((d) => this.onDocumentChange(d.uri, FILE_EVENT_DELAY_MS)),
      config.onDidChange(({ previous, current }) => {
        if (previous.articleExtensions.join() === current.articleExtensions.join()) return;
        this.watchArticles();
        void this.refresh();
      }),
    );
    this.watchArticles();
  }

  all(): readonly ArticleState[] {
    return [...this.entries.values()].flatMap((e) => (e.state ? [e.state] : []));
  }

  forArticle(articleUri: vscode.Uri): ArticleState | undefined {
    return this.allForArticle(articleUri)[0];
  }

  allForArticle(articleUri: vscode.Uri): ArticleState[] {
    const key = articleUri.toString();
    return this.all().filter((s) => s.articleUri?.toString() === key);
  }

  showing(document: vscode.TextDocument): readonly ArticleState[] | undefined {
    const states = this.allForArticle(document.uri);
    if (states.length === 0) return states;
    const text = document.getText();
    return states.every((state) => state.articleText === text) ? states : undefined;
  }

  forSidecar(sidecarUri: vscode.Uri): ArticleState | undefined {
    return this.entries.get(sidecarUri.toString())?.state;
  }

  liveAnchorBuilds(sidecarUri: vscode.Uri): number {
    return this.entries.get(sidecarUri.toString())?.liveBuilds ?? 0;
  }

  claimsAt(articleUri: vscode.Uri, offset: number): AnchoredClaim[] {
    const hits: { claim: AnchoredClaim; length: number }[] = [];
    for (const state of this.allForArticle(articleUri)) {
      for (const claim of state.analysis.claims) {
        const a = claim.anchor;
        if (a.kind !== 'orphaned' && a.start <= offset && offset < a.end) hits.push({ claim, length: a.end - a.start });
      }
    }
    return hits.sort((x, y) => x.length - y.length).map((h) => h.claim);
  }

  async refresh(): Promise<void> {
    const found = await vscode.workspace.findFiles(SIDECAR_GLOB, EXCLUDE_GLOB);
    const uris = new Map([...this.entries.values()].map((e) => [e.sidecarUri.toString(), e.sidecarUri]));
    for (const uri of found) uris.set(uri.toString(), uri);
    const changed = await Promise.all([...uris.values()].map((uri) => this.load(uri)));
    for (const uri of vscode.workspace.textDocuments.map((d) => d.uri)) await this.discover(uri, false);
    if (changed.some(Boolean)) this.emitter.fire();
  }

  dispose(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.articleWatcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  /** Sidecars whose analysis depends on the file at `uri` (itself, or the article of). */
  private dependents(uri: vscode.Uri): vscode.Uri[] {
    const key = uri.toString();
    if (IGNORED_SCHEMES.has(uri.scheme)) return [];
    if (this.entries.has(key) || isSidecarPath(uri.path)) return [uri];
    const out: vscode.Uri[] = [];
    for (const entry of this.entries.values()) {
      const isArticle = entry.state?.articleUri?.toString() === key;
      const couldBe = uri.scheme === entry.sidecarUri.scheme && entry.candidates.includes(uri.path);
      if (isArticle || couldBe) out.push(entry.sidecarUri);
    }
    return out;
  }

  /** Moves the live anchors of an edited article; one that lost track is dropped and rebuilt on the next analysis. */
  private advanceLiveAnchors(document: vscode.TextDocument, changes: readonly ContentChange[]): void {
    const key = document.uri.toString();
    for (const entry of this.entries.values()) {
      if (!entry.live || entry.state?.articleUri?.toString() !== key) continue;
      entry.live.anchors.applyChanges(changes);
      // A cheap check that no change was missed (the whole text would cost a 1 MB copy per keystroke).
      if (entry.live.anchors.length !== documentLength(document)) entry.live = undefined;
    }
  }

  /** `typed`: only open documents' text changed, so the article's resolution still holds. */
  private onDocumentChange(uri: vscode.Uri, delay: number, typed = false): void {
    for (const sidecar of this.dependents(uri)) this.schedule(sidecar, delay, typed);
  }

  /** A file changed on disk; an open document reports its own changes. */
  private onDiskChange(uri: vscode.Uri): void {
    if (!openDocument(uri)) this.onDocumentChange(uri, FILE_EVENT_DELAY_MS);
  }

  /** A file or a whole folder was created: load the sidecars in it, re-resolve those it may be the article of. */
  private async onCreate(uri: vscode.Uri): Promise<void> {
    if (isSidecarPath(uri.path)) return this.schedule(uri, FILE_EVENT_DELAY_MS);
    if (this.config.current.articleExtensions.includes(extname(uri.path))) return this.onDocumentChange(uri, FILE_EVENT_DELAY_MS);
    if (/\/(node_modules|\.git)(\/|$)/.test(uri.path) || !(await isDirectory(uri))) return;
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, SIDECAR_GLOB), EXCLUDE_GLOB);
    for (const sidecar of found) this.schedule(sidecar, FILE_EVENT_DELAY_MS);
  }

  /** A file or a whole folder was deleted: drop the sidecars in it, re-resolve those whose article was. */
  private onDelete(uri: vscode.Uri): void {
    const within = (other: vscode.Uri) =>
      other.scheme === uri.scheme && other.authority === uri.authority && (other.path === uri.path || other.path.startsWith(`${uri.path}/`));
    for (const [key, entry] of this.entries) {
      if (within(entry.sidecarUri)) this.remove(key);
      else if ((entry.state?.articleUri && within(entry.state.articleUri)) || entry.candidates.some((p) => within(entry.sidecarUri.with({ path: p })))) {
        this.schedule(entry.sidecarUri, FILE_EVENT_DELAY_MS);
      }
    }
  }

  private watchArticles(): void {
    this.articleWatcher?.dispose();
    const names = this.config.current.articleExtensions.map((e) => e.slice(1)).join(',');
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*.{${names}}`, true, false, true);
    watcher.onDidChange((uri) => this.onDiskChange(uri));
    this.articleWatcher = watcher;
  }

  /**
   * Picks up a sidecar, or an article's sidecar, opened from outside the workspace
   * (or created before the watchers saw it).
   */
  private async discover(uri: vscode.Uri, fire = true): Promise<void> {
    if (IGNORED_SCHEMES.has(uri.scheme)) return;
    let sidecars: vscode.Uri[] = [];
    if (isSidecarPath(uri.path)) sidecars = [uri];
    else if (this.config.current.articleExtensions.includes(extname(uri.path)) && !this.forArticle(uri)) {
      const candidates = sidecarCandidates(uri.path).map((p) => uri.with({ path: p }));
      const found = await Promise.all(candidates.map(async (c) => ((await exists(c)) ? c : undefined)));
      sidecars = found.filter((c): c is vscode.Uri => c !== undefined);
    }
    const fresh = sidecars.filter((s) => !this.entries.has(s.toString()));
    const changed = await Promise.all(fresh.map((s) => this.load(s)));
    if (fire && changed.some(Boolean)) this.emitter.fire();
  }

  private schedule(sidecarUri: vscode.Uri, delay: number, typed = false): void {
    const key = sidecarUri.toString();
    const pending = this.timers.get(key);
    clearTimeout(pending?.timer);
    // A pending reload from disk is not downgraded by later typing.
    const quick = typed && (pending?.quick ?? true);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      const entry = this.entries.get(key);
      if (quick && entry && this.reanalyze(entry)) this.emitter.fire();
      else void this.load(sidecarUri).then((changed) => changed && this.emitter.fire());
    }, delay);
    this.timers.set(key, { timer, quick });
  }

  private remove(key: string): void {
    clearTimeout(this.timers.get(key)?.timer);
    this.timers.delete(key);
    if (this.entries.delete(key)) this.emitter.fire();
  }

  /**
   * Typing: re-analyzes from the open documents' text without touching the disk, since
   * the article's resolution still holds. False when it does not (the `article:` field
   * changed, or nothing was loaded yet): then a full load is needed.
   */
  private reanalyze(entry: Entry): boolean {
    const state = entry.state;
    if (!state) return false;
    try {
      const sidecarText = openDocument(entry.sidecarUri)?.getText() ?? state.sidecarText;
      if (parsedSidecar(entry, sidecarText).article !== entry.articleField) return false;
      const articleText = state.articleUri && (openDocument(state.articleUri)?.getText() ?? state.articleText);
      // A load in flight may be reading newer text from disk (a sidecar changed outside
      // the editor): it is kept, and typing is applied again on top of it when it ends.
      // Outdating it instead (as a newer load does) lost that text until the next change.
      if ((entry.loading ?? 0) > 0) entry.retyped = true;
      entry.state = analyzed(entry, sidecarText, state.articleUri, articleText);
      return true;
    } catch (error) {
      console.error(`Claim Lens: could not analyze ${entry.sidecarUri.toString()}`, error);
      return false;
    }
  }

  /** (Re)analyzes one sidecar; true when the stored state changed. */
  private async load(sidecarUri: vscode.Uri): Promise<boolean> {
    const key = sidecarUri.toString();
    const entry = this.entries.get(key) ?? { sidecarUri, state: undefined, candidates: [], generation: 0 };
    const generation = ++entry.generation;
    this.entries.set(key, entry);
    const current = () => this.entries.get(key) === entry && entry.generation === generation;
    entry.loading = (entry.loading ?? 0) + 1;
    try {
      const sidecarText = await readText(sidecarUri);
      if (sidecarText === undefined) {
        if (current()) this.entries.delete(key);
        return entry.state !== undefined;
      }
      const extensions = this.config.current.articleExtensions;
      const articleField = parsedSidecar(entry, sidecarText).article;
      const candidates = articleCandidates(sidecarUri.path, articleField, extensions);
      const existing = await Promise.all(candidates.map((p) => exists(sidecarUri.with({ path: p }))));
      const resolution = resolveArticle(
        sidecarUri.path,
        articleField,
        candidates.filter((_, i) => existing[i]),
        extensions,
      );
      const articleUri = resolution.ok ? sidecarUri.with({ path: resolution.path }) : undefined;
      const articleText = articleUri && (await readText(articleUri));
      if (!current()) return false;
      entry.candidates = candidates;
      entry.articleField = articleField;
      entry.articleMissing = resolution.ok ? undefined : resolution.message;
      entry.state = analyzed(entry, sidecarText, articleUri, articleText);
      return true;
    } catch (error) {
      // One broken sidecar (or a core bug on odd input) must not take the others down.
      console.error(`Claim Lens: could not analyze ${sidecarUri.toString()}`, error);
      if (current() && entry.state === undefined) this.entries.delete(key);
      return false;
    } finally {
      if (--entry.loading! === 0 && entry.retyped) {
        entry.retyped = false;
        if (this.entries.get(key) === entry && this.reanalyze(entry)) this.emitter.fire();
      }
    }
  }
}

/** The sidecar parsed, reusing the last parse while its text is the same (typing in the article). */
function parsedSidecar(entry: Entry, text: string): ParsedSidecar {
  if (entry.parsed?.text !== text) entry.parsed = { text, sidecar: parseSidecar(text, entry.sidecarUri.path) };
  return entry.parsed.sidecar;
}

function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

function analyzed(entry: Entry, sidecarText: string, articleUri: vscode.Uri | undefined, articleText: string | undefined): ArticleState {
  // Only an article open in the editor is edited often enough to keep live anchors for.
  const open = articleUri !== undefined && openDocument(articleUri) !== undefined;
  if (!open) entry.live = undefined;
  const analysis = analyze({
    sidecarPath: entry.sidecarUri.path,
    sidecarText,
    parsed: parsedSidecar(entry, sidecarText),
    openSidecar: () => (entry.parsed!.editor ??= openSidecar(sidecarText)),
    articlePath: articleUri?.path,
    articleText,
    articleMissing: entry.articleMissing,
    ...(open ? { anchor: (text: string, targets: readonly AnchorTarget[]) => liveAnchors(entry, text, targets) } : {}),
  });
  return { sidecarUri: entry.sidecarUri, articleUri, sidecarText, articleText, analysis };
}

/**
 * Whether two target lists anchor the same: compared field by field, per analysis,
 * without building a key of every quote (a new parse of an unchanged sidecar gives
 * equal strings).
 */
function sameTargets(a: readonly AnchorTarget[], b: readonly AnchorTarget[]): boolean {
  return a.length === b.length && a.every((t, i) => t.quote === b[i]!.quote && t.prefix === b[i]!.prefix && t.suffix === b[i]!.suffix);
}

/** The entry's live anchors for this text and these targets (rebuilt when either differs), copied. */
function liveAnchors(entry: Entry, text: string, targets: readonly AnchorTarget[]): Anchor[] {
  if (!entry.live || !sameTargets(entry.live.targets, targets) || !entry.live.anchors.isText(text)) {
    // A copy of what anchoring reads: the claims themselves may be replaced by a new parse.
    const kept = targets.map(({ quote, prefix, suffix }) => ({ quote, prefix, suffix }));
    entry.live = { anchors: new LiveAnchors(text, kept), targets: kept };
    entry.liveBuilds = (entry.liveBuilds ?? 0) + 1;
  }
  // LiveAnchors updates its anchor objects in place; the analysis keeps its own.
  return entry.live.anchors.snapshot();
}
