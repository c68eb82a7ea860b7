// LangLens: Set Database Password: the password of a team's PostgreSQL server (langlens.database.url) goes to VS
// Code's secret storage, keyed by the server's URL, and never to settings; the store is then reopened with it.
import * as vscode from 'vscode';
import { passwordSecret, type Database } from './database';
import { databaseUrl } from './settings';
import { redactedUrl } from '../core/store/store';

export function registerDatabasePassword(context: vscode.ExtensionContext, database: Database): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('langlens.setDatabasePassword', async () => {
      const url = databaseUrl();
      if (url === '') {
        void vscode.window.showInformationMessage(
          vscode.l10n.t(
            'LangLens uses a database file here: set langlens.database.url to a team server (postgres://...) first.',
          ),
        );
        return;
      }
      const password = await vscode.window.showInputBox({
        title: vscode.l10n.t('LangLens: database password'),
        prompt: vscode.l10n.t(
          "The password of {0} (kept in VS Code's secret storage; empty removes it)",
          redactedUrl(url),
        ),
        password: true,
        ignoreFocusOut: true,
      });
      if (password === undefined) return;
      if (password === '') await context.secrets.delete(passwordSecret(url));
      else await context.secrets.store(passwordSecret(url), password);
      await database.reopen();
    }),
  );
}
