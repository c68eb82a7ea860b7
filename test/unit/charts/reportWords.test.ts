// The tables' words (src/core/report/words.ts): every title, column header and note of a table the editor shows
// (the tables of the Charts panel's charts, the dashboard's) comes from the words it was built with. Each table is
// built with words whose every text is marked ("§"), from the demo run under several options and from rows made
// to count everything a note counts, and every text of it must then be marked: a table that writes an English
// literal of its own fails here. The English words give the exports as they were (ENGLISH_REPORT_WORDS).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildChart, CHARTS, paperStyle } from '../../../src/core/charts';
import { belowHumans } from '../../../src/core/metrics/audit/belowHumans';
import { DEFAULT_INTERVALS, type Estimate } from '../../../src/core/metrics/estimate';
import type { OffScaleRating } from '../../../src/core/metrics/ratings/humanRatings';
import { LIMA_SCALE } from '../../../src/core/model/records';
import { agreementTable } from '../../../src/core/report/agreementTables';
import { dashboardTable } from '../../../src/core/report/dashboardTable';
import {
  instructionFollowingMatrix,
  ioAgreementTable,
  judgeConsistencyTable,
  languageIdTable,
  likertTable,
  ratingsTable,
} from '../../../src/core/report/scoreTables';
import type { Table } from '../../../src/core/report/table';
import type { TableOptions } from '../../../src/core/report/tableSource';
import { ENGLISH_REPORT_WORDS, type ReportWords } from '../../../src/core/report/words';
import { chartsView, dashboardChart } from '../../../src/extension/charts/chartsView';
import { loadDashboard } from '../../../src/extension/dashboard/dashboardView';
import { displayLanguage, ENGLISH_DISPLAY } from '../../../src/extension/displayLanguage';
import { reportWords } from '../../../src/extension/reportWords';
import { PAPER_PALETTE } from '../../../src/core/charts/style';
import { fill } from '../../../shared/protocol/words';
import { PROJECT_ROOT } from '../../support/paths';
import { DEMO_OPTIONS, demoCharts, type DemoCharts } from './demoCharts';
import { flatWords, MARK, marked } from './markedWords';

const MARKED = marked(ENGLISH_REPORT_WORDS);
const THEME = { kind: 'light', font: 'sans-serif', fontSize: 12, ...PAPER_PALETTE } as const;

/** Every text of a table a reader sees that is not marked; an if-matrix's language columns are named by their tag. */
function unmarked(table: Table): string[] {
  const texts = [
    { where: 'title', text: table.title },
    ...table.columns
      .filter((c) => !(table.id === 'if-matrix' && c.kind === 'percent' && c.label === c.key))
      .map((c) => ({ where: `column ${c.key}`, text: c.label })),
    ...table.notes.map((text, i) => ({ where: `note ${i}`, text })),
  ];
  return texts.filter((t) => !t.text.startsWith(MARK)).map((t) => `${table.id} ${t.where}: "${t.text}"`);
}

const e = (value: number, n = 4): Estimate => ({ value, n, lower: value / 2, upper: value });
const slice = (turn = 1) => ({ run: 'demo', lang: 'es', turn });
const gateCounts = { wrongLanguage: 1, mixed: 1, undetermined: 1, notDetected: 2, invalid: 2, humanLanguage: 2 };

