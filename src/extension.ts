import type * as vscode from 'vscode';
import { Config } from './extension/config';
import { ClaimStore } from './extension/claimStore';

/** What `activate` returns: lets the extension-host tests inspect what was rendered. */
export interface ClaimLensApi {
  store: ClaimStore;
}

export async function activate(context: vscode.ExtensionContext): Promise<ClaimLensApi> {
  const config = new Config();
  const store = new ClaimStore(config);
  context.subscriptions.push(config, store);
  await store.refresh();
  return { store };
}

export function deactivate(): void {}
