// The judging statistics of issue 10 as tables, each with the notes a reader of a paper needs: what n counts, what
// was left out and how many, which mode unparsable answers were read in, how intervals were made.
import type { IntervalSettings } from '../metrics/estimate';
import type { GroupField } from '../metrics/grouping';
import {
  CLEAR_RATIO,
  type InvalidMode,
  type JudgeCorrelationRow,
  type LengthBiasRow,
  type LengthControlledRow,
  type PairKappaTable,
  type PerOrderRow,
  type RatingTable,
  type ReliabilityRow,
  type ScoreUnitSet,
} from '../metrics/judging';
import { groupCells, groupColumns, intervalNote } from './agreementTables';
import { coefficient, count, countNote, percent, score, sum as total, text } from './scoreTables';
import type { Table } from './table';

/** Every table that reads judge verdicts says how it read unparsable ones, even when there were none. */
export function invalidModeNote(mode: InvalidMode, invalid: number): string {
  const what = mode === 'exclude' ? 'left out (and counted)' : mode === 'tie' ? 'read as ties' : 'counted as errors';
  return `--invalid-as ${mode}: unparsable judge answers ${what}; ${invalid} in this table.`;
}

export const HUMAN_SCALE_NOTE =
  "Human ratings are read as numbers on their scale: a numeric scale's values, an ordinal scale's ranks from 1 (excellent / pass / fail as 3 / 2 / 1, the scale lima-3).";

// -------------------------------------------------------------------------------------- judge–human correlation
export function judgeCorrelationTable(
  rows: readonly JudgeCorrelationRow[],
  fields: readonly GroupField[],
  leftOutRatings: number,
  intervals?: IntervalSettings,
): Table {
  const level = (prefix: 'item' | 'system', r: JudgeCorrelationRow) => ({
    [`${prefix}Pearson`]: r[prefix].pearson,
    [`${prefix}Spearman`]: r[prefix].spearman,
    [`${prefix}TauB`]: r[prefix].tauB,
    [`${prefix}TauC`]: r[prefix].tauC,
  });
  const levelColumns = (prefix: 'item' | 'system', label: string) => [
    coefficient(`${prefix}Pearson`, `${label} r`),
    coefficient(`${prefix}Spearman`, `${label} ρ`),
    coefficient(`${prefix}TauB`, `${label} τb`),
    coefficient(`${prefix}TauC`, `${label} τc`),
  ];
  return {
    id: 'judge-correlation',
    title: 'Correlation of judge scores with human ratings, per response (item) and per system',
    columns: [
      ...groupColumns(fields),
      text('judge', 'Judge'),
      text('judgeScale', 'Judge scale'),
      text('humanScale', 'Human scale'),
      ...levelColumns('item', 'Item'),
      count('responses', 'n items'),
      ...levelColumns('system', 'System'),
      count('systems', 'n systems'),
      count('judgeOnly', 'No human'),
      count('humanOnly', 'No judge'),
    ],
    rows: rows.map((r) => ({
      ...groupCells(r.group, fields),
      judge: r.judge,
      judgeScale: r.judgeScale,
      humanScale: r.humanScale,
      ...level('item', r),
      responses: r.responses,
      ...level('system', r),
      systems: r.systems,
      judgeOnly: r.judgeOnly,
      humanOnly: r.humanOnly,
    })),
    notes: [
      "Item level: one point per response rated by both, (the judge's score, the mean of its annotators' ratings); n items = those responses.",
      'System level: one point per system, (mean judge score, mean of the per-response human means) over the same responses; n systems = systems. With few systems these are coarse: read the interval.',
      "Pearson r, Spearman ρ, Kendall τ-b and τ-c (Stuart), as scipy.stats computes them; the judge's own scores, before any language gate.",
      HUMAN_SCALE_NOTE,
      'No human: responses the judge scored that no annotator rated; No judge: responses annotators rated without a parsable score from this judge. Both are left out.',
      ...countNote(
        total(rows, (r) => r.invalid),
        'unparsable judge answer(s) on rated responses were left out (in No judge).',
      ),
      ...countNote(leftOutRatings, 'stored human rating(s) could not be read as a number and were left out.'),
      intervalNote(intervals),
    ],
  };
}

