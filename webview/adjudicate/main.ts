// The review panel's webview ("LangLens: Review Disagreements"): the items to adjudicate on the left, the selected
// item on the right with the prompt, both responses, every vote (comment, time given, focus time) and each judge's
// verdict and reasoning side by side. Keys: 1/A, 2/T, 3/B record the lead's verdict; J/K next/previous; ? help.
// The rating task (Task: ratings) shows a rated response, every rating and the judges' scores; the scale's keys
// (1/E, 2/P, 3/F for excellent / pass / fail, else 1…N worst first, as the annotation panel) record the rating.
// Everything comes from the host through the RequestChannel; nothing is computed here.
import '../shared/base.css';
import '../shared/panel.css';
import './adjudicate.css';
import {
  DEFAULT_REVIEW_FILTERS,
  type AdjudicatedVerdict,
  type AnyReviewItemView,
  type RatingReviewItemView,
  type RatingReviewTexts,
  type ReviewFilters,
  type ReviewKind,
  type ReviewListView,
  type ReviewPhrase,
  type ReviewRequests,
  type ReviewTexts,
  type ReviewToHost,
  type ReviewToWebview,
} from '../../shared/protocol/adjudicate';
import { RequestChannel } from '../../shared/protocol/channel';
import { directionOf } from '../shared/bidi';
import { bidiMarkup } from '../shared/bidiMarkup';
import { isTyping } from '../shared/dom';
import { html, icon, langAttrs, type Html } from '../shared/html';
import { onHostMessage, vscodeApi } from '../shared/vscodeApi';
import { w } from './words';

interface State {
  readonly run: string;
  readonly filters: ReviewFilters;
}

const api = vscodeApi<State>();
const app = document.getElementById('app')!;
const rpc = new RequestChannel<ReviewRequests>((message) => api.postMessage(message));
let run: string | undefined = api.getState()?.run;
// A state saved before the rating task had no task: pairwise, as it was.
let filters: ReviewFilters = { ...DEFAULT_REVIEW_FILTERS, ...api.getState()?.filters };
let list: ReviewListView | undefined;
let at = 0;
let texts: { key: string; texts: ReviewTexts | RatingReviewTexts } | undefined;
let helpOpen = false;
let status: { text: string; error: boolean } | undefined;

interface KeyBinding {
  readonly keys: readonly string[];
  /** What it does, in the panel's words (they arrive after this table is made). */
  readonly label: () => string;
  readonly verdict?: AdjudicatedVerdict;
  /** A rating on the item's scale. */
  readonly rating?: string;
  readonly move?: 1 | -1;
}

/** The keys, one table for the handler and the help: the task's own, then the moves. */
const PAIR_KEYS: readonly KeyBinding[] = [
  { keys: ['1', 'a'], label: () => w.t('keyABetter'), verdict: 'A' },
  { keys: ['2', 't'], label: () => w.t('keyTie'), verdict: 'tie' },
  { keys: ['3', 'b'], label: () => w.t('keyBBetter'), verdict: 'B' },
];

const LIMA_KEYS: readonly KeyBinding[] = [
  { keys: ['1', 'e'], label: () => w.t('keyExcellent'), rating: 'excellent' },
  { keys: ['2', 'p'], label: () => w.t('keyPass'), rating: 'pass' },
  { keys: ['3', 'f'], label: () => w.t('keyFail'), rating: 'fail' },
];

/** A scale's choices, worst first, on keys 1…9 (and 0 for a tenth), as the annotation panel keys them. */
function scaleKeys(item: RatingReviewItemView): readonly KeyBinding[] {
  if (item.scale.lima) return LIMA_KEYS;
  return item.scale.choices
    .slice(0, 10)
    .map((choice, i) => ({ keys: [String((i + 1) % 10)], label: () => w.t('keyChoice', choice), rating: choice }));
}

const MOVE_KEYS: readonly KeyBinding[] = [
  { keys: ['j', 'ArrowDown'], label: () => w.t('keyNext'), move: 1 },
  { keys: ['k', 'ArrowUp'], label: () => w.t('keyPrevious'), move: -1 },
  { keys: ['?'], label: () => w.t('keyHelp') },
];

