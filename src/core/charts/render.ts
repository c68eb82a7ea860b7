// A chart's specification to a file a paper can include: Vega-Lite compiled to Vega, rendered headless to SVG,
// then through resvg, which lays the text out with the system's fonts and turns every glyph into a path (so the
// SVG and the PDF need no font on the reader's machine and CJK, Hebrew and Arabic come out shaped); the PDF is
// those paths drawn by pdfkit, the PNG resvg's raster of them.
import type { VegaLiteSpec } from './chart';
import { compileChart } from './compile';
import { PAPER_FONT } from './style';

export const CHART_FORMATS = ['svg', 'pdf', 'png'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

/** The chart as Vega draws it: SVG with text elements. */
export async function vegaSvg(spec: VegaLiteSpec): Promise<string> {
  const vega = await import('vega');
  const view = new vega.View(vega.parse((await compileChart(spec)) as never), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const FIRST_FONT = PAPER_FONT.split(',')[0]!.trim();

async function resvg(svg: string, pngScale: number) {
  const { Resvg } = await import('@resvg/resvg-js');
  return new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: FIRST_FONT, sansSerifFamily: FIRST_FONT },
    fitTo: { mode: 'zoom', value: pngScale },
    shapeRendering: 2,
    textRendering: 2,
  });
}

/** The SVG with every glyph a path: no font needed to show it, nothing for a journal's system to substitute. */
export async function outlinedSvg(svg: string): Promise<string> {
  return (await resvg(svg, 1)).toString();
}

function svgSize(svg: string): { width: number; height: number } {
  const open = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const read = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)`).exec(open)?.[1]);
  const width = read('width');
  const height = read('height');
  if (!(width > 0 && height > 0)) throw new Error('the rendered chart has no size (is its table empty?)');
  return { width, height };
}

async function pdf(svg: string, title: string): Promise<Buffer> {
  const PDFDocument = (await import('pdfkit')).default;
  const SVGtoPDF = (await import('svg-to-pdfkit')).default;
  const { width, height } = svgSize(svg);
  // 1 SVG unit = 1 pt: the chart's width in points is the column's.
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    info: { Title: title, Creator: 'LangLens', CreationDate: new Date(0) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  SVGtoPDF(doc, svg, 0, 0, { width, height, assumePt: true });
  doc.end();
  return done;
}

type Mutable = Record<string, unknown>;

/** The width of the marks: the inner spec's of a faceted chart, else the chart's own; undefined when by step. */
function plotWidthOf(spec: VegaLiteSpec): { holder: Mutable; width: number } | undefined {
  const holder = (typeof spec.spec === 'object' && spec.spec !== null ? spec.spec : spec) as Mutable;
  return typeof holder.width === 'number' ? { holder, width: holder.width } : undefined;
}

/**
 * The chart narrowed until the whole figure (labels, legend, axis titles) is as wide as its column
 * (usermeta.langlens.columnWidth), not only its marks: Vega measures the text, so the builders can only estimate
 * it. Narrowing the marks by d narrows the figure by d per panel; the secant finds the panels in two renders.
 */
export async function fitToColumn(spec: VegaLiteSpec): Promise<VegaLiteSpec> {
  const target = Number(((spec.usermeta as Mutable | undefined)?.langlens as Mutable | undefined)?.columnWidth);
  const current = JSON.parse(JSON.stringify(spec)) as VegaLiteSpec;
  if (!(target > 0) || !plotWidthOf(current)) return spec;
  let previous: { plot: number; figure: number } | undefined;
  for (let round = 0; round < 4; round++) {
    const plot = plotWidthOf(current)!;
    const figure = svgSize(await vegaSvg(current)).width;
    const over = figure - target;
    if (over <= 0.5) return current;
    const panels =
      previous && previous.plot !== plot.width
        ? Math.max(1, (previous.figure - figure) / (previous.plot - plot.width))
        : 1;
    previous = { plot: plot.width, figure };
    const narrower = Math.floor(plot.width - over / panels);
    if (narrower < 40) return current;
    plot.holder.width = narrower;
  }
  return current;
}

export interface RenderOptions {
  /** PNG pixels per point (3 ≈ 216 dpi). */
  readonly pngScale?: number;
}

/** The chart as the bytes of an SVG (text as paths), PDF or PNG file. */
export async function renderChart(
  spec: VegaLiteSpec,
  format: ChartFormat,
  options: RenderOptions = {},
): Promise<Buffer> {
  const svg = await vegaSvg(spec);
  const title = String(spec.description ?? 'LangLens chart');
  if (format === 'png') return (await resvg(svg, options.pngScale ?? 3)).render().asPng();
  const outlined = await outlinedSvg(svg);
  return format === 'svg' ? Buffer.from(outlined, 'utf8') : pdf(outlined, title);
}
