// The Charts panel's webview: draws the host's compiled charts, tells the host the theme's colours (at start and
// whenever the theme changes), and asks for the items behind a clicked mark, shown below like the dashboard's.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '../shared/base.css';
import '../shared/panel.css';
import '../shared/charts.css';
import type { View } from 'vega';
import { showErrorBanner } from '../shared/dom';
import { html, icon, langAttrs } from '../shared/html';
import { RequestChannel } from '../../shared/protocol/channel';
import { onHostMessage, vscodeApi } from '../shared/vscodeApi';
import type { AuditOutcome, DashboardFigure } from '../../shared/protocol/audit';
import type {
  ChartItemsView,
  ChartMarkTarget,
  ChartsRequests,
  ChartsToHost,
  ChartsToWebview,
  ChartsView,
} from '../../shared/protocol/charts';
import { audit, handleAuditListClick } from '../shared/audit';
import { drawVega, hideTooltip, type Datum } from '../shared/chartDraw';
import { onThemeChange, readTheme } from '../shared/chartTheme';
import { w } from './words';

const api = vscodeApi<unknown>();
const app = document.getElementById('app')!;
const rpc = new RequestChannel<ChartsRequests>((message) => api.postMessage(message));
let views: View[] = [];
let shown: ChartItemsView | undefined;
let itemsError: string | undefined;
let outcome: AuditOutcome | 'all' = 'all';
let draws = 0;

function send(message: ChartsToHost): void {
  api.postMessage(message);
}

onHostMessage<ChartsToWebview>((message) => {
  switch (message.type) {
    // First, each time the page says it is ready (src/extension/panel.ts LatestWhenReady).
    case 'words':
      w.use(message.words, app);
      break;
    case 'show':
      // For the serializer: the run and baseline to draw again after a window reload.
      api.setState({ run: message.view.run, baseline: message.view.baseline });
      void show(message.view);
      break;
    case 'loading':
      app.setAttribute('aria-busy', 'true');
      break;
    case 'error':
      showErrorBanner(app, message.message);
      break;
    case 'response':
      void rpc.receive(message);
      break;
  }
});

function toolbar(view: ChartsView) {
  return html`<header class="toolbar" role="toolbar" aria-label="${w.t('charts')}">
    <h1 class="title">${w.t('charts')} <span class="muted">${view.run}</span></h1>
    <span class="muted">${w.t('help')}</span>
    <span class="spacer"></span>
    <form id="baseline-form" class="filter-field">
      <label class="filter-field">${w.t('baseline')} <input type="text" id="baseline" value="${view.baseline ?? ''}" placeholder="${w.t('baselinePlaceholder')}" spellcheck="false"></label>
    </form>
    <vscode-button secondary icon="refresh" id="refresh" title="${w.t('refreshTitle')}">${w.t('refresh')}</vscode-button>
    <vscode-button secondary icon="list-selection" id="choose-run" title="${w.t('chooseRunTitle')}">${w.t('chooseRun')}</vscode-button>
  </header>`;
}

async function show(view: ChartsView): Promise<void> {
  for (const v of views) v.finalize();
  views = [];
  hideTooltip();
  app.innerHTML = html`${toolbar(view)}<main class="charts">
    ${view.charts.map(
      (c) => html`<section class="chart" id="section-${c.id}" data-chart="${c.id}" aria-labelledby="title-${c.id}">
      <h2 id="title-${c.id}">${c.title}</h2>
      <p class="muted description">${c.description}</p>
      ${c.vega ? html`<div class="vega" id="chart-${c.id}"></div>` : html`<p class="empty">${c.notes[0] ?? w.t('nothingToDraw')}</p>`}
      ${c.vega && c.notes.length ? html`<details class="notes"><summary>${w.t('notes')}</summary><ul>${c.notes.map((n) => html`<li>${n}</li>`)}</ul></details>` : ''}
    </section>`,
    )}
    <div id="items-region"></div>
  </main>`.value;
  for (const chart of view.charts) {
    if (!chart.vega) continue;
    const el = document.getElementById(`chart-${chart.id}`)!;
    try {
      views.push(await drawVega(el, chart.vega, w.intl, (datum) => void openItems(targetOf(chart.id, datum))));
      el.dataset.drawn = 'true';
    } catch (err) {
      el.textContent = w.t('notDrawn', (err as Error).message);
    }
  }
  renderItems();
  app.setAttribute('aria-busy', 'false');
  document.body.dataset.charts = String(view.charts.filter((c) => c.vega).length);
  document.body.dataset.baseline = view.baseline ?? '';
  document.body.dataset.draws = String(++draws);
  document.body.dataset.theme = readTheme().kind;
}