/** The keys of the selected item (its task and scale); with no item, the moves. */
function keysNow(): readonly KeyBinding[] {
  const item = list?.items[at];
  const own = !item ? [] : item.task === 'rating' ? scaleKeys(item) : PAIR_KEYS;
  return [...own, ...MOVE_KEYS];
}

const VERDICT_PHRASES = {
  A: 'aBetter',
  B: 'bBetter',
  tie: 'tie',
  invalid: 'invalid',
} as const satisfies Record<AdjudicatedVerdict | 'invalid', ReviewPhrase>;
const verdictWords = (v: AdjudicatedVerdict | 'invalid') => w.t(VERDICT_PHRASES[v]);
const TASK_PHRASES = {
  pairwise: 'taskPairwise',
  rating: 'taskRating',
} as const satisfies Record<ReviewFilters['task'], ReviewPhrase>;
const KIND_PHRASES = {
  all: 'kindAll',
  'human-human': 'kindHumanHuman',
  'human-judge': 'kindHumanJudge',
} as const satisfies Record<ReviewKind, ReviewPhrase>;

function send(message: ReviewToHost): void {
  api.postMessage(message);
}

onHostMessage<ReviewToWebview>((message) => {
  switch (message.type) {
    // First, each time the page says it is ready (src/extension/panel.ts LatestWhenReady).
    case 'words':
      if (w.use(message.words, app)) render();
      break;
    case 'open':
      if (message.run !== run) {
        run = message.run;
        filters = DEFAULT_REVIEW_FILTERS;
        at = 0;
      }
      api.setState({ run, filters });
      void load();
      break;
    case 'error':
      status = { text: message.message, error: true };
      render();
      break;
    case 'response':
      void rpc.receive(message);
      break;
  }
});

const keyString = (item: AnyReviewItemView) => JSON.stringify(item.key);

/** Asks for the list with the filters, keeping the selected item where it still is. */
async function load(): Promise<void> {
  const selected = list?.items[at];
  try {
    list = await rpc.request('list', filters);
    const again = selected ? list.items.findIndex((i) => keyString(i) === keyString(selected)) : -1;
    at = again >= 0 ? again : Math.min(at, Math.max(0, list.items.length - 1));
    render();
    await loadTexts();
  } catch (err) {
    status = { text: (err as Error).message, error: true };
    render();
  }
}

async function loadTexts(): Promise<void> {
  const item = list?.items[at];
  if (!item || texts?.key === keyString(item)) return;
  const key = keyString(item);
  const got =
    item.task === 'rating' ? await rpc.request('ratingTexts', item.key) : await rpc.request('texts', item.key);
  const still = list?.items[at];
  if (still && keyString(still) === key) {
    texts = { key, texts: got };
    render();
  }
}

/** Records the lead's verdict (pairwise item) or rating (rated item) on the selected item, and shows it saved. */
async function adjudicate(given: { verdict: AdjudicatedVerdict } | { rating: string }): Promise<void> {
  const item = list?.items[at];
  if (!list || !item) return;
  status = { text: w.t('saving'), error: false };
  render();
  try {
    let updated: AnyReviewItemView;
    let said: string;
    if (item.task === 'rating' && 'rating' in given) {
      updated = await rpc.request('adjudicateRating', { key: item.key, label: given.rating });
      said = given.rating;
    } else if (item.task === 'pairwise' && 'verdict' in given) {
      updated = await rpc.request('adjudicate', { key: item.key, verdict: given.verdict });
      said = verdictWords(given.verdict);
    } else return;
    const index = list.items.findIndex((i) => keyString(i) === keyString(updated));
    if (index >= 0) list = { ...list, items: list.items.map((i, n) => (n === index ? updated : i)) };
    status = { text: w.t('saved', said, list.adjudicator || w.t('theAdjudicator')), error: false };
    render();
  } catch (err) {
    status = { text: (err as Error).message, error: true };
    render();
  }
}

function move(by: 1 | -1): void {
  if (!list || list.items.length === 0) return;
  const next = Math.min(list.items.length - 1, Math.max(0, at + by));
  if (next === at) return;
  at = next;
  status = undefined;
  render();
  void loadTexts();
}

document.addEventListener('keydown', (event) => {
  if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
  const binding = keysNow().find((k) => k.keys.includes(event.key.length === 1 ? event.key.toLowerCase() : event.key));
  if (!binding) return;
  event.preventDefault();
  if (binding.verdict) void adjudicate({ verdict: binding.verdict });
  else if (binding.rating !== undefined) void adjudicate({ rating: binding.rating });
  else if (binding.move) move(binding.move);
  else {
    helpOpen = !helpOpen;
    render();
  }
});