// ------------------------------------------------------------------------------------------------ reliability
export function reliabilityTable(
  rows: readonly ReliabilityRow[],
  sets: readonly ScoreUnitSet[],
  by: readonly GroupField[],
  intervals?: IntervalSettings,
): Table {
  return {
    id: 'reliability',
    title: "Gwet's AC1 / AC2 and intraclass correlation of numeric ratings, humans and judges apart",
    columns: [
      ...groupColumns(by),
      text('range', 'Scale'),
      text('kind', 'Raters'),
      count('k', 'k'),
      coefficient('ac1', 'AC1'),
      coefficient('ac2Linear', 'AC2 linear'),
      coefficient('ac2Quadratic', 'AC2 quadratic'),
      count('acUnits', 'n (AC)'),
      coefficient('icc21', 'ICC(2,1)'),
      coefficient('icc31', 'ICC(3,1)'),
      coefficient('icc2k', 'ICC(2,k)'),
      coefficient('icc3k', 'ICC(3,k)'),
      count('iccUnits', 'n (ICC)'),
      count('incomplete', 'Incomplete'),
    ],
    rows: rows.map((r) => ({
      ...groupCells(r.group, by),
      range: `${r.range} (${r.scales.join(', ')})`,
      kind: `${r.kind}: ${r.raters.join(', ')}`,
      k: r.raters.length,
      ac1: r.ac1,
      ac2Linear: r.ac2Linear,
      ac2Quadratic: r.ac2Quadratic,
      acUnits: r.ac1.n,
      icc21: r.icc21,
      icc31: r.icc31,
      icc2k: r.icc2k,
      icc3k: r.icc3k,
      iccUnits: r.icc21.n,
      incomplete: r.incomplete,
    })),
    notes: [
      "AC1 / AC2 (Gwet 2014, as irrCAC computes them): over every response with two or more ratings of that kind (n), missing ratings allowed; the scale's whole points are the categories, used or not; AC2 with linear or quadratic weights.",
      'ICC (Shrout & Fleiss 1979; two-way ANOVA): over the responses every one of the k raters rated (n); ICC(2,·) absolute agreement with raters random, ICC(3,·) consistency with raters fixed; (·,1) one rater, (·,k) the mean of k. Incomplete: responses some of the k raters did not rate, left out of the ICCs only.',
      'Scale: the range the ratings are on; raters on scales with the same range are listed under it, humans and judges in rows of their own.',
      HUMAN_SCALE_NOTE,
      ...countNote(
        total(rows, (r) => r.offCategory),
        "rating(s) fall between the scale's whole points: in the ICCs, not in AC1 / AC2.",
      ),
      ...countNote(
        total(sets, (s) => s.leftOut),
        'rating(s) were left out before any figure (unparsable judge answers, unreadable human ratings).',
      ),
      ...countNote(
        total(sets, (s) => s.repeated),
        'repeated rating(s) by the same rater of the same response were left out (the first counts).',
      ),
      ...(rows.length === 0 ? ['Nothing to compare: no group has two raters of one kind on one scale.'] : []),
      intervalNote(intervals),
    ],
  };
}

export function pairKappaTable(
  table: PairKappaTable,
  sets: readonly ScoreUnitSet[],
  by: readonly GroupField[],
  minItems: number,
  intervals?: IntervalSettings,
): Table {
  return {
    id: 'kappa-pairs',
    title: "Cohen's kappa between every two raters on numeric ratings (annotators and judges)",
    columns: [
      ...groupColumns(by),
      text('range', 'Scale'),
      text('raterA', 'Rater'),
      text('raterB', 'Rater'),
      text('kind', 'Kind'),
      percent('agreement', 'Agree %'),
      coefficient('kappa', 'κ'),
      coefficient('linear', 'κ linear'),
      coefficient('quadratic', 'κ quadratic'),
      count('n', 'n'),
    ],
    rows: table.rows.map((r) => ({
      ...groupCells(r.group, by),
      range: r.range,
      raterA: r.raterA,
      raterB: r.raterB,
      kind: r.kind,
      agreement: r.agreement,
      kappa: r.kappa,
      linear: r.linear,
      quadratic: r.quadratic,
      n: r.kappa.n,
    })),
    notes: [
      "n: responses both raters rated. κ unweighted, linear and quadratic as sklearn's cohen_kappa_score over the scale's whole points; judges are named judge:NAME.",
      'A judge is paired with annotators only when their scales have the same range (a 1–3 judge with excellent / pass / fail read as 1–3).',
      HUMAN_SCALE_NOTE,
      ...countNote(
        table.skippedPairs,
        `rater pair(s) sharing fewer than ${minItems} responses are not shown (--min-items).`,
      ),
      ...countNote(table.offCategory, "rating(s) between the scale's whole points have no category and were left out."),
      ...countNote(
        total(sets, (s) => s.leftOut),
        'rating(s) were left out before any figure (unparsable judge answers, unreadable human ratings).',
      ),
      intervalNote(intervals),
    ],
  };
}

