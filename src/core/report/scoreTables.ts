// The score figures of protocols.md §1, §2, §4-§6 and the chance-corrected agreement of §3 as tables, each with
// the notes a reader of a paper needs: what n counts, what was left out and how many, how intervals were made.
import type { ChanceCorrectedTable, ScaleUnitSet, UnitSet } from '../metrics/chanceCorrected';
import { RATING_SCALE } from '../metrics/chanceCorrected';
import { alphaLevels } from '../metrics/chanceCorrected';
import type { IntervalSettings } from '../metrics/estimate';
import { sliceGrouping, type GroupField } from '../metrics/grouping';
import type {
  ConsistencyRow,
  GateCounts,
  IoAgreementRow,
  LanguageIdRow,
  LikertRow,
  MtBenchScoreRow,
  RatingDistributionRow,
  SideBySideResult,
} from '../metrics/scores';
import type { ResponseLanguage } from '../languages/effectiveLanguage';
import type { OffScaleCause, OffScaleRating } from '../metrics/ratings/humanRatings';
import { isRating } from '../metrics/scores';
import { LIMA_SCALE, RATINGS } from '../model/records';
import { describeScale } from '../model/scales';
import { groupCells, groupColumns, intervalNote } from './agreementTables';
import type { Cell, Column, Table } from './table';
import { ENGLISH_REPORT_WORDS, type CountWords, type GateWords, type ReportWords } from './words';

export function sum<T>(rows: readonly T[], count: (row: T) => number): number {
  return rows.reduce((n, r) => n + count(r), 0);
}

/** A note only when something was counted. */
export function countNote(n: number, text: string): string[] {
  return n > 0 ? [`${n} ${text}`] : [];
}

/** A note of the words only when something was counted. */
function countedNote(n: number, note: CountWords): string[] {
  return n > 0 ? [note(n)] : [];
}

export const text = (key: string, label: string): Column => ({ key, label, kind: 'text' });
export const count = (key: string, label: string): Column => ({ key, label, kind: 'count' });
export const percent = (key: string, label: string): Column => ({ key, label, kind: 'percent' });
export const score = (key: string, label: string, digits = 2): Column => ({ key, label, kind: 'score', digits });
export const coefficient = (key: string, label: string): Column => ({ key, label, kind: 'coefficient' });

// ------------------------------------------------------------------------------------------------ side by side
export function sideBySideTable(result: SideBySideResult, baselineSpec: string, intervals?: IntervalSettings): Table {
  const fields = sliceGrouping(result.rows.map((r) => r.slice));
  const invalid = sum(result.rows, (r) => r.invalid);
  const singleOrder = sum(result.rows, (r) => r.singleOrder);
  return {
    id: 'sxs',
    title: `Side-by-side score (%) of each system against ${baselineSpec}`,
    columns: [
      ...groupColumns(fields),
      text('judge', 'Judge'),
      text('system', 'System'),
      text('baseline', 'Baseline'),
      percent('score', 'Score %'),
      count('n', 'n'),
      count('wins', 'Wins'),
      count('ties', 'Ties'),
      count('losses', 'Losses'),
      count('invalid', 'Invalid'),
    ],
    rows: result.rows.map((r) => ({
      ...groupCells(r.slice, fields),
      judge: r.judge,
      system: r.system,
      baseline: r.baseline,
      score: r.score,
      n: r.byDefinition ? 'by definition' : r.score.n,
      wins: r.wins,
      ties: r.ties,
      losses: r.losses,
      invalid: r.invalid,
    })),
    notes: [
      'Discounted-tie score: mean over prompts of 1 (the system wins), 0.5 (tie), 0 (the baseline wins); 50 = indistinguishable.',
      'Verdict per prompt: both presentation orders combined (A only if both orders say A, B only if both say B, otherwise a tie); n counts prompts with a valid verdict.',
      'The baseline against itself is 50 by definition (not measured).',
      ...countNote(
        invalid,
        'pair(s) with an unparsable verdict were left out of n (--invalid-as tie counts them as ties).',
      ),
      ...countNote(singleOrder, "pair(s) were judged in one order only: their verdict is that order's."),
      ...missingBaselineNotes(result),
      intervalNote(intervals),
    ],
  };
}

