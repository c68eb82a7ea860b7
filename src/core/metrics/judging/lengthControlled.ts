// alpaca_eval's length-controlled win rate of each system against a baseline, per judge, language and criterion (or
// --by; issue 10 §9):
// the preference per prompt (1 the system wins, 0.5 tie, 0 the baseline wins; both orders combined) regressed on
// tanh of the standardised length difference, predicted at zero difference (stats/lengthControlledWinRate). Lengths
// in the language's unit. The interval refits the GLM on each resample of prompt groups (on their weights).
import { ClusterTally, cellEstimates, clusterNumbers } from '../clusterTally';
import { ratio, type Estimate, type IntervalSettings } from '../estimate';
import type { BaselineRule } from '../scores/sideBySide';
import { pairVerdict, scoreFor, type InvalidPolicy, type JudgedPair } from '../scores/judgedPairs';
import { collect } from '../scores/slices';
import { groupBy, type GroupField, type GroupValues } from '../grouping';
import {
  lengthControlledData,
  lengthControlledIntervals,
  lengthControlledWinRate,
  type LengthControlledData,
  type PreferenceWithLengths,
} from '../stats';
import { lengthUnitFor, type ResponseLengths } from './lengths';
import { pairGroupValues } from './pairGroups';

export interface LengthControlledRow {
  readonly group: GroupValues;
  readonly judge: string;
  readonly system: string;
  /** The baseline (several, comma-separated, when --by pools languages with a per-language baseline). */
  readonly baseline: string;
  /** The length unit of the row's languages. */
  readonly unit: string;
  /** Mean preference (ties half), 0..1: the plain win rate on the same prompts. */
  readonly winRate: Estimate;
  /** The GLM's win rate at zero length difference, 0..1. */
  readonly lengthControlled: Estimate;
  /** The fitted coefficient of tanh(length difference): negative when the judge prefers longer answers of the system. */
  readonly lengthCoefficient: number;
  /** Mean length of the system's and of the baseline's responses on these prompts. */
  readonly systemLength: number;
  readonly baselineLength: number;
  readonly noText: number;
  readonly invalid: number;
}

interface Item extends PreferenceWithLengths {
  readonly run: string;
  readonly group: string;
}

export function lengthControlledRows(
  pairs: readonly JudgedPair[],
  lengths: ResponseLengths,
  options: {
    by: readonly GroupField[];
    baseline: BaselineRule;
    invalidAs: InvalidPolicy;
    systems?: readonly string[];
    intervals?: IntervalSettings;
  },
): LengthControlledRow[] {
  const wanted = options.systems?.length ? new Set(options.systems) : undefined;
  const against: { pair: JudgedPair; system: string; baseline: string }[] = [];
  for (const pair of pairs) {
    const baseline = options.baseline.baselineFor(pair.lang);
    const system = pair.systemA === baseline ? pair.systemB : pair.systemB === baseline ? pair.systemA : undefined;
    if (system !== undefined && (!wanted || wanted.has(system))) against.push({ pair, system, baseline });
  }
  const rows: Omit<Row, 'winRate'>[] = [];
  for (const group of groupBy(against, (a) => pairGroupValues(a.pair), options.by)) {
    const cells = new Map<string, (typeof against)[number][]>();
    for (const a of group.items) collect(cells, `${a.pair.judge}\u0000${a.system}`, () => []).push(a);
    const ordered = [...cells.values()].sort(
      (x, y) => x[0]!.pair.judge.localeCompare(y[0]!.pair.judge) || x[0]!.system.localeCompare(y[0]!.system),
    );
    for (const cell of ordered) rows.push(lengthControlledRow(group.values, cell, lengths, options));
  }
  // The plain win rate needs no fit: summed preferences per prompt group (halves, so exactly the mean a refit on
  // each resample gives), the rows with as many groups sharing their draws.
  const winRates = cellEstimates(rows, [WIN_RATE], options.intervals);
  const lengthControlled = withIntervals(rows, options.intervals);
  return rows.map(({ tally: _tally, refit: _refit, ...row }, i) => ({
    ...row,
    winRate: winRates[i]![0]!,
    lengthControlled: lengthControlled[i]!,
  }));
}

/**
 * The rows' LC win rates with their intervals: every row with a fit and two clusters or more refitted on the same
 * resamples of its own clusters, the rows of the table together (on worker threads when it is big).
 */
function withIntervals(rows: readonly Omit<Row, 'winRate'>[], intervals: IntervalSettings | undefined): Estimate[] {
  const estimates = rows.map((row) => row.lengthControlled);
  if (!intervals) return estimates;
  const bootstrapped = rows.flatMap((row, i) =>
    Number.isFinite(row.lengthControlled.value) && row.refit.clusters >= 2 ? [i] : [],
  );
  const results = lengthControlledIntervals(
    bootstrapped.map((i) => ({ ...rows[i]!.refit, estimate: rows[i]!.lengthControlled.value })),
    intervals,
  );
  bootstrapped.forEach((i, k) => {
    estimates[i] = { ...estimates[i]!, lower: results[k]!.lower, upper: results[k]!.upper };
  });
  return estimates;
}

/** A row as built, before the table's intervals: its win rate's tally and what refitting its GLM needs. */
type Row = LengthControlledRow & {
  readonly tally: ClusterTally;
  readonly refit: { readonly data: LengthControlledData; readonly clusters: number };
};

/** Per-group sums: [preferences, pairs]. */
const WIN_RATE = ratio(0, 1);

function lengthControlledRow(
  group: GroupValues,
  cell: readonly { pair: JudgedPair; system: string; baseline: string }[],
  lengths: ResponseLengths,
  options: { invalidAs: InvalidPolicy },
): Omit<Row, 'winRate'> {
  const { judge } = cell[0]!.pair;
  const { system } = cell[0]!;
  const items: Item[] = [];
  let noText = 0;
  let invalid = 0;
  for (const { pair, baseline } of cell) {
    const verdict = pairVerdict(pair, options.invalidAs);
    if (verdict === undefined) continue;
    if (verdict === 'invalid') {
      invalid++;
      continue;
    }
    const systemLength = lengths.of(pair, system);
    const baselineLength = lengths.of(pair, baseline);
    if (systemLength === undefined || baselineLength === undefined) {
      noText++;
      continue;
    }
    items.push({
      run: pair.run,
      group: pair.group,
      preference: scoreFor(system, pair, verdict),
      systemLength,
      baselineLength,
    });
  }
  const n = items.length;
  const fit = lengthControlledWinRate(items);
  const clusters = clusterNumbers(items);
  const mean = (pick: (i: Item) => number) => (n ? items.reduce((s, i) => s + pick(i), 0) / n : NaN);
  const distinct = (values: readonly string[]) => [...new Set(values)].sort().join(', ');
  return {
    group,
    judge,
    system,
    baseline: distinct(cell.map((c) => c.baseline)),
    unit: distinct(cell.map((c) => lengthUnitFor(c.pair.lang))),
    tally: winRateTally(items),
    lengthControlled: { value: fit.lengthControlled, n },
    refit: { data: lengthControlledData(items, clusters.clusterOf), clusters: clusters.count },
    lengthCoefficient: fit.lengthCoefficient,
    systemLength: mean((i) => i.systemLength),
    baselineLength: mean((i) => i.baselineLength),
    noText,
    invalid,
  };
}

function winRateTally(items: readonly Item[]): ClusterTally {
  const tally = new ClusterTally(2);
  for (const item of items) {
    const sums = tally.of(item);
    sums[0]! += item.preference;
    sums[1]! += 1;
  }
  return tally;
}
