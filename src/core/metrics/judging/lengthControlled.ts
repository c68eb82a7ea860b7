// alpaca_eval's length-controlled win rate of each system against a baseline, per judge and language (issue 10 §9):
// the preference per prompt (1 the system wins, 0.5 tie, 0 the baseline wins; both orders combined) regressed on
// tanh of the standardised length difference, predicted at zero difference (stats/lengthControlledWinRate). Lengths
// in the language's unit. The interval refits the GLM on each resample of prompt groups.
import type { Estimate, IntervalSettings } from '../estimate';
import type { BaselineRule } from '../scores/sideBySide';
import { pairVerdict, scoreFor, type InvalidPolicy, type JudgedPair } from '../scores/judgedPairs';
import { collect, compareSlices, keyOf, sliceOf, type Slice } from '../scores/slices';
import { lengthControlledWinRate, type PreferenceWithLengths } from '../stats';
import { clusterEstimate } from './clusterEstimate';
import { lengthUnitFor, type LengthUnit, type ResponseLengths } from './lengths';

export interface LengthControlledRow {
  readonly slice: Slice;
  readonly judge: string;
  readonly system: string;
  readonly baseline: string;
  readonly unit: LengthUnit;
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
    baseline: BaselineRule;
    invalidAs: InvalidPolicy;
    systems?: readonly string[];
    intervals?: IntervalSettings;
  },
): LengthControlledRow[] {
  const wanted = options.systems?.length ? new Set(options.systems) : undefined;
  interface Cell {
    slice: Slice;
    judge: string;
    system: string;
    baseline: string;
    items: Item[];
    noText: number;
    invalid: number;
  }
  const cells = new Map<string, Cell>();
  for (const pair of pairs) {
    const slice = sliceOf(pair);
    const baseline = options.baseline.baselineFor(slice.lang);
    const system = pair.systemA === baseline ? pair.systemB : pair.systemB === baseline ? pair.systemA : undefined;
    if (system === undefined || (wanted && !wanted.has(system))) continue;
    const cell = collect(cells, keyOf(slice, pair.judge, system), () => ({
      slice,
      judge: pair.judge,
      system,
      baseline,
      items: [],
      noText: 0,
      invalid: 0,
    }));
    const verdict = pairVerdict(pair, options.invalidAs);
    if (verdict === undefined) continue;
    if (verdict === 'invalid') {
      cell.invalid++;
      continue;
    }
    const systemLength = lengths.of(pair, system);
    const baselineLength = lengths.of(pair, baseline);
    if (systemLength === undefined || baselineLength === undefined) {
      cell.noText++;
      continue;
    }
    cell.items.push({
      run: pair.run,
      group: pair.group,
      preference: scoreFor(system, pair, verdict),
      systemLength,
      baselineLength,
    });
  }
  return [...cells.values()]
    .map((cell) => {
      const n = cell.items.length;
      const fit = lengthControlledWinRate(cell.items);
      const mean = (pick: (i: Item) => number) => (n ? cell.items.reduce((s, i) => s + pick(i), 0) / n : NaN);
      return {
        slice: cell.slice,
        judge: cell.judge,
        system: cell.system,
        baseline: cell.baseline,
        unit: lengthUnitFor(cell.slice.lang),
        winRate: clusterEstimate(cell.items, (its) => lengthControlledWinRate(its).winRate, n, options.intervals),
        lengthControlled: clusterEstimate(
          cell.items,
          (its) => lengthControlledWinRate(its).lengthControlled,
          n,
          options.intervals,
        ),
        lengthCoefficient: fit.lengthCoefficient,
        systemLength: mean((i) => i.systemLength),
        baselineLength: mean((i) => i.baselineLength),
        noText: cell.noText,
        invalid: cell.invalid,
      };
    })
    .sort(
      (a, b) => compareSlices(a.slice, b.slice) || a.judge.localeCompare(b.judge) || a.system.localeCompare(b.system),
    );
}
