/**
 * The extension's model of the workspace: for every sidecar, its article and the
 * current Analysis (from open documents when open, else from disk), kept live.
 * STUB: this is the interface the tree view, commands, decorations, hovers and
 * diagnostics code against; the editor helper (E1) implements it.
 */
import type * as vscode from 'vscode';
import type { Analysis } from '../core/analyze';
import type { AnchoredClaim } from '../core/types';

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
  forArticle(articleUri: vscode.Uri): ArticleState | undefined;
  forSidecar(sidecarUri: vscode.Uri): ArticleState | undefined;
  /** Claims whose anchor contains the offset in the article (innermost first). */
  claimsAt(articleUri: vscode.Uri, offset: number): AnchoredClaim[];
  /** Re-reads everything (e.g. after settings change). */
  refresh(): Promise<void>;
}
