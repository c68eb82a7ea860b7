// The annotation webview: keyboard-first labelling of the host's queue. It shows the item, records the label
// locally at once (the next item paints without waiting for the database), and hands the write to the outbox,
// which keeps it until the host confirms it is committed.
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '../shared/base.css';
import './annotate.css';
import { isTyping } from '../shared/dom';
import { html, icon, Html } from '../shared/html';
import { RequestChannel } from '../../shared/protocol/channel';
import { onHostMessage, vscodeApi } from '../shared/vscodeApi';
import type {
  AnnotateRequests,
  AnnotateToHost,
  AnnotateToWebview,
  AnnotationItemView,
  AnnotationSession,
  KeyMapView,
  LabelValue,
  Slot,
} from '../../shared/protocol/annotate';
import { actionById, actionFor, type Action, type ScrollTarget } from './keys';
import { Outbox, type PendingWrite } from './outbox';
import { storeOutbox, takeOverOutboxes } from './storedOutbox';
import { endOfQueue, header, itemBody, keyHelp, saveStatusText } from './render';
import { Banners, hostLostBanner, reloadToSave, unsavedBanner } from './banners';
import { FocusClock } from './focusClock';
import { hasStrings, t, th, tn, useStrings } from './i18n';

interface UndoEntry {
  readonly index: number;
  readonly itemKey: string;
  readonly undo: { kind: 'label'; previous: CurrentLabel | null } | { kind: 'flag'; slot: Slot; previous: boolean };
}
type CurrentLabel = { value: LabelValue; comment: string | null };

/** Kept by VS Code across reloads (with the serializer): what to reopen and what is not saved yet. */
interface SavedState {
  readonly target: { run: string; languages?: readonly string[] } | null;
  readonly outbox: readonly PendingWrite[];
  readonly undo: readonly UndoEntry[];
  /** This panel's entry in the webview's storage (kept across reloads: a revived panel goes on with its own). */
  readonly instance?: string;
  /** The outbox's scope (AnnotationSession.outboxScope) its writes belong to. */
  readonly scope?: string;
}

const api = vscodeApi<SavedState>();
const app = document.getElementById('app')!;
const rpc = new RequestChannel<AnnotateRequests>((message) => api.postMessage(message));
const saved = api.getState();

let session: AnnotationSession | undefined;
let index = 0;
let labelled: boolean[] = [];
/** Items others filled up to the study's overlap target since the queue was built (the host follows them). */
let taken = new Set<number>();
const items = new Map<number, AnnotationItemView>();
const loading = new Set<number>();
/** Labels and flags given in this page, over what the host sent with the item. */
const labels = new Map<string, CurrentLabel | null>();
const flags = new Map<string, boolean>();
const drafts = new Map<string, string>();
const undoStack: UndoEntry[] = [...(saved?.undo ?? [])];
let unsaved: readonly PendingWrite[] = saved?.outbox ?? [];
const instance = saved?.instance ?? crypto.randomUUID();
let scope: string | undefined = saved?.scope;
/** Writes this page started with or took over from another panel: the banner offers Retry / Discard while any wait. */
let restoredCount = unsaved.length;
/** The count the banner shows. */
let bannerPending = -1;
/** The user's keybindings of the panel's commands, as the host read them. */
let keyMap: KeyMapView | undefined;
let commentOpen = false;
let helpOpen = false;
let guidelinesOpen = false;
const banners = new Banners();
/** Time on item: focus time, paused while the window or the panel is out of focus or hidden. */
const clock = new FocusClock(() => performance.now(), document.hasFocus() && document.visibilityState === 'visible');
/** performance.now() of the key press whose next item is still to be painted. */
let keyPressedAt: number | undefined;

