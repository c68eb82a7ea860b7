// The annotation panel as HTML strings: progress, the prompt, the response(s) in blind order, the choices with
// their keys, and the save status. Pure functions of the state main.ts keeps.
import { directionOf } from '../shared/bidi';
import { bidiMarkup } from '../shared/bidiMarkup';
import { html, Html, icon, langAttrs } from '../shared/html';
import type {
  AnnotationItemView,
  AnnotationResponseView,
  AnnotationSession,
  KeyMapView,
  LabelValue,
} from '../../shared/protocol/annotate';
import { bindingOf, bindings, keyName, userKeyName } from './keys';
import type { OutboxStatus } from './outbox';

export interface ItemState {
  readonly item: AnnotationItemView;
  readonly label: { value: LabelValue; comment: string | null } | null;
  readonly flagged: (slot: AnnotationResponseView['slot']) => boolean;
  readonly saveState: 'saving' | 'failed' | undefined;
  readonly draftComment: string | null;
  readonly commentOpen: boolean;
}

export function header(session: AnnotationSession, index: number, labelled: number): Html {
  const position = Math.min(index + 1, session.total);
  return html`
  <header class="progress" aria-label="Progress">
    <div class="progress-text">
      <span><strong id="position">${position}</strong> of ${session.total}</span>
      <span class="muted">· <span id="labelled-count">${labelled}</span> labelled · ${session.task === 'rating' ? 'rate each response' : 'compare two responses'} · ${session.annotator}${session.blind ? ' · blind' : ''}</span>
      <span class="spacer"></span>
      <span id="save-status" role="status" aria-live="polite"></span>
    </div>
    <vscode-progress-bar id="progress-bar" value="${labelled}" max="${Math.max(1, session.total)}" aria-label="Labelled ${labelled} of ${session.total}"></vscode-progress-bar>
  </header>`;
}

export function itemBody(session: AnnotationSession, state: ItemState): Html {
  const { item } = state;
  return html`
  <main class="item" data-index="${item.index}" data-key="${item.key}" data-label="${state.label?.value ?? ''}">
    <section class="prompt-block" aria-label="Prompt">
      <div class="item-meta muted">${item.language.name} <span class="tag">${item.language.tag}</span> · ${item.group}${item.turn > 1 ? ` · turn ${item.turn}` : ''}</div>
      ${
        item.prompt === null
          ? html`<p class="muted">No prompt text was imported for this item.</p>`
          : html`<div class="prompt markdown" ${langAttrs(item.language)}>
              ${bidiMarkup(item.prompt, directionOf(item.language))}
            </div>`
      }
    </section>
    ${criterionBlock(session, item)}
    <section class="responses ${item.task}" aria-label="Responses">
      ${item.responses.map((r) => responseCard(session, state, r))}
    </section>
    ${choices(session, state)}
    ${comment(state)}
  </main>`;
}

function responseCard(session: AnnotationSession, state: ItemState, r: AnnotationResponseView): Html {
  const name = r.slot === 'left' ? 'A' : r.slot === 'right' ? 'B' : 'Response';
  const flagged = state.flagged(r.slot);
  const flagKey = bindingOf(session.task, (a) => a.kind === 'flag' && a.slot === r.slot, session.design);
  return html`
  <article class="response-card ${flagged ? 'flagged' : ''}" data-slot="${r.slot}" aria-label="${name}">
    <div class="card-head">
      <strong class="slot-name">${name}</strong>
      ${r.system ? html`<span class="chip">${r.system}</span>` : ''}
      ${r.detected?.mismatch ? html`<span class="chip warning" title="${r.detected.detector} detected ${r.detected.language.name}">${icon('warning')} looks like ${r.detected.language.name}</span>` : ''}
      <span class="spacer"></span>
      <button class="flag ${flagged ? 'on' : ''}" data-flag="${r.slot}" aria-pressed="${flagged}" title="Mark as not in the prompt's language">
        ${icon(flagged ? 'report' : 'circle-slash')} ${flagged ? 'Not in the prompt’s language' : 'Wrong language?'} ${flagKey ? html`<kbd>${keyName(flagKey.keys[0]!)}</kbd>` : ''}
      </button>
    </div>
    <div class="response markdown" ${langAttrs(r.language)}>${r.html === '' ? html`<p class="muted">(empty response)</p>` : bidiMarkup(r.html, directionOf(state.item.language))}</div>
  </article>`;
}

/** The criterion's name first in its heading (no white space before it: the text starts with the name). */
function criterionTitle(name: string, position: number, of: number): Html {
  return html`${name}${of > 1 ? html` <span class="muted">(criterion ${position + 1} of ${of})</span>` : ''}`;
}

