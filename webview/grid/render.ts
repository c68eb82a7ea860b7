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
  return html`
  <header class="toolbar" role="toolbar" aria-label="Prompt group">
    <div class="toolbar-row">
      <vscode-button secondary icon="arrow-left" id="previous" title="Previous prompt group ( [ )" ${view.position.index <= 0 ? 'disabled' : ''}>Previous</vscode-button>
      <vscode-button secondary icon="arrow-right" id="next" title="Next prompt group ( ] )" ${view.position.index >= view.position.count - 1 ? 'disabled' : ''}>Next</vscode-button>
      <h1 class="title"><span class="group-name">${view.group}</span> <span class="muted">${view.run} · ${view.position.index + 1} of ${view.position.count}</span></h1>
      ${
        view.turns.length > 1
          ? html`<span class="turns" role="group" aria-label="Turn">${view.turns.map(
              (t) => html`
        <vscode-button ${t === view.turn ? '' : 'secondary'} class="turn" data-turn="${t}">Turn ${t}</vscode-button>`,
            )}</span>`
          : ''
      }
      <span class="spacer"></span>
      <span class="layout-switch" role="group" aria-label="Layout">
        <vscode-button id="layout-languages" ${byLanguage ? '' : 'secondary'} icon="list-flat" title="Languages as rows (L)" aria-pressed="${byLanguage}">Languages as rows</vscode-button>
        <vscode-button id="layout-systems" ${byLanguage ? 'secondary' : ''} icon="list-tree" title="Systems as rows (L)" aria-pressed="${!byLanguage}">Systems as rows</vscode-button>
      </span>
    </div>
    <details class="filters" ${prefs.hiddenLanguages.length + prefs.hiddenSystems.length > 0 ? 'open' : ''}>
      <summary>${icon('filter')} Showing ${
        view.languages.length -
        hiddenCount(
          view.languages.map((l) => l.language.tag),
          prefs.hiddenLanguages,
        )
      } of ${view.languages.length} languages, ${view.systems.length - hiddenCount(view.systems, prefs.hiddenSystems)} of ${view.systems.length} systems</summary>
      <div class="filter-group" role="group" aria-label="Languages">
        <span class="filter-label">Languages</span>
        ${view.languages.map((l) => html`<vscode-checkbox class="filter-language" value="${l.language.tag}" label="${l.language.tag}" title="${l.language.name}" ${prefs.hiddenLanguages.includes(l.language.tag) ? '' : 'checked'}></vscode-checkbox>`)}
      </div>
      <div class="filter-group" role="group" aria-label="Systems">
        <span class="filter-label">Systems</span>
        ${view.systems.map((s) => html`<vscode-checkbox class="filter-system" value="${s}" label="${s}" ${prefs.hiddenSystems.includes(s) ? '' : 'checked'}></vscode-checkbox>`)}
      </div>
      <vscode-button secondary id="show-all" title="Show every language and system">Show all</vscode-button>
    </details>
  </header>`;
}

function hiddenCount(all: readonly string[], hidden: readonly string[]): number {
  return all.filter((x) => hidden.includes(x)).length;
}