app.addEventListener('change', (event) => {
  const target = event.target as HTMLSelectElement;
  if (!target.dataset.filter) return;
  const value = target.value === '*' ? null : target.value;
  if (target.dataset.filter === 'task')
    filters = { ...DEFAULT_REVIEW_FILTERS, kind: filters.kind, task: target.value as ReviewFilters['task'] };
  else if (target.dataset.filter === 'kind') filters = { ...filters, kind: target.value as ReviewKind };
  else if (target.dataset.filter === 'lang') filters = { ...filters, lang: value };
  else filters = { ...filters, criterion: value };
  at = 0;
  if (run) api.setState({ run, filters });
  void load();
});

app.addEventListener('click', (event) => {
  const target = (event.target as HTMLElement).closest<HTMLElement>('[data-index], [data-verdict], [data-rating]');
  if (!target) return;
  if (target.dataset.verdict) void adjudicate({ verdict: target.dataset.verdict as AdjudicatedVerdict });
  else if (target.dataset.rating !== undefined) void adjudicate({ rating: target.dataset.rating });
  else {
    at = Number(target.dataset.index);
    status = undefined;
    render();
    void loadTexts();
  }
});

function option(value: string, label: string, selected: boolean): Html {
  return html`<option value="${value}" ${selected ? 'selected' : ''}>${label}</option>`;
}

function toolbar(view: ReviewListView): Html {
  return html`<header class="toolbar" role="toolbar" aria-label="${w.t('toolbar')}">
    <h1 class="title">${w.t('heading')} <span class="muted">${view.run}</span></h1>
    <span class="muted" id="counts">${w.h(
      'counts',
      w.number(view.items.length),
      w.number(view.total),
      w.number(view.items.filter((i) => i.adjudicated !== null).length),
      html`<strong id="adjudicator">${view.adjudicator || w.t('noId')}</strong>`,
    )}</span>
    <span class="spacer"></span>
    <div class="filter-bar">
      <label class="filter-field">${w.t('task')}
        <select id="filter-task" data-filter="task">
          ${(['pairwise', 'rating'] as const).map((t) => option(t, w.t(TASK_PHRASES[t]), view.filters.task === t))}
        </select></label>
      <label class="filter-field">${w.t('kind')}
        <select id="filter-kind" data-filter="kind">
          ${(['all', 'human-human', 'human-judge'] as const).map((k) => option(k, w.t(KIND_PHRASES[k]), view.filters.kind === k))}
        </select></label>
      <label class="filter-field">${w.t('language')}
        <select id="filter-lang" data-filter="lang">
          ${option('*', w.t('all'), view.filters.lang === null)}
          ${view.languages.map((l) => option(l.tag, `${l.name} (${l.tag})`, view.filters.lang === l.tag))}
        </select></label>
      <label class="filter-field">${w.t('criterion')}
        <select id="filter-criterion" data-filter="criterion">
          ${option('*', w.t('all'), view.filters.criterion === null)}
          ${view.criteria.map((c) => option(c, c === '' ? w.t('noCriterion') : c, view.filters.criterion === c))}
        </select></label>
      <span class="muted">${view.filters.task === 'rating' ? w.t('keysHintRating') : w.t('keysHintPair')} · ${w.t('keysHintMoves')}</span>
    </div>
  </header>`;
}

function itemRow(item: AnyReviewItemView, index: number): Html {
  const system = item.task === 'rating' ? ` · ${item.key.system}${item.key.seed ? ` #${item.key.seed}` : ''}` : '';
  const label = `${item.key.group} · ${item.language.tag}${system}${item.key.criterion ? ` · ${item.key.criterion}` : ''}`;
  const adjudicated = item.task === 'rating' ? item.adjudicated : item.adjudicated && verdictWords(item.adjudicated);
  return html`<li class="review-item ${index === at ? 'selected' : ''}" data-index="${index}" role="option" aria-selected="${index === at}" data-group="${item.key.group}" data-lang="${item.key.lang}" data-system="${item.task === 'rating' ? item.key.system : ''}">
    <span class="item-name">${label}</span>
    <span class="muted">${item.kinds.map((k) => (k === 'human-human' ? w.t('humanHuman') : w.t('humanJudge'))).join(' ')}</span>
    ${adjudicated ? html`<span class="adjudicated-chip" title="${w.t('adjudicatedTitle')}">${icon('check')} ${adjudicated}</span>` : ''}
  </li>`;
}

