/**
 * One typed snapshot of the `claimLens.*` settings, re-read only when
 * `affectsConfiguration('claimLens')` says they changed.
 */
import * as vscode from 'vscode';
import { DEFAULT_ARTICLE_EXTENSIONS } from '../core/article';

export interface ClaimLensConfig {
  highlightsEnabled: boolean;
  gutterIconsEnabled: boolean;
  overviewRulerEnabled: boolean;
  /** Default article extensions plus `claimLens.articleExtensions`: lower-case, with the dot. */
  articleExtensions: readonly string[];
}

export function readConfig(): ClaimLensConfig {
  const c = vscode.workspace.getConfiguration('claimLens');
  const extra = c.get<unknown>('articleExtensions');
  return {
    highlightsEnabled: c.get<boolean>('highlights.enabled', true),
    gutterIconsEnabled: c.get<boolean>('gutterIcons.enabled', true),
    overviewRulerEnabled: c.get<boolean>('overviewRuler.enabled', true),
    articleExtensions: mergeExtensions(Array.isArray(extra) ? extra : []),
  };
}

function mergeExtensions(extra: readonly unknown[]): string[] {
  const cleaned = extra
    .filter((e): e is string => typeof e === 'string' && e.trim() !== '')
    .map((e) => e.trim().toLowerCase())
    .map((e) => (e.startsWith('.') ? e : `.${e}`));
  return [...new Set([...DEFAULT_ARTICLE_EXTENSIONS, ...cleaned])];
}

export interface ConfigChange {
  previous: ClaimLensConfig;
  current: ClaimLensConfig;
}

export class Config implements vscode.Disposable {
  private snapshot = readConfig();
  private readonly emitter = new vscode.EventEmitter<ConfigChange>();
  private readonly listener: vscode.Disposable;
  /** Fires after a `claimLens.*` setting changed, with the snapshots before and after. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('claimLens')) return;
      const previous = this.snapshot;
      this.snapshot = readConfig();
      this.emitter.fire({ previous, current: this.snapshot });
    });
  }

  get current(): ClaimLensConfig {
    return this.snapshot;
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}