/** The declared scale and the item's criterion with its description and rubric, above the response. */
function criterionBlock(session: AnnotationSession, item: AnnotationItemView): Html {
  const design = session.design;
  if (!design) return html``;
  const scale = design.scale;
  const position = item.criterion ? design.criteria.findIndex((c) => c.name === item.criterion!.name) : -1;
  return html`<section class="criterion" aria-label="What to rate" data-criterion="${item.criterion?.name ?? ''}">
    ${
      item.criterion
        ? html`<h2>${criterionTitle(item.criterion.name, position, design.criteria.length)}</h2>
      ${item.criterion.description ? html`<p>${item.criterion.description}</p>` : ''}
      ${item.criterion.rubric ? html`<p class="rubric">${item.criterion.rubric}</p>` : ''}`
        : ''
    }
    ${scale ? html`<p class="muted">Scale ${scale.name}: ${scale.choices.join(' · ')}${scale.description ? html` (${scale.description})` : ''}</p>` : ''}
  </section>`;
}

function choices(session: AnnotationSession, state: ItemState): Html {
  const labels = bindings(session.task, session.design).filter((b) => b.action.kind === 'label');
  return html`
  <nav class="choices" aria-label="Your label">
    ${labels.map((b) => {
      const value = b.action.kind === 'label' ? b.action.value : '';
      const chosen = state.label?.value === value;
      return html`<button class="choice choice-${value} ${chosen ? 'chosen' : ''}" data-value="${value}" aria-pressed="${chosen}">
        ${b.label} <kbd>${keyName(b.keys[0]!)}</kbd>${b.keys[1] ? html` <kbd>${keyName(b.keys[1])}</kbd>` : ''}</button>`;
    })}
    ${state.saveState === 'failed' ? html`<span class="chip warning">${icon('warning')} not saved yet</span>` : state.saveState === 'saving' ? html`<span class="chip">${icon('sync')} saving</span>` : state.label ? html`<span class="chip ok">${icon('check')} saved</span>` : ''}
  </nav>`;
}

function comment(state: ItemState): Html {
  const text = state.label?.comment ?? state.draftComment ?? '';
  if (!state.commentOpen) {
    return text
      ? html`<p class="comment-view">${icon('comment')} <span class="plain">${text}</span> <span class="muted">(C to edit)</span></p>`
      : html``;
  }
  return html`
  <div class="comment-edit">
    <vscode-textarea id="comment" rows="2" placeholder="Comment (Enter saves, Shift+Enter for a new line, Esc cancels)" aria-label="Comment"></vscode-textarea>
    <p class="muted">${state.label ? 'Saved with your label.' : 'Saved with the label you give next.'}</p>
  </div>`;
}

export function endOfQueue(session: AnnotationSession, labelled: number): Html {
  if (session.total === 0) {
    const wanted = session.restrictedTo ?? [];
    return html`
    <main class="item end">
      <h2>Nothing to label here.</h2>
      <p>Run ${session.run} has no responses in ${wanted.length ? wanted.join(', ') : 'the languages you label'}.
        Check the setting <code>langlens.annotator.languages</code>, or start annotating from a language in the LangLens explorer.</p>
    </main>`;
  }
  const open = session.total - labelled;
  return html`
  <main class="item end">
    <h2>${open === 0 ? 'All done.' : 'End of the queue.'}</h2>
    <p>${labelled} of ${session.total} items labelled.${open > 0 ? html` Press <kbd>N</kbd> for the first of the ${open} unlabelled items.` : ''}</p>
  </main>`;
}

export function keyHelp(session: AnnotationSession, open: boolean, keyMap?: KeyMapView): Html {
  if (!open)
    return html`<footer class="key-hint muted">Keys: <kbd>?</kbd> shows all · <kbd>←</kbd> <kbd>→</kbd> move · <kbd>S</kbd> skip · <kbd>U</kbd> undo · <kbd>C</kbd> comment · <kbd>G</kbd> guidelines · <kbd>Space</kbd> <kbd>End</kbd> scroll</footer>`;
  return html`
  <footer class="key-help" aria-label="Keyboard">
    <table>${bindings(session.task, session.design, keyMap).map((b) => html`<tr data-keys="${[...b.keys.map(keyName), ...(b.userKeys ?? []).map(userKeyName)].join(' ')}"><td>${b.keys.map((k) => html`<kbd>${keyName(k)}</kbd> `)}${(b.userKeys ?? []).map((k) => html`<kbd class="user-key" title="your keybinding">${userKeyName(k)}</kbd> `)}</td><td>${b.label}</td></tr>`)}
      <tr><td><kbd>Ctrl</kbd>+<kbd>Z</kbd></td><td>Undo</td></tr>
    </table>
  </footer>`;
}

export function saveStatusText(status: OutboxStatus, now: number): { text: string; failing: boolean } {
  if (status.failed > 0) {
    const wait =
      status.retryAt === null ? '' : ` Retrying in ${Math.max(1, Math.ceil((status.retryAt - now) / 1000))} s.`;
    const what = status.failed === 1 ? '1 label is' : `${status.failed} labels are`;
    return {
      text: `${what} not saved yet: ${status.lastError ?? 'unknown error'}.${wait} Kept here until saved.`,
      failing: true,
    };
  }
  if (status.pending > 0) return { text: 'Saving…', failing: false };
  return { text: 'All labels saved', failing: false };
}