function missingBaselineNotes(result: SideBySideResult, words: ReportWords = ENGLISH_REPORT_WORDS): string[] {
  return result.missingBaselines.map((m) =>
    words.missingBaseline(m.baseline, m.judge, m.slice.lang, m.slice.turn, m.slice.run),
  );
}

/**
 * [SH]'s heatmap: systems × evaluation languages, each cell the system's score against that language's baseline;
 * the baseline's own cell is marked, not filled with 50. Each language column has its n beside it.
 */
export function instructionFollowingMatrix(
  result: SideBySideResult,
  baselineSpec: string,
  intervals?: IntervalSettings,
  words: ReportWords = ENGLISH_REPORT_WORDS,
): Table {
  const w = words.ifMatrix;
  const languages = [...new Set(result.rows.map((r) => r.slice.lang))].sort();
  const fields = sliceGrouping(result.rows.map((r) => r.slice)).filter((f) => f !== 'lang');
  const rows = new Map<string, Record<string, Cell>>();
  for (const r of result.rows) {
    const key = [r.slice.run, r.slice.turn, r.judge, r.system].join('\u0000');
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { ...groupCells(r.slice, fields), judge: r.judge, system: r.system }));
    row[r.slice.lang] = r.byDefinition ? '(baseline)' : r.score;
    row[`n_${r.slice.lang}`] = r.byDefinition ? undefined : r.score.n;
  }
  return {
    id: 'if-matrix',
    title: w.title(baselineSpec),
    columns: [
      ...groupColumns(fields, words),
      text('judge', words.judge),
      text('system', words.system),
      ...languages.flatMap((lang) => [percent(lang, lang), count(`n_${lang}`, words.n)]),
    ],
    rows: [...rows.values()],
    notes: [w.definition, w.columns, w.n, ...missingBaselineNotes(result, words), intervalNote(intervals, words)],
  };
}

export function judgeConsistencyTable(
  rows: readonly ConsistencyRow[],
  intervals?: IntervalSettings,
  invalidAsTies = 0,
  words: ReportWords = ENGLISH_REPORT_WORDS,
): Table {
  const w = words.judgeConsistency;
  const fields = sliceGrouping(rows.map((r) => r.slice));
  const invalid = sum(rows, (r) => r.invalidOrders);
  const combinedOnly = sum(rows, (r) => r.combinedOnly);
  return {
    id: 'judge-consistency',
    title: w.title,
    columns: [
      ...groupColumns(fields, words),
      text('judge', words.judge),
      percent('flip', w.flip),
      percent('biasedFirst', w.biasedFirst),
      percent('biasedSecond', w.biasedSecond),
      percent('otherFlip', w.otherFlip),
      count('pairs', w.pairs),
      percent('firstWins', w.firstWins),
      percent('secondWins', w.secondWins),
      percent('orderTies', w.orderTies),
      count('orders', w.orders),
      count('invalid', words.invalid),
    ],
    rows: rows.map((r) => ({
      ...groupCells(r.slice, fields),
      judge: r.judge,
      flip: r.flip,
      biasedFirst: r.biasedFirst,
      biasedSecond: r.biasedSecond,
      otherFlip: r.otherFlip,
      pairs: r.flip.n,
      firstWins: r.firstWins,
      secondWins: r.secondWins,
      orderTies: r.orderTies,
      orders: r.firstWins.n,
      invalid: r.invalidOrders,
    })),
    notes: [
      w.flipNote,
      w.positionNote,
      ...countedNote(invalid, w.invalidLeftOut),
      ...countedNote(invalidAsTies, w.invalidAsTies),
      ...countedNote(
        sum(rows, (r) => r.singleOrder),
        w.singleOrder,
      ),
      ...countedNote(combinedOnly, w.combinedOnly),
      intervalNote(intervals, words),
    ],
  };
}

// --------------------------------------------------------------------------------------------- pointwise scores
function gateColumns(words: ReportWords): Column[] {
  const w = words.gate;
  return [
    count('wrongLanguage', w.wrongLanguage),
    count('mixed', w.mixed),
    count('undetermined', w.undetermined),
    count('notDetected', w.notDetected),
    count('invalid', words.invalid),
  ];
}

