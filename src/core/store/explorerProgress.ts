// The runs explorer's SQL: prompt openings for its labels, and per language and prompt group how many items the
// annotator has labelled, how many responses were detected in another language, and how many were flagged.
import type { LanguageTag } from '../model/language';
import { ASSIGNED_ONLY, assignedParams } from './assignments';
import { connectionOf } from './connection';
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
 * Rating: one item per response. Pairwise: one item per pair of systems that answered a prompt (first sample).
 * Labelled counts the items that exist with a current label of the annotator (on any criterion).
 */
export function progressOf(
  store: Store,
  run: string,
  annotator: string,
  task: 'rating' | 'pairwise',
): Promise<ProgressRow[]> {
  if (task === 'rating') {
    return connectionOf(store).all<ProgressRow>(
      `
      SELECT p.lang, p.group_key AS "group", count(DISTINCT resp.id) AS total,
             count(DISTINCT CASE WHEN l.id IS NOT NULL THEN resp.id END) AS labelled
      FROM responses resp JOIN prompts p ON p.id = resp.prompt_id JOIN runs r ON r.id = p.run_id
      LEFT JOIN current_labels l ON l.prompt_id = resp.prompt_id AND l.kind = 'rating' AND l.system_id = resp.system_id
        AND l.seed = resp.seed AND l.value IS NOT NULL AND l.annotator_id = (SELECT id FROM annotators WHERE name = ?)
      WHERE r.name = ? ${ASSIGNED_ONLY} GROUP BY p.lang, p.group_key`,
      [annotator, run, ...assignedParams(annotator, task)],
    );
  }
  return connectionOf(store).all<ProgressRow>(
    `
    WITH answered AS (
      SELECT DISTINCT resp.prompt_id, resp.system_id FROM responses resp JOIN prompts p ON p.id = resp.prompt_id
      JOIN runs r ON r.id = p.run_id WHERE r.name = ?),
    pairs AS (
      SELECT x.prompt_id, x.system_id AS a, y.system_id AS b FROM answered x JOIN answered y
      ON y.prompt_id = x.prompt_id AND x.system_id < y.system_id)
    SELECT p.lang, p.group_key AS "group", count(DISTINCT pairs.prompt_id || ':' || pairs.a || ':' || pairs.b) AS total,
           count(DISTINCT CASE WHEN l.id IS NOT NULL THEN pairs.prompt_id || ':' || pairs.a || ':' || pairs.b END) AS labelled
    FROM pairs JOIN prompts p ON p.id = pairs.prompt_id
    LEFT JOIN current_labels l ON l.prompt_id = pairs.prompt_id AND l.kind = 'pairwise' AND l.system_a_id = pairs.a
      AND l.system_b_id = pairs.b AND l.value IS NOT NULL AND l.annotator_id = (SELECT id FROM annotators WHERE name = ?)
    WHERE 1 ${ASSIGNED_ONLY}
    GROUP BY p.lang, p.group_key`,
    [run, annotator, ...assignedParams(annotator, task)],
  );
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