const outbox = new Outbox(
  {
    write: async (w) => {
      await (w.kind === 'label' ? rpc.request('saveLabel', w.params) : rpc.request('setFlag', w.params));
    },
    persist: (pending) => {
      unsaved = [...pending];
      persist();
    },
    onStatus: (status) => {
      showSaveStatus();
      reportPending(status.pending, status.lastError);
      // The "not yet saved" banner counts down, and goes once all are saved.
      // Rendered only when its count changes: a render rebuilds the status line's Retry button under the pointer.
      if (restoredCount > 0 && status.pending !== bannerPending) {
        bannerPending = status.pending;
        if (status.pending === 0) restoredCount = 0;
        render();
      }
    },
    now: () => Date.now(),
    setTimer: (run, ms) => window.setTimeout(run, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
  },
  unsaved,
);

function persist(): void {
  const target = session
    ? { run: session.run, ...(session.restrictedTo ? { languages: session.restrictedTo } : {}) }
    : (saved?.target ?? null);
  api.setState({ target, outbox: unsaved, undo: undoStack.slice(-200), instance, ...(scope ? { scope } : {}) });
  storeOutbox(instance, scope, unsaved);
}

function send(message: AnnotateToHost): void {
  api.postMessage(message);
}

onHostMessage<AnnotateToWebview>((message) => {
  switch (message.type) {
    case 'strings':
      useStrings(message.strings);
      // The chrome mirrors for he and ar; each block of text keeps its own direction (render.ts, bidi.ts).
      document.documentElement.lang = message.strings.lang;
      document.documentElement.dir = message.strings.dir;
      document.body.dataset.uiLanguage = message.strings.language;
      render();
      break;
    case 'session':
      start(message.session, message.notice);
      takeOver(message.restored ?? [], message.recovery === true);
      break;
    case 'error':
      showError(message.message, message.about);
      break;
    case 'pong':
      heard();
      break;
    case 'taken':
      othersFilled(message.indices);
      break;
    case 'keys':
      keyMap = message.keys;
      document.body.dataset.rebound = message.keys.rebound.join(' ');
      render();
      break;
    case 'action':
      runCommandAction(message.action);
      break;
    case 'response':
      void rpc.receive(message);
      break;
  }
});

/** Why the queue shown was replaced, shown until the annotator leaves the item it was given on. */
let notice: { text: string; index: number } | undefined;

function start(next: AnnotationSession, why?: string): void {
  session = next;
  // A queue again: a banner that said it could not be built (the declared task changed since) is stale.
  banners.clearAbout('queue');
  document.body.dataset.banners = String(banners.size);
  labelled = [...next.labelledMask].map((c) => c === '1');
  taken = new Set();
  items.clear();
  // A request of the replaced queue may still be out: its answer is dropped (ensureLoaded), so its indices must not
  // stay marked as loading, or this queue would never ask for them and stay at "Loading item N…".
  loading.clear();
  labels.clear();
  flags.clear();
  showUnsavedWrites();
  index = Math.min(next.startIndex, next.total);
  notice = why ? { text: why, index } : undefined;
  persist();
  outbox.start();
  render();
  void ensureLoaded(index);
}

/**
 * A queue arrived: what other panels of its scope left unsaved in the webview's storage (a panel closed with labels
 * unsaved, or one of a dead extension host) and what the host kept of a closed panel's writes join this outbox. The
 * host is told which labels were taken over (it counts them in the header and sends the queue again).
 */
function takeOver(restored: readonly PendingWrite[], recovery: boolean): void {
  if (!session) return;
  scope = session.outboxScope;
  const stored = scope ? takeOverOutboxes(instance, scope) : [];
  const added = outbox.adopt([...restored, ...stored]);
  restoredCount += added.length;
  if (added.length > 0) {
    showUnsavedWrites();
    render();
  }
  persist();
  document.body.dataset.recovered = String(added.length);
  send({
    type: 'outboxChecked',
    adopted: added
      .filter((w): w is Extract<PendingWrite, { kind: 'label' }> => w.kind === 'label')
      .map((w) => ({ itemKey: w.params.itemKey, labelled: w.params.value !== null })),
    pending: outbox.status().pending,
  });
  if (recovery) document.body.dataset.recovery = 'true';
}

/** Labels and flags given but not confirmed yet (a failed write, a reload) show as given, not as the database has them. */
function showUnsavedWrites(): void {
  for (const write of unsaved) {
    if (write.kind === 'label')
      labels.set(
        write.params.itemKey,
        write.params.value === null ? null : { value: write.params.value, comment: write.params.comment },
      );
    else flags.set(`${write.params.itemKey}\u0000${write.params.slot}`, write.params.flagged);
  }
}

/** The host keeps how many writes wait here: closing a panel that holds some reopens it instead of losing them. */
let pendingSent: string | undefined;
function reportPending(count: number, reason: string | null): void {
  const key = `${count}\u0000${reason ?? ''}`;
  if (key === pendingSent) return;
  pendingSent = key;
  send({ type: 'pending', count, reason: count > 0 ? reason : null });
}

// ---------------------------------------------------------------------------------------------- host alive

/** A crashed extension host answers nothing: no pong for this long means the labels given now cannot be saved. */
const PING_MS = 2000;
const HOST_LOST_MS = 7000;
let lastHeard = performance.now();
let hostLost = false;

function heard(): void {
  lastHeard = performance.now();
  if (!hostLost) return;
  hostLost = false;
  render();
}

window.setInterval(() => {
  send({ type: 'ping' });
  const lost = performance.now() - lastHeard > HOST_LOST_MS;
  if (lost === hostLost) return;
  hostLost = lost;
  document.body.dataset.hostLost = String(lost);
  render();
}, PING_MS);

// ---------------------------------------------------------------------------------------------- items

const AHEAD = 6;
const BEHIND = 2;

/** Fetches the items around the current one, so that the next item is there before the annotator wants it. */
async function ensureLoaded(around: number): Promise<void> {
  if (!session) return;
  const from = Math.max(0, around - BEHIND);
  const to = Math.min(session.total, around + AHEAD);
  const missing = [];
  for (let i = from; i < to; i++) if (!items.has(i) && !loading.has(i)) missing.push(i);
  if (missing.length === 0) return;
  const first = missing[0]!;
  const last = missing[missing.length - 1]! + 1;
  for (let i = first; i < last; i++) loading.add(i);
  const asked = session;
  try {
    const views = await rpc.request('items', { from: first, to: last });
    // A queue that replaced this one meanwhile (an import, a settings change) numbers its items differently.
    if (session !== asked) return;
    for (const view of views) items.set(view.index, view);
  } catch (err) {
    showError(t('couldNotLoadItems', { error: (err as Error).message }));
  } finally {
    // Only this queue's marks: a queue that replaced it meanwhile has its own (start() cleared these).
    if (session === asked) for (let i = first; i < last; i++) loading.delete(i);
  }
  if (session !== asked || !items.has(index) || index < first || index >= last) return;
  render();
}

function currentLabel(item: AnnotationItemView): CurrentLabel | null {
  return labels.has(item.key) ? labels.get(item.key)! : item.label;
}

function isFlagged(item: AnnotationItemView, slot: Slot): boolean {
  const key = `${item.key}\u0000${slot}`;
  return flags.has(key) ? flags.get(key)! : (item.responses.find((r) => r.slot === slot)?.flagged ?? false);
}

// ---------------------------------------------------------------------------------------------- render

function render(): void {
  if (!session || !hasStrings()) return;
  const count = labelled.filter(Boolean).length;
  const passedOver = [...taken].filter((i) => !labelled[i]);
  const passed = passedOver.length;
  const item = items.get(index);
  let body;
  if (index >= session.total) body = endOfQueue(session, count, passed);
  else if (!item) body = html`<p class="loading">${t('loadingItem', { n: index + 1 })}</p>`;
  else {
    body = itemBody(session, {
      item,
      label: currentLabel(item),
      flagged: (slot) => isFlagged(item, slot),
      saveState: outbox.stateOf(item.key),
      draftComment: drafts.get(item.key) ?? null,
      commentOpen,
    });
  }
  const why = notice?.index === index ? html`<p class="notice" role="status">${icon('info')} ${notice.text}</p>` : '';
  const lost = hostLost ? hostLostBanner(outbox.status().pending) : '';
  const restored = restoredCount > 0 && !hostLost ? unsavedBanner(outbox.status().pending) : '';
  const scrolls = saveScrolls();
  app.innerHTML =
    html`${header(session, index, count, passed)}${lost}${restored}${banners.render()}${why}${withGuidelines(body)}${keyHelp(session, helpOpen, keyMap)}`.value;
  restoreScrolls(scrolls);
  clock.show(item?.key);
  app.setAttribute('aria-busy', item || index >= session.total ? 'false' : 'true');
  document.body.dataset.index = String(index);
  document.body.dataset.task = session.task;
  document.body.dataset.total = String(session.total);
  document.body.dataset.itemKey = item?.key ?? '';
  document.body.dataset.taken = passedOver.join(',');
  rememberPosition(item);
  showSaveStatus();
  if (commentOpen) openCommentEditor(item);
  if (item) reportPaint();
}

/** The host keeps where the annotator is, so that a new window resumes there; sent once per item shown. */
let positionSent: string | undefined;
function rememberPosition(item: AnnotationItemView | undefined): void {
  if (!item || item.key === positionSent) return;
  positionSent = item.key;
  send({ type: 'position', itemKey: item.key });
}

function reportPaint(): void {
  const pressed = keyPressedAt;
  if (pressed === undefined) return;
  keyPressedAt = undefined;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const ms = performance.now() - pressed;
      document.body.dataset.nextItemMs = ms.toFixed(1);
      send({ type: 'painted', ms, what: 'next-item' });
    }),
  );
}

