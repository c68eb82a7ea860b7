// Side-by-side scores (protocols.md §1, [SH] §2): the discounted-tie score of every system against a baseline, per
// judge and language: the mean over prompts of 1 (the system wins), 0.5 (tie), 0 (it loses), shown in percent.
// With a per-language baseline ("mono-{lang}": the system tuned on that language) these are [SH]'s
// instruction-following scores IF_L(X) = S×S(baseline_L, X), the cells of their heatmap.
import { ratio, type Estimate, type IntervalSettings } from '../estimate';
import { pairVerdict, scoreFor, judgedInBothOrders, type InvalidPolicy, type JudgedPair } from './judgedPairs';
import { collect, compareSlices, keyOf, sliceOf, type Slice } from './slices';
import { ClusterTally, cellEstimates } from '../clusterTally';
import { CoreError, msg } from '../../util/message';

/** The baseline of each language: one system for all, or a pattern such as "mono-{lang}". */
export interface BaselineRule {
  readonly spec: string;
  baselineFor(lang: string): string;
}

export function parseBaseline(spec: string): BaselineRule {
  const trimmed = spec.trim();
  if (!trimmed) throw new CoreError(msg('the baseline is empty: name a system, or a pattern such as "mono-{lang}"'));
  return { spec: trimmed, baselineFor: (lang) => trimmed.replaceAll('{lang}', lang) };
}

export interface SideBySideOptions {
  readonly baseline: BaselineRule;
  readonly invalidAs: InvalidPolicy;
  /** Systems to report (the baseline's own row is always there); all when absent. */
  readonly systems?: readonly string[];
  readonly intervals?: IntervalSettings;
}

export interface SideBySideRow {
  readonly slice: Slice;
  readonly judge: string;
  readonly system: string;
  readonly baseline: string;
  /** The system's discounted-tie score against the baseline (0..1); n = prompts with a valid verdict. */
  readonly score: Estimate;
  /** The baseline against itself: 0.5 by definition, not measured. */
  readonly byDefinition: boolean;
  readonly wins: number;
  readonly ties: number;
  readonly losses: number;
  /** Pairs whose verdict was unparsable: left out (0 when mapped to ties, which then count as ties). */
  readonly invalid: number;
  /** Pairs judged in one order only, whose verdict is that order's (counted in n). */
  readonly singleOrder: number;
}

export interface SideBySideResult {
  readonly rows: readonly SideBySideRow[];
  /** Slices (per judge) where the baseline system has no judged pairs at all. */
  readonly missingBaselines: readonly { readonly slice: Slice; readonly judge: string; readonly baseline: string }[];
}

interface Cell {
  readonly slice: Slice;
  readonly judge: string;
  readonly system: string;
  readonly baseline: string;
  readonly tally: ClusterTally;
  wins: number;
  ties: number;
  losses: number;
  invalid: number;
  singleOrder: number;
}

// Per-group sums: [score, prompts with a valid verdict].
const SCORE = ratio(0, 1);

export function sideBySideScores(pairs: readonly JudgedPair[], options: SideBySideOptions): SideBySideResult {
  const wanted = options.systems?.length ? new Set(options.systems) : undefined;
  const cells = new Map<string, Cell>();
  const slices = new Map<string, { slice: Slice; judge: string; baseline: string; seen: boolean }>();
  for (const pair of pairs) {
    // A pair is keyed by its own slice fields; the slice is made once per entry.
    const entry = collect(slices, keyOf(pair, pair.judge), () => ({
      slice: sliceOf(pair),
      judge: pair.judge,
      baseline: options.baseline.baselineFor(pair.lang),
      seen: false,
    }));
    const { baseline, slice } = entry;
    const system = pair.systemA === baseline ? pair.systemB : pair.systemB === baseline ? pair.systemA : undefined;
    if (system === undefined) continue;
    entry.seen = true;
    if (wanted && !wanted.has(system)) continue;
    const cell = collect(cells, keyOf(pair, pair.judge, system), () => newCell(slice, pair.judge, system, baseline));
    addPair(cell, pair, options.invalidAs);
  }
  const measured = [...cells.values()];
  const scores = cellEstimates(measured, [SCORE], options.intervals);
  const rows: SideBySideRow[] = measured.map((cell, i) => finishCell(cell, scores[i]![0]!));
  for (const { slice, judge, baseline, seen } of slices.values())
    if (seen) rows.push(baselineRow(slice, judge, baseline));
  rows.sort(
    (a, b) => compareSlices(a.slice, b.slice) || a.judge.localeCompare(b.judge) || a.system.localeCompare(b.system),
  );
  const missingBaselines = [...slices.values()]
    .filter((s) => !s.seen)
    .map(({ slice, judge, baseline }) => ({ slice, judge, baseline }));
  return { rows, missingBaselines };
}

function newCell(slice: Slice, judge: string, system: string, baseline: string): Cell {
  return {
    slice,
    judge,
    system,
    baseline,
    tally: new ClusterTally(2),
    wins: 0,
    ties: 0,
    losses: 0,
    invalid: 0,
    singleOrder: 0,
  };
}

function addPair(cell: Cell, pair: JudgedPair, invalidAs: InvalidPolicy): void {
  const verdict = pairVerdict(pair, invalidAs);
  if (verdict === undefined) return;
  if (verdict === 'invalid') {
    cell.invalid++;
    return;
  }
  if (!judgedInBothOrders(pair)) cell.singleOrder++;
  const score = scoreFor(cell.system, pair, verdict);
  if (score === 1) cell.wins++;
  else if (score === 0) cell.losses++;
  else cell.ties++;
  const sums = cell.tally.of(pair);
  sums[0]! += score;
  sums[1]! += 1;
}

function finishCell(cell: Cell, score: Estimate): SideBySideRow {
  const { slice, judge, system, baseline, wins, ties, losses, invalid, singleOrder } = cell;
  return {
    slice,
    judge,
    system,
    baseline,
    score,
    byDefinition: false,
    wins,
    ties,
    losses,
    invalid,
    singleOrder,
  };
}

function baselineRow(slice: Slice, judge: string, baseline: string): SideBySideRow {
  return {
    slice,
    judge,
    system: baseline,
    baseline,
    score: { value: 0.5, n: 0 },
    byDefinition: true,
    wins: 0,
    ties: 0,
    losses: 0,
    invalid: 0,
    singleOrder: 0,
  };
}
