// A click on a mark lists the items behind it: as many as the mark's n says, and the ones it counts.
import assert from 'node:assert/strict';
import { itemsBehindMark, type MarkTarget } from '../../../src/core/charts/itemsBehind';
import { DEMO_OPTIONS, demoCharts, type DemoCharts } from './demoCharts';

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