function showSaveStatus(): void {
  const el = document.getElementById('save-status');
  if (!el) return;
  const status = saveStatusText(outbox.status(), Date.now());
  el.className = status.failing ? 'failing' : '';
  if (!status.failing) {
    el.textContent = status.text;
    return showSaveMark();
  }
  // While failing, the text counts down every second: only it changes, so that the button stays the same node to
  // click. A host that is gone cannot save: only a reload gives the panel to a host that can.
  const { pending } = outbox.status();
  // Only when no pong comes back: a request can also time out on a live host that waits for a locked database.
  const reload = hostLost ? ` ${reloadToSave(pending).value}` : '';
  let text = el.querySelector<HTMLElement>('.status-text');
  if (!text) {
    el.textContent = '';
    text = document.createElement('span');
    text.className = 'status-text';
    const retry = document.createElement('button');
    retry.textContent = t('retryNow');
    retry.addEventListener('click', () => outbox.retryNow());
    const link = document.createElement('span');
    link.className = 'status-reload';
    el.append(text, ' ', retry, link);
  }
  text.textContent = status.text;
  const link = el.querySelector<HTMLElement>('.status-reload')!;
  if (link.dataset.html !== reload) {
    link.dataset.html = reload;
    link.innerHTML = reload;
  }
  showSaveMark();
}

