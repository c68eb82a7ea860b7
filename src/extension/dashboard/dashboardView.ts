// Turns the core's dashboard and audit lists into what the dashboard webview shows. No vscode import and no
// metric here: every figure, count and order comes from src/core/metrics/audit.
import type { AgreementRow, PairwiseItem } from '../../core/metrics/agreement';
import {
  agreementDashboard,
  agreementDashboardOffThread,
  itemsBehind,
  ItemsByGroup,
  judgeErrorCount,
  judgeErrors,
  judgesWithFigures,
  loadDashboardItems,
  onlyJudges,
  startDashboardWorker,
  type DashboardItems,
  summarise,
  type Dashboard,
  type DashboardGroup,
  type ItemBehind,
  type JudgeError,
} from '../../core/metrics/audit';
import { DEFAULT_INTERVALS, type Estimate } from '../../core/metrics/estimate';
import type { GroupValues } from '../../core/metrics/grouping';
import type { PairKey } from '../../core/model/records';
import type { Store } from '../../core/store/store';
import { afterWaitingWork } from '../../core/util/nextTurn';
import type { AuditItemView, AuditTarget, AuditView, DashboardFigure } from '../../../shared/protocol/audit';
import {
  DEFAULT_DASHBOARD_FILTERS,
  type ComparisonFiguresView,
  type DashboardFilters,
  type DashboardGroupView,
  type DashboardView,
  type EstimateView,
} from '../../../shared/protocol/dashboard';
import { ENGLISH_DISPLAY, type DisplayLanguage } from '../displayLanguage';
import type { Localiser } from '../localiser';
import { minusHumansView } from './studyView';

/** One run's items and dashboard under the chosen filters, computed once per load and kept for the audit lists. */
export interface DashboardData {
  readonly run: string;
  readonly filters: DashboardFilters;
  readonly choices: DashboardView['choices'];
  /** What the database gave for the run and annotators, every judge's verdicts: kept while only judges change. */
  readonly loaded: DashboardItems;
  /** The items with human votes (all the figures and audit lists rest on), not the whole run, of the chosen judges. */
  readonly items: readonly PairwiseItem[];
  /** The run has judge verdicts (of the chosen judges). */
  readonly judged: boolean;
  /** Point estimates first (intervalsPending), then the same figures with their intervals (withIntervals). */
  readonly dashboard: Dashboard;
  /** The figures' intervals are still being computed: the estimates are shown meanwhile, no verdict yet. */
  readonly intervalsPending: boolean;
  /** The items of each of the dashboard's groups, for its error counts and audit lists. */
  readonly byGroup: ItemsByGroup;
}

/**
 * The filters go to the core as they are: it selects the annotators and judges and treats invalid verdicts. Given
 * the previous load of the same run, a change of the invalid-verdict setting alone recomputes the figures from its
 * items without reading the database again (labels given since arrive by a refresh, which passes none).
 *
 * The figures come without intervals (a fraction of the time: 0.2 s instead of 1.2 s at 4× Shaham et al.), so the
 * panel shows them at once; withIntervals adds the intervals and the verdicts that rest on them.
 */
export async function loadDashboard(
  store: Store,
  run: string,
  filters: DashboardFilters = DEFAULT_DASHBOARD_FILTERS,
  previous?: DashboardData,
): Promise<DashboardData> {
  const sameItems = previous?.run === run && previous.filters.annotators === filters.annotators;
  // Every judge's verdicts are loaded, to offer as choices the judges with figures here; the chosen ones count.
  const [loaded, annotators] = sameItems
    ? [previous.loaded, previous.choices.annotators]
    : await Promise.all([
        loadDashboardItems(store, { run, ...(filters.annotators ? { annotatorPattern: filters.annotators } : {}) }),
        store.annotatorNames(),
      ]);
  // The figures are counted in a turn of their own: the items were built in the last one (0.2-0.6 s at 4× Shaham
  // et al.), and the extension host serves the whole window.
  await afterWaitingWork();
  const items = filters.judges ? onlyJudges(loaded.items, filters.judges) : loaded.items;
  startDashboardWorker(items); // while the figures are counted: their intervals follow on it (withIntervals)
  const sameJudges = sameItems && JSON.stringify(previous.filters.judges) === JSON.stringify(filters.judges);
  return {
    run,
    filters,
    choices: { judges: judgesWithFigures(loaded.items), annotators },
    loaded,
    items,
    judged: loaded.judged && (!filters.judges || items.some((item) => item.judges.size > 0)),
    dashboard: agreementDashboard(items, { by: loaded.by, invalidAs: filters.invalidAs }),
    intervalsPending: true,
    byGroup: sameJudges ? previous.byGroup : new ItemsByGroup(items, loaded.by),
  };
}

/**
 * The same figures with their bootstrap intervals, and the verdicts judge − humans that rest on them: computed on
 * the core's worker thread, so that the extension host serves the window's other panels and commands meanwhile.
 */
