// The grid webview: renders what the host sends, keeps the layout and filters, and reports paint timings.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '../shared/base.css';
import './grid.css';
import { setRootProperty, showErrorBanner } from '../shared/dom';
import { html } from '../shared/html';
import { onHostMessage, vscodeApi, type MessageOrigin } from '../shared/vscodeApi';
import type { GridLayout, GridPreferences, GridToHost, GridToWebview, GridView } from '../../shared/protocol/grid';
import { revealCells, stopRevealing } from './deferredCells';
import { grid, shownParts, toolbar } from './render';
import { w } from './words';

/** What VS Code keeps for the serializer, to reopen this group after a reload. */
interface SavedState {
  readonly run: string;
  readonly group: string;
  readonly turn: number;
  readonly lang: string | null;
}

/** When this page's script started, to tell webview start-up from rendering in the paint timing. */
const scriptStartedAt = Date.now();
const api = vscodeApi<SavedState>();
const app = document.getElementById('app')!;
let view: GridView | undefined;
let prefs: GridPreferences = { layout: 'languages-as-rows', hiddenLanguages: [], hiddenSystems: [] };

function send(message: GridToHost): void {
  api.postMessage(message);
}

function handleHostMessage(message: GridToWebview, from: MessageOrigin): void {
  switch (message.type) {
    // First, each time the page says it is ready (src/extension/panel.ts LatestWhenReady).
    case 'words':
      if (w.use(message.words, app)) render();
      break;
    case 'show':
      // Where the group came from, for the tests and the bench: the first one is written into the page.
      document.body.dataset.viewFrom = from;
      show(message.view, message.preferences, message.requestedAt);
      break;
    case 'loading':
      app.setAttribute('aria-busy', 'true');
      break;
    case 'error':
      showError(message.message);
      break;
    case 'toggleLayout':
      setLayout(prefs.layout === 'languages-as-rows' ? 'systems-as-rows' : 'languages-as-rows');
      break;
  }
}

function show(next: GridView, nextPrefs: GridPreferences, requestedAt: number): void {
  const receivedAt = Date.now();
  delete document.body.dataset.paintMs;
  const sameGroup = view?.run === next.run && view.group === next.group && view.turn === next.turn;
  const scroll = sameGroup ? { top: window.scrollY, left: window.scrollX } : undefined;
  view = next;
  prefs = nextPrefs;
  api.setState({ run: next.run, group: next.group, turn: next.turn, lang: next.focusLanguage });
  render();
  if (scroll) window.scrollTo(scroll.left, scroll.top);
  else scrollToFocus();
  revealCells(app);
  document.body.dataset.phases = JSON.stringify({
    scriptStarted: Math.max(0, scriptStartedAt - requestedAt),
    received: receivedAt - requestedAt,
    rendered: Date.now() - requestedAt,
  });
  reportPaint(requestedAt);
}

function render(): void {
  if (!view) return;
  stopRevealing();
  // The toolbar first, measured (its height places the sticky header) while it is all the page holds: measured
  // after the grid is in, it would lay out every response once more before the first paint.
  app.innerHTML = html`${toolbar(view, prefs)}<main class="grid-scroll"></main>`.value;
  const bar = app.querySelector<HTMLElement>('.toolbar');
  toolbarHeight = bar ? `${bar.offsetHeight}px` : toolbarHeight;
  const main = app.querySelector<HTMLElement>('.grid-scroll')!;
  main.innerHTML = grid(view, prefs).value;
  placeHeaderBelowToolbar();
  if (bar) keepHeaderBelowToolbar(bar);
  app.setAttribute('aria-busy', 'false');
  const shown = shownParts(view, prefs);
  const table = main.querySelector<HTMLElement>('.response-grid');
  // CSS custom property through CSSOM: the Content-Security-Policy forbids style attributes.
  table?.style.setProperty(
    '--columns',
    String(prefs.layout === 'languages-as-rows' ? shown.systems.length : shown.languages.length),
  );
  document.body.dataset.layout = prefs.layout;
  document.body.dataset.group = view.group;
}

/**
 * The grid's header row sticks just below the toolbar, whose height changes with wrapping filters and, in a first
 * open, as its controls upgrade and its font arrives (59, 64, then 66 pixels). The height is set on the header row
 * alone, whose cells use it: on the page's root, each change restyled every response before the first paint.
 */
let toolbarHeight: string | undefined;
function placeHeaderBelowToolbar(): void {
  const header = app.querySelector<HTMLElement>('.response-grid > .header');
  if (header && toolbarHeight && header.style.getPropertyValue('--toolbar-height') !== toolbarHeight) {
    header.style.setProperty('--toolbar-height', toolbarHeight);
  }
}
function keepHeaderBelowToolbar(bar: HTMLElement): void {
  toolbarObserver.disconnect();
  toolbarObserver.observe(bar);
}
const toolbarObserver = new ResizeObserver(([entry]) => {
  if (!entry) return;
  toolbarHeight = `${(entry.target as HTMLElement).offsetHeight}px`;
  placeHeaderBelowToolbar();
});

/** The window's width without its scroll bar: the toolbar's width, while the page is as wide as the grid. */
function setViewportWidth(): void {
  setRootProperty('--viewport-width', `${document.documentElement.clientWidth}px`);
}
setViewportWidth();
new ResizeObserver(setViewportWidth).observe(document.documentElement);
window.addEventListener('resize', setViewportWidth);

