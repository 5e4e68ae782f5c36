import type * as vscode from 'vscode';
import { Config } from './extension/config';
import { ClaimStore } from './extension/claimStore';
import { ArticleContext } from './extension/articleContext';
import { ClaimsTreeView } from './extension/claimsTreeView';
import { registerCommands } from './extension/commands';

/** What `activate` returns: lets the extension-host tests inspect what was rendered. */
export interface ClaimLensApi {
  store: ClaimStore;
  claimsView: ClaimsTreeView;
}

export async function activate(context: vscode.ExtensionContext): Promise<ClaimLensApi> {
  const config = new Config();
  const store = new ClaimStore(config);
  context.subscriptions.push(config, store);
  const articles = new ArticleContext(store, config);
  const claimsView = new ClaimsTreeView(store, context.workspaceState);
  context.subscriptions.push(articles, claimsView, ...registerCommands({ store, claimsView, articles }));
  await store.refresh();
  return { store, claimsView };
}

export function deactivate(): void {}
