// The runs explorer's SQL: prompt openings for its labels, and per language and prompt group how many items the
// annotator has labelled, how many responses were detected in another language, and how many were flagged.
import type { LanguageTag } from '../model/language';
import { ASSIGNED_ONLY, assignedParams } from './assignments';
import { connectionOf } from './connection';
import { packedRows, unpackRows } from './packedRows';
import type { Store } from './store';

/** Each prompt of a run in one language, whole: the explorer shows its opening, and all of it on hover. */
export function promptSnippets(
  store: Store,
  run: string,
  lang: string,
): Promise<{ group: string; turn: number; text: string | null }[]> {
  return connectionOf(store).all(
    `
    SELECT p.group_key AS "group", p.turn, p.text FROM prompts p JOIN runs r ON r.id = p.run_id
    WHERE r.name = ? AND p.lang = ?`,
    [run, lang],
  );
}

/** How many items of one kind exist and how many the annotator has labelled, per language and group. */
export interface ProgressRow {
  readonly lang: LanguageTag;
  readonly group: string;
  readonly total: number;
  readonly labelled: number;
}

/**
 * Per task: the items of a prompt (from its stored counts n, migration 0018), and the target of an item among a
 * current label's (l) columns.
 */
const ITEMS = {
  // One item per response.
  rating: {
    total: 'n.responses',
    item: "l.system_id || ':' || l.seed",
    exists:
      'EXISTS (SELECT 1 FROM responses x WHERE x.prompt_id = l.prompt_id AND x.system_id = l.system_id AND x.seed = l.seed)',
  },
  // One item per pair of systems that answered the prompt: n systems make n (n − 1) / 2 pairs.
  pairwise: {
    total: 'n.systems * (n.systems - 1) / 2',
    item: 'l.target',
    exists: `EXISTS (SELECT 1 FROM responses x WHERE x.prompt_id = l.prompt_id AND x.system_id = l.system_a_id)
      AND EXISTS (SELECT 1 FROM responses y WHERE y.prompt_id = l.prompt_id AND y.system_id = l.system_b_id)`,
  },
} as const;

/**
 * Rating: one item per response. Pairwise: one item per pair of systems that answered a prompt (first sample).
 * Labelled counts the items that exist with a current label of the annotator (on any criterion). The totals are
 * read per prompt from the counts kept beside it (prompt_item_totals), the labelled items from the annotator's
 * current labels (indexed by annotator), so neither walks every pair or every response of a run.
 */
export async function progressOf(
  store: Store,
  run: string,
  annotator: string,
  task: 'rating' | 'pairwise',
): Promise<ProgressRow[]> {
  const [totals, labelled] = await Promise.all([
    itemTotals(store, run, annotator, task),
    labelledCounts(store, run, annotator, task),
  ]);
  return withLabelled(totals, labelled);
}

/** How many items of the task each language and group has (what the annotator may label: their assignment). */
export interface ItemTotalRow {
  readonly lang: LanguageTag;
  readonly group: string;
  readonly total: number;
}

/**
 * The totals change only with the responses (an import) or the assignments, not with the labels: the explorer
 * keeps them while labels come and asks labelledCounts (the annotator's labels by index) at each refresh. They are
 * read from the counts kept per prompt (one row each, in the order of the prompts' index): 15-25 ms at 4x Shaham
 * et al.'s size, where counting every response of the run took 80-110 ms.
 */
export async function itemTotals(
  store: Store,
  run: string,
  annotator: string,
  task: 'rating' | 'pairwise',
): Promise<ItemTotalRow[]> {
  const assigned = await assignedClause(store, run, annotator, task);
  const total = ITEMS[task].total;
  // Packed per language (packedRows.ts): 29,616 prompts at 4× Shaham et al.'s run cost more to hand over as rows
  // than to count. A prompt's turns are added into their group here: grouping them in SQL took another 10-13 ms.
  const languages = await connectionOf(store).all<{ lang: LanguageTag; n: number; packed: unknown }>(
    `
    SELECT p.lang, count(*) AS n, ${packedRows([
      ['p.group_key', 'text'],
      [total, 'int'],
    ])} AS packed
    FROM prompts p JOIN runs r ON r.id = p.run_id JOIN prompt_item_totals n ON n.prompt_id = p.id
    WHERE r.name = ? AND ${total} > 0 ${assigned.sql}
    GROUP BY p.lang`,
    [run, ...assigned.params],
  );
  return languages.flatMap(({ lang, n, packed }) => {
    const groups = new Map<string, number>();
    for (const [group, items] of unpackRows(packed, PROMPT_TOTAL_KINDS, n)) {
      groups.set(group as string, (groups.get(group as string) ?? 0) + (items as number));
    }
    return Array.from(groups, ([group, items]) => ({ lang, group, total: items }));
  });
}

