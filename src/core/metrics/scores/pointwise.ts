// Pointwise judge scores with a language gate, per judge, system and language.
// - [KE] §4.1 Likert 1–6 helpfulness: a response whose language differs from the prompt's scores the scale's
//   minimum (1); the mean per system and language, with an interval over prompt groups (their seeds move with them).
// - [CH] §3.4 1–3 rating: final score = judge score × language id (1 in the prompt's language, else 0), summed over
//   the test set; the language penalty Δ = Σ score − Σ score × language id.
// Undetermined ("und") responses and responses without any detection are NOT gated: the detector abstains mostly on
// short answers and on answers that are only code, where forcing the minimum would punish the system for the
// detector's silence. They keep the judge's score and are counted in their own columns, so a reader sees how many
// scores rest on an unverified language. Unparsable judge answers are left out of every figure and counted.
import type { PointwiseScoreRow } from '../../store/scoreQueries';
import { judgeLabels } from '../judgeLabels';
import { ratio, total, type Estimate, type Figure, type IntervalSettings } from '../estimate';
import { responseOutcome, type LanguageOutcome } from '../../languages/effectiveLanguage';
import { collect, compareSlices, keyOf, sliceOf, type Slice } from './slices';
import { ClusterTally, increment } from '../clusterTally';

/** How the responses behind one row's scores stand with respect to the language gate. */
export interface GateCounts {
  /** Judgments of the row, parsable or not. */
  readonly judgments: number;
  /** Judgments with a parsable score: n of every figure. */
  readonly scored: number;
  /** Scored responses in another language than the prompt's: gated. */
  readonly wrongLanguage: number;
  /** Scored responses whose language is "und": not gated. */
  readonly undetermined: number;
  /** Scored responses in several languages ("mul"): gated or not by the `mixedLanguage` setting. */
  readonly mixed: number;
  /** Scored responses with neither a detection nor a human label: not gated. */
  readonly notDetected: number;
  /** Scored responses whose language a human labelled or flagged, rather than the detector. */
  readonly humanLanguage: number;
  /** Unparsable judge answers: left out. */
  readonly invalid: number;
}

export interface PointwiseKey {
  readonly slice: Slice;
  readonly judge: string;
  readonly system: string;
  readonly scale: string;
}

export interface LikertRow extends PointwiseKey, GateCounts {
  /** Mean score after the gate (n = scored responses). */
  readonly mean: Estimate;
  /** Mean of the judge's scores as given, for comparison. */
  readonly ungatedMean: Estimate;
  /** Distinct prompts and seeds behind the row. */
  readonly prompts: number;
  readonly seeds: number;
}

export interface LanguageIdRow extends PointwiseKey, GateCounts {
  /** Σ score over the scored responses. */
  readonly sum: Estimate;
  /** Σ score × language id. */
  readonly gatedSum: Estimate;
  /** Δ = Σ score − Σ score × language id: what the system loses only by answering in the wrong language. */
  readonly penalty: Estimate;
  /** Mean of score × language id per response. */
  readonly gatedMean: Estimate;
  /** The highest possible Σ: scale maximum × scored responses. */
  readonly maximum: number;
  readonly prompts: number;
  readonly seeds: number;
}

// Per-group sums: [gated score, score as given, scored responses].
const GATED = 0;
const RAW = 1;
const SCORED = 2;

interface Cell {
  readonly key: PointwiseKey;
  readonly tally: ClusterTally;
  readonly counts: Partial<Record<LanguageOutcome | 'judgments' | 'scored' | 'invalid' | 'humanLanguage', number>>;
  readonly prompts: Set<string>;
  readonly seeds: Set<number>;
  scaleMax: number;
}

/** Both tables share the gate: this sums gated and raw scores per judge, system and slice. */
/**
 * What the language gate does with a mixed answer ("mul"): "keep" (default) keeps the judge's score, like "und" (a
 * mixed answer is often a legitimate one: a translation, quoted English terms); "mismatch" gates it like an answer in
 * another language (a study that demands the whole answer in the prompt's language).
 */
