// vscode.l10n for the host's files that write a panel's texts without importing vscode (so that the unit tests
// run them in node): they take an `l10n` and call `l10n.t('literal', …)`, which scripts/l10n-extract.mjs finds as
// it finds vscode.l10n.t. The panels pass vscode.l10n; the default, for tests, fills the English.
import { fill } from '../../shared/protocol/words';

export interface Localiser {
  t(message: string, ...args: (string | number)[]): string;
}

export const ENGLISH: Localiser = { t: (message, ...args) => fill(message, args) };
