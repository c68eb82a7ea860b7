// Draws a compiled Vega specification into an element with Vega's SVG renderer and the expression interpreter
// (no eval, so the page keeps its strict Content-Security-Policy), with a tooltip of the mark's figure, n and
// interval and a callback with the datum of a clicked mark.
import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { chartNumberLocale } from '../../shared/protocol/locale';

let tip: HTMLDivElement | undefined;

function tooltipElement(): HTMLDivElement {
  if (!tip) {
    tip = document.createElement('div');
    tip.className = 'chart-tooltip';
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    document.body.append(tip);
  }
  return tip;
}

/** Vega's tooltip handler: the encoding's fields as a small table beside the pointer (positioned through CSSOM). */
function showTooltip(_handler: unknown, event: MouseEvent, _item: unknown, value: unknown): void {
  const el = tooltipElement();
  if (value === null || value === undefined || value === '') {
    el.hidden = true;
    return;
  }
  el.replaceChildren();
  const entries = typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [['', value]];
  for (const [key, v] of entries as [string, unknown][]) {
    if (v === '' || v === null || v === undefined) continue;
    const row = document.createElement('div');
    const name = document.createElement('span');
    name.className = 'key';
    name.textContent = key;
    const text = document.createElement('span');
    text.className = 'value';
    text.textContent = String(v);
    text.dir = 'auto';
    row.append(name, text);
    el.append(row);
  }
  el.hidden = false;
  const x = Math.min(event.clientX + 14, window.innerWidth - el.offsetWidth - 8);
  const y = Math.min(event.clientY + 14, window.innerHeight - el.offsetHeight - 8);
  el.style.left = `${Math.max(4, x)}px`;
  el.style.top = `${Math.max(4, y)}px`;
}

export type Datum = Record<string, unknown>;

/**
 * `locale`: the panel's Intl locale (PanelWords.intl); the axes' ticks, the marks' labels and the tooltips' figures
 * are written in it ("0,5" in Spanish). Exported figures are drawn by the core, in English.
 */
export async function drawVega(
  container: HTMLElement,
  spec: Record<string, unknown>,
  locale: string,
  onClick: (datum: Datum) => void,
): Promise<View> {
  const view = new View(parse(spec as never, undefined, { ast: true }), {
    expr: expressionInterpreter as never,
    locale: { number: chartNumberLocale(locale) } as never,
    renderer: 'svg',
    container,
    hover: true,
    tooltip: showTooltip as never,
  });
  view.addEventListener('click', (_event, item) => {
    const datum = (item as { datum?: Datum } | null | undefined)?.datum;
    if (datum && typeof datum.lang === 'string') onClick(datum);
  });
  await view.runAsync();
  return view;
}

export function hideTooltip(): void {
  if (tip) tip.hidden = true;
}