function gateCells(r: GateCounts): Record<string, Cell> {
  return {
    wrongLanguage: r.wrongLanguage,
    mixed: r.mixed,
    undetermined: r.undetermined,
    notDetected: r.notDetected,
    invalid: r.invalid,
  };
}

function gateNotes(
  rows: readonly GateCounts[],
  gate: GateWords,
  mixed: 'keep' | 'mismatch',
  words: ReportWords,
): string[] {
  const w = words.gate;
  return [
    gate.rule,
    w.undeterminedNote,
    mixed === 'mismatch' ? gate.mixedMismatch : w.mixedKeep,
    ...countedNote(
      sum(rows, (r) => r.notDetected),
      w.notDetectedNote,
    ),
    ...countedNote(
      sum(rows, (r) => r.humanLanguage),
      w.humanLanguage,
    ),
    ...countedNote(
      sum(rows, (r) => r.invalid),
      w.invalidLeftOut,
    ),
  ];
}

export function likertTable(
  rows: readonly LikertRow[],
  intervals?: IntervalSettings,
  mixed: 'keep' | 'mismatch' = 'keep',
  words: ReportWords = ENGLISH_REPORT_WORDS,
): Table {
  const w = words.likert;
  const fields = sliceGrouping(rows.map((r) => r.slice));
  return {
    id: 'likert',
    title: w.title,
    columns: [
      ...groupColumns(fields, words),
      text('judge', words.judge),
      text('system', words.system),
      score('mean', words.mean),
      count('n', words.n),
      score('ungated', w.ungated),
      count('prompts', w.prompts),
      count('seeds', words.seeds),
      ...gateColumns(words),
    ],
    rows: rows.map((r) => ({
      ...groupCells(r.slice, fields),
      judge: r.judge,
      system: r.system,
      mean: r.mean,
      n: r.mean.n,
      ungated: r.ungatedMean,
      prompts: r.prompts,
      seeds: r.seeds,
      ...gateCells(r),
    })),
    notes: [w.meanNote, ...gateNotes(rows, w, mixed, words), w.seedsNote, intervalNote(intervals, words)],
  };
}

export function languageIdTable(
  rows: readonly LanguageIdRow[],
  intervals?: IntervalSettings,
  mixed: 'keep' | 'mismatch' = 'keep',
  words: ReportWords = ENGLISH_REPORT_WORDS,
): Table {
  const w = words.rating3;
  const fields = sliceGrouping(rows.map((r) => r.slice));
  return {
    id: 'rating3',
    title: w.title,
    columns: [
      ...groupColumns(fields, words),
      text('judge', words.judge),
      text('system', words.system),
      score('gatedSum', w.gatedSum, 1),
      score('sum', w.sum, 1),
      score('penalty', w.penalty, 1),
      count('maximum', w.maximum),
      score('gatedMean', w.gatedMean),
      count('n', words.n),
      count('seeds', words.seeds),
      ...gateColumns(words),
    ],
    rows: rows.map((r) => ({
      ...groupCells(r.slice, fields),
      judge: r.judge,
      system: r.system,
      gatedSum: r.gatedSum,
      sum: r.sum,
      penalty: r.penalty,
      maximum: r.maximum,
      gatedMean: r.gatedMean,
      n: r.gatedSum.n,
      seeds: r.seeds,
      ...gateCells(r),
    })),
    notes: [
      w.scoreNote,
      w.penaltyNote,
      ...(rows.some((r) => r.seeds > 1) ? [w.seedsNote] : []),
      ...gateNotes(rows, w, mixed, words),
      intervalNote(intervals, words),
    ],
  };
}