function showSaveMark(): void {
  const item = items.get(index);
  const mark = app.querySelector('.choices .chip');
  if (item && mark) {
    const state = outbox.stateOf(item.key);
    mark.className = `chip ${state === 'failed' ? 'warning' : state === 'saving' ? '' : 'ok'}`;
    mark.textContent =
      state === 'failed'
        ? `⚠ ${t('notSavedYet')}`
        : state === 'saving'
          ? t('saving')
          : currentLabel(item)
            ? `✓ ${t('saved')}`
            : '';
  }
}

function showError(message: string, about?: 'queue'): void {
  banners.add(message, about);
  render();
  document.body.dataset.banners = String(banners.size);
}

/** The study's guidelines beside the item (G), as the host rendered them from the project's Markdown. */
function withGuidelines(body: Html | string): Html {
  document.body.dataset.guidelines = guidelinesOpen ? 'open' : 'closed';
  if (!guidelinesOpen || !session) return html`${body}`;
  const text = session.guidelines
    ? html`<div class="markdown">${new Html(session.guidelines)}</div>`
    : html`<p class="muted">
        ${th('noGuidelines', {
          schema: html`<code>langlens.schema.json</code>`,
          field: html`<code>guidelines</code>`,
          rubric: html`<code>rubric</code>`,
          examples: html`<code>examples</code>`,
        })}
      </p>`;
  return html`<div class="with-guidelines">
    ${body}
    <aside class="guidelines" id="guidelines" aria-label="${t('guidelines')}" tabindex="-1">
      <h2>${t('guidelines')} <span class="muted">${t('guidelinesClose')}</span></h2>
      ${text}
    </aside>
  </div>`;
}

