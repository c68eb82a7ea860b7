// Error banners of the annotation panel: one per distinct message (a repeat counts up instead of piling up), each
// dismissible with its × button or Esc, at most a few shown. And the banner that says the extension host is gone.
import { html, type Html } from '../shared/html';
import { t, tn } from './i18n';

interface Banner {
  readonly id: number;
  readonly message: string;
  /** What the banner is about: 'queue' banners clear when a queue is shown again. */
  readonly about: 'queue' | undefined;
  count: number;
}

const MAX_SHOWN = 3;

export class Banners {
  private list: Banner[] = [];
  private nextId = 1;

  /** Adds a message, or counts a repeat of one shown. */
  add(message: string, about?: 'queue'): void {
    const same = this.list.find((b) => b.message === message);
    if (same) {
      same.count++;
      this.list = [...this.list.filter((b) => b !== same), same];
    } else this.list.push({ id: this.nextId++, message, about, count: 1 });
    if (this.list.length > MAX_SHOWN) this.list = this.list.slice(-MAX_SHOWN);
  }

  /** A queue is shown again: what was said about building one no longer holds ("task not declared", ...). */
  clearAbout(about: 'queue'): void {
    this.list = this.list.filter((b) => b.about !== about);
  }

  dismiss(id: number): void {
    this.list = this.list.filter((b) => b.id !== id);
  }

  /** Esc: the newest goes first. False when there was none. */
  dismissLatest(): boolean {
    return this.list.pop() !== undefined;
  }

  get size(): number {
    return this.list.length;
  }

  render(): Html {
    return html`${this.list.map(
      (b) =>
        html`<div class="error-banner dismissible" role="alert" data-banner="${b.id}">
          <span class="plain">${b.message}</span>${b.count > 1 ? html` <span class="count">(×${b.count})</span>` : ''}
          <button class="dismiss" data-dismiss="${b.id}" title="${t('dismissEsc')}" aria-label="${t('dismiss')}">×</button>
        </div>`,
    )}`;
  }
}

/** The words and link of "Reload window to save N labels": a reload revives the panel with what it holds. */
export function reloadToSave(pending: number): Html {
  return html`<a class="reload-link" href="command:workbench.action.reloadWindow">${tn('reloadToSave', pending)}</a>`;
}

/** Shown while the extension host does not answer (crashed, or restarting). */
export function hostLostBanner(pending: number): Html {
  const kept = pending === 0 ? t('allLabelsSaved') : tn('labelsKept', pending);
  return html`<div class="error-banner host-lost" role="alert" id="host-lost">
    ${t('hostLost')} ${kept}
    ${pending > 0 ? html`${reloadToSave(pending)} ${t('orReload')}` : ''}
  </div>`;
}

/**
 * Shown while labels this panel started with, or took over from a closed panel, wait to be saved: the annotator
 * retries now or gives them up (the only way a label given here is dropped, and the panel says how many).
 */
export function unsavedBanner(pending: number): Html | '' {
  if (pending === 0) return '';
  return html`<div class="error-banner unsaved" role="alert" id="unsaved-banner">
    <span class="plain">${tn('unsavedLabels', pending)}</span> —
    <button id="unsaved-retry">${t('retry')}</button>
    <button id="unsaved-discard" class="secondary">${t('discard')}</button>
  </div>`;
}
