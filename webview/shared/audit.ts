// The list of items behind a dashboard figure or a chart's mark, as an HTML string: each vote pair marked agree,
// one tie or opposite, with chips to show one outcome. Pure; no figure is computed here.
import { html, icon, type Html } from './html';
import type { AUDIT_PHRASES, AuditItemView, AuditOutcome, AuditView } from '../../shared/protocol/audit';
import type { Verdict } from '../../shared/protocol/common';
import type { OpenGroupMessage } from '../../shared/protocol/fields';
import type { PanelWords } from './words';

/** The panel's words (the dashboard's or the charts'), of which the list uses its own (AUDIT_PHRASES). */
type AuditWords = Pick<PanelWords<typeof AUDIT_PHRASES>, 't' | 'number' | 'percent'>;

const OUTCOME_LABELS = {
  disagree: 'auditDisagree',
  'tie-involved': 'auditTieInvolved',
  invalid: 'auditInvalid',
  agree: 'auditAgree',
} as const satisfies Record<AuditOutcome, keyof typeof AUDIT_PHRASES>;
export const OUTCOME_ORDER: readonly AuditOutcome[] = ['disagree', 'tie-involved', 'invalid', 'agree'];

function verdictText(w: AuditWords, v: Verdict | 'A' | 'B' | 'tie', item: AuditItemView): string {
  return v === 'A' ? item.systemA : v === 'B' ? item.systemB : v === 'tie' ? w.t('auditTie') : w.t('auditUnparsable');
}

export function audit(w: AuditWords, view: AuditView, filter: AuditOutcome | 'all'): Html {
  const shown = filter === 'all' ? view.items : view.items.filter((i) => i.outcome === filter);
  const errors = view.target.list === 'errors';
  return html`
  <section class="audit" aria-labelledby="audit-title">
    <div class="audit-head">
      <h2 id="audit-title">${view.title}</h2>
      <span class="spacer"></span>
      <vscode-button secondary icon="close" id="close-audit" title="${w.t('auditCloseTitle')}">${w.t('auditClose')}</vscode-button>
    </div>
    <p class="summary">${view.summary}</p>
    <div class="chips" role="group" aria-label="${w.t('auditShowItems')}">
      <button class="chip ${filter === 'all' ? 'on' : ''}" data-filter="all" aria-pressed="${filter === 'all'}">${w.t('auditAll', w.number(view.items.length))}</button>
      ${OUTCOME_ORDER.filter((o) => view.counts[o] > 0).map((o) => html`<button class="chip outcome-${o} ${filter === o ? 'on' : ''}" data-filter="${o}" aria-pressed="${filter === o}">${w.t(OUTCOME_LABELS[o])} ${w.number(view.counts[o])}</button>`)}
    </div>
    ${
      shown.length === 0
        ? html`<p class="empty">${w.t('auditNoItems')}</p>`
        : html`
    <table class="audit-table">
      <thead><tr>
        <th scope="col">${w.t('auditPromptGroup')}</th><th scope="col">${w.t('auditSystems')}</th>${view.target.judge !== null ? html`<th scope="col">${w.t('auditJudge')}</th>` : ''}
        <th scope="col">${w.t('auditHumanVotes')}</th><th scope="col">${errors ? w.t('auditStrength') : w.t('auditOutcome')}</th>
      </tr></thead>
      <tbody>${shown.map(
        (item) => html`
        <tr class="audit-item outcome-${item.outcome}" data-run="${item.run}" data-group="${item.group}" data-turn="${item.turn}" data-lang="${view.language.tag}">
          <td><button class="link open-item" title="${w.t('auditOpenInGrid', item.group)}">${icon('go-to-file')} ${item.group}</button>${item.turn > 1 ? html` <span class="muted">${w.t('auditTurn', item.turn)}</span>` : ''}</td>
          <td class="systems"><span class="system">${item.systemA}</span> <span class="muted">${w.t('auditVersus')}</span> <span class="system">${item.systemB}</span></td>
          ${view.target.judge !== null ? html`<td><span class="verdict-chip ${item.judgeVerdict === 'tie' || item.judgeVerdict === 'invalid' ? 'neutral' : ''}">${item.judgeVerdict ? verdictText(w, item.judgeVerdict, item) : ''}</span></td>` : ''}
          <td class="votes">${item.humans.map((h) => html`<span class="vote ${h.vsJudge ?? ''}"><span class="annotator">${h.annotator}</span> ${verdictText(w, h.verdict, item)}</span>`)}</td>
          <td>${
            errors
              ? html`<span class="strength">${w.percent(item.strength ?? 0, 0)}</span> <span class="muted">${item.majority ? w.t('auditMajority', verdictText(w, item.majority, item)) : w.t('auditNoMajority')}</span>`
              : html`<span class="outcome outcome-${item.outcome}">${w.t(OUTCOME_LABELS[item.outcome])}</span> <span class="muted">${w.t('auditPairsAgree', w.number(item.pairs.agree), w.number(item.pairs.agree + item.pairs.tieInvolved + item.pairs.opposite))}</span>`
          }</td>
        </tr>`,
      )}</tbody>
    </table>`
    }
  </section>`;
}

/**
 * Handles a click inside an audit list, as the dashboard and the charts both show them: a chip shows one outcome,
 * an item opens its prompt group in the grid. False when the click was elsewhere.
 */
export function handleAuditListClick(
  target: HTMLElement,
  on: { readonly outcome: (outcome: AuditOutcome | 'all') => void; readonly open: (m: OpenGroupMessage) => void },
): boolean {
  const chip = target.closest<HTMLElement>('.chip');
  if (chip?.dataset.filter) {
    on.outcome(chip.dataset.filter as AuditOutcome | 'all');
    return true;
  }
  const item = target.closest<HTMLElement>('.audit-item');
  if (!item) return false;
  const d = item.dataset;
  on.open({ type: 'openGroup', run: d.run!, group: d.group!, turn: Number(d.turn), lang: d.lang! });
  return true;
}
