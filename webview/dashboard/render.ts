// The dashboard as HTML strings: a toolbar, one table of figures per language with interval bars, and the list of
// items behind a clicked number. Pure functions of what the host sent; no figure is computed here.
import { html, Html, icon, langAttrs } from '../shared/html';
import type { DashboardFigure } from '../../shared/protocol/audit';
import type { LanguageView } from '../../shared/protocol/common';
import type {
  ComparisonFiguresView,
  DashboardGroupView,
  DashboardView,
  DifferenceVerdictView,
  DifferenceView,
  EstimateView,
  DashboardPhrase,
} from '../../shared/protocol/dashboard';
import { w } from './words';

const FIGURE_ORDER: readonly DashboardFigure[] = ['withTie', 'withoutTie', 'lima'];
const figureLabel = (f: DashboardFigure) => w.t(f);

// Figures as percentages without the sign (the columns say %), in the page's language: "57,1" in Spanish.
const pct = (v: number | null) => (v === null ? '–' : w.number(v * 100, 1));
const count = (n: number) => w.number(n);

export function toolbar(view: DashboardView | undefined): Html {
  const intervals = view?.intervals;
  return html`
  <header class="toolbar" role="toolbar" aria-label="${w.t('toolbar')}">
    <h1 class="title">${w.t('heading')} <span class="muted">${view ? view.run : ''}</span></h1>
    <span class="muted" id="intervals-state" data-pending="${intervals?.pending ? 'true' : 'false'}">${intervalsText(intervals)}</span>
    <span class="spacer"></span>
    <vscode-button secondary icon="refresh" id="refresh" title="${w.t('refreshTitle')}">${w.t('refresh')}</vscode-button>
    <vscode-button secondary icon="list-selection" id="choose-run" title="${w.t('chooseRunTitle')}">${w.t('chooseRun')}</vscode-button>
    <vscode-button secondary icon="graph-line" id="open-charts" title="${w.t('chartsTitle')}">${w.t('charts')}</vscode-button>
    <vscode-button icon="export" id="export" title="${w.t('exportTitle')}">${w.t('export')}</vscode-button>
    ${view ? filterBar(view) : ''}
  </header>`;
}

const spinner = () => html`<span class="codicon codicon-loading codicon-modifier-spin" aria-hidden="true"></span>`;

function intervalsText(intervals: DashboardView['intervals'] | undefined): Html | string {
  if (!intervals) return w.t('noIntervals');
  const level = w.number(Math.round(intervals.level * 100));
  return intervals.pending
    ? html`${spinner()} ${w.t('intervalsPending', level, count(intervals.resamples))}`
    : w.t('intervals', level, count(intervals.resamples), intervals.seed);
}

/** Which annotators' votes and which judges the figures use, and what an unparsable verdict counts as. */
function filterBar(view: DashboardView): Html {
  const { filters, choices } = view;
  const used = view.annotatorsUsed;
  return html`
    <form class="filter-bar" id="filters" role="group" aria-label="${w.t('filters')}">
      <label class="filter-field">${icon('person')} ${w.t('annotators')}
        <input type="text" id="annotator-pattern" value="${filters.annotators ?? ''}" placeholder="${w.t('annotatorsPlaceholder')}" spellcheck="false"
          title="${w.t('annotatorsTitle')}">
      </label>
      <span class="muted" id="annotators-used" title="${used.join(', ')}">${w.t('annotatorsUsed', used.length, choices.annotators.length)}</span>
      <span class="filter-field" role="group" aria-label="${w.t('judges')}">${icon('law')} ${w.t('judges')}
        ${choices.judges.map((j) => html`<vscode-checkbox class="filter-judge" value="${j}" label="${j}" ${filters.judges === null || filters.judges.includes(j) ? 'checked' : ''}></vscode-checkbox>`)}
      </span>
      <label class="filter-field">${w.t('unparsableVerdicts')}
        <select id="invalid-as">
          <option value="exclude" ${filters.invalidAs === 'exclude' ? 'selected' : ''}>${w.t('leftOut')}</option>
          <option value="tie" ${filters.invalidAs === 'tie' ? 'selected' : ''}>${w.t('countAsTies')}</option>
        </select>
      </label>
      <vscode-button secondary id="apply-filters" title="${w.t('applyTitle')}">${w.t('apply')}</vscode-button>
    </form>`;
}

