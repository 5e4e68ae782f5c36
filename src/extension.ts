import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Wired by the editor-experience work.
}

export function deactivate(): void {}
