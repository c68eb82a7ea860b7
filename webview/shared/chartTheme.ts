// The chart colours of the current VS Code theme, read from its CSS variables: marks in the theme's chart colours,
// text, grid and background in its own. Only colours are mixed here (a ramp from the background to the theme's
// blue for the heatmap); the host draws the charts with them.
import type { ChartThemeView } from '../../shared/protocol/chartTheme';

const probe = document.createElement('canvas').getContext('2d')!;

/** A CSS colour as #rrggbb (or rgba() with transparency), whatever form the theme wrote it in. */
function normalise(colour: string, fallback: string): string {
  probe.fillStyle = fallback;
  probe.fillStyle = colour.trim() || fallback;
  return probe.fillStyle;
}

function variable(name: string, fallback: string): string {
  return normalise(getComputedStyle(document.body).getPropertyValue(name), fallback);
}

function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex);
  if (m) return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
  const parts = /rgba?\(([^)]*)\)/
    .exec(hex)?.[1]
    ?.split(',')
    .map((p) => Number.parseFloat(p)) ?? [128, 128, 128];
  return [parts[0] ?? 128, parts[1] ?? 128, parts[2] ?? 128];
}

function mix(a: string, b: string, t: number): string {
  const [x, y] = [rgb(a), rgb(b)];
  return `#${x
    .map((v, i) =>
      Math.round(v + (y[i]! - v) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

export function themeKind(): ChartThemeView['kind'] {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  return c.contains('vscode-dark') ? 'dark' : 'light';
}

export function readTheme(): ChartThemeView {
  const kind = themeKind();
  const dark = kind === 'dark' || kind === 'high-contrast';
  const background = variable('--vscode-editor-background', dark ? '#1e1e1e' : '#ffffff');
  const text = variable('--vscode-foreground', dark ? '#cccccc' : '#333333');
  const blue = variable('--vscode-charts-blue', '#1a85ff');
  const yellow = variable('--vscode-charts-yellow', '#cca700');
  const red = variable('--vscode-charts-red', '#e51400');
  const purple = variable('--vscode-charts-purple', '#652d90');
  const green = variable('--vscode-charts-green', '#388a34');
  const orange = variable('--vscode-charts-orange', '#d18616');
  const contrast = kind.startsWith('high-contrast');
  const size = Number.parseFloat(getComputedStyle(document.body).getPropertyValue('--vscode-font-size')) || 13;
  return {
    kind,
    category: [blue, yellow, red, purple, green, orange],
    // Excellent / pass / fail, kept / lost: strongest first, so that the order survives without the hue.
    ordinal: [blue, mix(blue, background, 0.5), yellow, mix(text, background, 0.6)],
    heatmap: [0.08, 0.3, 0.55, 0.8, 1].map((t) => mix(background, blue, t)),
    text,
    // The ramp ends at the theme's blue: bright on a dark theme (dark text there), dark on a light one.
    textOnDark: dark ? background : '#ffffff',
    muted: variable('--vscode-descriptionForeground', text),
    grid: contrast ? variable('--vscode-contrastBorder', text) : mix(text, background, 0.82),
    alert: variable('--vscode-errorForeground', red),
    leftOut: mix(text, background, 0.88),
    background,
    font: getComputedStyle(document.body).getPropertyValue('--vscode-font-family').trim() || 'sans-serif',
    fontSize: Math.max(10, Math.min(14, size - 1)),
    width: chartWidth(),
  };
}

/**
 * The width a chart may fill: the page less its margins and a tenth for what the layout's text estimate misses, in
 * steps of 40 px so that small resizes redraw nothing.
 */
function chartWidth(): number {
  return Math.max(320, Math.floor(((document.documentElement.clientWidth - 48) * 0.9) / 40) * 40);
}

/** Calls back when the theme changes (VS Code swaps the body's classes and the page's variables). */
export function onThemeChange(callback: () => void): void {
  let last = JSON.stringify(readTheme());
  const check = () => {
    const now = JSON.stringify(readTheme());
    if (now !== last) {
      last = now;
      callback();
    }
  };
  let resized: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resized);
    resized = setTimeout(check, 400);
  });
  const observer = new MutationObserver(check);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
}