/** Every table the editor shows, from rows that count something in every note that counts. */
function countingTables(words: ReportWords): Table[] {
  const agreement = {
    group: { lang: 'es' },
    comparison: 'judge-a',
    kind: 'judge-human',
    withTie: e(0.5),
    withoutTie: e(0.6),
    lima: e(0.7),
    items: 3,
    invalid: 2,
  } as const;
  const dashboard = {
    by: ['lang'],
    intervals: DEFAULT_INTERVALS,
    groups: [{ group: { lang: 'es' }, judges: [{ row: agreement, rule: belowHumans(undefined) }], humans: null }],
  };
  const consistency = {
    slice: slice(),
    judge: 'judge-a',
    flip: e(0.1),
    biasedFirst: e(0.1),
    biasedSecond: e(0.1),
    otherFlip: e(0.1),
    firstWins: e(0.4),
    secondWins: e(0.4),
    orderTies: e(0.2),
    invalidOrders: 2,
    singleOrder: 2,
    combinedOnly: 2,
  };
  const scored = { slice: slice(), judge: 'judge-a', system: 'multi-40', seeds: 2, ...gateCounts };
  const likert = { ...scored, mean: e(4), ungatedMean: e(4.5), prompts: 2 };
  const rating3 = { ...scored, gatedSum: e(6), sum: e(8), penalty: e(2), maximum: 12, gatedMean: e(1.5) };
  const levels = { excellent: e(0.5), pass: e(0.3), fail: e(0.2) };
  const lima = { slice: slice(), system: 'multi-40', scale: LIMA_SCALE, levels: ['fail', 'pass', 'excellent'] };
  const rating = { ...lima, shares: levels, mean: e(2), ratings: 4, responses: 2, annotators: 2, unknown: 2 };
  const declared = {
    ...rating,
    scale: { name: 'five', kind: 'numeric', levels: ['1', '2', '3', '4', '5'] },
    levels: ['1', '2', '3', '4', '5'],
    shares: { 1: e(0.2), 2: e(0.2), 3: e(0.2), 4: e(0.2), 5: e(0.2) },
  };
  const offScale = [
    { reason: 'a', cause: { kind: 'undeclared', scale: 'seven' } },
    { reason: 'b', cause: { kind: 'off-scale', rating: '9', scale: 'five' } },
  ] as unknown as OffScaleRating[];
  const io = {
    slice: slice(),
    system: 'multi-40',
    agreement: e(0.8),
    coverage: e(0.9),
    responses: 5,
    mismatches: 1,
    mixed: 1,
    undetermined: 1,
    notDetected: 2,
    humanLanguage: 1,
    humanDisagreements: 2,
  };
  const sxs = {
    rows: [
      { slice: slice(), judge: 'judge-a', system: 'multi-40', baseline: 'mono-es', score: e(0.5), byDefinition: false },
    ],
    missingBaselines: [
      { slice: slice(), judge: 'judge-a', baseline: 'mono-en' },
      { slice: slice(2), judge: 'judge-a', baseline: 'mono-en' },
    ],
  };
  const never = (row: unknown) => row as never;
  return [
    agreementTable([agreement], ['lang'], DEFAULT_INTERVALS, 'wrong', 2, words),
    agreementTable([agreement], ['run', 'lang', 'turn', 'system', 'criterion'], undefined, 'exclude', 2, words),
    dashboardTable(never(dashboard), words),
    instructionFollowingMatrix(never(sxs), 'mono-{lang}', DEFAULT_INTERVALS, words),
    judgeConsistencyTable([never(consistency)], DEFAULT_INTERVALS, 2, words),
    likertTable([never(likert)], DEFAULT_INTERVALS, 'keep', words),
    likertTable([never(likert)], undefined, 'mismatch', words),
    languageIdTable([never(rating3)], DEFAULT_INTERVALS, 'keep', words),
    languageIdTable([never(rating3)], DEFAULT_INTERVALS, 'mismatch', words),
    ratingsTable([never(rating)], DEFAULT_INTERVALS, [], words),
    ratingsTable([never(rating), never(declared)], DEFAULT_INTERVALS, offScale, words),
    ioAgreementTable([never(io)], DEFAULT_INTERVALS, words),
  ];
}

/** The demo's tables of every chart (as the Charts panel builds them) and the dashboard's, in these words. */
async function demoTables(demo: DemoCharts, words: ReportWords): Promise<Table[]> {
  const variants: TableOptions[] = [
    DEMO_OPTIONS,
    { ...DEMO_OPTIONS, intervals: undefined, invalidAs: 'tie', mixedLanguage: 'mismatch' },
    { ...DEMO_OPTIONS, criteria: [''] },
  ];
  const tables: Table[] = [];
  for (const options of variants)
    for (const chart of CHARTS)
      tables.push((await buildChart(demo.store, chart, { ...options, words }, paperStyle())).table);
  tables.push(dashboardTable((await loadDashboard(demo.store, 'demo')).dashboard, words));
  return tables;
}

