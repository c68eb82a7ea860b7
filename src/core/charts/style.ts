// How a chart looks: the paper style by default (vector, one or two columns, colour-blind-safe palettes that stay
// legible in greyscale), or the editor's, whose colours the webview reads from VS Code's theme.
import { ENGLISH_CHART_WORDS, type ChartWords } from './words';

/** Paul Tol's schemes (https://personal.sron.nl/~pault/): safe for colour-blind readers and distinct in greyscale. */
export const TOL_HIGH_CONTRAST = ['#004488', '#DDAA33', '#BB5566'] as const;

export interface ChartPalette {
  /** Series without an order (systems, judges, comparisons). */
  readonly category: readonly string[];
  /** Series with an order, darkest first (excellent / pass / fail; kept / lost). */
  readonly ordinal: readonly string[];
  /** The heatmap's sequential ramp, light to dark. */
  readonly heatmap: readonly string[];
  readonly text: string;
  /** Text on the dark end of the heatmap. */
  readonly textOnDark: string;
  readonly muted: string;
  readonly grid: string;
  /** What marks a judge below the humans. */
  readonly alert: string;
  /** The fill of a cell left out (the baseline's own). */
  readonly leftOut: string;
  readonly background: string;
}

export const PAPER_PALETTE: ChartPalette = {
  category: [...TOL_HIGH_CONTRAST, '#6699CC', '#997700', '#EE99AA', '#000000'],
  ordinal: ['#004488', '#6699CC', '#EECC66', '#BBBBBB'],
  heatmap: ['#F7FBFF', '#C6DBEF', '#6BAED6', '#2171B5', '#08306B'],
  text: '#000000',
  textOnDark: '#FFFFFF',
  muted: '#555555',
  grid: '#DDDDDD',
  alert: '#BB5566',
  leftOut: '#EEEEEE',
  background: '#FFFFFF',
};

export type ColumnWidth = 'one' | 'two';

/** Widths in points (1 px of the SVG = 1 pt of the PDF): ACL / NeurIPS-style columns of 3.3 in and pages of 7 in. */
export const COLUMN_WIDTH_PT: Record<ColumnWidth, number> = { one: 240, two: 504 };

export interface ChartStyle {
  readonly target: 'paper' | 'editor';
  readonly width: ColumnWidth;
  /** Axis labels: BCP-47 tags as papers print them, or names (the display language's and the language's own) in the editor. */
  readonly labels: 'tags' | 'names';
  /** With names: a language's name in the editor's display language (the extension's); absent: English. */
  readonly languageName?: (tag: string) => string;
  /**
   * The marks' figures (a heatmap cell's "50,0") in the editor's display language, that many decimals; absent: the
   * tables' plain digits. The axes' ticks follow the locale the webview gives Vega's view.
   */
  readonly number?: (value: number, fractionDigits: number) => string;
  /** Every text the chart draws: English on paper, the display language's in the editor. */
  readonly words: ChartWords;
  readonly palette: ChartPalette;
  /** Font families, first found wins (the PDF and PNG converters turn the text into paths with them). */
  readonly font: string;
  readonly fontSize: number;
  /** Points to fill instead of the column's (the editor's panel width); absent: the column. */
  readonly fill?: number;
}

/** The width a chart is laid out for: the editor panel's, else its paper column's. */
export function layoutWidth(style: ChartStyle): number {
  return style.fill ?? COLUMN_WIDTH_PT[style.width];
}

/** Fonts that cover Latin, Cyrillic, Hebrew and Arabic (DejaVu) and CJK (WenQuanYi), with generic fallbacks. */
export const PAPER_FONT = 'DejaVu Sans, WenQuanYi Micro Hei, Noto Sans CJK SC, Helvetica, Arial, sans-serif';

export const PAPER_STYLE: ChartStyle = {
  target: 'paper',
  width: 'one',
  labels: 'tags',
  words: ENGLISH_CHART_WORDS,
  palette: PAPER_PALETTE,
  font: PAPER_FONT,
  fontSize: 8,
};

export function paperStyle(overrides: Partial<ChartStyle> = {}): ChartStyle {
  return { ...PAPER_STYLE, ...overrides };
}

/** The Vega-Lite config of a style: fonts, sizes, colours of axes, legends and the named colour ranges. */
export function styleConfig(style: ChartStyle): Record<string, unknown> {
  const { palette: p, font, fontSize } = style;
  const text = {
    labelFont: font,
    titleFont: font,
    labelFontSize: fontSize,
    titleFontSize: fontSize + 1,
    labelColor: p.text,
    titleColor: p.text,
  };
  return {
    background: p.background,
    font,
    padding: 4,
    view: { stroke: null },
    title: {
      font,
      fontSize: fontSize + 2,
      fontWeight: 'bold',
      color: p.text,
      subtitleColor: p.muted,
      subtitleFont: font,
      subtitleFontSize: fontSize,
      anchor: 'start',
    },
    axis: {
      ...text,
      domainColor: p.muted,
      tickColor: p.muted,
      gridColor: p.grid,
      titleFontWeight: 'normal',
      labelLimit: 180,
    },
    legend: {
      ...text,
      titleFontWeight: 'normal',
      symbolStrokeColor: p.text,
      symbolFillColor: p.text,
      orient: 'bottom',
      direction: 'vertical',
      labelLimit: 200,
    },
    header: {
      labelFont: font,
      titleFont: font,
      labelFontSize: fontSize + 1,
      titleFontSize: fontSize + 1,
      labelColor: p.text,
      titleColor: p.text,
    },
    text: { font, fontSize, color: p.text },
    mark: { color: p.category[0] },
    range: { category: [...p.category], ordinal: [...p.ordinal], heatmap: [...p.heatmap] },
  };
}
