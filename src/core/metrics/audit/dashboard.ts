// The agreement dashboard's figures: per group (language, and turn or run when the data has several), each judge
// against the humans and the humans among themselves, and the verdict "in which languages can I trust the judge?"
// read from the interval of the difference judge − humans (judgeMinusHumans.ts), not from two intervals side by side.
import { raterAgreement, type AgreementOptions, type AgreementRow } from '../agreement/raterAgreement';
import { itemGroupValues, type PairwiseItem } from '../agreement/pairwiseItems';
import { judgeMinusHumans, type JudgeMinusHumans } from './judgeMinusHumans';
import type { IntervalSettings } from '../estimate';
import { belowHumans, type BelowHumans } from './belowHumans';
import { groupBy, groupKey, sliceGrouping, type GroupField, type GroupValues } from '../grouping';
import { collect } from '../scores/slices';
import { verdictSlices } from '../../store/pairwiseVerdicts';
import type { Store } from '../../store/store';
import { loadPairwiseItems, type PairwiseSelection } from '../agreement/load';

export const FIGURES = ['withTie', 'withoutTie', 'lima'] as const;
export type Figure = (typeof FIGURES)[number];

export interface JudgeFigures {
  readonly row: AgreementRow;
  /** Per figure: judge − humans lies wholly under 0 (belowHumans.ts, the one rule the chart and export read). */
  readonly below: Readonly<Record<Figure, boolean>>;
  /** The rule's verdict per figure ('too-few' with fewer than 10 prompt groups or without intervals). */
  readonly rule: BelowHumans;
  /** Per figure: judge − humans with its own interval and the verdict it gives; absent without intervals. */
  readonly minusHumans?: Readonly<Record<Figure, JudgeMinusHumans>>;
}

export interface DashboardGroup {
  readonly group: GroupValues;
  readonly judges: readonly JudgeFigures[];
  readonly humans: AgreementRow | undefined;
  /** Some judge is below the humans on some figure: the interval of judge − humans lies wholly under 0. */
  readonly flagged: boolean;
}

export interface Dashboard {
  readonly by: readonly GroupField[];
  readonly groups: readonly DashboardGroup[];
  readonly judges: readonly string[];
  readonly intervals: IntervalSettings | undefined;
}

/** The agreement options, the grouping among them optional (dashboardGrouping by default). */
export type DashboardOptions = Omit<AgreementOptions, 'by'> & { readonly by?: readonly GroupField[] };

/** Language always; turn and run too when the items have several (they are never pooled). */
export function dashboardGrouping(items: readonly PairwiseItem[]): GroupField[] {
  return sliceGrouping(items.map(itemGroupValues));
}

/**
 * `agreementOf` gives the agreement rows of the items (raterAgreement; a call showing them in other tables too
 * passes what it computed once).
 */
export function agreementDashboard(
  items: readonly PairwiseItem[],
  options: DashboardOptions,
  agreementOf: (items: readonly PairwiseItem[], options: AgreementOptions) => AgreementRow[] = raterAgreement,
): Dashboard {
  const by = options.by ?? dashboardGrouping(items);
  const rows = agreementOf(items, { ...options, by });
  const groups = new Map<string, { group: GroupValues; rows: AgreementRow[] }>();
  for (const row of rows) {
    collect(groups, groupKey(row.group, by), () => ({ group: row.group, rows: [] as AgreementRow[] })).rows.push(row);
  }
  const groupItems = new Map(groupBy(items, itemGroupValues, by).map((g) => [groupKey(g.values, by), g.items]));
  const intervals = options.intervals;
  const out = [...groups.values()].map(({ group, rows: groupRows }): DashboardGroup => {
    const humans = groupRows.find((r) => r.kind === 'human-human');
    const inGroup = groupItems.get(groupKey(group, by)) ?? [];
    const judges = groupRows
      .filter((r) => r.kind === 'judge-human')
      .map((row) => {
        const minusHumans = intervals
          ? judgeMinusHumans(inGroup, row.comparison, options.invalidAs, intervals)
          : undefined;
        const rule = belowHumans(minusHumans);
        return { row, below: rule.below, rule, ...(minusHumans ? { minusHumans } : {}) };
      });
    return {
      group,
      judges,
      humans,
      flagged: judges.some((j) => FIGURES.some((f) => j.below[f])),
    };
  });
  return {
    by,
    groups: out,
    judges: [...new Set(rows.filter((r) => r.kind === 'judge-human').map((r) => r.comparison))],
    intervals: options.intervals,
  };
}

/** The dashboard's items: those with a human vote (every figure pairs a judge or a human with a human). */
export interface DashboardItems {
  readonly items: readonly PairwiseItem[];
  /** The breakdown, from the slices of every judged or voted item (not only the voted ones). */
  readonly by: readonly GroupField[];
  /** The run has judge verdicts at all (in the chosen judges). */
  readonly judged: boolean;
}

/**
 * Loads what the dashboard shows, and no more: the items with human votes and the judges' verdicts on them (at 4×
 * Shaham et al.'s run about 8% of the items), the breakdown read from the verdicts' index.
 */
export async function loadDashboardItems(store: Store, selection: PairwiseSelection): Promise<DashboardItems> {
  const { annotatorPattern: _pattern, ...filter } = selection;
  const [items, slices] = await Promise.all([
    loadPairwiseItems(store, selection, { only: 'humans' }),
    verdictSlices(store, filter),
  ]);
  return { items, by: sliceGrouping([...slices, ...items.map(itemGroupValues)]), judged: slices.length > 0 };
}

/**
 * The judges a judge-vs-humans figure exists for: a pairwise verdict on an item with a human vote. A judge that
 * only scores responses, or judged no item a human voted on, or another run's, has nothing to show or filter.
 */
export function judgesWithFigures(items: readonly PairwiseItem[]): string[] {
  const judges = new Set<string>();
  for (const item of items) if (item.humans.length > 0) for (const judge of item.judges.keys()) judges.add(judge);
  return [...judges].sort();
}

/** The items with only the chosen judges' verdicts; an item left with no verdict and no vote is no item. */
export function onlyJudges(items: readonly PairwiseItem[], judges: readonly string[]): PairwiseItem[] {
  const chosen = new Set(judges);
  return items
    .map((item) => ({ ...item, judges: new Map([...item.judges].filter(([judge]) => chosen.has(judge))) }))
    .filter((item) => item.judges.size > 0 || item.humans.length > 0);
}
