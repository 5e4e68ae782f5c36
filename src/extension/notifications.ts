/**
 * Every notification the extension shows goes through here (lint forbids the
 * `vscode.window.show…Message` calls elsewhere): messages carry file names and
 * sidecar text, which must not become command links (`notificationText`).
 */
import * as vscode from 'vscode';
import { notificationText } from '../core/text';

export function showError<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  // eslint-disable-next-line no-restricted-syntax -- the one place notifications are shown
  return vscode.window.showErrorMessage(notificationText(message), ...items);
}

export function showWarning<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  // eslint-disable-next-line no-restricted-syntax -- the one place notifications are shown
  return vscode.window.showWarningMessage(notificationText(message), ...items);
}

export function showInformation<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  // eslint-disable-next-line no-restricted-syntax -- the one place notifications are shown
  return vscode.window.showInformationMessage(notificationText(message), ...items);
}