export type MixedLanguageGate = 'keep' | 'mismatch';
export const MIXED_LANGUAGE_GATES: readonly MixedLanguageGate[] = ['keep', 'mismatch'];

export interface GateOptions {
  readonly intervals?: IntervalSettings;
  readonly mixedLanguage?: MixedLanguageGate;
}

function gateCells(
  rows: readonly PointwiseScoreRow[],
  gatedValue: (row: PointwiseScoreRow) => number,
  mixed: MixedLanguageGate,
): Cell[] {
  const label = judgeLabels(rows);
  const cells = new Map<string, Cell>();
  for (const row of rows) {
    const slice = sliceOf(row);
    const judge = label(row);
    const cell = collect(cells, keyOf(slice, judge, row.system, row.scale), () => ({
      key: { slice, judge, system: row.system, scale: row.scale },
      tally: new ClusterTally(3),
      counts: {},
      prompts: new Set<string>(),
      seeds: new Set<number>(),
      scaleMax: row.scaleMax,
    }));
    increment(cell.counts, 'judgments');
    cell.prompts.add(row.group);
    cell.seeds.add(row.seed);
    if (row.score === null) {
      increment(cell.counts, 'invalid');
      continue;
    }
    const outcome = responseOutcome(row);
    increment(cell.counts, 'scored');
    increment(cell.counts, outcome);
    if (row.source === 'human' || row.source === 'flag') increment(cell.counts, 'humanLanguage');
    const sums = cell.tally.of(row);
    const gated = outcome === 'mismatch' || (outcome === 'mixed' && mixed === 'mismatch');
    sums[GATED]! += gated ? gatedValue(row) : row.score;
    sums[RAW]! += row.score;
    sums[SCORED]! += 1;
  }
  return [...cells.values()].sort(
    (a, b) =>
      compareSlices(a.key.slice, b.key.slice) ||
      a.key.judge.localeCompare(b.key.judge) ||
      a.key.system.localeCompare(b.key.system),
  );
}

function gateCounts(cell: Cell): GateCounts {
  const c = cell.counts;
  return {
    judgments: c.judgments ?? 0,
    scored: c.scored ?? 0,
    wrongLanguage: c.mismatch ?? 0,
    undetermined: c.undetermined ?? 0,
    mixed: c.mixed ?? 0,
    notDetected: c['not-detected'] ?? 0,
    humanLanguage: c.humanLanguage ?? 0,
    invalid: c.invalid ?? 0,
  };
}

/** [KE]'s Likert means: a wrong-language response scores the scale's minimum. */
export function likertMeans(rows: readonly PointwiseScoreRow[], options: GateOptions): LikertRow[] {
  return gateCells(rows, (row) => row.scaleMin, options.mixedLanguage ?? 'keep').map((cell) => {
    const [mean, ungatedMean] = cell.tally.estimates([ratio(GATED, SCORED), ratio(RAW, SCORED)], options.intervals);
    return {
      ...cell.key,
      ...gateCounts(cell),
      mean: mean!,
      ungatedMean: ungatedMean!,
      prompts: cell.prompts.size,
      seeds: cell.seeds.size,
    };
  });
}

const PENALTY: Figure = { finish: (s) => (s[SCORED] === 0 ? NaN : s[RAW]! - s[GATED]!), count: (s) => s[SCORED]! };

/** [CH]'s sums: a wrong-language response's score is multiplied by a language id of 0. */
export function languageIdSums(rows: readonly PointwiseScoreRow[], options: GateOptions): LanguageIdRow[] {
  return gateCells(rows, () => 0, options.mixedLanguage ?? 'keep').map((cell) => {
    const [sum, gatedSum, penalty, gatedMean] = cell.tally.estimates(
      [total(RAW, SCORED), total(GATED, SCORED), PENALTY, ratio(GATED, SCORED)],
      options.intervals,
    );
    const counts = gateCounts(cell);
    return {
      ...cell.key,
      ...counts,
      sum: sum!,
      gatedSum: gatedSum!,
      penalty: penalty!,
      gatedMean: gatedMean!,
      maximum: cell.scaleMax * counts.scored,
      prompts: cell.prompts.size,
      seeds: cell.seeds.size,
    };
  });
}