// ---------------------------------------------------------------------------------------------- scrolling

/** The scrolling areas of the item: the responses, and the page itself when they all fit. */
function scrollAreas(): HTMLElement[] {
  const areas = [...app.querySelectorAll<HTMLElement>('.response')].filter((el) => el.scrollHeight > el.clientHeight);
  return areas.length > 0 ? areas : [document.scrollingElement as HTMLElement];
}

/** Space, Page Down and the rest move through a long response, both of a pair together; the label keys stay keys. */
function scroll(to: ScrollTarget): void {
  for (const el of scrollAreas()) {
    const page = Math.max(40, el.clientHeight * 0.9);
    const line = 40;
    const top =
      to === 'end'
        ? el.scrollHeight
        : to === 'home'
          ? 0
          : el.scrollTop + { 'page-down': page, 'page-up': -page, 'line-down': line, 'line-up': -line }[to];
    el.scrollTo({ top });
  }
  document.body.dataset.scrolled = String(Math.round(scrollAreas()[0]?.scrollTop ?? 0));
}

/** A render of the same item (a save mark, a banner) keeps where the annotator scrolled to. */
let scrolledItem: number | undefined;
function saveScrolls(): number[] {
  return scrolledItem === index ? [...app.querySelectorAll<HTMLElement>('.response')].map((el) => el.scrollTop) : [];
}
function restoreScrolls(tops: readonly number[]): void {
  scrolledItem = index;
  app.querySelectorAll<HTMLElement>('.response').forEach((el, i) => {
    if (tops[i]) el.scrollTop = tops[i];
  });
}

// ---------------------------------------------------------------------------------------------- actions

function goTo(next: number): void {
  if (!session) return;
  index = Math.max(0, Math.min(session.total, next));
  commentOpen = false;
  render();
  void ensureLoaded(index);
}

function newId(): string {
  return crypto.randomUUID();
}

/** Labels the current item; false when it is not loaded yet (the key press is then ignored, not lost silently). */
function giveLabel(value: LabelValue | null, comment?: string | null): boolean {
  const item = items.get(index);
  if (!item || !session) return false;
  const previous = currentLabel(item);
  const text = comment !== undefined ? comment : (drafts.get(item.key) ?? previous?.comment ?? null);
  writeLabel(item, value, text);
  undoStack.push({ index, itemKey: item.key, undo: { kind: 'label', previous } });
  drafts.delete(item.key);
  return true;
}

function writeLabel(item: AnnotationItemView, value: LabelValue | null, comment: string | null): void {
  labels.set(item.key, value === null ? null : { value, comment });
  labelled[item.index] = value !== null;
  // An undo (value null) is not a judgement: it has no time on item.
  const timeOnItemMs = value === null ? null : clock.timeOn(item.key);
  clock.reset(item.key);
  outbox.add({
    kind: 'label',
    params: { id: newId(), itemKey: item.key, value, comment, labelledAt: new Date().toISOString(), timeOnItemMs },
  });
}

