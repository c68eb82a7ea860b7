// Bradley–Terry ratings of the systems, Chatbot Arena style (issue 10 §9), per language, criterion (or --by) and rater: from each judge's
// pairwise verdicts (both orders combined, one comparison per pair) and from the human votes (every vote a
// comparison). A tie is half a win for each side. Ratings on the Elo scale (mean 1000); intervals refit the model
// on each resample of prompt groups (the fit depends only on the summed win counts, so resamples add matrices).
import type { HumanPairwiseRow } from '../../store/store';
import type { PairKey, PairVerdict } from '../../model/records';
import { estimatesFromClusterSums, type Estimate, type Figure, type IntervalSettings } from '../estimate';
import { PromptGroupNumbers } from '../clusterTally';
import { pairVerdict, type InvalidPolicy, type JudgedPair } from '../scores/judgedPairs';
import type { GroupField, GroupValues } from '../grouping';
import { bradleyTerry, BradleyTerryFitter } from '../stats';
import { bradleyTerryIntervals } from '../stats/bradleyTerryBootstrap';
import type { BradleyTerryJob } from '../stats/bradleyTerryResamples';
import { sparseClusters } from '../stats/clusterMatrix';
import { addTo } from './addTo';
import { byRater, groupByKind, PairKinds, type PairKind } from './pairGroups';

export interface RatingRow {
  readonly group: GroupValues;
  /** A judge's name, or "humans". */
  readonly rater: string;
  readonly system: string;
  /** n = the system's comparisons. */
  readonly rating: Estimate;
  readonly wins: number;
  readonly ties: number;
  readonly losses: number;
}

export interface RatingTable {
  readonly rows: readonly RatingRow[];
  /** Groups and raters whose win graph is not connected both ways: no finite ratings exist. */
  readonly unrated: readonly { group: GroupValues; rater: string }[];
  /** Unparsable judge verdicts left out (0 when read as ties). */
  readonly invalid: number;
}

interface Comparison {
  readonly pair: PairKey & { readonly criterion?: string };
  readonly rater: string;
  readonly verdict: Exclude<PairVerdict, 'invalid'>;
  readonly kind: PairKind;
}

/**
 * One fit per summed matrix: every system's figure of a resample reads the same fit. The first matrix fitted (the
 * full sample's: estimatesOfRows takes the point estimates before any resample) starts at equal strengths; every
 * later one (a resample) at that fit's strengths, which it lies close to, so Newton's method takes fewer steps to
 * the same maximum. (bradleyTerryResamples fits the same way, for cells whose sums are exact.)
 */
function memoisedFit(systems: number): (sums: Float64Array) => Float64Array {
  const fitter = new BradleyTerryFitter(systems);
  const input = new Float64Array(systems * systems);
  let fitted = false;
  let output: Float64Array = new Float64Array(systems);
  let start: Float64Array | undefined;
  return (sums) => {
    if (!fitted || !equalArrays(input, sums)) {
      input.set(sums);
      fitted = true;
      const fit = fitter.fit(sums, start);
      output = fit.ratings;
      if (!start && fit.converged) start = fit.logStrengths.slice();
    }
    return output;
  };
}

