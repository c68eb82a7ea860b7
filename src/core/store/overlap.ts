// Overlap targets (migration 0014): k annotators per item of a run's task. An annotator's queue skips the items
// others have filled up to k (their current labels and live claims), and an annotator claims an item for a short
// while before labelling it, so that two annotators do not both take its last slot. On PostgreSQL the counting is
// done by SECURITY DEFINER functions (an annotator cannot read others' labels; the functions tell only whether an
// item is full), a claim serialised by an advisory lock on its item; on SQLite (one person) the same counting is
// plain SQL inside one write transaction.
import type { QueueResponse } from '../annotation/queue';
import type { LanguageTag } from '../model/language';
import { connectionOf } from './connection';
import type { Database } from './database';
import type { Store } from './store';
import { CoreError, msg } from '../util/message';

export type OverlapTask = 'rating' | 'pairwise';

/** How long a claim holds an item when none is given: long enough to read and label it, short if abandoned. */
export const DEFAULT_CLAIM_SECONDS = 300;

/** One item of a queue as the store names it: a response, or a pair of systems on a prompt. */
export type OverlapItem = Pick<QueueResponse, 'group' | 'lang' | 'turn'> &
  (
    | { readonly kind: 'rating'; readonly system: string; readonly seed: number }
    | { readonly kind: 'pairwise'; readonly systemA: string; readonly systemB: string }
  );

/** Sets (or, with null, removes) the number of annotators each item of the run's task should get. The lead's. */
export async function setOverlapTarget(
  store: Store,
  run: string,
  task: OverlapTask,
  annotators: number | null,
): Promise<void> {
  const db = connectionOf(store);
  const runId = await runIdOf(db, run);
  if (annotators === null) {
    await db.run('DELETE FROM overlap_targets WHERE run_id = ? AND task = ?', [runId, task]);
    return;
  }
  if (!Number.isInteger(annotators) || annotators < 1) {
    throw new CoreError(msg('an overlap target is a whole number of annotators, at least 1 (not {0})', annotators));
  }
  await db.run(
    `
    INSERT INTO overlap_targets (run_id, task, annotators) VALUES (?, ?, ?)
    ON CONFLICT (run_id, task) DO UPDATE SET annotators = excluded.annotators`,
    [runId, task, annotators],
  );
}

/** The run's target for the task, if it has one. */
export async function overlapTarget(store: Store, run: string, task: OverlapTask): Promise<number | undefined> {
  const row = await connectionOf(store).get<{ annotators: number }>(
    `
    SELECT o.annotators FROM overlap_targets o JOIN runs r ON r.id = o.run_id WHERE r.name = ? AND o.task = ?`,
    [run, task],
  );
  return row?.annotators;
}

/**
 * Claims the item for the annotator for `seconds`: true when they may label it (the run has no target for the
 * task, they labelled or claimed it already, or others hold fewer than the target), false when others filled it.
 */
export async function claimItem(
  store: Store,
  annotator: string,
  run: string,
  item: OverlapItem,
  seconds = DEFAULT_CLAIM_SECONDS,
): Promise<boolean> {
  const db = connectionOf(store);
  const { promptId, target } = await itemIds(db, run, item);
  if (db.engine === 'postgres') {
    const row = await db.get<{ claimed: boolean }>('SELECT langlens_claim_item(?, ?, ?, ?, ?) AS claimed', [
      annotator,
      promptId,
      item.kind,
      target,
      Math.round(seconds),
    ]);
    return row?.claimed === true;
  }
  return claimOnSqlite(db, annotator, promptId, item.kind, target, seconds);
}

/** The run's items of the task that others filled up to its target and the annotator holds no part of. */
export async function fullItems(
  store: Store,
  annotator: string,
  run: string,
  task: OverlapTask,
): Promise<OverlapItem[]> {
  const db = connectionOf(store);
  const rows =
    db.engine === 'postgres'
      ? await db.all<FullRow>(
          `
          SELECT p.group_key AS "group", p.lang, p.turn, f.item_target AS target
          FROM langlens_full_items(?, ?, ?) f JOIN prompts p ON p.id = f.item_prompt_id ORDER BY p.id, f.item_target`,
          [annotator, run, task],
        )
      : await db.all<FullRow>(FULL_ITEMS_SQLITE, [NOW_SQLITE_PARAM, run, task, annotator]);
  if (rows.length === 0) return [];
  const names = new Map(
    (
      await db.all<{ id: number; name: string }>(
        'SELECT s.id, s.name FROM system_names s JOIN runs r ON r.id = s.run_id WHERE r.name = ?',
        [run],
      )
    ).map((s) => [s.id, s.name]),
  );
  const nameOf = (id: string) => {
    const name = names.get(Number(id));
    if (name === undefined) throw new CoreError(msg("the label target's system {0} is not in run {1}", id, run));
    return name;
  };
  return rows.map((row) => {
    const [what, a, b] = row.target.split(':') as [string, string, string];
    const at = { group: row.group, lang: row.lang, turn: row.turn };
    return what === 'pair'
      ? { ...at, kind: 'pairwise' as const, systemA: nameOf(a), systemB: nameOf(b) }
      : { ...at, kind: 'rating' as const, system: nameOf(a), seed: Number(b) };
  });
}

interface FullRow {
  readonly group: string;
  readonly lang: LanguageTag;
  readonly turn: number;
  readonly target: string;
}

