// alpaca_eval's length-controlled win rate of each system against a baseline, per judge, language and criterion (or
// --by; issue 10 §9):
// the preference per prompt (1 the system wins, 0.5 tie, 0 the baseline wins; both orders combined) regressed on
// tanh of the standardised length difference, predicted at zero difference (stats/lengthControlledWinRate). Lengths
// in the language's unit. The interval refits the GLM on each resample of prompt groups (on their weights).
import { PromptGroupNumbers } from '../clusterTally';
import { estimatesOfRows, ratio, type Estimate, type IntervalSettings } from '../estimate';
import type { BaselineRule } from '../scores/sideBySide';
import { pairVerdictAt, type InvalidPolicy, type JudgedPairColumns } from '../scores/judgedPairs';
import { collect } from '../scores/slices';
import type { GroupField, GroupValues } from '../grouping';
import {
  lengthControlledIntervals,
  lengthControlledOfColumns,
  winRatesAreExact,
  type LengthControlledData,
} from '../stats';
import { lengthUnitFor, type ResponseLengthsById } from './lengths';
import { groupByKind, PairKinds, type PairKind } from './pairGroups';

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

export function lengthControlledRows(
  pairs: JudgedPairColumns,
  lengths: ResponseLengthsById,
  options: {
    by: readonly GroupField[];
    baseline: BaselineRule;
    invalidAs: InvalidPolicy;
    systems?: readonly string[];
    intervals?: IntervalSettings;
  },
): LengthControlledRow[] {
  const rows = cellsAgainstBaseline(pairs, options).map((cell) => lengthControlledRow(cell, pairs, lengths, options));
  const { lengthControlled, winRates } = withIntervals(rows, options.intervals);
  return rows.map(({ winRateSums: _sums, refit: _refit, ...row }, i) => ({
    ...row,
    winRate: winRates[i]!,
    lengthControlled: lengthControlled[i]!,
  }));
}

/** The pairs (their indexes) of one judge's system against the baseline in one group of --by, in their order. */
interface Cell {
  readonly group: GroupValues;
  readonly judge: string;
  readonly system: string;
  readonly pairs: number[];
  readonly baselines: Set<string>;
  readonly langs: Set<string>;
}

/**
 * The pairs of each system (one of --system, when given) with its language's baseline, by group of --by, judge and
 * system; groups in groupBy's order, cells by judge then system. Pairs of a prompt's language, run, turn and
 * criterion share their group (found once per such prompt kind, not per pair: 350,000 pairs at 4× Shaham et al.).
 */
function cellsAgainstBaseline(
  pairs: JudgedPairColumns,
  options: { by: readonly GroupField[]; baseline: BaselineRule; systems?: readonly string[] },
): Cell[] {
  const wanted = options.systems?.length ? new Set(options.systems) : undefined;
  const baselines = new Map<string, string>();
  const kinds = new PromptKinds(pairs);
  const chosen: { pair: number; system: string; baseline: string; kind: PairKind }[] = [];
  for (let p = 0; p < pairs.count; p++) {
    const kind = kinds.of(p);
    const { lang } = kind.values;
    let baseline = baselines.get(lang as string);
    if (baseline === undefined)
      baselines.set(lang as string, (baseline = options.baseline.baselineFor(lang as string)));
    const systemA = pairs.systems.get(pairs.systemA[p]!)!;
    const systemB = pairs.systems.get(pairs.systemB[p]!)!;
    const system = systemA === baseline ? systemB : systemB === baseline ? systemA : undefined;
    if (system === undefined || (wanted && !wanted.has(system))) continue;
    chosen.push({ pair: p, system, baseline, kind });
  }
  // Each group's cells filled in the pairs' order (the order of their sums and of their clusters' numbers).
  return groupByKind(chosen, (c) => c.kind, kinds.all, options.by).flatMap((group) => {
    const byJudge = new Map<string, Map<string, Cell>>();
    for (const { pair, system, baseline, kind } of group.items) {
      const judge = pairs.judge[pair]!;
      const bySystem = collect(byJudge, judge, () => new Map());
      let cell = bySystem.get(system);
      if (!cell)
        bySystem.set(
          system,
          (cell = { group: group.values, judge, system, pairs: [], baselines: new Set(), langs: new Set() }),
        );
      cell.pairs.push(pair);
      cell.baselines.add(baseline);
      cell.langs.add(kind.values.lang as string);
    }
    return [...byJudge.values()]
      .flatMap((bySystem) => [...bySystem.values()])
      .sort((x, y) => x.judge.localeCompare(y.judge) || x.system.localeCompare(y.system));
  });
}

/** Each pair's kind (PairKinds), found once per prompt and criterion. */
class PromptKinds {
  private readonly kinds = new PairKinds();
  private readonly byPrompt = new Map<number, Map<string, PairKind>>();

  constructor(private readonly pairs: JudgedPairColumns) {}

  get all(): readonly PairKind[] {
    return this.kinds.all;
  }

  of(p: number): PairKind {
    const id = this.pairs.prompt[p]!;
    const criterion = this.pairs.criterion[p] ?? '';
    const ofPrompt = collect(this.byPrompt, id, () => new Map());
    let kind = ofPrompt.get(criterion);
    if (!kind) {
      const { run, lang, turn } = this.pairs.prompts.get(id)!;
      ofPrompt.set(criterion, (kind = this.kinds.of(run, lang, turn, criterion)));
    }
    return kind;
  }
}

/**
 * The rows' LC win rates and plain win rates with their intervals. Every row with a fit and two clusters or more
 * is refitted on resamples of its own clusters, the rows of the table together (on worker threads when it is big),
 * and its plain win rate's interval is read from the same resamples (lengthControlledIntervals: the same interval
 * the cluster bootstrap of its sums gives); so is that of a row without a fit, resampled for it alone. The plain
 * win rates of the few other rows (one cluster, or preferences that are not halves) are bootstrapped from their
 * summed preferences per prompt group on this thread while worker threads start on the refits.
 */
