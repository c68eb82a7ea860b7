// The grid as HTML strings: a toolbar, then one CSS grid of prompts and responses. Pure functions of the view.
import { directionOf } from '../shared/bidi';
import { bidiMarkup } from '../shared/bidiMarkup';
import { html, icon, langAttrs, type Html } from '../shared/html';
import type { LanguageView, Verdict } from '../../shared/protocol/common';
import type {
  GridCellView,
  GridLanguageView,
  GridPreferences,
  GridView,
  HumanPairView,
  PairJudgmentView,
  SampleView,
  ScoreView,
} from '../../shared/protocol/grid';
import { w } from './words';

export interface Shown {
  readonly languages: readonly GridLanguageView[];
  readonly systems: readonly string[];
}

export function shownParts(view: GridView, prefs: GridPreferences): Shown {
  return {
    languages: view.languages.filter((l) => !prefs.hiddenLanguages.includes(l.language.tag)),
    systems: view.systems.filter((s) => !prefs.hiddenSystems.includes(s)),
  };
}

export function toolbar(view: GridView, prefs: GridPreferences): Html {
  const byLanguage = prefs.layout === 'languages-as-rows';
  // Back points to where a line starts: the right in a right-to-left page (as VS Code mirrors its own arrows).
  const [back, forward] = w.dir === 'rtl' ? ['arrow-right', 'arrow-left'] : ['arrow-left', 'arrow-right'];
  return html`
  <header class="toolbar" role="toolbar" aria-label="${w.t('toolbar')}">
    <div class="toolbar-row">
      <vscode-button secondary icon="${back}" id="previous" title="${w.t('previousTitle')}" ${view.position.index <= 0 ? 'disabled' : ''}>${w.t('previous')}</vscode-button>
      <vscode-button secondary icon="${forward}" id="next" title="${w.t('nextTitle')}" ${view.position.index >= view.position.count - 1 ? 'disabled' : ''}>${w.t('next')}</vscode-button>
      <h1 class="title"><span class="group-name">${view.group}</span> <span class="muted">${view.run} · ${w.t('position', view.position.index + 1, view.position.count)}</span></h1>
      ${
        view.turns.length > 1
          ? html`<span class="turns" role="group" aria-label="${w.t('turns')}">${view.turns.map(
              (t) => html`
        <vscode-button ${t === view.turn ? '' : 'secondary'} class="turn" data-turn="${t}">${w.t('turn', t)}</vscode-button>`,
            )}</span>`
          : ''
      }
      <span class="spacer"></span>
      <span class="layout-switch" role="group" aria-label="${w.t('layout')}">
        <vscode-button id="layout-languages" ${byLanguage ? '' : 'secondary'} icon="list-flat" title="${w.t('languagesAsRowsTitle')}" aria-pressed="${byLanguage}">${w.t('languagesAsRows')}</vscode-button>
        <vscode-button id="layout-systems" ${byLanguage ? 'secondary' : ''} icon="list-tree" title="${w.t('systemsAsRowsTitle')}" aria-pressed="${!byLanguage}">${w.t('systemsAsRows')}</vscode-button>
      </span>
    </div>
    <details class="filters" ${prefs.hiddenLanguages.length + prefs.hiddenSystems.length > 0 ? 'open' : ''}>
      <summary>${icon('filter')} ${w.t(
        'showing',
        view.languages.length -
          hiddenCount(
            view.languages.map((l) => l.language.tag),
            prefs.hiddenLanguages,
          ),
        view.languages.length,
        view.systems.length - hiddenCount(view.systems, prefs.hiddenSystems),
        view.systems.length,
      )}</summary>
      <div class="filter-group" role="group" aria-label="${w.t('languages')}">
        <span class="filter-label">${w.t('languages')}</span>
        ${view.languages.map((l) => html`<vscode-checkbox class="filter-language" value="${l.language.tag}" label="${l.language.tag}" title="${l.language.name}" ${prefs.hiddenLanguages.includes(l.language.tag) ? '' : 'checked'}></vscode-checkbox>`)}
      </div>
      <div class="filter-group" role="group" aria-label="${w.t('systems')}">
        <span class="filter-label">${w.t('systems')}</span>
        ${view.systems.map((s) => html`<vscode-checkbox class="filter-system" value="${s}" label="${s}" ${prefs.hiddenSystems.includes(s) ? '' : 'checked'}></vscode-checkbox>`)}
      </div>
      <vscode-button secondary id="show-all" title="${w.t('showAllTitle')}">${w.t('showAll')}</vscode-button>
    </details>
  </header>`;
}

function hiddenCount(all: readonly string[], hidden: readonly string[]): number {
  return all.filter((x) => hidden.includes(x)).length;
}