// ----------------------------------------------------------------------------------------- per-order accuracy
export function perOrderTable(
  rows: readonly PerOrderRow[],
  fields: readonly GroupField[],
  mode: InvalidMode,
  gold: string | undefined,
  intervals?: IntervalSettings,
): Table {
  const reference = gold ? `the gold annotator ${gold}` : 'the human majority';
  return {
    id: 'judge-accuracy',
    title: `Pairwise judges against ${reference}, per presentation order (--invalid-as ${mode})`,
    columns: [
      ...groupColumns(fields),
      text('judge', 'Judge'),
      percent('original', 'Original order %'),
      count('nOriginal', 'n'),
      percent('swapped', 'Swapped order %'),
      count('nSwapped', 'n'),
      percent('mean', 'Mean %'),
      percent('bothRight', 'Both orders right %'),
      percent('combined', 'Combined verdict %'),
      percent('positional', 'Positional agreement %'),
      count('pairs', 'Pairs'),
      count('invalid', 'Invalid'),
      count('noReference', 'No reference'),
      text('mode', 'Invalid as'),
    ],
    rows: rows.map((r) => ({
      ...groupCells(r.group, fields),
      judge: r.judge,
      original: r.original,
      nOriginal: r.original.n,
      swapped: r.swapped,
      nSwapped: r.swapped.n,
      mean: r.mean,
      bothRight: r.bothRight,
      combined: r.combined,
      positional: r.positional,
      pairs: r.bothRight.n,
      invalid: r.invalidOrders,
      noReference: r.noReference,
      mode,
    })),
    notes: [
      `Reference per item: ${gold ? `${gold}'s label` : 'the verdict with strictly more human votes than any other'} (A, B or tie). Original order: the order the reference rater saw; swapped: the other.`,
      "Original / swapped order: accuracy of that order's verdicts (n = verdicts); Mean: their average, as judge benchmarks report accuracy.",
      'Over pairs judged in both orders (Pairs): both orders right; the combined verdict (A only if both say A, B only if both say B, else tie) right; positional agreement, both orders giving the same verdict.',
      invalidModeNote(
        mode,
        total(rows, (r) => r.invalidOrders),
      ),
      ...(mode === 'wrong'
        ? ['Under wrong, an unparsable order is never right and never agrees with the other order.']
        : []),
      ...countNote(
        total(rows, (r) => r.noReference),
        `judged pair(s) have no reference (${gold ? `${gold} did not label them` : 'no human vote, or no strict majority'}) and were left out.`,
      ),
      ...countNote(
        total(rows, (r) => r.combinedOnly),
        'pair(s) came with an already combined verdict and no order: in no figure.',
      ),
      intervalNote(intervals),
    ],
  };
}

// ----------------------------------------------------------------------------------------------- length bias
export function lengthBiasTable(
  rows: readonly LengthBiasRow[],
  fields: readonly GroupField[],
  mode: InvalidMode,
  intervals?: IntervalSettings,
): Table {
  return {
    id: 'length-bias',
    title: 'How often judges and humans prefer the longer response, per language',
    columns: [
      ...groupColumns(fields),
      text('rater', 'Rater'),
      text('unit', 'Length in'),
      percent('prefersLonger', 'Prefers longer %'),
      count('decided', 'n'),
      percent('ties', 'Tie %'),
      count('clear', 'Clear pairs'),
      count('similar', 'Similar length'),
      count('noText', 'No text'),
      count('invalid', 'Invalid'),
    ],
    rows: rows.map((r) => ({
      ...groupCells(r.group, fields),
      rater: r.rater,
      unit: r.unit,
      prefersLonger: r.prefersLonger,
      decided: r.prefersLonger.n,
      ties: r.ties,
      clear: r.ties.n,
      similar: r.similar,
      noText: r.noText,
      invalid: r.invalid,
    })),
    notes: [
      `Clear pairs: the longer response is at least ${CLEAR_RATIO}× the shorter. Prefers longer: of the verdicts on them that name a response (n), the share naming the longer; Tie: of all verdicts on them.`,
      "A judge: one verdict per pair, both orders combined. humans: every vote. Compare a judge's share with the humans' in the same language: the excess is length bias.",
      "Length: grapheme clusters (no white space) for Chinese, Japanese, Thai, Lao, Khmer, Burmese and Tibetan, words (runs of non-space characters) otherwise; the lowest seed's response.",
      ...countNote(
        total(rows, (r) => r.similar),
        'verdict(s) on pairs of similar length were left out.',
      ),
      ...countNote(
        total(rows, (r) => r.noText),
        "verdict(s) on pairs without both responses' text were left out.",
      ),
      invalidModeNote(
        mode,
        total(rows, (r) => r.invalid),
      ),
      intervalNote(intervals),
    ],
  };
}