export async function withIntervals(data: DashboardData): Promise<DashboardData> {
  if (!data.intervalsPending) return data;
  await afterWaitingWork(); // the copy of the items to the worker takes a turn of its own
  const dashboard = await agreementDashboardOffThread(data.items, {
    by: data.loaded.by,
    invalidAs: data.filters.invalidAs,
    intervals: DEFAULT_INTERVALS,
  });
  return { ...data, dashboard, intervalsPending: false };
}

export function estimateView(e: Estimate): EstimateView {
  const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);
  return { value: finite(e.value), n: e.n, lower: finite(e.lower), upper: finite(e.upper) };
}

const NOT_BELOW = { withTie: false, withoutTie: false, lima: false };

function figuresView(
  row: AgreementRow,
  below: Readonly<Record<DashboardFigure, boolean>>,
  errors: number | null,
  minusHumans: ComparisonFiguresView['minusHumans'] = null,
): ComparisonFiguresView {
  return {
    judge: row.kind === 'judge-human' ? row.comparison : null,
    figures: {
      withTie: estimateView(row.withTie),
      withoutTie: estimateView(row.withoutTie),
      lima: estimateView(row.lima),
    },
    items: row.items,
    invalid: row.invalid,
    below,
    errors,
    minusHumans,
  };
}

function groupItems(data: DashboardData, group: GroupValues): readonly PairwiseItem[] {
  return data.byGroup.of(group);
}

function groupView(data: DashboardData, g: DashboardGroup, display: DisplayLanguage): DashboardGroupView {
  const items = groupItems(data, g.group);
  return {
    language: display.language(String(g.group.lang)),
    turn: g.group.turn === undefined ? null : Number(g.group.turn),
    run: g.group.run === undefined ? null : String(g.group.run),
    judges: g.judges.map((j) =>
      figuresView(
        j.row,
        j.below,
        judgeErrorCount(items, j.row.comparison, { invalidAs: data.filters.invalidAs }),
        minusHumansView(j),
      ),
    ),
    humans: g.humans ? figuresView(g.humans, NOT_BELOW, null) : null,
    flagged: g.flagged,
  };
}

export function dashboardView(data: DashboardData, l10n: DisplayLanguage = ENGLISH_DISPLAY): DashboardView {
  const intervals = data.intervalsPending ? DEFAULT_INTERVALS : data.dashboard.intervals;
  return {
    run: data.run,
    filters: data.filters,
    choices: data.choices,
    annotatorsUsed: [...new Set(data.items.flatMap((i) => i.humans.map((h) => h.annotator)))].sort(),
    groups: data.dashboard.groups.map((g) => groupView(data, g, l10n)),
    intervals: intervals
      ? { level: intervals.level, resamples: intervals.resamples, seed: intervals.seed, pending: data.intervalsPending }
      : null,
    notes: [
      l10n.t(
        "n counts vote pairs: a judge's verdict is paired with every human vote on the item; human–human pairs every two votes (MT-bench).",
      ),
      l10n.t(
        'w/o tie keeps the pairs where neither says tie. LIMA score (Shaham et al.): 1 same choice, 0.5 one tie, 0 opposite choices.',
      ),
      l10n.t(
        "A language is marked when the 95% interval of judge − humans (both recomputed on the same bootstrap draws) lies wholly under 0; with fewer than 10 prompt groups the verdict is 'too few items to say'.",
      ),
      ...filterNotes(data.filters, l10n),
      ...(data.items.length === 0
        ? [
            data.judged
              ? l10n.t('This run has no human pairwise votes yet: every figure here compares with the humans.')
              : l10n.t('This run has no pairwise judge verdicts or human pairwise votes yet.'),
          ]
        : []),
    ],
  };
}

function filterNotes(filters: DashboardFilters, l10n: Localiser): string[] {
  return [
    ...(filters.annotators ? [l10n.t('Only the votes of annotators matching {0}.', filters.annotators)] : []),
    ...(filters.judges ? [l10n.t('Only these judges: {0}.', filters.judges.join(', ') || l10n.t('(none)'))] : []),
    filters.invalidAs === 'tie'
      ? l10n.t('An unparsable judge verdict counts as a tie.')
      : l10n.t('An unparsable judge verdict is left out of the figures (counted in the invalid column).'),
  ];
}

function targetGroup(data: DashboardData, target: AuditTarget, l10n: Localiser): DashboardGroup {
  const group = data.dashboard.groups.find(
    (g) =>
      String(g.group.lang) === target.lang &&
      (target.turn === null || g.group.turn === target.turn) &&
      (target.run === null || g.group.run === target.run),
  );
  if (!group) throw new Error(l10n.t('no agreement figures for {0} in run {1} any more', target.lang, data.run));
  return group;
}

function figureName(figure: DashboardFigure, l10n: Localiser): string {
  return figure === 'withTie'
    ? l10n.t('agreement with ties')
    : figure === 'withoutTie'
      ? l10n.t('agreement without ties')
      : l10n.t('LIMA score');
}

function percent(e: Estimate, display: DisplayLanguage): string {
  return Number.isFinite(e.value) ? display.percent(e.value, 1) : '–';
}

