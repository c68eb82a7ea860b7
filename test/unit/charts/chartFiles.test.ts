// Every chart of the demo run renders to a valid, non-empty SVG (text as paths), PDF and PNG, and the values the
// heatmap prints are the table's.
import assert from 'node:assert/strict';
import { fitToColumn, renderChart, vegaSvg } from '../../../src/core/charts/render';
import { COLUMN_WIDTH_PT } from '../../../src/core/charts/style';
import { demoCharts, type DemoCharts } from './demoCharts';

let demo: DemoCharts;

function svgSize(svg: string): { width: number; height: number } {
  const open = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/\bwidth="([\d.]+)/.exec(open)?.[1]), height: Number(/\bheight="([\d.]+)/.exec(open)?.[1]) };
}

describe('charts: files for a paper', function () {
  this.timeout(300_000);
  before(async () => (demo = await demoCharts()));
  after(() => demo.close());

  it('writes every chart of the demo run as SVG with its text turned into paths, as wide as its column', async () => {
    for (const [id, { built }] of demo.charts) {
      const svg = (await renderChart(await fitToColumn(built.spec), 'svg')).toString('utf8');
      assert.match(svg, /^<svg\b[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, `${id}: an SVG document`);
      assert.match(svg, /<\/svg>\s*$/, `${id}: complete`);
      assert.doesNotMatch(svg, /<text\b/, `${id}: no text left for a font to fill in`);
      assert.ok((svg.match(/<path\b/g) ?? []).length > 50, `${id}: drawn (marks and glyphs)`);
      const { width, height } = svgSize(svg);
      const column = (built.spec.usermeta as { langlens: { columnWidth: number } }).langlens.columnWidth;
      assert.equal(column, COLUMN_WIDTH_PT.one, 'built one column wide');
      // Labels and legend included; the heatmap of six languages is narrower than its column.
      assert.ok(
        width <= column + 3 && width >= (id === 'if-heatmap' ? 150 : column - 20) && height > 50,
        `${id}: ${width} × ${height} pt for a column of ${column}`,
      );
    }
  });

  it("writes every chart as a one-page PDF of the SVG's size and as a PNG at three pixels per point", async () => {
    for (const [id, { built }] of demo.charts) {
      const { width, height } = svgSize((await renderChart(built.spec, 'svg')).toString('utf8'));
      const pdf = await renderChart(built.spec, 'pdf');
      const text = pdf.toString('latin1');
      assert.ok(text.startsWith('%PDF-1.'), `${id}: a PDF header`);
      assert.match(text.slice(-32), /%%EOF\s*$/, `${id}: a PDF trailer`);
      assert.equal((text.match(/\/Type \/Page\b/g) ?? []).length, 1, `${id}: one page`);
      const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text);
      assert.ok(box, `${id}: a media box`);
      assert.ok(
        Math.abs(Number(box[1]) - width) < 1 && Math.abs(Number(box[2]) - height) < 1,
        `${id}: the page is the chart's size`,
      );
      assert.ok(pdf.length > 5000, `${id}: ${pdf.length} bytes`);
      const png = await renderChart(built.spec, 'png');
      assert.deepEqual(
        [...png.subarray(0, 8)],
        [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
        `${id}: a PNG signature`,
      );
      assert.equal(png.readUInt32BE(16), Math.round(width * 3), `${id}: PNG width`);
    }
  });

  it('prints the value and n of every measured heatmap cell, and marks every left-out one', async () => {
    const { built } = demo.charts.get('if-heatmap')!;
    const texts = [...(await vegaSvg(built.spec)).matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    for (const d of built.data) {
      if (d.leftOut) continue;
      assert.ok(texts.includes(d.valueText), `${d.system} ${d.lang}: ${d.valueText} printed`);
    }
    assert.equal(texts.filter((t) => t === '—').length, built.data.filter((d) => d.leftOut === 'baseline').length);
    assert.equal(texts.filter((t) => /^n=\d+$/.test(t)).length, built.data.filter((d) => !d.leftOut).length);
  });
});
