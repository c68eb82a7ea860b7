// The dashboard webview: shows the host's figures, asks the host for the items behind a clicked number, and asks
// it to open the grid on an item's prompt group or to export the table.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '../shared/base.css';
import '../shared/panel.css';
import './dashboard.css';
import '../shared/charts.css';
import { clearEdited, markEdited, replaceKeepingEdits, setToolbarHeight, showErrorBanner } from '../shared/dom';
import { html } from '../shared/html';
import { RequestChannel } from '../../shared/protocol/channel';
import { onHostMessage, vscodeApi } from '../shared/vscodeApi';
import type { AuditOutcome, AuditTarget, AuditView, DashboardFigure } from '../../shared/protocol/audit';
import type {
  DashboardFilters,
  DashboardRequests,
  DashboardState,
  DashboardToHost,
  DashboardToWebview,
  DashboardView,
  InvalidVerdictHandling,
} from '../../shared/protocol/dashboard';
import type { View } from 'vega';
import { audit, handleAuditListClick } from '../shared/audit';
import { drawVega } from '../shared/chartDraw';
import { onThemeChange, readTheme } from '../shared/chartTheme';
import { dashboard, toolbar } from './render';
import { w } from './words';

const api = vscodeApi<DashboardState>();
const app = document.getElementById('app')!;
const rpc = new RequestChannel<DashboardRequests>((message) => api.postMessage(message));
let view: DashboardView | undefined;
let auditShown: AuditView | undefined;
let filter: AuditOutcome | 'all' = 'all';
let auditError: string | undefined;

function send(message: DashboardToHost): void {
  api.postMessage(message);
}

