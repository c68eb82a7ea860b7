// The items behind a chart's mark (protocols.md §7: "click from any number to the items behind it"): the prompt
// groups a cell of a score chart rests on, each with what counted there, read with the same queries as its table.
// The judge-vs-humans chart's marks are the dashboard's figures: their items come from metrics/audit, not here.
import { effectiveLanguages } from '../languages/effectiveLanguage';
import { judgedPairs, parseBaseline } from '../metrics/scores';
import { itemVerdict } from '../model/verdicts';
import type { TableOptions } from '../report/tableSource';
import type { ResponseFilter } from '../store/languageQueries';
import { humanRatings, pointwiseScores } from '../store/scoreQueries';
import type { Store } from '../store/store';
import { naturalCompare } from '../util/naturalCompare';
import { CoreError, msg } from '../util/message';

/** A clicked mark: the chart and what its datum names. */
export interface MarkTarget {
  readonly chart: string;
  readonly lang: string;
  readonly run: string | null;
  readonly turn: number | null;
  readonly judge: string | null;
  readonly system: string | null;
  /** The datum's series (a rating, gated / ungated, a measure). */
  readonly series: string | null;
}

export interface MarkItem {
  readonly run: string;
  readonly group: string;
  readonly lang: string;
  readonly turn: number;
  readonly system: string | null;
  /** What counted for this item, in words ("AB: A, BA: tie → tie"; "excellent by noa"; "score 4, in en"). */
  readonly detail: string;
}

export interface MarkItems {
  readonly title: string;
  readonly summary: string;
  readonly items: readonly MarkItem[];
}

function filterOf(target: MarkTarget, options: TableOptions): ResponseFilter {
  const run = target.run ?? options.run;
  return {
    ...(run !== undefined ? { run } : {}),
    languages: [target.lang],
    ...(target.turn !== null ? { turns: [target.turn] } : options.turns ? { turns: options.turns } : {}),
    ...(target.system !== null ? { systems: [target.system] } : {}),
  };
}

const byGroup = (a: MarkItem, b: MarkItem) =>
  a.run.localeCompare(b.run) ||
  a.turn - b.turn ||
  naturalCompare(a.group, b.group) ||
  (a.system ?? '').localeCompare(b.system ?? '');

async function pairsOf(store: Store, target: MarkTarget, options: TableOptions) {
  const { systems: _systems, ...filter } = filterOf(target, options);
  return judgedPairs(
    await store.judgeVerdicts({ ...filter, ...(target.judge !== null ? { judges: [target.judge] } : {}) }),
  ).filter((p) => target.judge === null || p.judge === target.judge);
}

function ordersText(orders: readonly { order: string; verdict: string }[]): string {
  const combined = itemVerdict(orders as never);
  return `${orders.map((o) => `${o.order}: ${o.verdict}`).join(', ')} → ${combined ?? 'invalid'}`;
}

async function heatmapItems(store: Store, target: MarkTarget, options: TableOptions): Promise<MarkItem[]> {
  if (options.baseline === undefined) throw new CoreError(msg('the heatmap needs a baseline'));
  const baseline = parseBaseline(options.baseline).baselineFor(target.lang);
  return (await pairsOf(store, target, options))
    .filter(
      (p) =>
        (p.systemA === target.system && p.systemB === baseline) ||
        (p.systemB === target.system && p.systemA === baseline),
    )
    .map((p) => ({
      run: p.run,
      group: p.group,
      lang: p.lang,
      turn: p.turn,
      system: target.system,
      detail: `${p.systemA} (A) vs ${p.systemB} (B): ${ordersText(p.orders)}`,
    }));
}

async function consistencyItems(store: Store, target: MarkTarget, options: TableOptions): Promise<MarkItem[]> {
  return (await pairsOf(store, target, options)).map((p) => ({
    run: p.run,
    group: p.group,
    lang: p.lang,
    turn: p.turn,
    system: null,
    detail: `${p.systemA} vs ${p.systemB}: ${ordersText(p.orders)}`,
  }));
}

async function ratingItems(store: Store, target: MarkTarget, options: TableOptions): Promise<MarkItem[]> {
  return (await humanRatings(store, filterOf(target, options)))
    .filter((r) => target.series === null || r.rating === target.series)
    .map((r) => ({
      run: r.run,
      group: r.group,
      lang: r.lang,
      turn: r.turn,
      system: r.system,
      detail: `${r.rating} by ${r.annotator}${r.seed ? `, seed ${r.seed}` : ''}`,
    }));
}

async function scoreItems(store: Store, target: MarkTarget, options: TableOptions, scale: string): Promise<MarkItem[]> {
  const rows = await pointwiseScores(store, {
    ...filterOf(target, options),
    scale,
    ...(target.judge !== null ? { judges: [target.judge] } : {}),
  });
  return rows.map((r) => ({
    run: r.run,
    group: r.group,
    lang: r.lang,
    turn: r.turn,
    system: r.system,
    detail: `${r.judge}: ${r.score === null ? 'unparsable' : `score ${r.score}`}${r.seed ? `, seed ${r.seed}` : ''}`,
  }));
}

async function languageItems(store: Store, target: MarkTarget, options: TableOptions): Promise<MarkItem[]> {
  return (await effectiveLanguages(store, filterOf(target, options))).map((r) => ({
    run: r.run,
    group: r.group,
    lang: r.lang,
    turn: r.turn,
    system: r.system,
    detail: `${r.outcome}${r.effective ? ` (${r.effective})` : ''}${r.seed ? `, seed ${r.seed}` : ''}`,
  }));
}

const LOADERS: Record<string, (store: Store, target: MarkTarget, options: TableOptions) => Promise<MarkItem[]>> = {
  'if-heatmap': heatmapItems,
  'judge-consistency': consistencyItems,
  ratings: ratingItems,
  likert: (s, t, o) => scoreItems(s, t, o, 'likert-6'),
  'language-penalty': (s, t, o) => scoreItems(s, t, o, 'rating-3'),
  'io-agreement': languageItems,
};

/** The items behind a mark of a score chart, in the prompt groups' order. */
export async function itemsBehindMark(store: Store, target: MarkTarget, options: TableOptions): Promise<MarkItems> {
  const load = LOADERS[target.chart];
  if (!load) throw new CoreError(msg("the {0} chart's marks have no item list here", target.chart));
  const items = (await load(store, target, options)).sort(byGroup);
  const where = [target.lang, target.system, target.judge, target.series]
    .filter((x): x is string => x !== null)
    .join(', ');
  return { title: `${target.chart}: ${where}`, summary: `${items.length} item(s) behind this mark.`, items };
}
