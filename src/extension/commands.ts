/**
 * Every command of the review workflow, in one table, registered by one function.
 * Adding a command: write `commands/<verbNoun>Command.ts`, add it here, then declare it
 * in package.json (`contributes.commands` with a `%claimLens.command.<verbNoun>%` title
 * in package.nls.json, `"category": "Claim Lens"`; internal `_` ones hidden with
 * `"when": "false"` under `menus.commandPalette`).
 */
import * as vscode from 'vscode';
import type { ArticleContext } from './articleContext';
import type { ClaimStoreApi } from './claimStore';
import { REVEAL_IN_ARTICLE_COMMAND, type ClaimsTreeView } from './claimsTreeView';
import { addClaimCommand } from './commands/addClaimCommand';
import { addSourceCommand } from './commands/addSourceCommand';
import { copyQuoteCommand } from './commands/copyQuoteCommand';
import { createSidecarCommand } from './commands/createSidecarCommand';
import { exportReportCommand } from './commands/exportReportCommand';
import { clearFilterCommand, filterCommand } from './commands/filterCommand';
import { groupByCommand } from './commands/groupByCommand';
import { nextClaimCommand, previousClaimCommand } from './commands/nextClaimCommand';
import { openSidecarCommand } from './commands/openSidecarCommand';
import { revealInArticleCommand } from './commands/revealInArticleCommand';
import { revealInSidecarCommand } from './commands/revealInSidecarCommand';
import { setStatusCommand } from './commands/setStatusCommand';

/** What the commands work with. */
export interface CommandContext {
  readonly store: ClaimStoreApi;
  readonly claimsView: ClaimsTreeView;
  readonly articles: ArticleContext;
}

// Arguments are whatever VS Code or a caller passes (a tree node, a Uri, plain data):
// each command checks its own.
type Handler = (ctx: CommandContext, ...args: unknown[]) => unknown;

export const COMMANDS: Readonly<Record<string, Handler>> = {
  // ──── Writing the sidecar ───────────────────────────────────
  'claimLens.addClaim': addClaimCommand,
  'claimLens.setStatus': setStatusCommand,
  'claimLens.addSource': addSourceCommand,
  'claimLens.createSidecar': createSidecarCommand,
  // ──── Moving around ─────────────────────────────────────────
  'claimLens.nextClaim': nextClaimCommand,
  'claimLens.previousClaim': previousClaimCommand,
  'claimLens.openSidecar': openSidecarCommand,
  'claimLens.revealInSidecar': revealInSidecarCommand,
  'claimLens.copyQuote': copyQuoteCommand,
  'claimLens.exportReport': exportReportCommand,
  // ──── Claims view ───────────────────────────────────────────
  'claimLens.groupBy': groupByCommand,
  'claimLens.filter': filterCommand,
  'claimLens.clearFilter': clearFilterCommand,
  // ──── Internal ──────────────────────────────────────────────
  [REVEAL_IN_ARTICLE_COMMAND]: revealInArticleCommand,
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => handler(ctx, ...args)),
  );
}
