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
import { bindingOf, bindings, keyName, labelText, userKeyName } from './keys';
import { languageName, t, th, tn } from './i18n';
import type { OutboxStatus } from './outbox';

export interface ItemState {
  readonly item: AnnotationItemView;
  readonly label: { value: LabelValue; comment: string | null } | null;
  readonly flagged: (slot: AnnotationResponseView['slot']) => boolean;
  readonly saveState: 'saving' | 'failed' | undefined;
  readonly draftComment: string | null;
  readonly commentOpen: boolean;
}

/** `taken`: items others filled up to the study's overlap target, passed over (not this annotator's to label). */
export function header(session: AnnotationSession, index: number, labelled: number, taken = 0): Html {
  const position = Math.min(index + 1, session.total);
  const wanted = Math.max(1, session.total - taken);
  return html`
  <header class="progress" aria-label="${t('progress')}">
    <div class="progress-text">
      <span class="position">${th('positionOf', { position: html`<strong id="position">${position}</strong>`, total: session.total })}</span>
      <span class="muted">· ${th('labelledCount', { count: html`<span id="labelled-count">${labelled}</span>` })} · ${t(session.task === 'rating' ? 'taskRating' : 'taskPairwise')} · <bdi>${session.annotator}</bdi>${session.blind ? ` · ${t('blind')}` : ''}${taken > 0 ? html` · <span id="taken-count">${t('takenCount', { n: taken })}</span>` : ''}</span>
      <span class="spacer"></span>
      <span id="save-status" role="status" aria-live="polite"></span>
    </div>
    <vscode-progress-bar id="progress-bar" value="${labelled}" max="${wanted}" aria-label="${t('progressBar', { count: labelled, total: wanted })}"></vscode-progress-bar>
  </header>`;
}

export function itemBody(session: AnnotationSession, state: ItemState): Html {
  const { item } = state;
  return html`
  <main class="item" data-index="${item.index}" data-key="${item.key}" data-label="${state.label?.value ?? ''}">
    <section class="prompt-block" aria-label="${t('prompt')}">
      <div class="item-meta muted">${languageName(item.language)} <span class="tag">${item.language.tag}</span> · <bdi>${item.group}</bdi>${item.turn > 1 ? ` · ${t('turn', { n: item.turn })}` : ''}</div>
      ${
        item.prompt === null
          ? html`<p class="muted">${t('noPrompt')}</p>`
          : html`<div class="prompt markdown" ${langAttrs(item.language)}>
              ${bidiMarkup(item.prompt, directionOf(item.language))}
            </div>`
      }
    </section>
    ${criterionBlock(session, item)}
    <section class="responses ${item.task}" aria-label="${t('responses')}">
      ${item.responses.map((r) => responseCard(session, state, r))}
    </section>
    ${choices(session, state)}
    ${comment(state)}
  </main>`;
}

function responseCard(session: AnnotationSession, state: ItemState, r: AnnotationResponseView): Html {
  const name = t(r.slot === 'left' ? 'slotA' : r.slot === 'right' ? 'slotB' : 'slotOnly');
  const flagged = state.flagged(r.slot);
  const flagKey = bindingOf(session.task, (a) => a.kind === 'flag' && a.slot === r.slot, session.design);
  return html`
  <article class="response-card ${flagged ? 'flagged' : ''}" data-slot="${r.slot}" aria-label="${name}">
    <div class="card-head">
      <strong class="slot-name">${name}</strong>
      ${r.system ? html`<span class="chip">${r.system}</span>` : ''}
      ${r.detected?.mismatch ? html`<span class="chip warning" title="${t('detectedTitle', { detector: r.detected.detector, language: languageName(r.detected.language) })}">${icon('warning')} ${t('looksLike', { language: languageName(r.detected.language) })}</span>` : ''}
      <span class="spacer"></span>
      <button class="flag ${flagged ? 'on' : ''}" data-flag="${r.slot}" aria-pressed="${flagged}" title="${t('flagTitle')}">
        ${icon(flagged ? 'report' : 'circle-slash')} ${t(flagged ? 'flagOn' : 'flagOff')} ${flagKey ? html`<kbd>${keyName(flagKey.keys[0]!)}</kbd>` : ''}
      </button>
    </div>
    <div class="response markdown" ${langAttrs(r.language)}>${r.html === '' ? html`<p class="muted">${t('emptyResponse')}</p>` : bidiMarkup(r.html, directionOf(state.item.language))}</div>
  </article>`;
}

/** The criterion's name first in its heading (no white space before it: the text starts with the name). */
function criterionTitle(name: string, position: number, of: number): Html {
  return html`${name}${of > 1 ? html` <span class="muted">${t('criterionOf', { position: position + 1, total: of })}</span>` : ''}`;
}

/** The declared scale and the item's criterion with its description and rubric, above the response. */
function criterionBlock(session: AnnotationSession, item: AnnotationItemView): Html {
  const design = session.design;
  if (!design) return html``;
  const scale = design.scale;
  const position = item.criterion ? design.criteria.findIndex((c) => c.name === item.criterion!.name) : -1;
  return html`<section class="criterion" aria-label="${t('whatToRate')}" data-criterion="${item.criterion?.name ?? ''}">
    ${
      item.criterion
        ? html`<h2>${criterionTitle(item.criterion.name, position, design.criteria.length)}</h2>
      ${item.criterion.description ? html`<p>${item.criterion.description}</p>` : ''}
      ${item.criterion.rubric ? html`<p class="rubric">${item.criterion.rubric}</p>` : ''}`
        : ''
    }
    ${scale ? html`<p class="muted">${t('scale', { name: scale.name, choices: scale.choices.join(' · ') })}${scale.description ? html` (${scale.description})` : ''}</p>` : ''}
  </section>`;
}

