// The dashboard's words in VS Code's display language (shared/protocol/dashboard.ts DASHBOARD_PHRASES says which
// placeholders each has): one vscode.l10n.t per phrase, so that scripts/l10n-extract.mjs puts them in
// l10n/bundle.l10n.json. The figures, the languages' names and the core's notes are not words of the panel.
import * as vscode from 'vscode';
import type { DashboardPhrase } from '../../../shared/protocol/dashboard';
import type { Words } from '../../../shared/protocol/words';
import { panelWords } from '../panel';
import { auditPhrases } from './auditWords';

export function dashboardWords(): Words<DashboardPhrase> {
  return panelWords<DashboardPhrase>({
    ...auditPhrases(),
    toolbar: vscode.l10n.t('Agreement dashboard'),
    heading: vscode.l10n.t('Can the judge be trusted?'),
    intervals: vscode.l10n.t('{0}% bootstrap intervals over prompt groups (resamples: {1}, seed {2})'),
    noIntervals: vscode.l10n.t('no intervals'),
    refresh: vscode.l10n.t('Refresh'),
    refreshTitle: vscode.l10n.t('Compute the figures again'),
    chooseRun: vscode.l10n.t('Run…'),
    chooseRunTitle: vscode.l10n.t('Show another run'),
    charts: vscode.l10n.t('Charts…'),
    chartsTitle: vscode.l10n.t('Every chart of this run'),
    export: vscode.l10n.t('Export…'),
    exportTitle: vscode.l10n.t('Write the table as CSV, Markdown, LaTeX or JSON'),
    filters: vscode.l10n.t('Filters'),
    annotators: vscode.l10n.t('Annotators'),
    annotatorsPlaceholder: vscode.l10n.t('all (e.g. expert_*, !author_*)'),
    annotatorsTitle: vscode.l10n.t('Shell-style patterns separated by commas; a leading ! leaves out'),
    annotatorsUsed: vscode.l10n.t('{0} of {1} annotators'),
    judges: vscode.l10n.t('Judges'),
    unparsableVerdicts: vscode.l10n.t('Unparsable verdicts'),
    leftOut: vscode.l10n.t('left out'),
    countAsTies: vscode.l10n.t('count as ties'),
    apply: vscode.l10n.t('Apply'),
    applyTitle: vscode.l10n.t('Compute the figures with these filters (Enter)'),
    updated: vscode.l10n.t('updated {0}'),
    noFigures: vscode.l10n.t(
      'No agreement figures in {0}: it needs pairwise judge verdicts and human pairwise votes on the same items.',
    ),
    judgeBelowIn: vscode.l10n.t(
      'The judge is below the humans in {0}: read its errors there before trusting its figures.',
    ),
    chartLabel: vscode.l10n.t('The figures below as a forest plot'),
    chartCaption: vscode.l10n.t(
      "The table's figures per language: each judge (dot) next to the humans (diamond, and the grey band), with intervals; a judge below the humans is marked. Hover a mark for its figure, n and interval; click it for the items behind it.",
    ),
    language: vscode.l10n.t('Language'),
    comparison: vscode.l10n.t('Comparison'),
    figureHead: vscode.l10n.t('{0} %'),
    items: vscode.l10n.t('Items'),
    judgeErrors: vscode.l10n.t('Judge errors'),
    minusHumansTitle: vscode.l10n.t('judge − humans per figure, with its own 95% interval'),
    minusHumans: vscode.l10n.t('Judge − humans'),
    legend: vscode.l10n.t(
      "Each bar runs from 0 to 100%: the mark is the figure, the dark band its interval; behind a judge's figure the light band is the humans' interval. Click a number for the items behind it.",
    ),
    turn: vscode.l10n.t('turn {0}'),
    judgeBelowBadge: vscode.l10n.t('judge below humans'),
    humanVsHuman: vscode.l10n.t('human vs human'),
    vsHumans: vscode.l10n.t('vs humans'),
    invalidLeftOut: vscode.l10n.t('unparsable judge verdicts left out'),
    invalidCount: vscode.l10n.t('+{0} invalid'),
    errorItems: vscode.l10n.t('items: {0}'),
    none: vscode.l10n.t('none'),
    figureLabel: vscode.l10n.t('{0} {1}% over {2} vote pairs{3}: show the items'),
    figureInterval: vscode.l10n.t(', interval {0}'),
    figureBelow: vscode.l10n.t(', below the humans'),
    noPairs: vscode.l10n.t('– (n = 0)'),
    belowInterval: vscode.l10n.t('below the human–human interval'),
    n: vscode.l10n.t('n = {0}'),
    withTie: vscode.l10n.t('Agreement w/ tie'),
    withoutTie: vscode.l10n.t('Agreement w/o tie'),
    lima: vscode.l10n.t('LIMA score'),
    withTieShort: vscode.l10n.t('w/ tie'),
    withoutTieShort: vscode.l10n.t('w/o tie'),
    limaShort: vscode.l10n.t('LIMA'),
    below: vscode.l10n.t('below the humans'),
    above: vscode.l10n.t('above the humans'),
    noDifference: vscode.l10n.t('no difference shown'),
    tooFew: vscode.l10n.t('too few items to say'),
    tooFewIn: vscode.l10n.t('Too few items to say in {0}.'),
    noneBelow: vscode.l10n.t(
      'No language where the interval of judge − humans lies wholly below 0: where it holds 0, the data cannot tell the judge from the humans.',
    ),
    noOtherBelow: vscode.l10n.t(
      'No language where the interval of judge − humans lies wholly below 0 among the others: where it holds 0, the data cannot tell the judge from the humans.',
    ),
    minusTitle: vscode.l10n.t('{0}: judge − humans {1} points {2}, over {3} prompt groups'),
    annotatorsHeading: vscode.l10n.t('Annotators: who needs help?'),
    annotator: vscode.l10n.t('Annotator'),
    goldAccuracy: vscode.l10n.t('Gold accuracy %'),
    withOthers: vscode.l10n.t('Agree w/ others %'),
    withMajority: vscode.l10n.t('Agree w/ majority %'),
    medianTime: vscode.l10n.t('Median time'),
    fastLabels: vscode.l10n.t('Fast labels'),
    seconds: vscode.l10n.t('{0} s'),
    fastOf: vscode.l10n.t('{0} of {1}'),
  });
}