function scrollToFocus(): void {
  window.scrollTo(0, 0);
  if (!view?.focusLanguage) return;
  placeFocus(view.focusLanguage, FOCUS_FRAMES);
}

/** Frames to keep the focused row in place while the cells around it render, at most (a bounded loop). */
const FOCUS_FRAMES = 30;

/**
 * Cells render as they come near the viewport (content-visibility: auto) and grow from their placeholder height,
 * moving the rows below them: the row is placed again each frame until it stays put, or the user scrolls.
 */
function placeFocus(lang: string, frames: number): void {
  let userScrolled = false;
  const stop = () => (userScrolled = true);
  window.addEventListener('wheel', stop, { once: true, passive: true });
  window.addEventListener('keydown', stop, { once: true });
  const step = (left: number, stable: number) => {
    if (userScrolled || view?.focusLanguage !== lang) return;
    const before = window.scrollY;
    scrollBelowStickyHeaders(lang);
    const still = Math.abs(window.scrollY - before) <= 1 ? stable + 1 : 0;
    if (left > 0 && still < 2) requestAnimationFrame(() => step(left - 1, still));
  };
  step(frames, 0);
}

/**
 * Brings the focused language's row (languages as rows) or column (systems as rows) just below the sticky toolbar
 * and column headers, and just after the sticky first column. Not scrollIntoView: a row is `display: contents`
 * (no box, so scrollIntoView does nothing), and it would leave the row under the sticky headers.
 */
function scrollBelowStickyHeaders(lang: string | null): void {
  if (!lang) return;
  const escaped = CSS.escape(lang);
  const target = app.querySelector<HTMLElement>(
    `.row[data-lang="${escaped}"] > .row-header, .column-header[data-lang="${escaped}"]`,
  );
  const corner = app.querySelector<HTMLElement>('.response-grid .header > .corner');
  if (!target || !corner) return;
  const box = target.getBoundingClientRect();
  const headers = corner.getBoundingClientRect();
  const top = target.classList.contains('row-header') ? window.scrollY + box.top - headers.bottom : window.scrollY;
  // In a right-to-left page the sticky column is on the right: the column comes just left of it.
  const rtl = document.documentElement.dir === 'rtl';
  const hidden = rtl
    ? box.right > headers.left || box.left < 0
    : box.left < headers.right || box.right > window.innerWidth;
  const left =
    target.classList.contains('column-header') && hidden
      ? window.scrollX + (rtl ? box.right - headers.left : box.left - headers.right)
      : window.scrollX;
  window.scrollTo(left, top);
}

/** Two animation frames after the DOM change the grid has been painted: that is the time the user waited. */
function reportPaint(requestedAt: number): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const paintedAt = Date.now();
      const cells = app.querySelectorAll('.cell:not(.missing)').length;
      document.body.dataset.paintMs = String(paintedAt - requestedAt);
      document.body.dataset.paintedCells = String(cells);
      send({ type: 'painted', requestedAt, paintedAt, cells });
    }),
  );
}

function showError(message: string): void {
  showErrorBanner(app, message);
}

function setPreferences(next: GridPreferences): void {
  prefs = next;
  send({ type: 'preferences', preferences: prefs });
  const requestedAt = Date.now();
  render();
  revealCells(app);
  reportPaint(requestedAt);
}

function setLayout(layout: GridLayout): void {
  if (layout !== prefs.layout) setPreferences({ ...prefs, layout });
}

function toggleIn(list: readonly string[], value: string, hidden: boolean): string[] {
  return hidden ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

app.addEventListener('click', (event) => {
  const target = (event.target as HTMLElement).closest<HTMLElement>('vscode-button');
  if (!target || target.hasAttribute('disabled')) return;
  if (target.id === 'previous') send({ type: 'navigate', to: 'previous' });
  else if (target.id === 'next') send({ type: 'navigate', to: 'next' });
  else if (target.id === 'layout-languages') setLayout('languages-as-rows');
  else if (target.id === 'layout-systems') setLayout('systems-as-rows');
  else if (target.id === 'show-all') setPreferences({ ...prefs, hiddenLanguages: [], hiddenSystems: [] });
  else if (target.dataset.turn) send({ type: 'turn', turn: Number(target.dataset.turn) });
});

app.addEventListener('change', (event) => {
  const box = event.target as HTMLElement & { checked: boolean; value: string };
  if (box.classList.contains('filter-language')) {
    setPreferences({ ...prefs, hiddenLanguages: toggleIn(prefs.hiddenLanguages, box.value, !box.checked) });
  } else if (box.classList.contains('filter-system')) {
    setPreferences({ ...prefs, hiddenSystems: toggleIn(prefs.hiddenSystems, box.value, !box.checked) });
  }
});

// No key handler of its own: VS Code passes the page's keys to its keybindings, which call the langlens.grid.*
// commands (package.json contributes.keybindings: ] and [ for the next and previous group, L for the layout), so
// that a user can rebind them in Keyboard Shortcuts. Tab, Enter and Space reach the buttons and filters. The
// bindings hold while this page has the focus (VS Code has no context key for a focused webview).
window.addEventListener('focus', () => send({ type: 'focus', focused: true }));
window.addEventListener('blur', () => send({ type: 'focus', focused: false }));
if (document.hasFocus()) send({ type: 'focus', focused: true });

// Last, after every module-level binding above: the messages written into the page are handled right here.
onHostMessage(handleHostMessage);
send({ type: 'ready' });