// ------------------------------------------------------------------------------------------- human ratings
export function ratingsTable(
  rows: readonly RatingDistributionRow[],
  intervals?: IntervalSettings,
  offScale: readonly OffScaleRating[] = [],
  words: ReportWords = ENGLISH_REPORT_WORDS,
): Table {
  const w = words.ratings;
  const fields = sliceGrouping(rows.map((r) => r.slice));
  const limaOnly = rows.every((r) => r.scale.name === LIMA_SCALE.name);
  // Best first, as in Shaham et al.'s stacked bars; levels shared by several scales (1–5 and 1–10) share a column.
  const levels = [
    ...new Set(rows.flatMap((r) => (r.scale.name === LIMA_SCALE.name ? [...RATINGS] : [...r.levels]).reverse())),
  ];
  const label = (level: string) => w.levelColumn(isRating(level) ? w.levels[level] : level);
  return {
    id: 'ratings',
    title: limaOnly ? w.titleLima : w.titleScales,
    columns: [
      ...groupColumns(fields, words),
      text('system', words.system),
      ...(limaOnly ? [] : [text('scale', w.scale)]),
      ...levels.map((level) => percent(level, label(level))),
      ...(limaOnly ? [] : [score('mean', words.mean)]),
      count('ratings', w.ratings),
      count('responses', words.responses),
      count('annotators', w.annotators),
    ],
    rows: rows.map((r) => ({
      ...groupCells(r.slice, fields),
      system: r.system,
      ...(limaOnly ? {} : { scale: describeScale(r.scale), mean: r.mean }),
      ...Object.fromEntries(
        levels.map((k) => [k, r.levels.includes(k) || r.scale.name === LIMA_SCALE.name ? r.shares[k] : undefined]),
      ),
      ratings: r.ratings,
      responses: r.responses,
      annotators: r.annotators,
    })),
    notes: [
      w.eachRating,
      ...(limaOnly ? [] : [w.meanNote]),
      ...(limaOnly && offScale.every((o) => o.row.scale === null)
        ? countedNote(
            sum(rows, (r) => r.unknown),
            w.unknown,
          )
        : offScaleNotes(offScale, words)),
      intervalNote(intervals, words),
    ],
  };
}

/** Left-out ratings by reason, the most frequent first. */
function offScaleNotes(offScale: readonly OffScaleRating[], words: ReportWords): string[] {
  const reasons = new Map<string, { cause: OffScaleCause; n: number }>();
  for (const o of offScale) {
    const seen = reasons.get(o.reason);
    reasons.set(o.reason, { cause: o.cause, n: (seen?.n ?? 0) + 1 });
  }
  return [...reasons.values()].sort((a, b) => b.n - a.n).map(({ cause, n }) => words.ratings.offScale(n, cause));
}

// ---------------------------------------------------------------------------------------- language agreement
export function ioAgreementTable(
  rows: readonly IoAgreementRow[],
  intervals?: IntervalSettings,
  words: ReportWords = ENGLISH_REPORT_WORDS,
): Table {
  const w = words.ioAgreement;
  const fields = sliceGrouping(rows.map((r) => r.slice));
  return {
    id: 'io-agreement',
    title: w.title,
    columns: [
      ...groupColumns(fields, words),
      text('system', words.system),
      percent('agreement', w.agreement),
      count('determined', words.n),
      percent('coverage', w.coverage),
      count('responses', words.responses),
      count('mismatches', w.mismatches),
      count('mixed', words.gate.mixed),
      count('undetermined', words.gate.undetermined),
      count('notDetected', words.gate.notDetected),
      count('human', w.human),
    ],
    rows: rows.map((r) => ({
      ...groupCells(r.slice, fields),
      system: r.system,
      agreement: r.agreement,
      determined: r.agreement.n,
      coverage: r.coverage,
      responses: r.responses,
      mismatches: r.mismatches,
      mixed: r.mixed,
      undetermined: r.undetermined,
      notDetected: r.notDetected,
      human: r.humanLanguage,
    })),
    notes: [
      w.agreementNote,
      w.coverageNote,
      w.mixedNote,
      ...countedNote(
        sum(rows, (r) => r.notDetected),
        w.notDetected,
      ),
      ...countedNote(
        sum(rows, (r) => r.humanDisagreements),
        w.humanDisagreements,
      ),
      intervalNote(intervals, words),
    ],
  };
}

