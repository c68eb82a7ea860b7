// The list of items behind a dashboard figure or a chart's mark, as an HTML string: each vote pair marked agree,
// one tie or opposite, with chips to show one outcome. Pure; no figure is computed here.
import { html, icon, type Html } from './html';
import type { AuditItemView, AuditOutcome, AuditView } from '../../shared/protocol/audit';
import type { Verdict } from '../../shared/protocol/common';
import type { OpenGroupMessage } from '../../shared/protocol/fields';

const OUTCOME_LABELS: Record<AuditOutcome, string> = {
  disagree: 'Disagree',
  'tie-involved': 'Tie involved',
  invalid: 'Invalid',
  agree: 'Agree',
};
export const OUTCOME_ORDER: readonly AuditOutcome[] = ['disagree', 'tie-involved', 'invalid', 'agree'];

function verdictText(v: Verdict | 'A' | 'B' | 'tie', item: AuditItemView): string {
  return v === 'A' ? item.systemA : v === 'B' ? item.systemB : v === 'tie' ? 'tie' : 'unparsable';
}

export function audit(view: AuditView, filter: AuditOutcome | 'all'): Html {
  const shown = filter === 'all' ? view.items : view.items.filter((i) => i.outcome === filter);
  const errors = view.target.list === 'errors';
  return html`
  <section class="audit" aria-labelledby="audit-title">
    <div class="audit-head">
      <h2 id="audit-title">${view.title}</h2>
      <span class="spacer"></span>
      <vscode-button secondary icon="close" id="close-audit" title="Close the list">Close</vscode-button>
    </div>
    <p class="summary">${view.summary}</p>
    <div class="chips" role="group" aria-label="Show items">
      <button class="chip ${filter === 'all' ? 'on' : ''}" data-filter="all" aria-pressed="${filter === 'all'}">All ${view.items.length}</button>
      ${OUTCOME_ORDER.filter((o) => view.counts[o] > 0).map((o) => html`<button class="chip outcome-${o} ${filter === o ? 'on' : ''}" data-filter="${o}" aria-pressed="${filter === o}">${OUTCOME_LABELS[o]} ${view.counts[o]}</button>`)}
    </div>
    ${
      shown.length === 0
        ? html`<p class="empty">No items.</p>`
        : html`
    <table class="audit-table">
      <thead><tr>
        <th scope="col">Prompt group</th><th scope="col">Systems</th>${view.target.judge !== null ? html`<th scope="col">Judge</th>` : ''}
        <th scope="col">Human votes</th><th scope="col">${errors ? 'Strength' : 'Outcome'}</th>
      </tr></thead>
      <tbody>${shown.map(
        (item) => html`
        <tr class="audit-item outcome-${item.outcome}" data-run="${item.run}" data-group="${item.group}" data-turn="${item.turn}" data-lang="${view.language.tag}">
          <td><button class="link open-item" title="Open ${item.group} in the grid">${icon('go-to-file')} ${item.group}</button>${item.turn > 1 ? html` <span class="muted">turn ${item.turn}</span>` : ''}</td>
          <td class="systems"><span class="system">${item.systemA}</span> <span class="muted">vs</span> <span class="system">${item.systemB}</span></td>
          ${view.target.judge !== null ? html`<td><span class="verdict-chip ${item.judgeVerdict === 'tie' || item.judgeVerdict === 'invalid' ? 'neutral' : ''}">${item.judgeVerdict ? verdictText(item.judgeVerdict, item) : ''}</span></td>` : ''}
          <td class="votes">${item.humans.map((h) => html`<span class="vote ${h.vsJudge ?? ''}"><span class="annotator">${h.annotator}</span> ${verdictText(h.verdict, item)}</span>`)}</td>
          <td>${
            errors
              ? html`<span class="strength">${Math.round((item.strength ?? 0) * 100)}%</span> <span class="muted">${item.majority ? `majority: ${verdictText(item.majority, item)}` : 'no majority'}</span>`
              : html`<span class="outcome outcome-${item.outcome}">${OUTCOME_LABELS[item.outcome]}</span> <span class="muted">${item.pairs.agree}/${item.pairs.agree + item.pairs.tieInvolved + item.pairs.opposite} pairs agree</span>`
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
