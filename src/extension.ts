import type * as vscode from 'vscode';
import { ArticleContext } from './extension/articleContext';
import { ArticleLanguage } from './extension/articleLanguage';
import { ClaimDecorator } from './extension/claimDecorator';
import { ClaimHoverProvider } from './extension/claimHoverProvider';
import { ClaimsTreeView } from './extension/claimsTreeView';
import { ClaimStore } from './extension/claimStore';
import { registerCommands } from './extension/commands';
import { Config } from './extension/config';
import { ClaimDiagnostics } from './extension/diagnostics';
import { ClaimStatusBar } from './extension/statusBar';

/** What `activate` returns: lets the extension-host tests inspect what was rendered. */
export interface ClaimLensApi {
  store: ClaimStore;
  claimsView: ClaimsTreeView;
  decorator: ClaimDecorator;
  diagnostics: ClaimDiagnostics;
  statusBar: ClaimStatusBar;
}

export async function activate(context: vscode.ExtensionContext): Promise<ClaimLensApi> {
  const config = new Config();
  const store = new ClaimStore(config);
  const articles = new ArticleContext(store, config);
  const claimsView = new ClaimsTreeView(store, context.workspaceState);
  const decorator = new ClaimDecorator(store, config, context.extensionUri);
  const diagnostics = new ClaimDiagnostics(store);
  const statusBar = new ClaimStatusBar(store);
  context.subscriptions.push(
    config,
    store,
    articles,
    claimsView,
    decorator,
    diagnostics,
    statusBar,
    new ClaimHoverProvider(store),
    new ArticleLanguage(store),
    ...registerCommands({ store, claimsView, articles }),
  );
  await store.refresh();
  return { store, claimsView, decorator, diagnostics, statusBar };
}

export function deactivate(): void {}