const PROMPT_TOTAL_KINDS = ['text', 'int'] as const;

/**
 * ASSIGNED_ONLY when the annotator has assignments for the task in the run, else nothing: asked once here rather
 * than for every prompt of the run (20-30 ms of the explorer's first count at 4x Shaham et al.'s size).
 */
async function assignedClause(
  store: Store,
  run: string,
  annotator: string,
  task: 'rating' | 'pairwise',
): Promise<{ sql: string; params: string[] }> {
  const any = await connectionOf(store).get<{ one: number }>(
    `
    SELECT 1 AS one FROM assignments x JOIN prompts xp ON xp.id = x.prompt_id JOIN runs r ON r.id = xp.run_id
    WHERE r.name = ? AND x.task = ? AND x.annotator_id = (SELECT id FROM annotators WHERE name = ?) LIMIT 1`,
    [run, task, annotator],
  );
  return any ? { sql: ASSIGNED_ONLY, params: assignedParams(annotator, task) } : { sql: '', params: [] };
}

export interface LabelledRow {
  readonly lang: LanguageTag;
  readonly group: string;
  readonly labelled: number;
}

/** The items of the task the annotator has labelled, per language and group (only those with some). */
export async function labelledCounts(
  store: Store,
  run: string,
  annotator: string,
  task: 'rating' | 'pairwise',
): Promise<LabelledRow[]> {
  const items = ITEMS[task];
  const assigned = await assignedClause(store, run, annotator, task);
  return connectionOf(store).all<LabelledRow>(
    `
    WITH done AS (
      SELECT l.prompt_id, count(DISTINCT ${items.item}) AS n FROM current_labels l
      WHERE l.annotator_id = (SELECT id FROM annotators WHERE name = ?) AND l.kind = ? AND l.value IS NOT NULL
        AND ${items.exists}
      GROUP BY l.prompt_id)
    SELECT p.lang, p.group_key AS "group", sum(done.n) AS labelled
    FROM done JOIN prompts p ON p.id = done.prompt_id JOIN runs r ON r.id = p.run_id
    WHERE r.name = ? ${assigned.sql}
    GROUP BY p.lang, p.group_key`,
    [annotator, task, run, ...assigned.params],
  );
}

/** The totals with the annotator's labelled counts beside them (0 where they labelled none). */
export function withLabelled(totals: readonly ItemTotalRow[], labelled: readonly LabelledRow[]): ProgressRow[] {
  const done = new Map(labelled.map((row) => [`${row.lang}\u0000${row.group}`, row.labelled]));
  return totals.map((row) => ({
    lang: row.lang,
    group: row.group,
    total: row.total,
    labelled: done.get(`${row.lang}\u0000${row.group}`) ?? 0,
  }));
}

/** Responses per (prompt language, detected language) and group; the caller decides which pairs mismatch. */
export interface DetectionCountRow {
  readonly lang: LanguageTag;
  readonly group: string;
  readonly detected: LanguageTag;
  readonly responses: number;
}

export function detectionCounts(store: Store, run: string): Promise<DetectionCountRow[]> {
  return connectionOf(store).all<DetectionCountRow>(
    `
    SELECT p.lang, p.group_key AS "group", d.lang AS detected, count(*) AS responses
    FROM language_detections d JOIN responses resp ON resp.id = d.response_id JOIN prompts p ON p.id = resp.prompt_id
    JOIN runs r ON r.id = p.run_id WHERE r.name = ? AND p.lang <> d.lang GROUP BY p.lang, p.group_key, d.lang`,
    [run],
  );
}

/** Responses some annotator currently flags as not in the prompt's language, per language and group. */
export function flagCounts(
  store: Store,
  run: string,
): Promise<{ lang: LanguageTag; group: string; responses: number }[]> {
  return connectionOf(store).all(
    `
    SELECT p.lang, p.group_key AS "group", count(DISTINCT f.prompt_id || ':' || f.system_id || ':' || f.seed) AS responses
    FROM current_language_flags f JOIN prompts p ON p.id = f.prompt_id JOIN runs r ON r.id = p.run_id
    WHERE r.name = ? AND f.flagged = 1 GROUP BY p.lang, p.group_key`,
    [run],
  );
}