function text(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

function targetOf(chart: string, d: Datum): ChartMarkTarget {
  return {
    chart,
    lang: String(d.lang),
    run: text(d.run),
    turn: typeof d.turn === 'number' ? d.turn : null,
    judge: text(d.judge),
    system: text(d.system),
    series: text(d.series),
    figure: text(d.figure) as DashboardFigure | null,
  };
}

async function openItems(target: ChartMarkTarget): Promise<void> {
  try {
    shown = await rpc.request('items', target);
    itemsError = undefined;
    outcome = 'all';
  } catch (err) {
    shown = undefined;
    itemsError = (err as Error).message;
  }
  renderItems();
  document.getElementById('items-region')?.scrollIntoView({ block: 'start' });
}

function renderItems(): void {
  const region = document.getElementById('items-region');
  if (!region) return;
  document.body.dataset.items = shown
    ? shown.kind === 'audit'
      ? `audit:${shown.audit.items.length}`
      : `items:${shown.items.items.length}`
    : '';
  if (itemsError) {
    region.innerHTML = html`<p class="error-banner" role="alert">${itemsError}</p>`.value;
    return;
  }
  if (!shown) {
    region.innerHTML = '';
    return;
  }
  if (shown.kind === 'audit') {
    region.innerHTML = audit(w, shown.audit, outcome).value;
    return;
  }
  const list = shown.items;
  region.innerHTML = html`<section class="audit" aria-labelledby="audit-title">
    <div class="audit-head"><h2 id="audit-title">${list.title}</h2><span class="spacer"></span>
      <vscode-button secondary icon="close" id="close-audit" title="${w.t('auditCloseTitle')}">${w.t('auditClose')}</vscode-button></div>
    <p class="summary">${list.summary}</p>
    <table class="audit-table"><thead><tr><th scope="col">${w.t('auditPromptGroup')}</th><th scope="col">${w.t('system')}</th><th scope="col">${w.t('whatCounted')}</th></tr></thead>
    <tbody>${list.items.map(
      (
        item,
      ) => html`<tr class="audit-item" data-run="${item.run}" data-group="${item.group}" data-turn="${item.turn}" data-lang="${item.lang}">
      <td><button class="link open-item" title="${w.t('auditOpenInGrid', item.group)}">${icon('go-to-file')} ${item.group}</button> <span ${langAttrs(list.language)}>${list.language.name}</span></td>
      <td>${item.system ?? ''}</td><td>${item.detail}</td></tr>`,
    )}</tbody></table>
  </section>`.value;
}

app.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  // The dashboard's outcome chips over an agreement list, and its items.
  const inList = handleAuditListClick(target, {
    outcome: (chosen) => {
      outcome = chosen;
      renderItems();
    },
    open: send,
  });
  if (inList) return;
  const button = target.closest<HTMLElement>('vscode-button');
  if (button?.id === 'refresh') send({ type: 'refresh' });
  else if (button?.id === 'choose-run') send({ type: 'chooseRun' });
  else if (button?.id === 'close-audit') {
    shown = undefined;
    itemsError = undefined;
    renderItems();
  }
});

app.addEventListener('submit', (event) => {
  event.preventDefault();
  send({ type: 'baseline', baseline: (document.getElementById('baseline') as HTMLInputElement | null)?.value ?? '' });
});

onThemeChange(() => send({ type: 'theme', theme: readTheme() }));
send({ type: 'ready', theme: readTheme() });
