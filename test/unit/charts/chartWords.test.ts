// The charts' words (src/core/charts/words.ts): every text a chart draws comes from its style's words. Each chart
// of the registry is drawn with words whose every text is marked ("§"), and every title, axis, legend and tooltip
// title, every word inside its expressions and every series it names must then be marked: a chart that writes an
// English literal of its own fails here. On paper the words are English; in the editor the display language's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildChart, CHARTS, paperStyle, PAPER_STYLE, type BuiltChart } from '../../../src/core/charts';
import { ENGLISH_CHART_WORDS, type ChartWords } from '../../../src/core/charts/words';
import { PAPER_PALETTE, type ChartStyle } from '../../../src/core/charts/style';
import { chartItems, chartsView, dashboardChart, editorStyle } from '../../../src/extension/charts/chartsView';
import { loadDashboard } from '../../../src/extension/dashboard/dashboardView';
import { chartWords } from '../../../src/extension/charts/chartWords';
import { displayLanguage, ENGLISH_DISPLAY } from '../../../src/extension/displayLanguage';
import type { Localiser } from '../../../src/extension/localiser';
import { fill } from '../../../shared/protocol/words';
import { PROJECT_ROOT } from '../../support/paths';
import { DEMO_OPTIONS, demoCharts, type DemoCharts } from './demoCharts';
import { flatWords, MARK, marked } from './markedWords';

const MARKED = marked(ENGLISH_CHART_WORDS);
const THEME = { kind: 'light', font: 'sans-serif', fontSize: 12, ...PAPER_PALETTE } as const;

/** Words inside a Vega expression that are the chart's own keys, never shown (symbols such as "Δ " are no words). */
const KEYS = new Set(['', 'humans', 'judge', 'firstWins']);

/** Every text of a specification a reader sees, with where it is; `config` is the style's, not text. */
function shownTexts(spec: unknown): { where: string; text: string }[] {
  const found: { where: string; text: string }[] = [];
  const add = (where: string, value: unknown) => {
    if (typeof value === 'string') found.push({ where, text: value });
    else if (Array.isArray(value)) value.forEach((v, i) => add(`${where}[${i}]`, v));
  };
  const visit = (node: unknown, where: string) => {
    if (Array.isArray(node)) return node.forEach((v, i) => visit(v, `${where}[${i}]`));
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const at = `${where}.${key}`;
      if (key === 'config' || key === 'data' || key === 'usermeta') continue;
      if (key === 'title' || key === 'description') add(at, value);
      else if (key === 'text' && typeof value === 'string') add(at, value);
      else if (key === 'values' && where.endsWith('.legend') && Array.isArray(value))
        add(
          at,
          value.filter((v) => !KEYS.has(String(v))),
        );
      else if (['calculate', 'filter', 'test', 'labelExpr'].includes(key) && typeof value === 'string')
        for (const [, literal] of value.matchAll(/'((?:[^'\\]|\\.)*)'/g)) if (!KEYS.has(literal!)) add(at, literal);
      visit(value, at);
    }
  };
  visit(spec, '');
  return found;
}

/** The data's strings: a title may be one (the name of the one rating scale a legend shows is the user's). */
function dataTexts(built: BuiltChart): Set<string> {
  return new Set(built.data.flatMap((d) => Object.values(d).filter((v): v is string => typeof v === 'string')));
}

