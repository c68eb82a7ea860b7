// The theme's chart colours, which the webviews read from VS Code's CSS variables and the host draws with.
import { ProtocolError, colour, colours, num, oneOf, record, str } from './fields';

/** The theme's colours as the charts webview reads them from VS Code's CSS variables; the host draws with them. */
export interface ChartThemeView {
  readonly kind: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
  readonly category: readonly string[];
  readonly ordinal: readonly string[];
  readonly heatmap: readonly string[];
  readonly text: string;
  readonly textOnDark: string;
  readonly muted: string;
  readonly grid: string;
  readonly alert: string;
  readonly leftOut: string;
  readonly background: string;
  readonly font: string;
  readonly fontSize: number;
  /** The width (CSS px) a chart may fill in the panel; absent: the paper's two-column page. */
  readonly width?: number;
}

export function parseChartTheme(raw: unknown): ChartThemeView {
  const o = record(raw, 'theme');
  const fontSize = num(o, 'fontSize');
  if (fontSize < 6 || fontSize > 40) throw new ProtocolError('fontSize must be between 6 and 40');
  return {
    kind: oneOf(o, 'kind', ['light', 'dark', 'high-contrast', 'high-contrast-light'] as const),
    category: colours(o, 'category'),
    ordinal: colours(o, 'ordinal'),
    heatmap: colours(o, 'heatmap'),
    text: colour(o, 'text'),
    textOnDark: colour(o, 'textOnDark'),
    muted: colour(o, 'muted'),
    grid: colour(o, 'grid'),
    alert: colour(o, 'alert'),
    leftOut: colour(o, 'leftOut'),
    background: colour(o, 'background'),
    font: str(o, 'font', 500).replace(/[;{}<>]/g, ''),
    fontSize,
    ...(o.width !== undefined ? { width: Math.round(Math.min(2000, Math.max(320, num(o, 'width')))) } : {}),
  };
}
