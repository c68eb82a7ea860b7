// The display language of this VS Code (vscode.env.language, fixed until VS Code restarts) with its words.
import * as vscode from 'vscode';
import { displayLanguage, type DisplayLanguage } from './displayLanguage';

let current: DisplayLanguage | undefined;

export function display(): DisplayLanguage {
  current ??= displayLanguage(vscode.env.language, vscode.l10n);
  return current;
}