function when(iso: string | null): string {
  if (!iso) return w.t('timeNotRecorded');
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : w.t('atTime', d.toISOString().replace('T', ' ').slice(0, 16));
}

function seconds(ms: number | null): string {
  return ms === null ? '' : ` · ${w.t('secondsOnItem', w.number(ms / 1000, 1))}`;
}

/** A prompt or response as rendered by the host, in the item's language and direction. */
function textBlock(item: AnyReviewItemView) {
  const dir = directionOf(item.language);
  return (markup: string | null | undefined, none: 'noPromptText' | 'noResponse') =>
    markup === undefined
      ? html`<p class="muted">${w.t('loading')}</p>`
      : markup === null || markup === ''
        ? html`<p class="muted">${w.t(none)}</p>`
        : html`<div class="markdown" ${langAttrs(item.language)}>${bidiMarkup(markup, dir)}</div>`;
}

function statusLine(): Html | string {
  return status
    ? html`<span class="${status.error ? 'status error' : 'status'}" role="${status.error ? 'alert' : 'status'}" id="review-status">${status.text}</span>`
    : '';
}

function heading(item: AnyReviewItemView): Html {
  return html`<h2>${item.key.group} <span class="muted">${item.language.name} · ${w.t('turn', item.key.turn)}${item.key.criterion ? ` · ${w.t('criterionOf', item.key.criterion)}` : ''}</span></h2>`;
}

/** Every annotator's vote or rating (its words), when given, its focus time and comment. */
interface VoteShown {
  readonly annotator: string;
  readonly comment: string | null;
  readonly labelledAt: string | null;
  readonly timeOnItemMs: number | null;
}

function voteList<V extends VoteShown>(votes: readonly V[], words: (vote: V) => string): Html {
  return html`<ul class="vote-list">
    ${votes.map(
      (v) => html`<li class="vote-row" data-annotator="${v.annotator}">
        <strong>${v.annotator}</strong>: <span class="verdict-chip">${words(v)}</span>
        <span class="muted">${when(v.labelledAt)}${seconds(v.timeOnItemMs)}</span>
        ${v.comment ? html`<div class="comment" dir="auto">${w.t('quoted', v.comment)}</div>` : ''}
      </li>`,
    )}
  </ul>`;
}

/** Each judge's verdict or score with its reasoning. */
function judgeList<J extends { judge: string; reasoning: readonly string[] }>(
  judges: readonly J[],
  words: (judge: J) => string,
  none: string,
): Html {
  return judges.length === 0
    ? html`<p class="muted">${none}</p>`
    : html`<ul class="judge-list">
        ${judges.map(
          (j) => html`<li class="judge-row" data-judge="${j.judge}">
            <strong>${j.judge}</strong>: <span class="verdict-chip">${words(j)}</span>
            ${j.reasoning.map((r) => html`<div class="reasoning" dir="auto">${r}</div>`)}
          </li>`,
        )}
      </ul>`;
}

function ratingDetail(item: RatingReviewItemView): Html {
  const shown = texts?.key === keyString(item) ? (texts.texts as RatingReviewTexts) : undefined;
  const block = textBlock(item);
  return html`<section class="detail" aria-label="${w.t('theItem')}">
    ${heading(item)}
    <div class="prompt">${block(shown?.prompt, 'noPromptText')}</div>
    <div class="response"><h3>${item.key.system}${item.key.seed ? html` <span class="muted">${w.t('seed', item.key.seed)}</span>` : ''} <span class="muted">· ${w.t('scaleOf', item.scale.name)}</span></h3>${block(shown?.response, 'noResponse')}</div>
    <div class="side-by-side">
      <div class="votes-panel">
        <h3>${w.t('annotators')}</h3>
        ${voteList(item.votes, (v) => v.label)}
      </div>
      <div class="judges-panel">
        <h3>${w.t('judges')}</h3>
        ${judgeList(item.judges, (j) => j.label, w.t('noJudgeScore'))}
      </div>
    </div>
    <div class="adjudication" role="group" aria-label="${w.t('adjudicate')}">
      <span>${w.h('adjudicated', html`<strong id="adjudicated">${item.adjudicated ?? w.t('notYet')}</strong>`)}</span>
      ${scaleKeys(item).map(
        (k) =>
          html`<button type="button" data-rating="${k.rating!}">${k.keys.map((key, i) => html`${i ? '/' : ''}<kbd>${key.toUpperCase()}</kbd>`)} ${k.rating!}</button>`,
      )}
      ${statusLine()}
    </div>
  </section>`;
}