export function grid(view: GridView, prefs: GridPreferences): Html {
  const shown = shownParts(view, prefs);
  if (shown.languages.length === 0 || shown.systems.length === 0) {
    return html`<p class="empty">Nothing to show: every language or every system is filtered out.</p>`;
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
  <div class="response-grid" role="table" aria-label="Responses, one row per language" data-columns="${shown.systems.length}">
    <div class="row header" role="row">
      <div class="corner" role="columnheader">Prompt</div>
      ${shown.systems.map((s) => html`<div class="column-header" role="columnheader">${s}</div>`)}
    </div>
    ${shown.languages.map(
      (l) => html`
    <div class="row ${view.focusLanguage === l.language.tag ? 'focus' : ''}" role="row" data-lang="${l.language.tag}">
      <div class="row-header prompt-cell" role="rowheader">${promptBlock(l, true)}</div>
      ${shown.systems.map((s) => responseCell(l, s, cellOf(l.language.tag, s)))}
    </div>`,
    )}
  </div>`;
}

function systemsAsRows(view: GridView, shown: Shown, cellOf: CellOf): Html {
  return html`
  <div class="response-grid" role="table" aria-label="Responses, one row per system" data-columns="${shown.languages.length}">
    <div class="row header" role="row">
      <div class="corner" role="columnheader">System</div>
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
    <div class="language-name"><strong>${l.language.name}</strong> <span class="muted">${l.language.tag}</span>${l.language.rtl ? html` <span class="chip" title="written right to left">RTL</span>` : ''}</div>
    ${
      l.prompt === null
        ? html`<p class="muted">No prompt text in this language.</p>`
        : html`<div class="prompt markdown" ${langAttrs(l.language)}>
            ${bidiMarkup(l.prompt, directionOf(l.language))}
          </div>`
    }
    ${withJudgments && l.pairJudgments.length ? pairTable(l.pairJudgments) : ''}`;
}

function responseCell(l: GridLanguageView, system: string, cell: GridCellView | undefined): Html {
  if (!cell) return html`<div class="cell missing" role="cell"><span class="muted">no response</span></div>`;
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
        ${showSeed ? html`<span class="chip">seed ${sample.seed}</span>` : ''}
        ${detectionChip(sample)}
        ${sample.flaggedBy.length ? html`<span class="chip warning" title="Flagged as not in the prompt's language by ${sample.flaggedBy.join(', ')}">${icon('report')} flagged ×${sample.flaggedBy.length}</span>` : ''}
        ${sample.languageLabels.map((lab) => html`<span class="chip" title="${lab.annotator} says this response is in ${lab.value}">${icon('person')} ${lab.value}</span>`)}
        ${sample.scores.map(scoreChip)}
        ${sample.ratings.map((r) => html`<span class="chip rating rating-${r.value}" title="${r.annotator}${r.comment ? `: ${r.comment}` : ''}">${icon('person')} ${r.annotator}: ${r.value}</span>`)}
      </div>
      <div class="response markdown" ${langAttrs(language)}>${sample.html === '' ? html`<p class="muted">(empty response)</p>` : bidiMarkup(sample.html, directionOf(l.language))}</div>
      ${reasoning(sample.scores, pairs, humanPairs, system)}
    </div>`;
}

function detectionChip(sample: SampleView): Html {
  const d = sample.detected;
  if (!d) return html``;
  const confidence = d.confidence === null ? '' : ` (${Math.round(d.confidence * 100)}%)`;
  const title = `${d.detector} detected ${d.language.name}${confidence}`;
  if (d.parts?.length) {
    const shares = d.parts.map((p) => `${p.language.tag} ${Math.round(p.share * 100)}%`).join(' · ');
    const names = d.parts.map((p) => `${p.language.name} ${Math.round(p.share * 100)}%`).join(', ');
    return html`<span class="chip language-mixed" title="${d.detector}: a mixed answer (${names})">${icon('globe')} mul: ${shares}</span>`;
  }
  return d.mismatch
    ? html`<span class="chip warning language-mismatch" title="${title}: not the prompt's language">${icon('warning')} ${d.language.tag}</span>`
    : html`<span class="chip" title="${title}">${icon('globe')} ${d.language.tag}</span>`;
}

function scoreChip(s: ScoreView): Html {
  const text = s.score === null ? 'invalid' : `${s.score}/${s.max}`;
  return html`<span class="chip score ${s.score === null ? 'warning' : ''}" title="${s.judge} on ${s.scale} (${s.min} to ${s.max})">${icon('law')} ${s.judge}: ${text}</span>`;
}

/** What this system got in each pair, from its own side: win, loss or tie. */
function outcomeFor(system: string, verdict: Verdict | undefined, systemA: string): string {
  if (verdict === undefined) return 'not judged';
  if (verdict === 'tie' || verdict === 'invalid') return verdict;
  return (verdict === 'A') === (systemA === system) ? 'win' : 'loss';
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
    <summary>Judges and labels${summary}</summary>
    ${scores.map((s) => html`<div class="reason"><strong>${s.judge}</strong> ${s.score ?? 'invalid'} on ${s.scale}${s.reasoning ? html`<div class="plain">${s.reasoning}</div>` : ''}${s.score === null && s.raw ? html`<div class="plain muted">Raw answer: ${s.raw}</div>` : ''}</div>`)}
    ${pairs.map((p) => {
      const other = p.systemA === system ? p.systemB : p.systemA;
      return html`<div class="reason"><strong>${p.judge}</strong> vs ${other}: <span class="outcome">${outcomeFor(system, p.combined, p.systemA)}</span>
        ${p.orders.map((o) => html`<div class="order"><span class="muted">order ${o.order === 'AB' ? `${p.systemA} first` : o.order === 'BA' ? `${p.systemB} first` : 'combined'}:</span> ${outcomeFor(system, o.verdict, p.systemA)}${o.reasoning ? html`<div class="plain">${o.reasoning}</div>` : ''}${o.verdict === 'invalid' && o.raw ? html`<div class="plain muted">Raw answer: ${o.raw}</div>` : ''}</div>`)}</div>`;
    })}
    ${humanPairs.map((h) => {
      const other = h.systemA === system ? h.systemB : h.systemA;
      return html`<div class="reason">${icon('person')} <strong>${h.annotator}</strong> vs ${other}: ${outcomeFor(system, h.value as Verdict, h.systemA)}${h.comment ? html` <span class="muted">“${h.comment}”</span>` : ''}</div>`;
    })}
  </details>`;
}

function pairTable(pairs: readonly PairJudgmentView[]): Html {
  return html`
  <details class="reasoning pairs">
    <summary>${pairs.length} pairwise verdict${pairs.length === 1 ? '' : 's'}</summary>
    <ul class="pair-list">${pairs.map((p) => html`<li>${p.judge}: ${p.systemA} vs ${p.systemB} → <strong>${verdictText(p)}</strong></li>`)}</ul>
  </details>`;
}

function verdictText(p: PairJudgmentView): string {
  switch (p.combined) {
    case 'A':
      return `${p.systemA} better`;
    case 'B':
      return `${p.systemB} better`;
    case 'tie':
      return 'tie';
    case 'invalid':
      return 'invalid answer';
    default:
      return 'not judged';
  }
}
