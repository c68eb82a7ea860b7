// The words of the items' list behind a figure (shared/protocol/audit.ts AUDIT_PHRASES), which the dashboard and
// the charts both show: part of each panel's words.
import * as vscode from 'vscode';
import type { AUDIT_PHRASES } from '../../../shared/protocol/audit';

export function auditPhrases(): Record<keyof typeof AUDIT_PHRASES, string> {
  return {
    auditClose: vscode.l10n.t('Close'),
    auditCloseTitle: vscode.l10n.t('Close the list'),
    auditShowItems: vscode.l10n.t('Show items'),
    auditAll: vscode.l10n.t('All {0}'),
    auditDisagree: vscode.l10n.t('Disagree'),
    auditTieInvolved: vscode.l10n.t('Tie involved'),
    auditInvalid: vscode.l10n.t('Invalid'),
    auditAgree: vscode.l10n.t('Agree'),
    auditNoItems: vscode.l10n.t('No items.'),
    auditPromptGroup: vscode.l10n.t('Prompt group'),
    auditSystems: vscode.l10n.t('Systems'),
    auditJudge: vscode.l10n.t('Judge'),
    auditHumanVotes: vscode.l10n.t('Human votes'),
    auditStrength: vscode.l10n.t('Strength'),
    auditOutcome: vscode.l10n.t('Outcome'),
    auditOpenInGrid: vscode.l10n.t('Open {0} in the grid'),
    auditTurn: vscode.l10n.t('turn {0}'),
    auditVersus: vscode.l10n.t('vs'),
    auditTie: vscode.l10n.t('tie'),
    auditUnparsable: vscode.l10n.t('unparsable'),
    auditMajority: vscode.l10n.t('majority: {0}'),
    auditNoMajority: vscode.l10n.t('no majority'),
    auditPairsAgree: vscode.l10n.t('{0}/{1} pairs agree'),
  };
}