function detail(item: AnyReviewItemView): Html {
  if (item.task === 'rating') return ratingDetail(item);
  const shown = texts?.key === keyString(item) ? (texts.texts as ReviewTexts) : undefined;
  const block = textBlock(item);
  return html`<section class="detail" aria-label="${w.t('theItem')}">
    ${heading(item)}
    <div class="prompt">${block(shown?.prompt, 'noPromptText')}</div>
    <div class="pair">
      <div class="response"><h3>${w.t('responseA', item.key.systemA)}</h3>${block(shown?.responseA, 'noResponse')}</div>
      <div class="response"><h3>${w.t('responseB', item.key.systemB)}</h3>${block(shown?.responseB, 'noResponse')}</div>
    </div>
    <div class="side-by-side">
      <div class="votes-panel">
        <h3>${w.t('annotators')}</h3>
        ${voteList(item.votes, (v) => verdictWords(v.verdict))}
      </div>
      <div class="judges-panel">
        <h3>${w.t('judges')}</h3>
        ${judgeList(item.judges, (j) => verdictWords(j.verdict), w.t('noJudgeVerdict'))}
      </div>
    </div>
    <div class="adjudication" role="group" aria-label="${w.t('adjudicate')}">
      <span>${w.h('adjudicated', html`<strong id="adjudicated">${item.adjudicated ? verdictWords(item.adjudicated) : w.t('notYet')}</strong>`)}</span>
      <button type="button" data-verdict="A"><kbd>1</kbd>/<kbd>A</kbd> ${w.t('aBetter')}</button>
      <button type="button" data-verdict="tie"><kbd>2</kbd>/<kbd>T</kbd> ${w.t('tieButton')}</button>
      <button type="button" data-verdict="B"><kbd>3</kbd>/<kbd>B</kbd> ${w.t('bBetter')}</button>
      ${statusLine()}
    </div>
  </section>`;
}

function help(): Html {
  return html`<aside class="help" aria-label="${w.t('keys')}">
    <h2>${w.t('keys')}</h2>
    <table>${keysNow().map((k) => html`<tr><td>${k.keys.map((key, i) => html`${i ? ' / ' : ''}<kbd>${key === ' ' ? w.t('space') : key.toUpperCase()}</kbd>`)}</td><td>${k.label()}</td></tr>`)}</table>
    <p class="muted">${w.t('helpNote')}</p>
  </aside>`;
}

function render(): void {
  app.setAttribute('aria-busy', 'false');
  // For tests and screen readers: whether the list is shown, which item is selected, whether the help is open.
  document.body.dataset.review = list ? 'shown' : 'loading';
  document.body.dataset.selected = list?.items[at] ? keyString(list.items[at]!) : '';
  document.body.dataset.help = helpOpen ? 'open' : 'closed';
  if (!list) {
    app.innerHTML = status?.error
      ? html`<div class="error-banner" role="alert">${status.text}</div>`.value
      : html`<p class="loading">${w.t('loading')}</p>`.value;
    return;
  }
  const item = list.items[at];
  app.innerHTML = html`${toolbar(list)}
    <main class="review">
      <ol class="review-list" role="listbox" aria-label="${w.t('itemsToReview')}">${list.items.map(itemRow)}</ol>
      ${item ? detail(item) : html`<p class="empty">${list.total === 0 ? (list.filters.task === 'rating' ? w.t('noRatingDisagreements') : w.t('noDisagreements')) : w.t('noItemUnderFilters')}</p>`}
      ${helpOpen ? help() : ''}
    </main>`.value;
  app.querySelector('.review-item.selected')?.scrollIntoView({ block: 'nearest' });
}

send({ type: 'ready' });
