// A team's server out of reach (a restart, a network drop) is shown, not only met as failed saves: a status bar
// item says so while the store retries in the background (the annotation outbox keeps and writes again the labels
// given meanwhile), and goes away once every connection answers again.
import * as vscode from 'vscode';
import type { Database } from './database';

export function showReachability(database: Database, log: vscode.LogOutputChannel): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('langlens.database', vscode.StatusBarAlignment.Left, 100);
  item.name = vscode.l10n.t('LangLens database');
  item.text = `$(debug-disconnect) ${vscode.l10n.t('LangLens: database unreachable — retrying')}`;
  item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  const subscription = database.onDidChangeReachability(({ state, detail }) => {
    if (state === 'unreachable') {
      log.warn(`database unreachable, retrying: ${detail}`);
      item.tooltip = `${detail}\n${vscode.l10n.t('Labels given meanwhile are kept and saved when the server answers again.')}`;
      item.show();
    } else {
      log.info('database reachable again');
      item.hide();
    }
  });
  return vscode.Disposable.from(item, subscription);
}