function withIntervals(
  rows: readonly Row[],
  intervals: IntervalSettings | undefined,
): { lengthControlled: Estimate[]; winRates: Estimate[] } {
  const lengthControlled = rows.map((row) => row.lengthControlled);
  const winRates = estimatesOfRows(rows.map(winRateFigures), undefined).map(([estimate]) => estimate!);
  if (!intervals) return { lengthControlled, winRates };
  const refits = (row: Row) => Number.isFinite(row.lengthControlled.value);
  // Resampled together (on the threads when the table is big): every row of two clusters or more with a fit, and
  // those without one whose plain win rate the same resamples give exactly (only their win rates are resampled).
  const resampled = rows.flatMap((row, i) =>
    row.refit.clusters >= 2 && (refits(row) || winRatesAreExact(row.refit.data.preferences)) ? [i] : [],
  );
  const fromResamples = new Set(resampled.filter((i) => winRatesAreExact(rows[i]!.refit.data.preferences)));
  const others = rows.flatMap((_, i) => (fromResamples.has(i) ? [] : [i]));
  const results = lengthControlledIntervals(
    resampled.map((i) => ({
      ...rows[i]!.refit,
      estimate: rows[i]!.lengthControlled.value,
      refits: refits(rows[i]!),
    })),
    intervals,
    () => {
      const estimates = estimatesOfRows(
        others.map((i) => winRateFigures(rows[i]!)),
        intervals,
      );
      others.forEach((i, k) => (winRates[i] = estimates[k]![0]!));
    },
  );
  resampled.forEach((i, k) => {
    const { lower, upper, winRate } = results[k]!;
    if (refits(rows[i]!)) lengthControlled[i] = { ...lengthControlled[i]!, lower, upper };
    if (winRate) winRates[i] = { ...winRates[i]!, lower: winRate.lower, upper: winRate.upper };
  });
  return { lengthControlled, winRates };
}

/** A row's plain win rate as a figure of its per-prompt-group sums. */
function winRateFigures(row: Row) {
  return { clusterSums: row.winRateSums, figures: [WIN_RATE] };
}

/** A row as built, before the table's intervals: its win rate's sums per prompt group and what refitting its GLM needs. */
type Row = Omit<LengthControlledRow, 'winRate'> & {
  readonly winRateSums: Float64Array[];
  readonly refit: { readonly data: LengthControlledData; readonly clusters: number };
};

/** Per-group sums: [preferences, pairs]. */
const WIN_RATE = ratio(0, 1);

function lengthControlledRow(
  cell: Cell,
  pairs: JudgedPairColumns,
  lengths: ResponseLengthsById,
  options: { invalidAs: InvalidPolicy },
): Row {
  const { judge, system } = cell;
  const preferences: number[] = [];
  const systemLengths: number[] = [];
  const baselineLengths: number[] = [];
  const clusters = new PromptGroupNumbers();
  const clusterOf: number[] = [];
  let noText = 0;
  let invalid = 0;
  for (const p of cell.pairs) {
    const verdict = pairVerdictAt(pairs, p, options.invalidAs);
    if (verdict === undefined) continue;
    if (verdict === 'invalid') {
      invalid++;
      continue;
    }
    const prompt = pairs.prompt[p]!;
    const systemIsA = pairs.systems.get(pairs.systemA[p]!) === system;
    const systemLength = lengths.of(prompt, systemIsA ? pairs.systemA[p]! : pairs.systemB[p]!);
    const baselineLength = lengths.of(prompt, systemIsA ? pairs.systemB[p]! : pairs.systemA[p]!);
    if (systemLength === undefined || baselineLength === undefined) {
      noText++;
      continue;
    }
    // The discounted-tie score of the system (scoreFor).
    preferences.push(verdict === 'tie' ? 0.5 : (verdict === 'A') === systemIsA ? 1 : 0);
    systemLengths.push(systemLength);
    baselineLengths.push(baselineLength);
    clusterOf.push(clusters.of(pairs.prompts.get(prompt)!));
  }
  const columns = {
    preferences: Float64Array.from(preferences),
    systemLengths: Float64Array.from(systemLengths),
    baselineLengths: Float64Array.from(baselineLengths),
  };
  const { result, data } = lengthControlledOfColumns(columns, Uint32Array.from(clusterOf));
  const n = preferences.length;
  const mean = (values: Float64Array) => (n ? values.reduce((s, v) => s + v, 0) / n : NaN);
  const units = new Set([...cell.langs].map(lengthUnitFor));
  return {
    group: cell.group,
    judge,
    system,
    baseline: [...cell.baselines].sort().join(', '),
    unit: [...units].sort().join(', '),
    winRateSums: winRateSums(data.preferences, data.clusterOf, clusters.count),
    lengthControlled: { value: result.lengthControlled, n },
    refit: { data, clusters: clusters.count },
    lengthCoefficient: result.lengthCoefficient,
    systemLength: mean(columns.systemLengths),
    baselineLength: mean(columns.baselineLengths),
    noText,
    invalid,
  };
}

/** Each prompt group's [preferences, pairs], the groups numbered by first appearance as the bootstrap draws them. */
function winRateSums(preferences: Float64Array, clusterOf: Uint32Array, clusters: number): Float64Array[] {
  const sums = Array.from({ length: clusters }, () => new Float64Array(2));
  for (let i = 0; i < preferences.length; i++) {
    const cluster = sums[clusterOf[i]!]!;
    cluster[0]! += preferences[i]!;
    cluster[1]! += 1;
  }
  return sums;
}