function choices(session: AnnotationSession, state: ItemState): Html {
  const labels = bindings(session.task, session.design).filter((b) => b.action.kind === 'label');
  return html`
  <nav class="choices" aria-label="${t('yourLabel')}">
    ${labels.map((b) => {
      const value = b.action.kind === 'label' ? b.action.value : '';
      const chosen = state.label?.value === value;
      return html`<button class="choice choice-${value} ${chosen ? 'chosen' : ''}" data-value="${value}" aria-pressed="${chosen}">
        ${labelText(b.label)} <kbd>${keyName(b.keys[0]!)}</kbd>${b.keys[1] ? html` <kbd>${keyName(b.keys[1])}</kbd>` : ''}</button>`;
    })}
    ${state.saveState === 'failed' ? html`<span class="chip warning">${icon('warning')} ${t('notSavedYet')}</span>` : state.saveState === 'saving' ? html`<span class="chip">${icon('sync')} ${t('saving')}</span>` : state.label ? html`<span class="chip ok">${icon('check')} ${t('saved')}</span>` : ''}
  </nav>`;
}

function comment(state: ItemState): Html {
  const text = state.label?.comment ?? state.draftComment ?? '';
  if (!state.commentOpen) {
    return text
      ? html`<p class="comment-view">${icon('comment')} <span class="plain">${text}</span> <span class="muted">${t('commentEdit')}</span></p>`
      : html``;
  }
  return html`
  <div class="comment-edit">
    <vscode-textarea id="comment" rows="2" placeholder="${t('commentPlaceholder')}" aria-label="${t('comment')}"></vscode-textarea>
    <p class="muted">${t(state.label ? 'commentWithLabel' : 'commentWithNextLabel')}</p>
  </div>`;
}

export function endOfQueue(session: AnnotationSession, labelled: number, taken = 0): Html {
  if (session.total === 0) {
    const wanted = session.restrictedTo ?? [];
    return html`
    <main class="item end">
      <h2>${t('nothingToLabel')}</h2>
      <p>${t('noResponsesIn', { run: session.run, languages: wanted.length ? wanted.join(', ') : t('theLanguagesYouLabel') })}
        ${th('checkLanguagesSetting', { setting: html`<code>langlens.annotator.languages</code>` })}</p>
    </main>`;
  }
  const open = session.total - labelled - taken;
  return html`
  <main class="item end">
    <h2>${t(open === 0 ? 'allDone' : 'endOfQueue')}</h2>
    <p>${t('itemsLabelled', { labelled, total: session.total })}${taken > 0 ? ` (${t('takenCount', { n: taken })})` : ''}${open > 0 ? html` ${th({ plural: 'pressForUnlabelled', n: open }, { key: html`<kbd>N</kbd>` })}` : ''}</p>
  </main>`;
}

export function keyHelp(session: AnnotationSession, open: boolean, keyMap?: KeyMapView): Html {
  if (!open)
    return html`<footer class="key-hint muted">${t('keys')} <kbd>?</kbd> ${t('hintShowsAll')} · <kbd>←</kbd> <kbd>→</kbd> ${t('hintMove')} · <kbd>S</kbd> ${t('hintSkip')} · <kbd>U</kbd> ${t('hintUndo')} · <kbd>C</kbd> ${t('hintComment')} · <kbd>G</kbd> ${t('hintGuidelines')} · <kbd>${keyName(' ')}</kbd> <kbd>End</kbd> ${t('hintScroll')}</footer>`;
  return html`
  <footer class="key-help" aria-label="${t('keyboard')}">
    <table>${bindings(session.task, session.design, keyMap).map((b) => html`<tr data-keys="${[...b.keys.map(keyName), ...(b.userKeys ?? []).map(userKeyName)].join(' ')}"><td>${b.keys.map((k) => html`<kbd>${keyName(k)}</kbd> `)}${(b.userKeys ?? []).map((k) => html`<kbd class="user-key" title="${t('yourKeybinding')}">${userKeyName(k)}</kbd> `)}</td><td>${labelText(b.label)}</td></tr>`)}
      <tr><td><kbd>Ctrl</kbd>+<kbd>Z</kbd></td><td>${t('keyUndo')}</td></tr>
    </table>
  </footer>`;
}

export function saveStatusText(status: OutboxStatus, now: number): { text: string; failing: boolean } {
  if (status.failed > 0) {
    const wait =
      status.retryAt === null
        ? ''
        : ` ${t('retryingIn', { seconds: Math.max(1, Math.ceil((status.retryAt - now) / 1000)) })}`;
    const what = tn('labelsNotSaved', status.failed, { error: status.lastError ?? t('unknownError') });
    return { text: `${what}${wait} ${t('keptUntilSaved')}`, failing: true };
  }
  if (status.pending > 0) return { text: t('savingAll'), failing: false };
  return { text: t('allSaved'), failing: false };
}