export function lengthControlledTable(
  rows: readonly LengthControlledRow[],
  fields: readonly GroupField[],
  baselineSpec: string,
  mode: InvalidMode,
  intervals?: IntervalSettings,
): Table {
  return {
    id: 'lc-winrate',
    title: `Length-controlled win rate (%) of each system against ${baselineSpec} (alpaca_eval)`,
    columns: [
      ...groupColumns(fields),
      text('judge', 'Judge'),
      text('system', 'System'),
      text('baseline', 'Baseline'),
      percent('lengthControlled', 'LC win rate %'),
      percent('winRate', 'Win rate %'),
      count('n', 'n'),
      coefficient('lengthCoefficient', 'Length coef.'),
      score('systemLength', 'Mean length', 1),
      score('baselineLength', 'Baseline length', 1),
      text('unit', 'Length in'),
      count('noText', 'No text'),
      count('invalid', 'Invalid'),
    ],
    rows: rows.map((r) => ({
      ...groupCells(r.group, fields),
      judge: r.judge,
      system: r.system,
      baseline: r.baseline,
      lengthControlled: r.lengthControlled,
      winRate: r.winRate,
      n: r.winRate.n,
      lengthCoefficient: r.lengthCoefficient,
      systemLength: r.systemLength,
      baselineLength: r.baselineLength,
      unit: r.unit,
      noText: r.noText,
      invalid: r.invalid,
    })),
    notes: [
      "alpaca_eval's length-controlled win rate (Dubois et al. 2024, GLM length_controlled_minimal): preference (1 win, 0.5 tie, 0 loss; both orders combined) ~ logistic(b0 + b1 tanh(Δ / sd(Δ))), Δ = baseline length − system length; LC = the prediction at Δ = 0, sigmoid(b0).",
      "Fitted by unpenalised maximum likelihood (alpaca_eval cross-validates an L1 penalty) and without its instruction-difficulty term (precomputed for AlpacaEval's own 805 instructions). Length coef. < 0: the judge favours the system when it is longer.",
      "n: prompts with a valid verdict and both texts. Length in the language's unit (graphemes for unspaced scripts, words otherwise); alpaca_eval counts characters.",
      ...countNote(
        total(rows, (r) => r.noText),
        "pair(s) without both responses' text were left out.",
      ),
      invalidModeNote(
        mode,
        total(rows, (r) => r.invalid),
      ),
      intervalNote(intervals),
    ],
  };
}

export function ratingsTableBt(
  table: RatingTable,
  fields: readonly GroupField[],
  mode: InvalidMode,
  intervals?: IntervalSettings,
): Table {
  return {
    id: 'bradley-terry',
    title: 'Bradley–Terry ratings of the systems (Elo scale), per language and rater',
    columns: [
      ...groupColumns(fields),
      text('rater', 'Rater'),
      text('system', 'System'),
      score('rating', 'Rating', 0),
      count('n', 'Comparisons'),
      count('wins', 'Wins'),
      count('ties', 'Ties'),
      count('losses', 'Losses'),
    ],
    rows: table.rows.map((r) => ({
      ...groupCells(r.group, fields),
      rater: r.rater,
      system: r.system,
      rating: r.rating,
      n: r.rating.n,
      wins: r.wins,
      ties: r.ties,
      losses: r.losses,
    })),
    notes: [
      'Bradley–Terry maximum likelihood as Chatbot Arena computes it (compute_mle_elo): P(X beats Y) = 1 / (1 + 10^((R_Y − R_X) / 400)), a tie half a win for each, ratings centred on 1000. Compare ratings within one language and rater.',
      'A judge: one comparison per pair, both orders combined; humans: every vote. The interval refits the model on each resample of prompt groups.',
      ...table.unrated.map(
        (u) =>
          `No ratings for ${u.rater} in ${Object.values(groupCells(u.group, fields)).join(' ')}: some system won or lost every comparison (chained), so the likelihood has no maximum.`,
      ),
      invalidModeNote(mode, table.invalid),
      intervalNote(intervals),
    ],
  };
}
