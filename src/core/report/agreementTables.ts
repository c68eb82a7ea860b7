// The agreement figures of protocols.md §3 as tables, with the notes a reader of a paper needs.
import type { AgreementRow, MajorityRow, RaterKappaTable } from '../metrics/agreement';
import type { IntervalSettings } from '../metrics/estimate';
import type { InvalidMode } from '../model/verdicts';
import type { GroupField, GroupValues } from '../metrics/grouping';
import type { Cell, Column, Table } from './table';
import { ENGLISH_REPORT_WORDS, type ReportWords } from './words';
import { CoreError, msg } from '../util/message';

export function groupColumns(by: readonly GroupField[], words: ReportWords = ENGLISH_REPORT_WORDS): Column[] {
  return by.map((f) => ({ key: f, label: words.groups[f], kind: 'text' }));
}

export function groupCells(group: GroupValues, by: readonly GroupField[]): Record<string, Cell> {
  return Object.fromEntries(by.map((f) => [f, cellOf(group, f)]));
}

function cellOf(group: GroupValues, field: GroupField): string {
  if (field === 'criterion') return group.criterion ? String(group.criterion) : '(none)';
  return group[field] === undefined ? 'all' : String(group[field]);
}

export function intervalNote(
  intervals: IntervalSettings | undefined,
  words: ReportWords = ENGLISH_REPORT_WORDS,
): string {
  return intervals
    ? words.intervals(Math.round(intervals.level * 100), intervals.resamples, intervals.seed)
    : words.noIntervals;
}

export function agreementTable(
  rows: readonly AgreementRow[],
  by: readonly GroupField[],
  intervals?: IntervalSettings,
  invalidAs: InvalidMode = 'exclude',
  invalidAsTies = 0,
  words: ReportWords = ENGLISH_REPORT_WORDS,
): Table {
  const invalid = rows.reduce((n, r) => n + r.invalid, 0);
  const w = words.agreement;
  return {
    id: 'agreement',
    title: w.title,
    columns: [
      ...groupColumns(by, words),
      { key: 'comparison', label: w.comparison, kind: 'text' },
      { key: 'withTie', label: w.withTie, kind: 'percent' },
      { key: 'nWithTie', label: words.n, kind: 'count' },
      { key: 'withoutTie', label: w.withoutTie, kind: 'percent' },
      { key: 'nWithoutTie', label: words.n, kind: 'count' },
      { key: 'lima', label: w.lima, kind: 'percent' },
      { key: 'items', label: w.items, kind: 'count' },
      { key: 'judge', label: words.judge, kind: 'text', machineOnly: true },
    ],
    rows: rows.map((r) => ({
      ...groupCells(r.group, by),
      comparison: r.kind === 'judge-human' ? `${r.comparison} vs humans` : 'human vs human',
      judge: r.kind === 'judge-human' ? r.comparison : null,
      withTie: r.withTie,
      nWithTie: r.withTie.n,
      withoutTie: r.withoutTie,
      nWithoutTie: r.withoutTie.n,
      lima: r.lima,
      items: r.items,
    })),
    notes: [
      w.votePairs,
      w.withoutTieNote,
      ...(invalidAs === 'wrong' ? [w.invalidWrong(invalid)] : invalid > 0 ? [w.invalidLeftOut(invalid)] : []),
      ...(invalidAsTies > 0 ? [w.invalidAsTies(invalidAsTies)] : []),
      intervalNote(intervals, words),
    ],
  };
}