export function grid(view: GridView, prefs: GridPreferences): Html {
  const shown = shownParts(view, prefs);
  if (shown.languages.length === 0 || shown.systems.length === 0) {
    return html`<p class="empty">${w.t('nothingShown')}</p>`;
  }
  const cells = new Map(view.cells.map((c) => [`${c.lang}\u0000${c.system}`, c]));
  const cellOf = (lang: string, system: string) => cells.get(`${lang}\u0000${system}`);
  return prefs.layout === 'languages-as-rows'
    ? languagesAsRows(view, shown, cellOf)
    : systemsAsRows(view, shown, cellOf);
}

type CellOf = (lang: string, system: string) => GridCellView | undefined;

function languagesAsRows(view: GridView, shown: Shown, cellOf: CellOf): Html {
  return html`
  <div class="response-grid" role="table" aria-label="${w.t('rowPerLanguage')}" data-columns="${shown.systems.length}">
    <div class="row header" role="row">
      <div class="corner" role="columnheader">${w.t('prompt')}</div>
      ${shown.systems.map((s) => html`<div class="column-header" role="columnheader">${s}</div>`)}
    </div>
    ${shown.languages.map(
      (l) => html`
    <div class="row ${view.focusLanguage === l.language.tag ? 'focus' : ''}" role="row" data-lang="${l.language.tag}">
      <div class="row-header prompt-cell deferred" role="rowheader">${promptBlock(l, true)}</div>
      ${shown.systems.map((s) => responseCell(l, s, cellOf(l.language.tag, s)))}
    </div>`,
    )}
  </div>`;
}

function systemsAsRows(view: GridView, shown: Shown, cellOf: CellOf): Html {
  return html`
  <div class="response-grid" role="table" aria-label="${w.t('rowPerSystem')}" data-columns="${shown.languages.length}">
    <div class="row header" role="row">
      <div class="corner" role="columnheader">${w.t('system')}</div>
      ${shown.languages.map((l) => html`<div class="column-header prompt-cell ${view.focusLanguage === l.language.tag ? 'focus' : ''}" role="columnheader" data-lang="${l.language.tag}">${promptBlock(l, true)}</div>`)}
    </div>
    ${shown.systems.map(
      (s) => html`
    <div class="row" role="row">
      <div class="row-header system-name" role="rowheader">${s}</div>
      ${shown.languages.map((l) => responseCell(l, s, cellOf(l.language.tag, s)))}
    </div>`,
    )}
  </div>`;
}

function promptBlock(l: GridLanguageView, withJudgments: boolean): Html {
  return html`
    <div class="language-name"><strong>${l.language.name}</strong> <span class="muted">${l.language.tag}</span>${l.language.rtl ? html` <span class="chip" title="${w.t('rtlTitle')}">${w.t('rtl')}</span>` : ''}</div>
    ${
      l.prompt === null
        ? html`<p class="muted">${w.t('noPrompt')}</p>`
        : html`<div class="prompt markdown" ${langAttrs(l.language)}>
            ${bidiMarkup(l.prompt, directionOf(l.language))}
          </div>`
    }
    ${withJudgments && l.pairJudgments.length ? pairTable(l.pairJudgments) : ''}`;
}

function responseCell(l: GridLanguageView, system: string, cell: GridCellView | undefined): Html {
  if (!cell) return html`<div class="cell missing" role="cell"><span class="muted">${w.t('noResponse')}</span></div>`;
  const mismatch = cell.samples.some((s) => s.detected?.mismatch || s.flaggedBy.length > 0);
  return html`
  <div class="cell deferred ${mismatch ? 'mismatch' : ''}" role="cell" data-lang="${l.language.tag}" data-system="${system}">
    ${cell.samples.map((sample) => sampleBlock(l, system, sample, cell.samples.length > 1))}
  </div>`;
}

function sampleBlock(l: GridLanguageView, system: string, sample: SampleView, showSeed: boolean): Html {
  const detected = sample.detected?.language.tag;
  const language: LanguageView =
    sample.detected && detected !== 'und' && detected !== 'mul' ? sample.detected.language : l.language;
  const pairs = l.pairJudgments.filter((p) => p.systemA === system || p.systemB === system);
  const humanPairs = l.humanPairs.filter((p) => p.systemA === system || p.systemB === system);
  return html`
    <div class="sample">
      <div class="meta">
        ${showSeed ? html`<span class="chip">${w.t('seed', sample.seed)}</span>` : ''}
        ${detectionChip(sample)}
        ${sample.flaggedBy.length ? html`<span class="chip warning" title="${w.t('flaggedTitle', sample.flaggedBy.join(', '))}">${icon('report')} ${w.t('flagged', sample.flaggedBy.length)}</span>` : ''}
        ${sample.languageLabels.map((lab) => html`<span class="chip" title="${w.t('saysLanguage', lab.annotator, lab.value)}">${icon('person')} ${lab.value}</span>`)}
        ${sample.scores.map(scoreChip)}
        ${sample.ratings.map((r) => html`<span class="chip rating rating-${r.value}" title="${r.annotator}${r.comment ? `: ${r.comment}` : ''}">${icon('person')} ${r.annotator}: ${r.value}</span>`)}
      </div>
      <div class="response markdown" ${langAttrs(language)}>${sample.html === '' ? html`<p class="muted">${w.t('emptyResponse')}</p>` : bidiMarkup(sample.html, directionOf(l.language))}</div>
      ${reasoning(sample.scores, pairs, humanPairs, system)}
    </div>`;
}

