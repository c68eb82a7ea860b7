// Judge–human correlation (issue 10 §4): how well a judge's pointwise scores follow the humans' ratings of the same
// responses, as Pearson's r, Spearman's rho and Kendall's tau-b and tau-c, at two levels:
// - item: one point per response, (judge score, mean of the annotators' ratings of it);
// - system: one point per system, (mean judge score, mean of the per-response human means), over the responses
//   both rated: the figure a leaderboard comparison rests on.
// Per group (language by default; never pooled across runs or turns), judge, judge scale and human scale, each with
// n and a bootstrap interval over prompt groups (a resample recomputes the system means).
import type { Estimate, IntervalSettings } from '../estimate';
import { groupBy, groupKey, type GroupField, type GroupValues } from '../grouping';
import { kendallTau, pearson, spearman } from '../stats';
import { clusterEstimate } from './clusterEstimate';
import type { HumanScore } from './humanScores';
import { responseKey, type JudgeScore } from './judgeScores';

export interface MatchedResponse {
  readonly run: string;
  readonly group: string;
  readonly lang: string;
  readonly turn: number;
  readonly system: string;
  readonly judgeScore: number;
  /** Mean over the annotators who rated the response. */
  readonly humanMean: number;
  readonly annotators: number;
}

export interface Correlations {
  readonly pearson: Estimate;
  readonly spearman: Estimate;
  readonly tauB: Estimate;
  readonly tauC: Estimate;
}

export interface JudgeCorrelationRow {
  readonly group: GroupValues;
  readonly judge: string;
  readonly judgeScale: string;
  readonly humanScale: string;
  readonly item: Correlations;
  readonly system: Correlations;
  /** Responses behind both levels, and the systems of the system level. */
  readonly responses: number;
  readonly systems: number;
  /** Responses the judge scored that no annotator rated (on this human scale): left out. */
  readonly judgeOnly: number;
  /** Responses annotators rated that the judge has no parsable score for: left out. */
  readonly humanOnly: number;
  /** Unparsable judge answers on responses annotators rated: left out (part of humanOnly). */
  readonly invalid: number;
}

type Pairs = readonly [number[], number[]];

function itemPairs(items: readonly MatchedResponse[]): Pairs {
  return [items.map((i) => i.judgeScore), items.map((i) => i.humanMean)];
}

function systemPairs(items: readonly MatchedResponse[]): Pairs {
  const sums = new Map<string, [number, number, number]>();
  for (const i of items) {
    const s = sums.get(i.system) ?? sums.set(i.system, [0, 0, 0]).get(i.system)!;
    s[0] += i.judgeScore;
    s[1] += i.humanMean;
    s[2] += 1;
  }
  const systems = [...sums.keys()].sort();
  return [systems.map((s) => sums.get(s)![0] / sums.get(s)![2]), systems.map((s) => sums.get(s)![1] / sums.get(s)![2])];
}

function correlations(
  items: readonly MatchedResponse[],
  pairsOf: (items: readonly MatchedResponse[]) => Pairs,
  intervals?: IntervalSettings,
): Correlations {
  const n = pairsOf(items)[0].length;
  const of = (statistic: (x: number[], y: number[]) => number) =>
    clusterEstimate(items, (its) => statistic(...pairsOf(its)), n, intervals);
  return {
    pearson: of(pearson),
    spearman: of(spearman),
    tauB: of((x, y) => kendallTau(x, y).b),
    tauC: of((x, y) => kendallTau(x, y).c),
  };
}

export interface JudgeCorrelationOptions {
  readonly by: readonly GroupField[];
  readonly intervals?: IntervalSettings;
}