/** The language's own name in its own script, beside the English one (lang and dir so it renders right). */
function autonym(language: LanguageView): Html {
  let own: string | undefined;
  try {
    own = new Intl.DisplayNames([language.tag], { type: 'language' }).of(language.tag);
  } catch {
    own = undefined;
  }
  return own && own.toLowerCase() !== language.name.toLowerCase()
    ? html` <span class="autonym" ${langAttrs(language)}>${own}</span>`
    : html``;
}

export function dashboard(view: DashboardView): Html {
  if (view.groups.length === 0) {
    return html`<p class="empty">${w.t('noFigures', view.run)}</p>`;
  }
  const flagged = view.groups.filter((g) => g.flagged);
  return html` <p class="verdict ${flagged.length ? 'warn' : ''}" role="status">
      ${
        flagged.length
          ? html`${icon('warning')}<span
                >${w.h(
                  'judgeBelowIn',
                  html`${flagged.map((g, i) => html`${i ? ', ' : ''}<strong>${groupName(g)}</strong>`)}`,
                )}</span
              >`
          : view.intervals?.pending
            ? html`${spinner()}<span>${w.t('verdictPending')}</span>`
            : differenceSummary(view)
      }
    </p>
    ${
      view.chart
        ? html`<figure class="dashboard-chart">
            <div class="vega" id="dashboard-chart" aria-label="${w.t('chartLabel')}"></div>
            <figcaption class="muted">${w.t('chartCaption')}</figcaption>
          </figure>`
        : ''
    }
    <table class="dashboard-table">
      <thead>
        <tr>
          <th scope="col">${w.t('language')}</th>
          <th scope="col">${w.t('comparison')}</th>
          ${FIGURE_ORDER.map((f) => html`<th scope="col" class="figure-head">${w.t('figureHead', figureLabel(f))}</th>`)}
          <th scope="col" class="num">${w.t('items')}</th>
          <th scope="col">${w.t('judgeErrors')}</th>
          <th scope="col" class="minus-head" title="${w.t('minusHumansTitle')}">${w.t('minusHumans')}</th>
        </tr>
      </thead>
      ${view.groups.map((g) => groupRows(g))}
    </table>
    <p class="legend">
      ${legendBar()} ${w.t('legend')}
    </p>
    <ul class="notes">
      ${view.notes.map((n) => html`<li>${n}</li>`)}
    </ul>
    ${view.annotators ? annotatorSection(view.annotators) : ''}`;
}

function groupName(g: DashboardGroupView): string {
  return [g.language.name, ...(g.turn !== null ? [w.t('turn', g.turn)] : []), ...(g.run !== null ? [g.run] : [])].join(
    ', ',
  );
}

function groupRows(g: DashboardGroupView): Html {
  const rows = [...g.judges, ...(g.humans ? [g.humans] : [])];
  const span = rows.length;
  return html`<tbody class="group ${g.flagged ? 'flagged' : ''}" data-lang="${g.language.tag}">
    ${rows.map(
      (r, i) =>
        html` <tr class="${r.judge === null ? 'humans' : 'judge'}">
          ${
            i === 0
              ? html`<th scope="rowgroup" rowspan="${span}" class="lang-cell">
                  <span class="lang-name">${g.language.name}</span>${autonym(g.language)}
                  <code class="tag">${g.language.tag}</code>
                  ${g.turn !== null ? html`<div class="muted">${w.t('turn', g.turn)}</div>` : ''}${g.run !== null ? html`<div class="muted">${g.run}</div>` : ''}
                  ${g.flagged ? html`<div class="flag-badge">${icon('warning')} ${w.t('judgeBelowBadge')}</div>` : ''}
                </th>`
              : ''
          }
          <th scope="row" class="comparison">
            ${r.judge === null ? html`<span class="muted">${w.t('humanVsHuman')}</span>` : html`${r.judge} <span class="muted">${w.t('vsHumans')}</span>`}
          </th>
          ${FIGURE_ORDER.map((f) => figureCell(g, r, f, r.judge === null ? undefined : g.humans?.figures[f]))}
          <td class="num">
            ${count(r.items)}${r.invalid ? html`<div class="muted" title="${w.t('invalidLeftOut')}">${w.t('invalidCount', count(r.invalid))}</div>` : ''}
          </td>
          <td>
            ${r.judge === null ? '' : r.errors ? html`<button class="link audit-errors" ${targetAttrs(g, r.judge, 'errors')}>${icon('search')} ${w.t('errorItems', count(r.errors))}</button>` : html`<span class="muted">${w.t('none')}</span>`}
          </td>
          <td class="minus">${r.minusHumans ? minusHumansCell(r.minusHumans) : ''}</td>
        </tr>`,
    )}
  </tbody>`;
}