/** A marker for "now" in SQLite's query: strftime is evaluated there, so the clock is the database's, as on PostgreSQL. */
const NOW_SQLITE_PARAM = 'now';
const NOW_SQLITE = `strftime('%Y-%m-%dT%H:%M:%fZ', ?)`;

const FULL_ITEMS_SQLITE = `
  WITH holders AS (
    SELECT l.prompt_id, l.target, l.annotator_id FROM current_labels l JOIN prompts p ON p.id = l.prompt_id
    JOIN runs r ON r.id = p.run_id WHERE r.name = ?2 AND l.kind = ?3 AND l.value IS NOT NULL
    UNION
    SELECT c.prompt_id, c.target, c.annotator_id FROM item_claims c JOIN prompts p ON p.id = c.prompt_id
    JOIN runs r ON r.id = p.run_id WHERE r.name = ?2 AND c.kind = ?3 AND c.expires_at > ${NOW_SQLITE.replace('?', '?1')}
  ),
  me AS (SELECT coalesce((SELECT id FROM annotators WHERE name = ?4), -1) AS id)
  SELECT p.group_key AS "group", p.lang, p.turn, h.target FROM holders h JOIN prompts p ON p.id = h.prompt_id
  JOIN overlap_targets o ON o.run_id = p.run_id AND o.task = ?3 CROSS JOIN me
  GROUP BY h.prompt_id, h.target, o.annotators
  HAVING sum(h.annotator_id <> me.id) >= o.annotators AND sum(h.annotator_id = me.id) = 0
  ORDER BY h.prompt_id, h.target`;

async function claimOnSqlite(
  db: Database,
  annotator: string,
  promptId: number,
  kind: string,
  target: string,
  seconds: number,
): Promise<boolean> {
  const wanted = await db.get<{ annotators: number }>(
    'SELECT o.annotators FROM overlap_targets o JOIN prompts p ON p.run_id = o.run_id WHERE p.id = ? AND o.task = ?',
    [promptId, kind],
  );
  if (!wanted) return true;
  // One person on one file: nobody claims at the same moment, so no transaction of its own (which would collide
  // with one the connection may be running).
  {
    await db.run('INSERT OR IGNORE INTO annotators (name) VALUES (?)', [annotator]);
    const me = (await db.get<{ id: number }>('SELECT id FROM annotators WHERE name = ?', [annotator]))!.id;
    const item = [promptId, kind, target];
    await db.run(
      `DELETE FROM item_claims WHERE prompt_id = ? AND kind = ? AND target = ? AND expires_at <= ${NOW_SQLITE}`,
      [...item, NOW_SQLITE_PARAM],
    );
    const held = await db.get<{ taken: number; mine: number }>(
      `
      SELECT count(*) - count(CASE WHEN h.annotator_id = ? THEN 1 END) AS taken,
             count(CASE WHEN h.annotator_id = ? THEN 1 END) AS mine
      FROM (SELECT annotator_id FROM current_labels WHERE prompt_id = ? AND kind = ? AND target = ? AND value IS NOT NULL
            UNION SELECT annotator_id FROM item_claims WHERE prompt_id = ? AND kind = ? AND target = ?) h`,
      [me, me, ...item, ...item],
    );
    const free = (held?.mine ?? 0) > 0 || (held?.taken ?? 0) < wanted.annotators;
    if (free) {
      await db.run(
        `
        INSERT INTO item_claims (prompt_id, kind, target, annotator_id, expires_at)
        VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?))
        ON CONFLICT (prompt_id, kind, target, annotator_id) DO UPDATE SET expires_at = excluded.expires_at`,
        [...item, me, `+${Math.round(seconds)} seconds`],
      );
    }
    return free;
  }
}

async function runIdOf(db: Database, run: string): Promise<number> {
  const row = await db.get<{ id: number }>('SELECT id FROM runs WHERE name = ?', [run]);
  if (!row) throw new CoreError(msg('there is no run "{0}" in {1}', run, db.path));
  return row.id;
}

/** The prompt and the label target (as labels.target has it) of an item, its systems found by the names shown. */
async function itemIds(db: Database, run: string, item: OverlapItem): Promise<{ promptId: number; target: string }> {
  const prompt = await db.get<{ id: number }>(
    `
    SELECT p.id FROM prompts p JOIN runs r ON r.id = p.run_id
    WHERE r.name = ? AND p.group_key = ? AND p.lang = ? AND p.turn = ?`,
    [run, item.group, item.lang, item.turn],
  );
  if (!prompt)
    throw new CoreError(msg('prompt {0} ({1}, turn {2}) is not in run {3}', item.group, item.lang, item.turn, run));
  const systemId = async (name: string) => {
    const row = await db.get<{ id: number }>(
      'SELECT s.id FROM system_names s JOIN runs r ON r.id = s.run_id WHERE r.name = ? AND s.name = ?',
      [run, name],
    );
    if (!row) throw new CoreError(msg('system {0} is not in run {1}', name, run));
    return row.id;
  };
  if (item.kind === 'rating') {
    return { promptId: prompt.id, target: `response:${await systemId(item.system)}:${item.seed}` };
  }
  const [a, b] = [await systemId(item.systemA), await systemId(item.systemB)];
  return { promptId: prompt.id, target: `pair:${Math.min(a, b)}:${Math.max(a, b)}` };
}