function detectionChip(sample: SampleView): Html {
  const d = sample.detected;
  if (!d) return html``;
  const title =
    d.confidence === null
      ? w.t('detected', d.detector, d.language.name)
      : w.t('detectedWithConfidence', d.detector, d.language.name, w.number(Math.round(d.confidence * 100)));
  if (d.parts?.length) {
    const shares = d.parts.map((p) => `${p.language.tag} ${w.percent(p.share, 0)}`).join(' · ');
    const names = d.parts.map((p) => `${p.language.name} ${w.percent(p.share, 0)}`).join(', ');
    return html`<span class="chip language-mixed" title="${w.t('mixedAnswer', d.detector, names)}">${icon('globe')} mul: ${shares}</span>`;
  }
  return d.mismatch
    ? html`<span class="chip warning language-mismatch" title="${w.t('notPromptLanguage', title)}">${icon('warning')} ${d.language.tag}</span>`
    : html`<span class="chip" title="${title}">${icon('globe')} ${d.language.tag}</span>`;
}

function scoreChip(s: ScoreView): Html {
  const text = s.score === null ? w.t('invalid') : `${s.score}/${s.max}`;
  return html`<span class="chip score ${s.score === null ? 'warning' : ''}" title="${w.t('scoreTitle', s.judge, s.scale, s.min, s.max)}">${icon('law')} ${s.judge}: ${text}</span>`;
}

/** What this system got in each pair, from its own side: win, loss or tie. */
function outcomeFor(system: string, verdict: Verdict | undefined, systemA: string): string {
  if (verdict === undefined) return w.t('notJudged');
  if (verdict === 'tie' || verdict === 'invalid') return w.t(verdict);
  return (verdict === 'A') === (systemA === system) ? w.t('win') : w.t('loss');
}

function reasoning(
  scores: readonly ScoreView[],
  pairs: readonly PairJudgmentView[],
  humanPairs: readonly HumanPairView[],
  system: string,
): Html {
  if (scores.length + pairs.length + humanPairs.length === 0) return html``;
  const summary = pairs.length ? ` · ${pairs.map((p) => outcomeFor(system, p.combined, p.systemA)).join(', ')}` : '';
  return html`
  <details class="reasoning">
    <summary>${w.t('judgesAndLabels')}${summary}</summary>
    ${scores.map((s) => html`<div class="reason">${w.h('scoreReason', html`<strong>${s.judge}</strong>`, s.score ?? w.t('invalid'), s.scale)}${s.reasoning ? html`<div class="plain">${s.reasoning}</div>` : ''}${s.score === null && s.raw ? html`<div class="plain muted">${w.t('rawAnswer', s.raw)}</div>` : ''}</div>`)}
    ${pairs.map((p) => {
      const other = p.systemA === system ? p.systemB : p.systemA;
      return html`<div class="reason">${w.h('versus', html`<strong>${p.judge}</strong>`, other, html`<span class="outcome">${outcomeFor(system, p.combined, p.systemA)}</span>`)}
        ${p.orders.map((o) => html`<div class="order"><span class="muted">${o.order === 'AB' ? w.t('orderFirst', p.systemA) : o.order === 'BA' ? w.t('orderFirst', p.systemB) : w.t('orderCombined')}</span> ${outcomeFor(system, o.verdict, p.systemA)}${o.reasoning ? html`<div class="plain">${o.reasoning}</div>` : ''}${o.verdict === 'invalid' && o.raw ? html`<div class="plain muted">${w.t('rawAnswer', o.raw)}</div>` : ''}</div>`)}</div>`;
    })}
    ${humanPairs.map((h) => {
      const other = h.systemA === system ? h.systemB : h.systemA;
      return html`<div class="reason">${icon('person')} ${w.h('versus', html`<strong>${h.annotator}</strong>`, other, outcomeFor(system, h.value as Verdict, h.systemA))}${h.comment ? html` <span class="muted">${w.t('quoted', h.comment)}</span>` : ''}</div>`;
    })}
  </details>`;
}

function pairTable(pairs: readonly PairJudgmentView[]): Html {
  return html`
  <details class="reasoning pairs">
    <summary>${w.t('pairwiseVerdicts', pairs.length)}</summary>
    <ul class="pair-list">${pairs.map((p) => html`<li>${w.h('pairVerdict', p.judge, p.systemA, p.systemB, html`<strong>${verdictText(p)}</strong>`)}</li>`)}</ul>
  </details>`;
}

function verdictText(p: PairJudgmentView): string {
  switch (p.combined) {
    case 'A':
      return w.t('better', p.systemA);
    case 'B':
      return w.t('better', p.systemB);
    case 'tie':
      return w.t('tie');
    case 'invalid':
      return w.t('invalidAnswer');
    default:
      return w.t('notJudged');
  }
}