function toggleFlag(slot: Slot): void {
  const item = items.get(index);
  if (!item || !item.responses.some((r) => r.slot === slot)) return;
  const previous = isFlagged(item, slot);
  writeFlag(item, slot, !previous);
  undoStack.push({ index, itemKey: item.key, undo: { kind: 'flag', slot, previous } });
  render();
}

function writeFlag(item: AnnotationItemView, slot: Slot, flagged: boolean): void {
  flags.set(`${item.key}\u0000${slot}`, flagged);
  outbox.add({
    kind: 'flag',
    params: { id: newId(), itemKey: item.key, slot, flagged, labelledAt: new Date().toISOString() },
  });
}

/** Undo writes the previous state as a new row (the history keeps both) and goes back to the item. */
async function undo(): Promise<void> {
  const entry = undoStack.at(-1);
  if (!entry) return;
  if (!items.has(entry.index)) await ensureLoaded(entry.index);
  const item = items.get(entry.index);
  undoStack.pop();
  if (!item || item.key !== entry.itemKey) {
    showError(t('cannotUndo'));
    return;
  }
  if (entry.undo.kind === 'label')
    writeLabel(item, entry.undo.previous?.value ?? null, entry.undo.previous?.comment ?? null);
  else writeFlag(item, entry.undo.slot, entry.undo.previous);
  persist();
  goTo(entry.index);
}

/** Passed over: others filled it up to the overlap target, and this annotator has not labelled it. */
function isTaken(i: number): boolean {
  return taken.has(i) && !labelled[i];
}

/** The next item (by `step`, +1 or -1) not passed over; past the end is the end of the queue, before 0 stays. */
function neighbour(from: number, step: 1 | -1): number {
  let i = from + step;
  while (i >= 0 && session && i < session.total && isTaken(i)) i += step;
  return i < 0 ? from : i;
}

function othersFilled(indices: readonly number[]): void {
  taken = new Set(indices);
  if (isTaken(index)) {
    const next = neighbour(index, 1);
    notice = { text: t('takenByOthers'), index: next };
    goTo(next);
  } else render();
}

function nextUnlabelled(): void {
  if (!session) return;
  const open = (done: boolean, i: number) => !done && !isTaken(i);
  const after = labelled.findIndex((done, i) => open(done, i) && i > index);
  const any = after === -1 ? labelled.findIndex(open) : after;
  if (any !== -1) goTo(any);
}

function perform(action: Action): void {
  switch (action.kind) {
    case 'label':
      if (giveLabel(action.value)) goTo(neighbour(index, 1));
      return;
    case 'flag':
      toggleFlag(action.slot);
      return;
    case 'next':
    case 'skip':
      goTo(neighbour(index, 1));
      return;
    case 'previous':
      goTo(neighbour(index, -1));
      return;
    case 'nextUnlabelled':
      nextUnlabelled();
      return;
    case 'undo':
      void undo();
      return;
    case 'comment':
      commentOpen = true;
      render();
      return;
    case 'help':
      helpOpen = !helpOpen;
      render();
      return;
    case 'guidelines':
      guidelinesOpen = !guidelinesOpen;
      render();
      return;
    case 'scroll':
      scroll(action.to);
      return;
  }
}

function openCommentEditor(item: AnnotationItemView | undefined): void {
  const box = document.getElementById('comment') as (HTMLElement & { value: string }) | null;
  if (!box || !item) return;
  box.value = drafts.get(item.key) ?? currentLabel(item)?.comment ?? '';
  box.focus();
  requestAnimationFrame(() => box.focus());
}

/**
 * While the comment box is open no key is a command: a letter typed before the box had focus must not label
 * the item. Such a key goes into the box instead.
 */
function handleCommentKey(event: KeyboardEvent): void {
  const box = document.getElementById('comment') as (HTMLElement & { value: string }) | null;
  if (!box) return;
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    saveComment(box.value ?? '');
  } else if (event.key === 'Escape') {
    event.preventDefault();
    commentOpen = false;
    render();
  } else if (!isTyping(event.target)) {
    event.preventDefault();
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey) box.value = (box.value ?? '') + event.key;
    box.focus();
  }
}

