// The dashboard's study sections, as the core computes them: judge − humans with its interval and verdict on each
// judge's row, and each annotator per language (accuracy on known answers, agreement, time on item). No figure
// is computed here: src/core/metrics/audit/judgeMinusHumans.ts and src/core/metrics/annotators decide everything.
import { loadPairwiseItems } from '../../core/metrics/agreement';
import { annotatorScores, FAST_SHARE, loadGoldVerdicts } from '../../core/metrics/annotators';
import type { JudgeFigures } from '../../core/metrics/audit';
import { DEFAULT_INTERVALS } from '../../core/metrics/estimate';
import { labelTimes } from '../../core/store/studyQueries';
import type { Store } from '../../core/store/store';
import { namePattern } from '../../core/util/pattern';
import type { DashboardFigure } from '../../../shared/protocol/audit';
import type { DashboardFilters, DashboardView, DifferenceView } from '../../../shared/protocol/dashboard';
import { estimateView } from './dashboardView';
import { ENGLISH_DISPLAY, type DisplayLanguage } from '../displayLanguage';

export function minusHumansView(judge: JudgeFigures): Readonly<Record<DashboardFigure, DifferenceView>> | null {
  const m = judge.minusHumans;
  if (!m) return null;
  const view = (f: DashboardFigure): DifferenceView => ({ ...estimateView(m[f].difference), verdict: m[f].verdict });
  return { withTie: view('withTie'), withoutTie: view('withoutTie'), lima: view('lima') };
}

/** Each annotator of the run per language, on the dashboard's annotator filter; known answers: adjudicated, else gold. */
export async function annotatorSection(
  store: Store,
  run: string,
  filters: DashboardFilters,
  l10n: DisplayLanguage = ENGLISH_DISPLAY,
): Promise<NonNullable<DashboardView['annotators']>> {
  const chosen = filters.annotators ? namePattern(filters.annotators) : () => true;
  const [items, gold, times] = await Promise.all([
    loadPairwiseItems(store, { run, ...(filters.annotators ? { annotatorPattern: filters.annotators } : {}) }),
    loadGoldVerdicts(store, { run }, 'both'),
    labelTimes(store, { run }),
  ]);
  const rows = annotatorScores(
    items,
    times.filter((t) => chosen(t.annotator)),
    { by: ['lang'], gold, intervals: DEFAULT_INTERVALS },
  );
  return {
    fastShare: FAST_SHARE,
    rows: rows.map((r) => ({
      language: l10n.language(String(r.group.lang)),
      annotator: r.annotator,
      items: r.items,
      goldAccuracy: estimateView(r.goldAccuracy),
      withOthers: estimateView(r.withOthers),
      withMajority: estimateView(r.withMajority),
      medianTimeMs: r.medianTimeMs,
      timed: r.timed,
      fast: r.fast,
    })),
    notes: [
      l10n.t(
        "Gold: the annotator's pairwise votes on items with a known answer (the lead's adjudicated label, else an imported gold label) that equal it.",
      ),
      l10n.t(
        "Others: pairs of the annotator's vote with another annotator's vote on the same item that agree. Majority: items where the annotator's vote is the strict majority of the others' votes.",
      ),
      l10n.t(
        "Fast: labels under {0}% of the median time on item of every annotator's labels in the language.",
        FAST_SHARE * 100,
      ),
      ...(gold.conflicting
        ? [l10n.t('Items whose known answers disagree, without a gold answer: {0}.', gold.conflicting)]
        : []),
    ],
  };
}