onHostMessage<DashboardToWebview>((message) => {
  switch (message.type) {
    // First, each time the page says it is ready (src/extension/panel.ts LatestWhenReady).
    case 'words':
      if (w.use(message.words, app) && view) render();
      break;
    case 'show':
      view = message.view;
      // For the serializer: the run and filters to show again after a window reload.
      api.setState({ run: view.run, filters: view.filters });
      // The list may rest on figures that changed: ask again for the same number.
      if (auditShown) void openAudit(auditShown.target, false);
      render();
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

let shownToolbar = '';

function render(): void {
  const bar = toolbar(view).value;
  const updated = view?.updatedAt
    ? html`<p class="muted updated" id="updated">${w.t('updated', w.time(view.updatedAt))}</p>`
    : '';
  const content = html`<main class="dashboard">${updated}${view ? dashboard(view) : ''}
    <div id="audit-region">${auditError ? html`<p class="error-banner" role="alert">${auditError}</p>` : auditShown ? audit(w, auditShown, filter) : ''}</div></main>`
    .value;
  const main = app.querySelector(':scope > main');
  // An unchanged toolbar stays in place, so a field the user is typing in keeps its text, caret and focus.
  if (bar === shownToolbar && main) {
    for (const banner of app.querySelectorAll(':scope > .error-banner')) banner.remove();
    main.outerHTML = content;
  } else {
    replaceKeepingEdits(app, bar + content);
    shownToolbar = bar;
  }
  app.setAttribute('aria-busy', 'false');
  // The table's header sticks below the toolbar.
  setToolbarHeight(app);
  // 'estimates' while the intervals are computed (the figures without them come first), 'shown' once they are in.
  const state = !view ? '' : view.intervals?.pending ? 'estimates' : 'shown';
  document.body.dataset.dashboard = state;
  if (state) document.body.dataset[state === 'shown' ? 'shownAt' : 'estimatesAt'] = String(performance.now());
  document.body.dataset.filters = view ? JSON.stringify(view.filters) : '';
  document.body.dataset.renders = String(Number(document.body.dataset.renders ?? 0) + 1);
  document.body.dataset.audit = auditShown ? `${auditShown.target.list}:${auditShown.items.length}` : '';
  void drawChart();
}

let chartView: View | undefined;

/** The figures' chart, drawn again with each render; a click on a mark opens the same list as its number. */
async function drawChart(): Promise<void> {
  chartView?.finalize();
  chartView = undefined;
  const el = document.getElementById('dashboard-chart');
  if (!el || !view?.chart) return;
  chartView = await drawVega(el, view.chart, w.intl, (d) => {
    if (typeof d.figure !== 'string') return;
    void openAudit(
      {
        lang: String(d.lang),
        turn: typeof d.turn === 'number' ? d.turn : null,
        run: typeof d.run === 'string' ? d.run : null,
        judge: typeof d.judge === 'string' ? d.judge : null,
        list: d.figure as DashboardFigure,
      },
      true,
    );
  });
  document.body.dataset.chart = 'drawn';
}

/** Shows the items behind a number; `byUser` scrolls to the list and focuses it, a background refresh does neither. */
async function openAudit(target: AuditTarget, byUser: boolean): Promise<void> {
  try {
    auditShown = await rpc.request('audit', target);
    auditError = undefined;
  } catch (err) {
    auditShown = undefined;
    auditError = (err as Error).message;
  }
  filter = 'all';
  render();
  if (!byUser) return;
  app.querySelector('#audit-region')?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  (app.querySelector('#audit-title') as HTMLElement | null)?.focus?.();
}

function targetOf(el: HTMLElement): AuditTarget {
  const d = el.dataset;
  return {
    lang: d.lang ?? '',
    turn: d.turn ? Number(d.turn) : null,
    run: d.run || null,
    judge: d.humans === 'true' ? null : (d.judge ?? null),
    list: d.list as DashboardFigure | 'errors',
  };
}

app.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  const figure = target.closest<HTMLElement>('.figure-button, .audit-errors');
  if (figure) {
    void openAudit(targetOf(figure), true);
    return;
  }
  const inList = handleAuditListClick(target, {
    outcome: (chosen) => {
      filter = chosen;
      render();
    },
    open: send,
  });
  if (inList) return;
  const button = target.closest<HTMLElement>('vscode-button');
  if (button?.id === 'refresh') send({ type: 'refresh' });
  else if (button?.id === 'export') send({ type: 'export' });
  else if (button?.id === 'open-charts') send({ type: 'openCharts' });
  else if (button?.id === 'choose-run') send({ type: 'chooseRun' });
  else if (button?.id === 'apply-filters') applyFilters();
  else if (button?.id === 'close-audit') {
    auditShown = undefined;
    auditError = undefined;
    render();
  }
});

/** The filters as the bar shows them; every judge ticked is "all judges" (null), so judges added later appear. */
function filtersShown(): DashboardFilters | undefined {
  const bar = app.querySelector<HTMLFormElement>('#filters');
  if (!bar || !view) return undefined;
  const boxes = [
    ...bar.querySelectorAll<HTMLElement & { checked: boolean; value: string }>('vscode-checkbox.filter-judge'),
  ];
  const judges = boxes.filter((b) => b.checked).map((b) => b.value);
  return {
    annotators: bar.querySelector<HTMLInputElement>('#annotator-pattern')?.value.trim() || null,
    judges: judges.length === boxes.length ? null : judges,
    invalidAs: (bar.querySelector<HTMLSelectElement>('#invalid-as')?.value ?? 'exclude') as InvalidVerdictHandling,
  };
}

function applyFilters(): void {
  const filters = filtersShown();
  if (!filters) return;
  clearEdited(app);
  send({ type: 'filters', filters });
}

app.addEventListener('input', markEdited);

app.addEventListener('submit', (event) => {
  event.preventDefault();
  applyFilters();
});

// A judge ticked or the invalid handling changed: recompute at once (typing a pattern waits for Enter or Apply).
app.addEventListener('change', (event) => {
  const target = event.target as HTMLElement;
  if (target.classList.contains('filter-judge') || target.id === 'invalid-as') applyFilters();
});

send({ type: 'ready' });
send({ type: 'theme', theme: readTheme() });
onThemeChange(() => send({ type: 'theme', theme: readTheme() }));
