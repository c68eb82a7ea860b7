// The items behind a chart's mark (protocols.md §7: "click from any number to the items behind it"): the prompt
// groups a cell of a score chart rests on, each with what counted there, read with the same queries as its table.
// The judge-vs-humans chart's marks are the dashboard's figures: their items come from metrics/audit, not here.
import { effectiveLanguages, type LanguageOutcome } from '../languages/effectiveLanguage';
import { judgedPairs, parseBaseline } from '../metrics/scores';
import type { PairVerdict, PresentationOrder } from '../model/records';
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

/**
 * The words of a mark's list: its title and summary, and each item's detail. English for the CLI and the tests
 * (ENGLISH_MARK_WORDS), the display language's in the Charts panel (src/extension/charts/markWords.ts). Systems,
 * judges, annotators and a declared scale's levels are data; a pair's A and B and its orders AB / BA are symbols.
 */
export interface MarkWords {
  /** The list's heading: the chart and what the mark names. */
  readonly title: (target: MarkTarget) => string;
  readonly summary: (items: number) => string;
  /** A pair's verdicts per order and the verdict they make (undefined: none, its verdicts were unparsable). */
  readonly orders: (
    orders: readonly { readonly order: PresentationOrder; readonly verdict: PairVerdict }[],
    combined: PairVerdict | undefined,
  ) => string;
  /** A heatmap cell's pair, the first system shown as A. */
  readonly heatmapPair: (systemA: string, systemB: string, orders: string) => string;
  readonly pair: (systemA: string, systemB: string, orders: string) => string;
  readonly rated: (rating: string, annotator: string) => string;
  /** A judge's score, null when unparsable. */
  readonly scored: (judge: string, score: number | null) => string;
  /** A response's language outcome, with the effective language when there is one. */
  readonly language: (outcome: LanguageOutcome, effective: string | null) => string;
  /** A detail of a response of a later seed. */
  readonly withSeed: (detail: string, seed: number) => string;
}

export const ENGLISH_MARK_WORDS: MarkWords = {
  title: (target) =>
    `${target.chart}: ${[target.lang, target.system, target.judge, target.series].filter((x) => x !== null).join(', ')}`,
  summary: (items) => `${items} item(s) behind this mark.`,
  orders: (orders, combined) =>
    `${orders.map((o) => `${o.order}: ${o.verdict}`).join(', ')} → ${combined ?? 'invalid'}`,
  heatmapPair: (systemA, systemB, orders) => `${systemA} (A) vs ${systemB} (B): ${orders}`,
  pair: (systemA, systemB, orders) => `${systemA} vs ${systemB}: ${orders}`,
  rated: (rating, annotator) => `${rating} by ${annotator}`,
  scored: (judge, score) => `${judge}: ${score === null ? 'unparsable' : `score ${score}`}`,
  language: (outcome, effective) => `${outcome}${effective ? ` (${effective})` : ''}`,
  withSeed: (detail, seed) => `${detail}, seed ${seed}`,
};

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

function ordersText(orders: readonly { order: PresentationOrder; verdict: PairVerdict }[], words: MarkWords): string {
  return words.orders(orders, itemVerdict(orders as never));
}

/** A detail with its seed after it, for responses beyond the first seed. */
function seeded(detail: string, seed: number, words: MarkWords): string {
  return seed ? words.withSeed(detail, seed) : detail;
}

type Loader = (store: Store, target: MarkTarget, options: TableOptions, words: MarkWords) => Promise<MarkItem[]>;

const heatmapItems: Loader = async (store, target, options, words) => {
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
      detail: words.heatmapPair(p.systemA, p.systemB, ordersText(p.orders, words)),
    }));
};

const consistencyItems: Loader = async (store, target, options, words) =>
  (await pairsOf(store, target, options)).map((p) => ({
    run: p.run,
    group: p.group,
    lang: p.lang,
    turn: p.turn,
    system: null,
    detail: words.pair(p.systemA, p.systemB, ordersText(p.orders, words)),
  }));

const ratingItems: Loader = async (store, target, options, words) =>
  (await humanRatings(store, filterOf(target, options)))
    .filter((r) => target.series === null || r.rating === target.series)
    .map((r) => ({
      run: r.run,
      group: r.group,
      lang: r.lang,
      turn: r.turn,
      system: r.system,
      detail: seeded(words.rated(r.rating, r.annotator), r.seed, words),
    }));

async function scoreItems(
  store: Store,
  target: MarkTarget,
  options: TableOptions,
  words: MarkWords,
  scale: string,
): Promise<MarkItem[]> {
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
    detail: seeded(words.scored(r.judge, r.score), r.seed, words),
  }));
}

const languageItems: Loader = async (store, target, options, words) =>
  (await effectiveLanguages(store, filterOf(target, options))).map((r) => ({
    run: r.run,
    group: r.group,
    lang: r.lang,
    turn: r.turn,
    system: r.system,
    detail: seeded(words.language(r.outcome, r.effective), r.seed, words),
  }));

const LOADERS: Record<string, Loader> = {
  'if-heatmap': heatmapItems,
  'judge-consistency': consistencyItems,
  ratings: ratingItems,
  likert: (s, t, o, w) => scoreItems(s, t, o, w, 'likert-6'),
  'language-penalty': (s, t, o, w) => scoreItems(s, t, o, w, 'rating-3'),
  'io-agreement': languageItems,
};

/** The items behind a mark of a score chart, in the prompt groups' order, in these words. */
export async function itemsBehindMark(
  store: Store,
  target: MarkTarget,
  options: TableOptions,
  words: MarkWords = ENGLISH_MARK_WORDS,
): Promise<MarkItems> {
  const load = LOADERS[target.chart];
  if (!load) throw new CoreError(msg("the {0} chart's marks have no item list here", target.chart));
  const items = (await load(store, target, options, words)).sort(byGroup);
  return { title: words.title(target), summary: words.summary(items.length), items };
}
