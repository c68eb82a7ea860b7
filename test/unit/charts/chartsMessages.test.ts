// The charts webview's messages are untrusted: the theme's colours and the clicked mark are checked field by field.
import assert from 'node:assert/strict';
import { parseChartsMessage } from '../../../shared/protocol/charts';
import { parseDashboardMessage } from '../../../shared/protocol/dashboard';
import { ProtocolError } from '../../../shared/protocol/fields';
import { drawChart } from '../../../src/core/charts';
import { JUDGE_VS_HUMANS } from '../../../src/core/charts/judgeVsHumans';
import { editorStyle } from '../../../src/extension/charts/chartsView';
import { demoCharts, type DemoCharts } from './demoCharts';

const theme = {
  kind: 'dark',
  category: ['#3794ff', 'rgba(204, 167, 0, 1)'],
  ordinal: ['#3794ff'],
  heatmap: ['#1e1e1e', '#3794ff'],
  text: '#cccccc',
  textOnDark: '#cccccc',
  muted: '#9d9d9d',
  grid: '#3c3c3c',
  alert: '#f48771',
  leftOut: '#2b2b2b',
  background: '#1e1e1e',
  font: 'system-ui',
  fontSize: 12,
};

describe('charts: webview messages', () => {
  it('accepts the theme and a clicked mark', () => {
    assert.deepEqual(parseChartsMessage({ type: 'ready', theme }), { type: 'ready', theme });
    const params = {
      chart: 'judge-vs-humans',
      lang: 'ru',
      run: null,
      turn: null,
      judge: 'gpt-judge',
      system: null,
      series: 'LIMA score',
      figure: 'lima',
    };
    assert.deepEqual(parseChartsMessage({ type: 'request', id: 3, method: 'items', params }), {
      type: 'request',
      id: 3,
      method: 'items',
      params,
    });
  });

  it('refuses a colour that is not one, an unknown figure, and a font that could break out of the style', () => {
    assert.throws(
      () => parseChartsMessage({ type: 'theme', theme: { ...theme, text: 'red; background: url(x)' } }),
      ProtocolError,
    );
    assert.throws(() => parseChartsMessage({ type: 'theme', theme: { ...theme, category: [] } }), /1 to 16 colours/);
    assert.throws(
      () =>
        parseChartsMessage({
          type: 'request',
          id: 1,
          method: 'items',
          params: { chart: 'x', lang: 'ru', figure: 'kappa' },
        }),
      /figure must be one of/,
    );
    const parsed = parseChartsMessage({ type: 'theme', theme: { ...theme, font: 'x}</style><script>' } });
    assert.equal(parsed.type === 'theme' && parsed.theme.font, 'x/stylescript');
  });

  it('the dashboard takes the same theme for its chart, checked the same way', () => {
    assert.deepEqual(parseDashboardMessage({ type: 'theme', theme }), { type: 'theme', theme });
    assert.deepEqual(parseDashboardMessage({ type: 'openCharts' }), { type: 'openCharts' });
    assert.throws(
      () => parseDashboardMessage({ type: 'theme', theme: { ...theme, fontSize: 400 } }),
      /fontSize must be between 6 and 40/,
    );
  });
});

describe("charts: laid out for the editor panel's width", function () {
  this.timeout(120_000);
  let demo: DemoCharts;
  before(async () => (demo = await demoCharts()));
  after(() => demo.close());

  /** The width of one figure's panel of the judge-vs-humans forest, as its specification lays it out. */
  function forestPanel(width: number | undefined): number {
    const parsed = parseChartsMessage({ type: 'theme', theme: { ...theme, ...(width ? { width } : {}) } });
    assert.ok(parsed.type === 'theme');
    const { table } = demo.charts.get('judge-vs-humans')!.built;
    const spec = drawChart(JUDGE_VS_HUMANS, table, editorStyle(parsed.theme)).spec as unknown as {
      spec: { width: number };
    };
    return spec.spec.width;
  }

  it('reads the width the webview reports (clamped), and gives each of the forest’s three panels its share', () => {
    const page = forestPanel(undefined);
    const wide = forestPanel(1200);
    assert.ok(wide > page + (1200 - 504) / 3 - 2, `${wide} px per panel at 1200 px, ${page} on the paper's page`);
    assert.equal(forestPanel(100_000), forestPanel(2000), 'clamped to 2000 px');
    assert.throws(() => parseChartsMessage({ type: 'theme', theme: { ...theme, width: 'wide' } }), /width/);
  });
});