function targetAttrs(g: DashboardGroupView, judge: string | null, list: DashboardFigure | 'errors'): Html {
  return html`data-lang="${g.language.tag}" data-turn="${g.turn ?? ''}" data-run="${g.run ?? ''}" data-judge="${judge ?? ''}" data-humans="${judge === null}" data-list="${list}"`;
}

function figureCell(
  g: DashboardGroupView,
  r: ComparisonFiguresView,
  f: DashboardFigure,
  humans: EstimateView | undefined,
): Html {
  const e = r.figures[f];
  const below = r.below[f];
  const interval = e.lower !== null && e.upper !== null ? `[${pct(e.lower)}, ${pct(e.upper)}]` : '';
  const details = `${interval ? w.t('figureInterval', interval) : ''}${below ? w.t('figureBelow') : ''}`;
  const label = w.t('figureLabel', figureLabel(f), pct(e.value), count(e.n), details);
  if (e.n === 0) return html`<td class="figure empty-figure"><span class="muted">${w.t('noPairs')}</span></td>`;
  return html`<td class="figure ${below ? 'below' : ''}">
    <button class="figure-button" ${targetAttrs(g, r.judge, f)} aria-label="${label}" title="${label}">
      <span class="value">${pct(e.value)}</span>${below ? icon('arrow-down', w.t('belowInterval')) : ''}
      <span class="n">${w.t('n', count(e.n))}</span>
      ${bar(e, humans)}
      <span class="interval">${interval}</span>
    </button></td>`;
}