describe("report tables: every title, header and note the editor shows is its words'", function () {
  this.timeout(120_000);
  let demo: DemoCharts;
  before(async () => (demo = await demoCharts()));
  after(() => demo.close());

  it('writes no text of its own in the tables of the demo run, under several options', async () => {
    const tables = await demoTables(demo, MARKED);
    assert.ok(
      tables.some((t) => t.id === 'ratings' && t.columns.some((c) => c.key === 'scale')),
      'declared scales',
    );
    assert.ok(
      tables.some((t) => t.id === 'ratings' && !t.columns.some((c) => c.key === 'scale')),
      'lima only',
    );
    assert.deepEqual(tables.flatMap(unmarked), []);
  });

  it('writes no text of its own in a note that counts something, nor in any breakdown', () => {
    const tables = countingTables(MARKED);
    const english = countingTables(ENGLISH_REPORT_WORDS);
    // Each counting note is there: the marked tables hold as many notes as the English ones, and more than the
    // notes that count nothing.
    for (const [i, table] of tables.entries()) assert.equal(table.notes.length, english[i]!.notes.length);
    assert.ok(english.some((t) => t.notes.some((n) => n.startsWith('2 pair(s) were judged in one order only'))));
    assert.ok(english.some((t) => t.notes.some((n) => n.includes('the scale "seven" is not declared'))));
    assert.ok(english.some((t) => t.notes.some((n) => n.includes('in es turn 2 (run demo)'))));
    assert.deepEqual(tables.flatMap(unmarked), []);
  });

  it('is English by default: the words of the CLI and of every export', async () => {
    const [withWords, byDefault] = [
      await demoTables(demo, ENGLISH_REPORT_WORDS),
      await demoTables(demo, undefined as unknown as ReportWords),
    ];
    assert.deepEqual(withWords, byDefault);
    const dashboard = withWords.find((t) => t.id === 'agreement-dashboard')!;
    assert.equal(dashboard.title, 'Can the judge be trusted? Agreement with humans and between humans, per language');
    assert.equal(
      dashboard.notes.at(-1),
      'Intervals: 95% percentile bootstrap over prompt groups (1000 resamples, seed 20240101).',
    );
  });

  it('says the same in an English editor, but for the numbers and languages it writes as the editor does', () => {
    const editor = reportWords(ENGLISH_DISPLAY);
    const flat = ({ intervals: _intervals, missingBaseline: _missing, ...words }: ReportWords) =>
      flatWords(words, 7, { kind: 'undeclared', scale: 'seven' });
    assert.equal(flat(editor), flat(ENGLISH_REPORT_WORDS));
    assert.equal(editor.intervals(95, 7, 20240101), ENGLISH_REPORT_WORDS.intervals(95, 7, 20240101));
    assert.equal(
      editor.intervals(95, 1000, 20240101),
      'Intervals: 95% percentile bootstrap over prompt groups (1,000 resamples, seed 20240101).',
    );
    assert.equal(
      editor.missingBaseline('mono-en', 'j', 'es', 2, 'demo'),
      'No pairs with the baseline mono-en for j in Spanish turn 2 (run demo).',
    );
    assert.equal(
      editor.ratings.offScale(2, { kind: 'off-scale', rating: '9', scale: 'five' }),
      ENGLISH_REPORT_WORDS.ratings.offScale(2, { kind: 'off-scale', rating: '9', scale: 'five' }),
    );
  });

  it("shows the marked words in the Charts panel's notes and in the dashboard's chart", async () => {
    const marking = displayLanguage('en', { t: (message, ...args) => `${MARK}${fill(message, args)}` });
    const view = await chartsView(demo.store, 'demo', 'mono-en', THEME, () => {}, marking);
    const notes = view.charts.flatMap((c) => c.notes);
    assert.ok(notes.length > 10, 'the charts have notes');
    assert.deepEqual(
      notes.filter((n) => !n.startsWith(MARK)),
      [],
    );
    const chart = await dashboardChart((await loadDashboard(demo.store, 'demo')).dashboard, THEME, () => {}, marking);
    const meta = (chart?.usermeta as { langlens: { notes: string[] } }).langlens;
    assert.ok(meta.notes.length > 0 && meta.notes.every((n) => n.startsWith(MARK)), JSON.stringify(meta.notes));
  });

  it('shows them in Spanish, its counts and intervals written as Spanish writes them', async () => {
    const bundle = JSON.parse(readFileSync(join(PROJECT_ROOT, 'l10n', 'bundle.l10n.es.json'), 'utf8')) as Record<
      string,
      string
    >;
    const es = displayLanguage('es', { t: (message, ...args) => fill(bundle[message] ?? message, args) });
    const view = await chartsView(demo.store, 'demo', 'mono-en', THEME, () => {}, es);
    const notes = view.charts.find((c) => c.id === 'ratings')!.notes;
    // Intl writes "95 %" with a no-break space.
    assert.ok(
      notes.some((n) =>
        /^Intervalos: bootstrap de percentiles al 95\s% sobre grupos de instrucciones \(1000 remuestreos, semilla 20240101\)\.$/u.test(
          n,
        ),
      ),
      JSON.stringify(notes),
    );
    const words = reportWords(es);
    assert.equal(
      words.gate.notDetectedNote(12345),
      '12.345 respuesta(s) puntuadas aún no tienen detección de idioma: ejecute `langlens langid`.',
    );
    assert.equal(
      words.dashboard.title,
      '¿Se puede confiar en el juez? Concordancia con los humanos y entre humanos, por idioma',
    );
  });
});
