/**
 * Highlights every anchored claim in every visible editor of an article that has a
 * sidecar: a background per status, a border for drifted, ambiguous and
 * changed-since-verified anchors, a gutter icon per status on the claim's first line
 * (the most urgent status when several claims start on one line),
 * and overview-ruler marks. Decoration types are created once and recreated only when
 * a setting that shapes them changes; every render gives each type its ranges or `[]`.
 */
import * as vscode from 'vscode';
import { anchorLook, type AnchorLook } from '../core/hover';
import { STATUSES, type Status } from '../core/types';
import type { ArticleState, ClaimStoreApi } from './claimStore';
import type { ClaimLensConfig, Config } from './config';

/** `status:verified`, `gutter:verified`, `look:drifted`, ... */
export type DecorationKey = `status:${Status}` | `gutter:${Status}` | `look:${BorderedLook}`;
type BorderedLook = Exclude<AnchorLook, 'plain' | 'orphaned'>;

const BORDERS: Readonly<Record<BorderedLook, string>> = {
  drifted: 'dashed',
  ambiguous: 'dotted',
  changedSinceVerified: 'double',
};

/** Which status a line's gutter icon shows when several claims start on it. */
const GUTTER_URGENCY: readonly Status[] = ['false', 'disputed', 'unverified', 'in-review', 'unverifiable', 'verified'];

/** `in-review` -> `inReview`, as in the colour ids `claimLens.inReviewBackground`. */
function colourKey(status: Status): string {
  return status.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

export class ClaimDecorator implements vscode.Disposable {
  private types = new Map<DecorationKey, vscode.TextEditorDecorationType>();
  private options = new Map<DecorationKey, vscode.DecorationRenderOptions>();
  /** What the last render gave each editor, for tests and to skip needless clears. */
  private rendered = new WeakMap<vscode.TextEditor, Map<DecorationKey, vscode.Range[]>>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly store: ClaimStoreApi,
    config: Config,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.types = this.createTypes(config.current);
    this.disposables = [
      store.onDidChange(() => this.renderAll()),
      // Switching editors renders at once; typing is debounced by the store's re-analysis
      // (VS Code moves existing decorations with the text meanwhile).
      vscode.window.onDidChangeVisibleTextEditors(() => this.renderAll()),
      config.onDidChange(({ previous, current }) => {
        if (shapeOf(previous) === shapeOf(current)) return;
        for (const type of this.types.values()) type.dispose();
        this.types = this.createTypes(current);
        this.rendered = new WeakMap();
        this.renderAll();
      }),
    ];
    this.renderAll();
  }

  /** Ranges per decoration key last rendered in an editor (empty keys left out). */
  renderedRanges(editor: vscode.TextEditor): Partial<Record<DecorationKey, vscode.Range[]>> {
    const byKey = this.rendered.get(editor);
    return Object.fromEntries([...(byKey ?? [])].filter(([, ranges]) => ranges.length > 0));
  }

  /** How the current type for a key was created (settings decide it; for tests). */
  optionsFor(key: DecorationKey): vscode.DecorationRenderOptions | undefined {
    return this.options.get(key);
  }

  renderAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.render(editor);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const type of this.types.values()) type.dispose();
    this.types.clear();
  }

  private render(editor: vscode.TextEditor): void {
    const document = editor.document;
    // Every sidecar of the article. While the store catches up with typing, VS Code
    // keeps moving the previous decorations.
    const states = this.store.showing(document);
    if (!states || (states.length === 0 && !this.rendered.has(editor))) return;

    const ranges = this.rangesFor(states, document);
    for (const [typeKey, type] of this.types) editor.setDecorations(type, ranges.get(typeKey) ?? []);
    if (states.length > 0) this.rendered.set(editor, ranges);
    else this.rendered.delete(editor);
  }

  private rangesFor(states: readonly ArticleState[], document: vscode.TextDocument): Map<DecorationKey, vscode.Range[]> {
    const out = new Map<DecorationKey, vscode.Range[]>();
    const add = (key: DecorationKey, range: vscode.Range) => {
      const list = out.get(key);
      if (list) list.push(range);
      else out.set(key, [range]);
    };
    /** The gutter shows one icon per line: the most urgent status of the claims starting there. */
    const gutter = new Map<number, { status: Status; at: vscode.Position }>();
    for (const anchored of states.flatMap((state) => state.analysis.claims)) {
      const { claim, anchor } = anchored;
      if (anchor.kind === 'orphaned') continue;
      const range = new vscode.Range(document.positionAt(anchor.start), document.positionAt(anchor.end));
      add(`status:${claim.status}`, range);
      const look = anchorLook(anchored);
      if (look !== 'plain' && look !== 'orphaned') add(`look:${look}`, range);
      const line = gutter.get(range.start.line);
      if (!line || GUTTER_URGENCY.indexOf(claim.status) < GUTTER_URGENCY.indexOf(line.status)) {
        gutter.set(range.start.line, { status: claim.status, at: range.start });
      }
    }
    for (const { status, at } of gutter.values()) add(`gutter:${status}`, new vscode.Range(at, at));
    return out;
  }

  private createTypes(config: ClaimLensConfig): Map<DecorationKey, vscode.TextEditorDecorationType> {
    this.options = decorationOptions(config, this.extensionUri);
    return new Map([...this.options].map(([key, options]) => [key, vscode.window.createTextEditorDecorationType(options)]));
  }
}

/** What each decoration type looks like under these settings. */
function decorationOptions(config: ClaimLensConfig, extensionUri: vscode.Uri): Map<DecorationKey, vscode.DecorationRenderOptions> {
  const options = new Map<DecorationKey, vscode.DecorationRenderOptions>();
  for (const status of STATUSES) {
    const colour = colourKey(status);
    options.set(`status:${status}`, {
      backgroundColor: config.highlightsEnabled ? new vscode.ThemeColor(`claimLens.${colour}Background`) : undefined,
      overviewRulerColor: config.overviewRulerEnabled ? new vscode.ThemeColor(`claimLens.${colour}Ruler`) : undefined,
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    options.set(
      `gutter:${status}`,
      config.gutterIconsEnabled ? { gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'status', `${status}.svg`), gutterIconSize: '70%' } : {},
    );
  }
  for (const [look, style] of Object.entries(BORDERS) as [BorderedLook, string][]) {
    options.set(
      `look:${look}`,
      config.highlightsEnabled
        ? {
            borderStyle: style,
            borderWidth: look === 'changedSinceVerified' ? '0 0 3px 0' : '0 0 2px 0',
            borderColor: new vscode.ThemeColor(`claimLens.${look}Border`),
            rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
          }
        : {},
    );
  }
  return options;
}

/** The settings that shape decoration types; a change in any other setting keeps them. */
function shapeOf(config: ClaimLensConfig): string {
  return [config.highlightsEnabled, config.gutterIconsEnabled, config.overviewRulerEnabled].join();
}
