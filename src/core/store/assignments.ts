// Assignments of prompts to annotators (team annotation): saving a plan, and how far each annotator has come.
import type { Assignment, PromptRef } from '../annotation/assignments';
import type { AnnotationTask } from '../annotation/queue';
import type { LanguageTag } from '../model/language';
import type { Store } from './store';
import { connectionOf } from './connection';
import { CoreError, msg } from '../util/message';

/** The prompts of a run that have responses to label, in the given languages (all when none are given). */
export function promptsToAssign(store: Store, run: string, languages: readonly string[] = []): Promise<PromptRef[]> {
  const inLanguages = languages.length ? `AND p.lang IN (${languages.map(() => '?').join(', ')})` : '';
  return connectionOf(store).all<PromptRef>(
    `
    SELECT p.group_key AS "group", p.lang, p.turn FROM prompts p JOIN runs r ON r.id = p.run_id
    WHERE r.name = ? ${inLanguages} AND EXISTS (SELECT 1 FROM responses resp WHERE resp.prompt_id = p.id)
    ORDER BY p.lang, p.group_key, p.turn`,
    [run, ...languages],
  );
}

export async function assignmentCount(store: Store, run: string, task: AnnotationTask): Promise<number> {
  const row = await connectionOf(store).get<{ n: number }>(
    `
    SELECT count(*) AS n FROM assignments x JOIN prompts p ON p.id = x.prompt_id JOIN runs r ON r.id = p.run_id
    WHERE r.name = ? AND x.task = ?`,
    [run, task],
  );
  return row?.n ?? 0;
}

/**
 * Saves a plan in one transaction. With replace, the run's earlier assignments for the task go first (labels
 * already given stay, as labels always do); without, a run that has assignments for the task is refused.
 */
export async function saveAssignments(
  store: Store,
  run: string,
  task: AnnotationTask,
  assignments: readonly Assignment[],
  options: { replace: boolean },
): Promise<void> {
  const existing = await assignmentCount(store, run, task);
  if (existing > 0 && !options.replace) {
    throw new CoreError(
      msg('run "{0}" already has {1} {2} assignments: pass --replace to plan them anew', run, existing, task),
    );
  }
  const now = new Date().toISOString();
  await connectionOf(store).exec('BEGIN IMMEDIATE');
  try {
    await connectionOf(store).run(
      `
      DELETE FROM assignments WHERE task = ? AND prompt_id IN (SELECT p.id FROM prompts p JOIN runs r ON r.id = p.run_id WHERE r.name = ?)`,
      [task, run],
    );
    for (const a of assignments) {
      await connectionOf(store).run('INSERT OR IGNORE INTO annotators (name) VALUES (?)', [a.annotator]);
      const result = await connectionOf(store).run(
        `
        INSERT OR IGNORE INTO assignments (prompt_id, annotator_id, task, created_at)
        SELECT p.id, (SELECT id FROM annotators WHERE name = ?), ?, ? FROM prompts p JOIN runs r ON r.id = p.run_id
        WHERE r.name = ? AND p.group_key = ? AND p.lang = ? AND p.turn = ?`,
        [a.annotator, task, now, run, a.group, a.lang, a.turn],
      );
      if (result.changes !== 1)
        throw new CoreError(msg('no prompt {0} ({1}, turn {2}) in run "{3}"', a.group, a.lang, a.turn, run));
    }
    await connectionOf(store).exec('COMMIT');
  } catch (err) {
    await connectionOf(store).exec('ROLLBACK');
    throw err;
  }
}

export interface AssignmentStatusRow {
  readonly annotator: string;
  readonly lang: LanguageTag;
  readonly prompts: number;
  /** Responses (rating) or pairs of responses (pairwise) on the assigned prompts, and how many carry a label. */
  readonly items: number;
  readonly labelled: number;
}

/** Each annotator's assigned prompts per language and their current labels on them. */
export function assignmentStatus(store: Store, run: string, task: AnnotationTask): Promise<AssignmentStatusRow[]> {
  const items =
    task === 'rating'
      ? `SELECT resp.prompt_id, resp.system_id AS a, NULL AS b, resp.seed FROM responses resp`
      : `SELECT x.prompt_id, x.system_id AS a, y.system_id AS b, 0 AS seed FROM
         (SELECT DISTINCT prompt_id, system_id FROM responses) x
         JOIN (SELECT DISTINCT prompt_id, system_id FROM responses) y ON y.prompt_id = x.prompt_id AND x.system_id < y.system_id`;
  const labelled =
    task === 'rating'
      ? `l.kind = 'rating' AND l.system_id = i.a AND l.seed = i.seed`
      : `l.kind = 'pairwise' AND l.system_a_id = i.a AND l.system_b_id = i.b`;
  return connectionOf(store).all<AssignmentStatusRow>(
    `
    WITH items AS (${items})
    SELECT an.name AS annotator, p.lang, count(DISTINCT x.prompt_id) AS prompts, count(*) AS items, count(l.id) AS labelled
    FROM assignments x JOIN prompts p ON p.id = x.prompt_id JOIN runs r ON r.id = p.run_id
    JOIN annotators an ON an.id = x.annotator_id JOIN items i ON i.prompt_id = x.prompt_id
    LEFT JOIN current_labels l ON l.prompt_id = i.prompt_id AND l.annotator_id = x.annotator_id AND l.value IS NOT NULL AND ${labelled}
    WHERE r.name = ? AND x.task = ?
    GROUP BY an.name, p.lang ORDER BY p.lang, an.name`,
    [run, task],
  );
}

/**
 * Team annotation: an annotator with assignments for the task in the run counts only the prompts assigned to
 * them (p is the prompt); one without counts every prompt.
 */
export const ASSIGNED_ONLY = `
  AND (NOT EXISTS (SELECT 1 FROM assignments x JOIN prompts xp ON xp.id = x.prompt_id
                   WHERE xp.run_id = p.run_id AND x.task = ? AND x.annotator_id = (SELECT id FROM annotators WHERE name = ?))
       OR EXISTS (SELECT 1 FROM assignments x WHERE x.prompt_id = p.id AND x.task = ?
                  AND x.annotator_id = (SELECT id FROM annotators WHERE name = ?)))`;

export function assignedParams(annotator: string, task: 'rating' | 'pairwise'): string[] {
  return [task, annotator, task, annotator];
}