function equalArrays(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function bradleyTerryRatings(
  pairs: readonly JudgedPair[],
  humans: readonly HumanPairwiseRow[],
  options: { by: readonly GroupField[]; invalidAs: InvalidPolicy; intervals?: IntervalSettings },
): RatingTable {
  const comparisons: Comparison[] = [];
  const kinds = new PairKinds();
  const kindOf = (p: Comparison['pair']) => kinds.of(p.run, p.lang, p.turn, p.criterion);
  let invalid = 0;
  for (const p of pairs) {
    const verdict = pairVerdict(p, options.invalidAs);
    if (verdict === 'invalid') invalid++;
    else if (verdict !== undefined) comparisons.push({ pair: p, rater: p.judge, verdict, kind: kindOf(p) });
  }
  for (const h of humans) comparisons.push({ pair: h, rater: 'humans', verdict: h.verdict, kind: kindOf(h) });
  const cells: Cell[] = [];
  for (const group of groupByKind(comparisons, (c) => c.kind, kinds.all, options.by))
    for (const [rater, theirs] of byRater(group.items, (c) => c.rater))
      cells.push(ratingCell(group.values, rater, theirs));
  const ratings = cellEstimates(cells, options.intervals);
  const rows: RatingRow[] = [];
  const unrated: { group: GroupValues; rater: string }[] = [];
  cells.forEach(({ group, rater, systems, record }, k) => {
    const estimates = ratings[k]!;
    if (estimates.every((r) => !Number.isFinite(r.value))) unrated.push({ group, rater });
    systems.forEach((system, i) => rows.push({ group, rater, system, rating: estimates[i]!, ...record[i]! }));
  });
  return { rows, unrated, invalid };
}

/** One group's and rater's comparisons: its systems, their records, the per-prompt-group win matrices. */
interface Cell {
  readonly group: GroupValues;
  readonly rater: string;
  readonly systems: readonly string[];
  readonly record: readonly { wins: number; ties: number; losses: number }[];
  readonly clusterSums: readonly Float64Array[];
}

function ratingCell(group: GroupValues, rater: string, comparisons: readonly Comparison[]): Cell {
  const named = new Set<string>();
  for (const { pair } of comparisons) named.add(pair.systemA).add(pair.systemB);
  const systems = [...named].sort();
  const s = systems.length;
  const index = new Map(systems.map((name, i) => [name, i]));
  // Prompt groups numbered by first appearance, as the cluster bootstrap numbers them.
  const numbers = new PromptGroupNumbers();
  const clusterSums: Float64Array[] = [];
  const record = systems.map(() => ({ wins: 0, ties: 0, losses: 0 }));
  for (const c of comparisons) {
    const number = numbers.of(c.pair);
    const wins = (clusterSums[number] ??= new Float64Array(s * s));
    const a = index.get(c.pair.systemA)!;
    const b = index.get(c.pair.systemB)!;
    if (c.verdict === 'tie') {
      addTo(wins, a * s + b, 0.5);
      addTo(wins, b * s + a, 0.5);
      record[a]!.ties++;
      record[b]!.ties++;
      continue;
    }
    const winner = c.verdict === 'A' ? a : b;
    const loser = c.verdict === 'A' ? b : a;
    addTo(wins, winner * s + loser);
    record[winner]!.wins++;
    record[loser]!.losses++;
  }
  return { group, rater, systems, record, clusterSums };
}

/**
 * Every cell's ratings with their intervals, as the cluster bootstrap of its figures gives them (estimatesOfRows):
 * the fit of the summed sample, n a system's comparisons; cells of exact sums (all but absurdly large ones) refitted
 * together, on worker threads when the table is big (bradleyTerryIntervals), the others one by one.
 */
function cellEstimates(cells: readonly Cell[], intervals: IntervalSettings | undefined): Estimate[][] {
  const jobs: BradleyTerryJob[] = [];
  const jobCells: number[] = [];
  const estimates = cells.map(({ systems, clusterSums }, k) => {
    const s = systems.length;
    const total = new Float64Array(s * s);
    for (const sums of clusterSums) for (let d = 0; d < total.length; d++) total[d]! += sums[d]!;
    const fit = bradleyTerry(total, s);
    const points = systems.map((_, i) => ({ value: fit.ratings[i]!, n: comparisonsOf(total, s, i) }));
    if (!intervals || clusterSums.length < 2 || !fit.converged) return points;
    const matrix = sparseClusters(clusterSums);
    if (!matrix.exact) return estimatesFromClusterSums(clusterSums, memoisedFigures(s), intervals);
    jobs.push({ matrix, systems: s, start: fit.logStrengths });
    jobCells.push(k);
    return points;
  });
  if (!intervals || jobs.length === 0) return estimates;
  const results = bradleyTerryIntervals(jobs, intervals);
  jobCells.forEach((k, j) => {
    estimates[k] = estimates[k]!.map((point, i) => ({
      ...point,
      lower: results[j]![i]!.lower,
      upper: results[j]![i]!.upper,
    }));
  });
  return estimates;
}

/** The figures of a cell of s systems for the generic bootstrap: each system's rating, n its comparisons. */
function memoisedFigures(s: number): Figure[] {
  const fit = memoisedFit(s);
  return Array.from({ length: s }, (_, i) => ({
    finish: (sums) => fit(sums)[i]!,
    count: (sums) => comparisonsOf(sums, s, i),
  }));
}

/** System i's games in a summed wins matrix of s systems. */
function comparisonsOf(sums: Float64Array, s: number, i: number): number {
  let games = 0;
  for (let j = 0; j < s; j++) games += sums[i * s + j]! + sums[j * s + i]!;
  return games;
}