/** Shaham et al.'s Table 3: per language, the LIMA score of the judge against humans and of humans together. */
export function limaByLanguageTable(
  rows: readonly AgreementRow[],
  judge: string | undefined,
  intervals?: IntervalSettings,
): Table {
  const languages = [...new Set(rows.map((r) => String(r.group.lang ?? 'all')))];
  const judges = [...new Set(rows.filter((r) => r.kind === 'judge-human').map((r) => r.comparison))];
  const chosen = judge ?? judges[0];
  if (judges.length > 1 && !judge)
    throw new CoreError(msg('several judges ({0}): choose one with --judge', judges.join(', ')));
  const find = (lang: string, kind: AgreementRow['kind']) =>
    rows.find(
      (r) =>
        String(r.group.lang ?? 'all') === lang &&
        r.kind === kind &&
        (kind === 'human-human' || r.comparison === chosen),
    );
  return {
    id: 'lima-by-language',
    title: `Agreement (LIMA score, %) of ${chosen ?? 'the judge'} with humans and between humans, per language`,
    columns: [
      { key: 'lang', label: 'Language', kind: 'text' },
      { key: 'humanModel', label: 'Human–model', kind: 'percent' },
      { key: 'nHumanModel', label: 'n', kind: 'count' },
      { key: 'humanHuman', label: 'Human–human', kind: 'percent' },
      { key: 'nHumanHuman', label: 'n', kind: 'count' },
    ],
    rows: languages.map((lang) => {
      const hm = find(lang, 'judge-human');
      const hh = find(lang, 'human-human');
      return { lang, humanModel: hm?.lima, nHumanModel: hm?.lima.n, humanHuman: hh?.lima, nHumanHuman: hh?.lima.n };
    }),
    notes: [
      'LIMA score: 1 when both name the same response or both say tie, 0.5 when exactly one says tie, 0 otherwise; n counts vote pairs.',
      intervalNote(intervals),
    ],
  };
}

export function raterKappaTable(
  table: RaterKappaTable,
  by: readonly GroupField[],
  minItems: number,
  intervals?: IntervalSettings,
): Table {
  return {
    id: 'rater-kappa',
    title: "Cohen's kappa between raters on pairwise verdicts (A / B / tie)",
    columns: [
      ...groupColumns(by),
      { key: 'raterA', label: 'Rater', kind: 'text' },
      { key: 'raterB', label: 'Rater', kind: 'text' },
      { key: 'kappa', label: 'κ', kind: 'coefficient' },
      { key: 'agreement', label: 'Agree %', kind: 'percent' },
      { key: 'n', label: 'Items', kind: 'count' },
    ],
    rows: table.rows.map((r) => ({
      ...groupCells(r.group, by),
      raterA: r.raterA,
      raterB: r.raterB,
      kappa: r.kappa,
      agreement: r.agreement,
      n: r.kappa.n,
    })),
    notes: [
      "Verdicts are taken in the order the item was first shown (A = the response shown first), as kappa depends on the labels' names.",
      ...(table.skippedPairs > 0
        ? [`${table.skippedPairs} rater pair(s) sharing fewer than ${minItems} items are not shown.`]
        : []),
      intervalNote(intervals),
    ],
  };
}

export function majorityTable(
  rows: readonly MajorityRow[],
  by: readonly GroupField[],
  invalidAs: 'exclude' | 'tie',
  intervals?: IntervalSettings,
): Table {
  const noMajority = rows.reduce((n, r) => n + r.noMajority, 0);
  const invalid = rows.reduce((n, r) => n + r.invalid, 0);
  return {
    id: 'judge-vs-majority',
    title: 'Judges against the human majority (A / B / tie as classes)',
    columns: [
      ...groupColumns(by),
      { key: 'judge', label: 'Judge', kind: 'text' },
      { key: 'accuracy', label: 'Accuracy %', kind: 'percent', digits: 2 },
      { key: 'precision', label: 'Macro P %', kind: 'percent', digits: 2 },
      { key: 'recall', label: 'Macro R %', kind: 'percent', digits: 2 },
      { key: 'f1', label: 'Macro F1 %', kind: 'percent', digits: 2 },
      { key: 'kappa', label: 'κ', kind: 'coefficient' },
      { key: 'n', label: 'Items', kind: 'count' },
    ],
    rows: rows.map((r) => ({
      ...groupCells(r.group, by),
      judge: r.judge,
      accuracy: r.accuracy,
      precision: r.macroPrecision,
      recall: r.macroRecall,
      f1: r.macroF1,
      kappa: r.kappa,
      n: r.accuracy.n,
    })),
    notes: [
      'Majority: the verdict with more human votes than any other; macro scores average the three classes (sklearn, zero_division=0).',
      invalidAs === 'tie'
        ? 'Unparsable judge answers were counted as ties.'
        : `${invalid} unparsable judge answer(s) were left out.`,
      ...(noMajority > 0 ? [`${noMajority} item(s) without a human majority were left out.`] : []),
      intervalNote(intervals),
    ],
  };
}