/** `by` plus run, turn and criterion when they vary: figures are never pooled across them. */
export function fieldsWithSlices(values: readonly GroupValues[], by: readonly GroupField[]): GroupField[] {
  const varies = (f: 'run' | 'turn' | 'criterion') => new Set(values.map((v) => v[f] ?? '')).size > 1;
  return [
    ...(varies('run') && !by.includes('run') ? ['run' as const] : []),
    ...by,
    ...(varies('turn') && !by.includes('turn') ? ['turn' as const] : []),
    ...(varies('criterion') && !by.includes('criterion') ? ['criterion' as const] : []),
  ];
}

export function judgeCorrelation(
  humans: readonly HumanScore[],
  judges: readonly JudgeScore[],
  options: JudgeCorrelationOptions,
): {
  rows: JudgeCorrelationRow[];
  fields: GroupField[];
} {
  const byResponse = new Map<string, Map<string, { sum: number; count: number }>>(); // response -> human scale -> sum
  for (const h of humans) {
    const scales = byResponse.get(responseKey(h)) ?? byResponse.set(responseKey(h), new Map()).get(responseKey(h))!;
    const entry = scales.get(h.scale.id) ?? scales.set(h.scale.id, { sum: 0, count: 0 }).get(h.scale.id)!;
    entry.sum += h.value;
    entry.count += 1;
  }
  const humanScales = [...new Set(humans.map((h) => h.scale.id))].sort();
  const fields = fieldsWithSlices([...humans, ...judges], options.by);
  const rows: JudgeCorrelationRow[] = [];
  const humanGroups = new Map(groupBy(humans, (h) => h, fields).map((g) => [groupKey(g.values, fields), g.items]));
  for (const cell of groupBy(judges, (j) => j, fields)) {
    const humansHere = humanGroups.get(groupKey(cell.values, fields)) ?? [];
    for (const [judge, judgeScale] of judgeScalePairs(cell.items)) {
      const scored = cell.items.filter((j) => j.judge === judge && j.scale.id === judgeScale);
      for (const humanScale of humanScales) {
        rows.push(
          correlationRow(cell.values, judge, judgeScale, humanScale, scored, humansHere, byResponse, options.intervals),
        );
      }
    }
  }
  return { rows: rows.filter((r) => r.responses > 0 || r.humanOnly > 0), fields };
}

function judgeScalePairs(scores: readonly JudgeScore[]): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const s of scores) seen.set(`${s.judge}\u0000${s.scale.id}`, [s.judge, s.scale.id]);
  return [...seen.values()].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}

function correlationRow(
  group: GroupValues,
  judge: string,
  judgeScale: string,
  humanScale: string,
  scored: readonly JudgeScore[],
  humansHere: readonly HumanScore[],
  byResponse: Map<string, Map<string, { sum: number; count: number }>>,
  intervals: IntervalSettings | undefined,
): JudgeCorrelationRow {
  const matched: MatchedResponse[] = [];
  const parsable = new Set<string>();
  let judgeOnly = 0;
  let invalid = 0;
  const rated = (key: string) => byResponse.get(key)?.get(humanScale);
  for (const s of scored) {
    const key = responseKey(s);
    const human = rated(key);
    if (s.value === null) {
      if (human) invalid++;
      continue;
    }
    if (!human) {
      judgeOnly++;
      continue;
    }
    parsable.add(key);
    matched.push({
      run: s.run,
      group: s.group,
      lang: s.lang,
      turn: s.turn,
      system: s.system,
      judgeScore: s.value,
      humanMean: human.sum / human.count,
      annotators: human.count,
    });
  }
  const humanResponses = new Set(humansHere.filter((h) => h.scale.id === humanScale).map(responseKey));
  const humanOnly = [...humanResponses].filter((k) => !parsable.has(k)).length;
  return {
    group,
    judge,
    judgeScale,
    humanScale,
    item: correlations(matched, itemPairs, intervals),
    system: correlations(matched, systemPairs, intervals),
    responses: matched.length,
    systems: new Set(matched.map((m) => m.system)).size,
    judgeOnly,
    humanOnly,
    invalid,
  };
}
