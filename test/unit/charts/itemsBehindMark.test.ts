// A click on a mark lists the items behind it: as many as the mark's n says, and the ones it counts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGLISH_MARK_WORDS, itemsBehindMark, type MarkTarget } from '../../../src/core/charts/itemsBehind';
import { chartItems } from '../../../src/extension/charts/chartsView';
import { displayLanguage } from '../../../src/extension/displayLanguage';
import { fill } from '../../../shared/protocol/words';
import { PROJECT_ROOT } from '../../support/paths';
import { DEMO_OPTIONS, demoCharts, type DemoCharts } from './demoCharts';
import { MARK, marked } from './markedWords';

let demo: DemoCharts;

const target = (chart: string, fields: Partial<MarkTarget>): MarkTarget => ({
  chart,
  lang: 'ar',
  run: null,
  turn: null,
  judge: null,
  system: null,
  series: null,
  ...fields,
});

describe('charts: the items behind a mark', function () {
  this.timeout(120_000);
  before(async () => (demo = await demoCharts()));
  after(() => demo.close());

  it('a ratings segment lists exactly the ratings it counts (share × n of them)', async () => {
    for (const d of demo.charts.get('ratings')!.built.data) {
      const list = await itemsBehindMark(
        demo.store,
        target('ratings', { lang: d.lang, system: d.system!, series: d.series! }),
        DEMO_OPTIONS,
      );
      assert.equal(list.items.length, Math.round(d.value! * d.n!), `${d.lang} ${d.system} ${d.series}`);
      assert.ok(
        list.items.every((i) => i.detail.startsWith(`${d.series} by `) && i.system === d.system && i.lang === d.lang),
      );
    }
  });

  it('a heatmap cell lists its pairs with the baseline; a Likert mark its scored responses', async () => {
    for (const d of demo.charts.get('if-heatmap')!.built.data.filter((x) => !x.leftOut)) {
      const list = await itemsBehindMark(
        demo.store,
        target('if-heatmap', { lang: d.lang, system: d.system!, judge: d.judge! }),
        DEMO_OPTIONS,
      );
      const valid = list.items.filter((i) => !i.detail.endsWith('→ invalid'));
      assert.equal(valid.length, d.n, `${d.system} ${d.lang}: the n prompts with a valid verdict`);
      assert.ok(list.items.every((i) => i.detail.includes('mono-en')));
    }
    for (const d of demo.charts.get('likert')!.built.data.filter((x) => x.series === 'gated')) {
      const list = await itemsBehindMark(
        demo.store,
        target('likert', { lang: d.lang, system: d.system!, judge: d.judge! }),
        DEMO_OPTIONS,
      );
      assert.equal(list.items.filter((i) => !i.detail.includes('unparsable')).length, d.n);
    }
  });

  it('an agreement bar lists every response of its system and language, with the outcome counted', async () => {
    for (const d of demo.charts.get('io-agreement')!.built.data) {
      const list = await itemsBehindMark(
        demo.store,
        target('io-agreement', { lang: d.lang, system: d.system! }),
        DEMO_OPTIONS,
      );
      const determined = list.items.filter((i) => /^(match|mismatch)/.test(i.detail));
      assert.equal(determined.length, d.n);
      assert.equal(list.items.filter((i) => i.detail.startsWith('match')).length, Math.round(d.value! * d.n!));
    }
  });
});

describe("charts: the items behind a mark, in the list's words", function () {
  this.timeout(120_000);
  before(async () => (demo = await demoCharts()));
  after(() => demo.close());

  /** A mark of every chart whose marks have an item list, as the chart's data names it. */
  function marks(): MarkTarget[] {
    const charts = ['if-heatmap', 'judge-consistency', 'ratings', 'likert', 'language-penalty', 'io-agreement'];
    return charts.map((chart) => {
      const d = demo.charts.get(chart)!.built.data.find((x) => !x.leftOut && (x.value ?? 0) > 0)!;
      const series = chart === 'ratings' ? d.series! : null;
      return target(chart, { lang: d.lang, system: d.system ?? null, judge: d.judge ?? null, series });
    });
  }

  it('writes no text of its own: the title, the summary and every detail are the words', async () => {
    for (const mark of marks()) {
      const list = await itemsBehindMark(demo.store, mark, DEMO_OPTIONS, marked(ENGLISH_MARK_WORDS));
      assert.ok(list.items.length > 0, `${mark.chart} has items`);
      for (const text of [list.title, list.summary, ...list.items.map((i) => i.detail)])
        assert.ok(text.startsWith(MARK), `${mark.chart}: "${text}"`);
    }
  });

  it('is in the display language in the Charts panel: the chart, language, ratings and verdicts in words', async () => {
    const bundle = JSON.parse(readFileSync(join(PROJECT_ROOT, 'l10n', 'bundle.l10n.es.json'), 'utf8')) as Record<
      string,
      string
    >;
    const es = displayLanguage('es', { t: (message, ...args) => fill(bundle[message] ?? message, args) });
    const marking = displayLanguage('en', { t: (message, ...args) => `${MARK}${fill(message, args)}` });
    for (const mark of marks()) {
      const shown = await chartItems(demo.store, 'demo', 'mono-en', { ...mark, figure: null }, marking);
      assert.equal(shown.kind, 'items');
      if (shown.kind !== 'items') continue;
      for (const text of [shown.items.title, shown.items.summary, ...shown.items.items.map((i) => i.detail)])
        assert.ok(text.startsWith(MARK), `${mark.chart}: "${text}"`);
    }
    const [heatmap] = marks();
    const inSpanish = await chartItems(demo.store, 'demo', 'mono-en', { ...heatmap!, figure: null }, es);
    assert.ok(inSpanish.kind === 'items');
    assert.match(inSpanish.items.title, /^Seguimiento de instrucciones por idioma de evaluación: /);
    assert.match(inSpanish.items.summary, /^\d+ elemento\(s\) detrás de esta marca\.$/);
    for (const item of inSpanish.items.items) assert.match(item.detail, / \(A\) frente a .+ \(B\): (AB|BA): /);
  });
});