export function languageMismatchTable(responses: readonly ResponseLanguage[]): Table {
  const fields = sliceGrouping(responses);
  return {
    id: 'io-mismatches',
    title: "Responses not in their prompt's language",
    columns: [
      ...groupColumns(fields),
      text('system', 'System'),
      text('group', 'Prompt'),
      count('seed', 'Seed'),
      text('effective', 'Language'),
      text('source', 'By'),
      coefficient('confidence', 'Confidence'),
      text('excerpt', 'Response'),
    ],
    rows: responses.map((r) => ({
      ...groupCells(r, fields),
      system: r.system,
      group: r.group,
      seed: r.seed,
      effective: r.source === 'flag' ? `not ${r.lang}` : (r.effective ?? ''),
      source: sourceText(r),
      confidence: r.source === 'detector' ? r.confidence : null,
      excerpt: excerpt(r.excerpt),
    })),
    notes: [
      `${responses.length} response(s) whose language (a human's label, else a human's flag, else the detector's) is determined and is not the prompt's.`,
      'Label a wrong detection with a language-label record (or in the editor): the human label wins from then on.',
      ...[...new Set(responses.map((r) => r.detector).filter((d) => d !== null))].map((d) => `Detector: ${d}.`),
    ],
  };
}

function sourceText(r: ResponseLanguage): string {
  if (r.source === 'human') return `human (${r.annotator ?? '?'})`;
  if (r.source === 'flag') return `flagged (${r.flaggedBy ?? '?'})`;
  return 'detector';
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

// ----------------------------------------------------------------------------------- chance-corrected agreement
export function chanceCorrectedTable(
  id: string,
  table: ChanceCorrectedTable,
  units: UnitSet,
  by: readonly GroupField[],
  minItems: number,
  intervals?: IntervalSettings,
): Table {
  const levels = alphaLevels(units.scale);
  const weighted = units.scale.ordered;
  return {
    id,
    title: `Chance-corrected agreement on ${units.scale.title}`,
    columns: [
      ...groupColumns(by),
      text('comparison', 'Comparison'),
      count('raters', 'Raters'),
      count('units', 'Units'),
      percent('agreement', 'Agree %'),
      coefficient('cohen', weighted ? 'Cohen κ (quadratic)' : 'Cohen κ'),
      coefficient('fleiss', 'Fleiss κ'),
      text('fleissUnits', 'Fleiss units (m)'),
      ...levels.map((level) => coefficient(`alpha_${level}`, `α ${level}`)),
      count('leftOut', 'Left out'),
    ],
    rows: table.rows.map((r) => ({
      ...groupCells(r.group, by),
      comparison: r.comparison,
      raters: r.raters,
      units: r.units,
      agreement: r.agreement,
      cohen: r.cohen,
      fleiss: r.fleiss,
      fleissUnits: `${r.fleiss.n} (m=${r.fleissRaters})`,
      ...Object.fromEntries(levels.map((level) => [`alpha_${level}`, r.alpha[level]])),
      leftOut: r.leftOut,
    })),
    notes: [
      '"humans" / "judges": all raters of that kind together; Agree % over every two labels of a unit (n = label pairs); Fleiss κ over the units with exactly m labels (the most common number); Krippendorff\'s α over every unit with two or more labels (missing labels allowed); Cohen\'s κ only when exactly two raters are involved.',
      '"X vs humans": the judge\'s label paired with every human label on the unit (MT-bench); "X vs majority of other humans": leave-one-out, against the label the other humans gave strictly most often (for annotators only with three or more; with two it is the humans row). On these two-label units Fleiss\' κ is Scott\'s π.',
      'Left out: units with a single label (humans, judges), judge labels on units no human labelled (X vs humans), units where the other humans have no strict majority (leave-one-out).',
      ...(weighted
        ? ["Ordered scale: Cohen's κ uses quadratic weights; interval α treats the categories as equally spaced."]
        : []),
      ...(table.rows.length === 0
        ? ['Nothing to compare: no unit was labelled by two or more raters of this scale.']
        : []),
      ...countNote(
        table.skippedRows,
        `pair or leave-one-out row(s) resting on fewer than ${minItems} units are not shown (--min-items).`,
      ),
      ...countNote(units.leftOut, `${units.leftOutReason} were left out.`),
      intervalNote(intervals),
    ],
  };
}

// ------------------------------------------------------------------------------------------------ MT-bench score
export function mtBenchScoreTable(rows: readonly MtBenchScoreRow[], intervals?: IntervalSettings): Table {
  const fields = sliceGrouping(rows.map((r) => ({ run: r.run, lang: r.lang, turn: 1 })));
  const turns = [...new Set(rows.flatMap((r) => [...r.turns.keys()]))].sort((a, b) => a - b);
  const invalid = sum(rows, (r) => r.invalid);
  return {
    id: 'mt-bench',
    title: "MT-bench score (1–10) per system, turn and language, as FastChat's show_result",
    columns: [
      ...groupColumns(fields),
      text('judge', 'Judge'),
      text('system', 'System'),
      ...turns.flatMap((t) => [score(`turn${t}`, `Turn ${t}`), count(`n${t}`, 'n')]),
      score('average', 'Average'),
      count('n', 'n'),
      count('invalid', 'Unparsable'),
    ],
    rows: rows.map((r) => ({
      ...groupCells({ run: r.run, lang: r.lang }, fields),
      judge: r.judge,
      system: r.system,
      ...Object.fromEntries(
        turns.flatMap((t) => [
          [`turn${t}`, r.turns.get(t)],
          [`n${t}`, r.turns.get(t)?.n ?? 0],
        ]),
      ),
      average: r.average,
      n: r.average.n,
      invalid: r.invalid,
    })),
    notes: [
      "Mean of the judge's 1–10 scores (scale mt-bench-10) per turn; Average is the mean over every scored answer of all turns, as FastChat's show_result (not the mean of the turn means).",
      "A judge's prompt variants (single-v1, single-math-v1, …-multi-turn) count as one judge, as in FastChat.",
      ...countNote(invalid, "unparsable scores (FastChat's -1) were left out."),
      intervalNote(intervals),
    ],
  };
}

/**
 * Chance-corrected agreement on every scale (chance-ratings, chance-scores): one scale reads exactly like the
 * single-scale table; several get a Scale column, each scale's rows computed on its own.
 */
export function scaleChanceTable(
  id: string,
  from: 'ratings' | 'scores',
  tables: readonly { set: ScaleUnitSet; table: ChanceCorrectedTable }[],
  by: readonly GroupField[],
  minItems: number,
  intervals: IntervalSettings | undefined,
  unmatched: number,
): Table {
  const unmatchedNote = countNote(
    unmatched,
    from === 'ratings'
      ? 'judge score(s) are on scales no human rated on: not compared here (langlens scores chance-scores has them).'
      : 'human rating(s) are on scales no judge scored on: not compared here (langlens scores chance-ratings has them).',
  );
  if (tables.length <= 1) {
    const only = tables[0] ?? {
      set: {
        scale: from === 'ratings' ? RATING_SCALE : { ...RATING_SCALE, id: 'scores', title: 'judge scores' },
        units: [],
        leftOut: 0,
        leftOutReason: '',
      },
      table: { rows: [], skippedRows: 0 },
    };
    const table = chanceCorrectedTable(id, only.table, only.set, by, minItems, intervals);
    return { ...table, notes: [...table.notes.slice(0, -1), ...unmatchedNote, table.notes[table.notes.length - 1]!] };
  }
  const parts = tables.map(({ set, table }) => ({
    set,
    rendered: chanceCorrectedTable(id, table, set, by, minItems, intervals),
  }));
  const columns = parts[0]!.rendered.columns;
  const notes = [
    ...new Set(
      parts.flatMap((p) =>
        p.rendered.notes
          .filter((n) => !n.startsWith('Nothing to compare'))
          .map((n) => (n.endsWith('were left out.') ? `${p.set.scale.title}: ${n}` : n)),
      ),
    ),
  ];
  return {
    id,
    title: `Chance-corrected agreement on ${from === 'ratings' ? 'human ratings' : 'judge scores'}, per scale`,
    columns: [...columns.slice(0, by.length), text('scale', 'Scale'), ...columns.slice(by.length)],
    rows: parts.flatMap((p) => p.rendered.rows.map((row) => ({ ...row, scale: p.set.scale.title }))),
    notes: [...notes.slice(0, -1), ...unmatchedNote, notes[notes.length - 1]!],
  };
}