describe("charts: every text a chart draws is its style's words", function () {
  this.timeout(120_000);
  let demo: DemoCharts;
  before(async () => (demo = await demoCharts()));
  after(() => demo.close());

  /** The ratings chart in a style, with these texts among those it shows. */
  async function ratingsIn(style: ChartStyle, shown: readonly string[]): Promise<BuiltChart> {
    const ratings = await buildChart(
      demo.store,
      CHARTS.find((c) => c.id === 'ratings')!,
      DEMO_OPTIONS,
      style,
    );
    const texts = shownTexts(ratings.spec).map((t) => t.text);
    for (const text of shown) assert.ok(texts.includes(text), `"${text}" in ${JSON.stringify(texts)}`);
    return ratings;
  }

  const styles: [string, ChartStyle][] = [
    ['on paper', paperStyle({ words: MARKED })],
    ['in the editor', { ...editorStyle(THEME), words: MARKED }],
  ];
  for (const [where, style] of styles) {
    it(`draws no text of its own, ${where}: titles, axes, legends, tooltips, expressions and series`, async () => {
      for (const definition of CHARTS) {
        const built = await buildChart(demo.store, definition, DEMO_OPTIONS, style);
        assert.ok(built.data.length > 0, `${definition.id} has marks in the demo`);
        const data = dataTexts(built);
        const texts = shownTexts(built.spec);
        assert.ok(
          texts.some((t) => t.text.startsWith(MARK)),
          `${definition.id} draws words`,
        );
        for (const { where: at, text } of texts)
          assert.ok(
            text.startsWith(MARK) || data.has(text) || !/[A-Za-z]/.test(text),
            `${definition.id}${at}: "${text}" is not from the chart's words`,
          );
        // The series a legend, a heading or a tooltip names (a declared scale's levels are the user's keys).
        if (definition.id !== 'scale-ratings')
          for (const d of built.data)
            for (const field of ['series', 'leftOut', 'comparison'] as const)
              if (d[field] !== undefined)
                assert.ok(String(d[field]).startsWith(MARK), `${definition.id}: ${field} "${String(d[field])}"`);
        const text = definition.text(MARKED);
        assert.ok(text.title.startsWith(MARK) && text.description.startsWith(MARK), `${definition.id}'s title`);
      }
    });
  }

  it('is English on paper: the words are the English ones, as the exports always were', async () => {
    assert.equal(PAPER_STYLE.words, ENGLISH_CHART_WORDS);
    const ratings = await ratingsIn(PAPER_STYLE, [
      'Share of ratings',
      'n = ratings, at the right',
      'Language',
      'System',
      'Rating',
      'Share %',
    ]);
    assert.equal(
      ratings.spec.description,
      'Human ratings: excellent, pass, fail. From the LangLens table "ratings": ' + ratings.table.title + '.',
    );
    assert.deepEqual(
      [...new Set(ratings.data.map((d) => d.series))].sort(),
      ['excellent', 'fail', 'pass'],
      'the ratings as the tables name them',
    );
    for (const definition of CHARTS) {
      assert.equal(definition.title, definition.text(ENGLISH_CHART_WORDS).title);
      assert.equal(definition.description, definition.text(ENGLISH_CHART_WORDS).description);
    }
  });

  it("says the same in an English editor, but for the heatmap's CLI option", () => {
    const editor = chartWords(ENGLISH_DISPLAY);
    const flat = (words: ChartWords) => flatWords(words, 7, 'Y', 'Z');
    const paper = { ...ENGLISH_CHART_WORDS, ifHeatmap: { ...ENGLISH_CHART_WORDS.ifHeatmap } };
    assert.match(paper.ifHeatmap.description, / \(needs --baseline\)$/);
    paper.ifHeatmap = {
      ...paper.ifHeatmap,
      description: paper.ifHeatmap.description.replace(/ \(needs --baseline\)$/, ''),
    };
    assert.equal(flat(editor), flat(paper));
    assert.equal(editor.turn(2), 'turn 2');
    assert.equal(editor.languagePenalty.axisEnd(90), 'the axis ends at the maximum, 90');
  });

  describe('in Spanish', () => {
    const bundle = JSON.parse(readFileSync(join(PROJECT_ROOT, 'l10n', 'bundle.l10n.es.json'), 'utf8')) as Record<
      string,
      string
    >;
    const spanish: Localiser = { t: (message, ...args) => fill(bundle[message] ?? message, args) };
    const es = displayLanguage('es', spanish);

    it("draws the charts' titles, axes, tooltips and series in the display language", async () => {
      const style = editorStyle(THEME, es);
      const ratings = await ratingsIn(style, [
        'Proporción de valoraciones',
        'Idioma',
        'Sistema',
        'Valoración',
        'Proporción %',
      ]);
      assert.ok(!shownTexts(ratings.spec).some((t) => t.text === 'Share of ratings'));
      assert.deepEqual([...new Set(ratings.data.map((d) => d.series))].sort(), [
        'aceptable',
        'excelente',
        'insuficiente',
      ]);
      assert.equal(
        style.words.languagePenalty.axisEnd(1234.5),
        'el eje termina en el máximo, 1234,5',
        'its numbers too',
      );
      const view = await chartsView(demo.store, 'demo', 'mono-en', THEME, () => {}, es);
      assert.equal(
        view.charts.find((c) => c.id === 'ratings')?.title,
        'Valoraciones humanas: excelente, aceptable, insuficiente',
      );
      assert.equal(
        view.charts.find((c) => c.id === 'if-heatmap')?.title,
        'Seguimiento de instrucciones por idioma de evaluación',
      );
    });

    it("draws the dashboard's chart (judge vs humans) in the display language", async () => {
      const chart = await dashboardChart((await loadDashboard(demo.store, 'demo')).dashboard, THEME, () => {}, es);
      // Its table's notes ride along in its usermeta (in the table's words: reportWords.test.ts); none is drawn.
      const { usermeta: _notes, ...drawn } = chart ?? {};
      const vega = JSON.stringify(drawn);
      for (const word of ['Concordancia con empates', 'Puntuación LIMA', 'humano frente a humano', 'Concordancia %'])
        assert.ok(vega.includes(word), word);
      for (const word of ['Agree w/ tie', 'LIMA score', 'human vs human', 'Agreement %'])
        assert.ok(!vega.includes(word), `no "${word}"`);
    });

    it('finds the items behind a rating named in the display language', async () => {
      const target = {
        chart: 'ratings',
        lang: 'es',
        run: null,
        turn: null,
        judge: null,
        system: 'multi-40',
        figure: null,
      };
      const inSpanish = await chartItems(demo.store, 'demo', 'mono-en', { ...target, series: 'excelente' }, es);
      const inEnglish = await chartItems(demo.store, 'demo', 'mono-en', { ...target, series: 'excellent' });
      assert.equal(inSpanish.kind, 'items');
      assert.equal(inEnglish.kind, 'items');
      if (inSpanish.kind !== 'items' || inEnglish.kind !== 'items') return;
      assert.ok(inEnglish.items.items.length > 0, 'excellent ratings of multi-40 in Spanish');
      // The same items, each said in Spanish.
      const where = (items: typeof inEnglish.items.items) => items.map(({ detail: _detail, ...item }) => item);
      assert.deepEqual(where(inSpanish.items.items), where(inEnglish.items.items));
      assert.ok(inSpanish.items.items.every((i) => i.detail.startsWith('excelente, de ')));
    });
  });
});
