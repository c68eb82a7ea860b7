// The charts panel's words in VS Code's display language (shared/protocol/charts.ts CHARTS_PHRASES says which
// placeholders each has): one vscode.l10n.t per phrase, so that scripts/l10n-extract.mjs puts them in
// l10n/bundle.l10n.json. The charts' titles, descriptions and marks come from the core and are not the panel's.
import * as vscode from 'vscode';
import type { ChartsPhrase } from '../../../shared/protocol/charts';
import type { Words } from '../../../shared/protocol/words';
import { auditPhrases } from '../dashboard/auditWords';
import { panelWords } from '../panel';

export function chartsWords(): Words<ChartsPhrase> {
  return panelWords<ChartsPhrase>({
    ...auditPhrases(),
    charts: vscode.l10n.t('Charts'),
    help: vscode.l10n.t(
      '95% bootstrap intervals over prompt groups; hover a mark for its figure, n and interval, click it for the items behind it',
    ),
    baseline: vscode.l10n.t('Heatmap baseline'),
    baselinePlaceholder: vscode.l10n.t('system or mono-{lang}'),
    refresh: vscode.l10n.t('Refresh'),
    refreshTitle: vscode.l10n.t('Draw the charts again'),
    chooseRun: vscode.l10n.t('Run…'),
    chooseRunTitle: vscode.l10n.t('Show another run'),
    nothingToDraw: vscode.l10n.t('Nothing to draw.'),
    notes: vscode.l10n.t('Notes'),
    notDrawn: vscode.l10n.t('This chart could not be drawn: {0}'),
    system: vscode.l10n.t('System'),
    whatCounted: vscode.l10n.t('What counted'),
  });
}