/** A 0–100% track with the interval as a band and the figure as a mark (SVG attributes: no style attribute needed). */
function bar(e: EstimateView, humans: EstimateView | undefined): Html {
  const x = (v: number) => Math.max(0, Math.min(100, v * 100)).toFixed(2);
  const w = (a: number, b: number) => Math.max(0.8, (b - a) * 100).toFixed(2);
  return html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false" dir="ltr">
    <rect class="track" x="0" y="4" width="100" height="2"></rect>
    ${humans && humans.lower !== null && humans.upper !== null ? html`<rect class="humans-band" x="${x(humans.lower)}" y="1" width="${w(humans.lower, humans.upper)}" height="8"></rect>` : ''}
    ${e.lower !== null && e.upper !== null ? html`<rect class="ci" x="${x(e.lower)}" y="3" width="${w(e.lower, e.upper)}" height="4"></rect>` : ''}
    ${e.value !== null ? html`<rect class="point" x="${(Number(x(e.value)) - 0.75).toFixed(2)}" y="0" width="1.5" height="10"></rect>` : ''}
  </svg>`;
}

function legendBar(): Html {
  return bar({ value: 0.62, n: 0, lower: 0.5, upper: 0.72 }, { value: 0.8, n: 0, lower: 0.7, upper: 0.9 });
}

const VERDICT_WORDS = {
  below: 'below',
  above: 'above',
  'no-difference-shown': 'noDifference',
  'too-few': 'tooFew',
} as const satisfies Record<DifferenceVerdictView, DashboardPhrase>;

const signed = (v: number | null) =>
  v === null ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${w.number(Math.abs(v * 100), 1)}`;

/** The verdict line when no language is flagged: where the data cannot tell, said so, never "all fine". */
function differenceSummary(view: DashboardView): Html {
  const verdicts = (g: DashboardGroupView) =>
    g.judges.flatMap((j) => (j.minusHumans ? FIGURE_ORDER.map((f) => j.minusHumans![f].verdict) : []));
  const tooFew = view.groups.filter((g) => verdicts(g).includes('too-few'));
  const told = view.groups.filter((g) => !tooFew.includes(g));
  return html`${icon(tooFew.length ? 'question' : 'pass')}<span
      >${
        tooFew.length
          ? w.h(
              'tooFewIn',
              html`${tooFew.map((g, i) => html`${i ? ', ' : ''}<strong class="too-few-lang">${groupName(g)}</strong>`)}`,
            )
          : ''
      }
      ${told.length ? (tooFew.length ? w.t('noOtherBelow') : w.t('noneBelow')) : ''}</span
    >`;
}

function minusHumansCell(m: Readonly<Record<DashboardFigure, DifferenceView>>): Html {
  return html`<ul class="minus-list">
    ${FIGURE_ORDER.map((f) => {
      const d = m[f];
      const interval = d.lower !== null && d.upper !== null ? `[${signed(d.lower)}, ${signed(d.upper)}]` : '';
      return html`<li
        class="minus-${d.verdict}"
        data-figure="${f}"
        data-verdict="${d.verdict}"
        title="${w.t('minusTitle', figureLabel(f), signed(d.value), interval, count(d.n))}"
      >
        <span class="muted">${w.t(SHORT_LABELS[f])}</span> ${signed(d.value)} <span class="interval">${interval}</span>
        <strong>${w.t(VERDICT_WORDS[d.verdict])}</strong>
      </li>`;
    })}
  </ul>`;
}

const SHORT_LABELS = {
  withTie: 'withTieShort',
  withoutTie: 'withoutTieShort',
  lima: 'limaShort',
} as const satisfies Record<DashboardFigure, DashboardPhrase>;

function estimateText(e: EstimateView): Html {
  if (e.n === 0 || e.value === null) return html`<span class="muted">–</span>`;
  const interval = e.lower !== null && e.upper !== null ? `[${pct(e.lower)}, ${pct(e.upper)}]` : '';
  return html`${pct(e.value)} <span class="interval">${interval}</span> <span class="n">${w.t('n', count(e.n))}</span>`;
}

/** The lead's view: each annotator per language, as the core's annotator-scores computes it. */
function annotatorSection(section: NonNullable<DashboardView['annotators']>): Html {
  if (section.rows.length === 0) return html``;
  return html`<section class="annotators" aria-label="${w.t('annotators')}">
    <h2>${w.t('annotatorsHeading')}</h2>
    <table class="annotator-table">
      <thead>
        <tr>
          <th scope="col">${w.t('language')}</th>
          <th scope="col">${w.t('annotator')}</th>
          <th scope="col" class="num">${w.t('items')}</th>
          <th scope="col">${w.t('goldAccuracy')}</th>
          <th scope="col">${w.t('withOthers')}</th>
          <th scope="col">${w.t('withMajority')}</th>
          <th scope="col" class="num">${w.t('medianTime')}</th>
          <th scope="col" class="num">${w.t('fastLabels')}</th>
        </tr>
      </thead>
      <tbody>
        ${section.rows.map(
          (r) =>
            html`<tr
              class="annotator-row ${r.fast > 0 ? 'has-fast' : ''}"
              data-lang="${r.language.tag}"
              data-annotator="${r.annotator}"
            >
              <th scope="row">${r.language.name}</th>
              <td>${r.annotator}</td>
              <td class="num">${count(r.items)}</td>
              <td class="gold">${estimateText(r.goldAccuracy)}</td>
              <td>${estimateText(r.withOthers)}</td>
              <td>${estimateText(r.withMajority)}</td>
              <td class="num">
                ${r.medianTimeMs === null ? html`<span class="muted">–</span>` : w.t('seconds', w.number(r.medianTimeMs / 1000, 1))}
              </td>
              <td class="num fast">
                ${r.fast > 0 ? html`${icon('warning')} ${w.t('fastOf', count(r.fast), count(r.timed))}` : r.timed ? w.t('fastOf', count(0), count(r.timed)) : html`<span class="muted">–</span>`}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    <ul class="notes">
      ${section.notes.map((n) => html`<li>${n}</li>`)}
    </ul>
  </section>`;
}