function behindView(item: ItemBehind, strength: number | null, majority: JudgeError['majority'] | null): AuditItemView {
  const { run, group, turn, systemA, systemB, judgeVerdict, humans, outcome, tally } = item;
  return {
    run,
    group,
    turn,
    systemA,
    systemB,
    judgeVerdict,
    humans: humans.map((h, i) => ({
      annotator: h.annotator,
      verdict: h.verdict,
      vsJudge: judgeVerdict === null ? null : (item.pairs[i]?.outcome ?? null),
    })),
    outcome,
    pairs: { agree: tally.agree, tieInvolved: tally.tieInvolved, opposite: tally.opposite },
    strength,
    majority: majority ?? null,
  };
}

/** A judge error with its vote pairs as the core marks them (itemsBehind); the verdict as counted (an unparsable one as tie, if asked). */
function errorView(error: JudgeError, behind: ItemBehind): AuditItemView {
  return { ...behindView(behind, error.strength, error.majority), judgeVerdict: error.verdict };
}

function pairKey(k: PairKey): string {
  return JSON.stringify([k.run, k.lang, k.turn, k.group, k.systemA, k.systemB]);
}

/** The items behind a clicked number, or the judge's errors in that language. */
export function auditView(
  data: DashboardData,
  target: AuditTarget,
  l10n: DisplayLanguage = ENGLISH_DISPLAY,
): AuditView {
  const group = targetGroup(data, target, l10n);
  const items = groupItems(data, group.group);
  const language = l10n.language(target.lang);
  const where = [
    language.name,
    ...(target.turn !== null ? [l10n.t('turn {0}', target.turn)] : []),
    ...(target.run !== null ? [target.run] : []),
  ].join(', ');
  const who = target.judge === null ? l10n.t('Humans among themselves') : l10n.t('{0} vs humans', target.judge);
  if (target.list === 'errors') {
    if (target.judge === null) throw new Error(l10n.t('the judge-error audit is for a judge'));
    const options = { invalidAs: data.filters.invalidAs };
    const audit = judgeErrors(items, target.judge, options);
    const behind = new Map(
      itemsBehind(items, { kind: 'judge-human', judge: target.judge }, options).map((i) => [pairKey(i), i]),
    );
    const errors = audit.errors.map((e) => ({ error: e, behind: behind.get(pairKey(e))! }));
    return {
      target,
      language,
      title: l10n.t('{0}: where it goes against the humans, {1}', target.judge, where),
      counts: { ...summarise(errors.map((e) => e.behind)).byOutcome, invalid: audit.invalid },
      items: errors.map((e) => errorView(e.error, e.behind)),
      summary: audit.invalid
        ? l10n.t(
            'Items with human votes where the judge differs from the human majority or from every vote: {0} of {1}. Strongest first (the judge names one response and every human the other); unparsable verdicts left out: {2}.',
            audit.errors.length,
            audit.checked,
            audit.invalid,
          )
        : l10n.t(
            'Items with human votes where the judge differs from the human majority or from every vote: {0} of {1}. Strongest first (the judge names one response and every human the other).',
            audit.errors.length,
            audit.checked,
          ),
    };
  }
  const row = target.judge === null ? group.humans : group.judges.find((j) => j.row.comparison === target.judge)?.row;
  if (!row) throw new Error(l10n.t('no figures for {0} in {1}', who, where));
  const behind = itemsBehind(
    items,
    target.judge === null ? { kind: 'human-human' } : { kind: 'judge-human', judge: target.judge },
    { invalidAs: data.filters.invalidAs },
  );
  const s = summarise(behind);
  const figure = row[target.list];
  const detail: Record<DashboardFigure, string> = {
    withTie: l10n.t(
      'vote pairs that agree: {0} of {1} (with one tie: {2}, opposite: {3})',
      s.agree,
      s.pairs,
      s.tieInvolved,
      s.opposite,
    ),
    withoutTie: l10n.t(
      'vote pairs without a tie that agree: {0} of {1} (opposite: {2})',
      s.agreeWithoutTie,
      s.pairsWithoutTie,
      s.opposite,
    ),
    lima: l10n.t(
      'pairs that agree (1): {0}, with one tie (0.5): {1}, opposite (0): {2}, over pairs: {3}',
      s.agree,
      s.tieInvolved,
      s.opposite,
      s.pairs,
    ),
  };
  return {
    target,
    language,
    title: l10n.t(
      '{0}, {1}: {2} {3} (n = {4})',
      who,
      where,
      figureName(target.list, l10n),
      percent(figure, l10n),
      l10n.number(figure.n),
    ),
    counts: s.byOutcome,
    items: behind.map((i) => behindView(i, null, null)),
    summary: s.invalid
      ? l10n.t(
          'Items: {0}; {1}; items with an unparsable verdict left out: {2}.',
          s.items,
          detail[target.list],
          s.invalid,
        )
      : l10n.t('Items: {0}; {1}.', s.items, detail[target.list]),
  };
}