function saveComment(text: string): void {
  const item = items.get(index);
  if (!item) return;
  const comment = text.trim() === '' ? null : text.trim();
  const label = currentLabel(item);
  commentOpen = false;
  if (label) giveLabel(label.value, comment);
  else if (comment) drafts.set(item.key, comment);
  else drafts.delete(item.key);
  render();
}

/** Discard on the "not yet saved" banner: the writes are dropped, and the panel and the host's log say how many. */
function discardUnsaved(): void {
  const count = outbox.discard();
  restoredCount = 0;
  banners.add(tn('discardedLabels', count));
  document.body.dataset.discarded = String(count);
  // The host sends the queue again, with the labels as the database has them.
  send({ type: 'discarded', count });
  render();
}

/** A key the user bound in VS Code ran the command langlens.annotate.<id>: the same as the panel's own key. */
function runCommandAction(id: string): void {
  if (!session || commentOpen) return;
  const action = actionById(session.task, id, session.design);
  if (!action || (action.kind === 'label' && index >= session.total)) return;
  keyPressedAt = performance.now();
  perform(action);
}

// ---------------------------------------------------------------------------------------------- input

document.addEventListener('keydown', (event) => {
  if (!session) return;
  if (commentOpen) {
    handleCommentKey(event);
    return;
  }
  if (isTyping(event.target)) return;
  if (event.key === 'Escape' && banners.dismissLatest()) {
    event.preventDefault();
    render();
    document.body.dataset.banners = String(banners.size);
    return;
  }
  if (event.key === ' ' && event.shiftKey) {
    event.preventDefault();
    perform({ kind: 'scroll', to: 'page-up' });
    return;
  }
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
    event.preventDefault();
    perform({ kind: 'undo' });
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const action = actionFor(session.task, event.key, session.design, keyMap);
  if (!action) return;
  event.preventDefault();
  if (action.kind === 'label' && index >= session.total) return;
  // The event's own time stamp (same clock as performance.now()) also counts the wait before this handler ran.
  keyPressedAt = event.timeStamp;
  perform(action);
});

// A render can replace a button between the press and the release (the banner's count going down as the outbox
// saves, a timed retry), and the click is then lost: the panel's buttons act on the press of the main button, and
// a keyboard activation (Enter or Space on a focused button: a click with detail 0) as usual.
app.addEventListener('pointerdown', (event) => {
  if (event.button === 0 && event.isPrimary) pressButton(event);
});
app.addEventListener('click', (event) => {
  if (event.detail === 0) pressButton(event);
});

function pressButton(event: Event): void {
  const target = (event.target as HTMLElement).closest<HTMLElement>('button');
  if (!target || !session) return;
  if (target.id === 'unsaved-retry') outbox.retryNow();
  else if (target.id === 'unsaved-discard') discardUnsaved();
  else if (target.dataset.dismiss) {
    banners.dismiss(Number(target.dataset.dismiss));
    render();
    document.body.dataset.banners = String(banners.size);
  } else if (target.dataset.value) perform({ kind: 'label', value: target.dataset.value as LabelValue });
  else if (target.dataset.flag) perform({ kind: 'flag', slot: target.dataset.flag as Slot });
}

// A status that counts down its retry needs a tick; cheap, and only while something failed.
window.setInterval(() => {
  if (outbox.status().failed > 0) showSaveStatus();
}, 1000);

// Time on item counts only while the panel has the annotator's attention.
const attention = () => clock.setFocused(document.hasFocus() && document.visibilityState === 'visible');
window.addEventListener('focus', attention);
window.addEventListener('blur', attention);
document.addEventListener('visibilitychange', attention);

send({
  type: 'ready',
  unsaved: unsaved
    .filter((w): w is Extract<PendingWrite, { kind: 'label' }> => w.kind === 'label')
    .map((w) => ({ itemKey: w.params.itemKey, labelled: w.params.value !== null })),
});
