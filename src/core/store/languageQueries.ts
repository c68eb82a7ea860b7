// The SQL of language identification (protocols.md §6): which responses still need a detection, storing
// detections, and each response's effective language: the latest human language label, else a human's "not in the
// prompt's language" flag, else the detection.
import type { LanguageTag } from '../model/language';
import { connectionOf } from './connection';
import { latestPerTarget } from './latest';
import { filterClause, placeholders, type DataFilter, type Store, type WhereClause } from './store';

/** A DataFilter narrowed to some systems as well. */
export interface ResponseFilter extends DataFilter {
  readonly systems?: readonly string[];
}

/** Adds the systems condition of a filter, on the systems table aliased `systemAlias`. */
export function addSystemFilter(where: WhereClause, filter: ResponseFilter, systemAlias: string): WhereClause {
  if (filter.systems?.length) where.add(`${systemAlias}.name IN (${placeholders(filter.systems)})`, filter.systems);
  return where;
}

/**
 * Common table expressions for the human side of a response's language, keyed by (prompt_id, system_id, seed):
 * `human_language` is the latest current language label of any annotator (a cleared label, value NULL, is no label),
 * `human_language_spread` how many distinct languages the annotators' current labels name (> 1: they disagree),
 * `human_flag` the annotators whose current flag says "not in the prompt's language" (an un-flag retracts only the
 * annotator's own flag).
 */
export const HUMAN_LANGUAGE_CTES = `
  human_language AS (
    SELECT prompt_id, system_id, seed, value AS lang, annotator_id FROM (${latestPerTarget({
      from: 'current_labels',
      alias: 'l',
      target: ['prompt_id', 'system_id', 'seed'],
      columns: 'l.prompt_id, l.system_id, l.seed, l.value, l.annotator_id',
      where: "l.kind = 'language' AND l.value IS NOT NULL",
    })})),
  human_language_spread AS (
    SELECT prompt_id, system_id, seed, count(DISTINCT value) AS languages
    FROM current_labels WHERE kind = 'language' AND value IS NOT NULL GROUP BY prompt_id, system_id, seed),
  human_flag AS (
    SELECT f.prompt_id, f.system_id, f.seed, group_concat(fa.name, ', ') AS annotators
    FROM current_language_flags f JOIN annotators fa ON fa.id = f.annotator_id
    WHERE f.flagged = 1 GROUP BY f.prompt_id, f.system_id, f.seed)`;

/**
 * Joins the human side of the language of the response at (prompt, system, seed), given as column expressions,
 * and the detection `d` must be joined already. Aliases: h (label), hs (spread), fl (flag).
 */
export function humanLanguageJoins(prompt: string, system: string, seed: string): string {
  const on = (alias: string) =>
    `${alias}.prompt_id = ${prompt} AND ${alias}.system_id = ${system} AND ${alias}.seed = ${seed}`;
  return `LEFT JOIN human_language h ON ${on('h')} LEFT JOIN human_language_spread hs ON ${on('hs')}
    LEFT JOIN human_flag fl ON ${on('fl')}`;
}

/**
 * The effective language and where it comes from, over the joins above. A flag names no language: the detection
 * stays the language shown, and the source "flag" makes it a mismatch.
 */
export const EFFECTIVE_LANGUAGE_COLUMNS = `coalesce(h.lang, d.lang) AS effective,
  CASE WHEN h.lang IS NOT NULL THEN 'human' WHEN fl.annotators IS NOT NULL THEN 'flag'
       WHEN d.lang IS NOT NULL THEN 'detector' END AS source`;

/** The runs that have responses, optionally only one. */
export async function runsWithResponses(store: Store, run?: string): Promise<string[]> {
  const rows = await connectionOf(store).all<{ name: string }>(
    `
    SELECT DISTINCT r.name FROM runs r JOIN prompts p ON p.run_id = r.id JOIN responses resp ON resp.prompt_id = p.id
    ${run === undefined ? '' : 'WHERE r.name = ?'} ORDER BY r.name`,
    run === undefined ? [] : [run],
  );
  return rows.map((r) => r.name);
}

/** The languages of a run's prompts: the detector's candidate set for that run. */
export async function promptLanguagesOfRun(store: Store, run: string): Promise<LanguageTag[]> {
  const rows = await connectionOf(store).all<{ lang: LanguageTag }>(
    'SELECT DISTINCT p.lang FROM prompts p JOIN runs r ON r.id = p.run_id WHERE r.name = ? ORDER BY p.lang',
    [run],
  );
  return rows.map((r) => r.lang);
}

export interface DetectionBacklog {
  readonly responses: number;
  /** Responses without a stored detection (new, or their text changed since). */
  readonly missing: number;
  /** Responses whose detection was made by another detector or configuration. */
  readonly otherDetector: number;
}

export async function detectionBacklog(store: Store, run: string, detector: string): Promise<DetectionBacklog> {
  const row = await connectionOf(store).get<DetectionBacklog>(
    `
    SELECT count(*) AS responses, sum(d.response_id IS NULL) AS missing,
           sum(d.response_id IS NOT NULL AND d.detector <> ?) AS otherDetector
    FROM responses resp JOIN prompts p ON p.id = resp.prompt_id JOIN runs r ON r.id = p.run_id
    LEFT JOIN language_detections d ON d.response_id = resp.id WHERE r.name = ?`,
    [detector, run],
  );
  return { responses: row?.responses ?? 0, missing: row?.missing ?? 0, otherDetector: row?.otherDetector ?? 0 };
}

export interface ResponseText {
  readonly id: number;
  readonly text: string;
}

/**
 * The next page of a run's responses that need detecting, in id order after `afterId`: those without a detection,
 * and with `redetect` also those detected by another detector. Paging keeps memory flat on large runs.
 */
export function responsesToDetect(
  store: Store,
  run: string,
  options: { detector: string; redetect: boolean; afterId: number; limit: number },
): Promise<ResponseText[]> {
  const stale = options.redetect ? 'OR d.detector <> ?' : '';
  return connectionOf(store).all<ResponseText>(
    `
    SELECT resp.id, resp.text FROM responses resp JOIN prompts p ON p.id = resp.prompt_id JOIN runs r ON r.id = p.run_id
    LEFT JOIN language_detections d ON d.response_id = resp.id
    WHERE r.name = ? AND resp.id > ? AND (d.response_id IS NULL ${stale})
    ORDER BY resp.id LIMIT ?`,
    options.redetect ? [run, options.afterId, options.detector, options.limit] : [run, options.afterId, options.limit],
  );
}

export interface DetectionWrite {
  readonly responseId: number;
  readonly lang: LanguageTag;
  readonly confidence: number;
  /** Why the language is undetermined; null when it was determined. */
  readonly reason: string | null;
  /** For "mul": the languages and their shares. */
  readonly parts?: readonly { readonly lang: LanguageTag; readonly share: number }[] | null;
}

/** Stores detections (replacing older ones of the same responses) in one transaction; returns how many. */
export async function saveDetections(
  store: Store,
  detector: string,
  detections: readonly DetectionWrite[],
): Promise<number> {
  const rowsPerStatement = 200;
  let written = 0;
  await connectionOf(store).exec('BEGIN IMMEDIATE');
  try {
    for (let start = 0; start < detections.length; start += rowsPerStatement) {
      const chunk = detections.slice(start, start + rowsPerStatement);
      const result = await connectionOf(store).run(
        `
        INSERT INTO language_detections (response_id, detector, lang, confidence, reason, parts)
        VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
        ON CONFLICT (response_id) DO UPDATE SET detector = excluded.detector, lang = excluded.lang,
          confidence = excluded.confidence, reason = excluded.reason, parts = excluded.parts`,
        chunk.flatMap((d) => [
          d.responseId,
          detector,
          d.lang,
          d.confidence,
          d.reason,
          d.parts?.length ? JSON.stringify(d.parts) : null,
        ]),
      );
      written += result.changes;
    }
    await connectionOf(store).exec('COMMIT');
  } catch (err) {
    await connectionOf(store)
      .exec('ROLLBACK')
      .catch(() => undefined);
    throw err;
  }
  return written;
}

/**
 * Where a response's effective language comes from: a human's language label, a human's flag saying it is not in
 * the prompt's language (which names no language), or the detector.
 */
export type LanguageSource = 'human' | 'flag' | 'detector';

/** The key of a response as rows of the score queries carry it. */
export interface ResponseKeyRow {
  readonly run: string;
  readonly group: string;
  /** The prompt's language. */
  readonly lang: LanguageTag;
  readonly turn: number;
  readonly system: string;
  readonly seed: number;
}

export interface ResponseLanguageRow extends ResponseKeyRow {
  /** The latest human language label, else the detection; null when there is neither (not detected yet). */
  readonly effective: LanguageTag | null;
  readonly source: LanguageSource | null;
  readonly detected: LanguageTag | null;
  readonly confidence: number | null;
  readonly reason: string | null;
  readonly detector: string | null;
  readonly human: LanguageTag | null;
  readonly annotator: string | null;
  /** Distinct languages named by the annotators' current labels (0: none; > 1: they disagree, the latest wins). */
  readonly humanLanguages: number;
  /** The annotators who currently flag the response as not in the prompt's language, or null. */
  readonly flaggedBy: string | null;
  /** The opening of the response, for lists a person reads. */
  readonly excerpt: string;
}

/** Every response of a slice with its effective language, in a stable order. */
export function responseLanguages(store: Store, filter: ResponseFilter = {}): Promise<ResponseLanguageRow[]> {
  const where = addSystemFilter(filterClause(filter, 'p', 'r'), filter, 's');
  return connectionOf(store).all<ResponseLanguageRow>(
    `
    WITH ${HUMAN_LANGUAGE_CTES}
    SELECT r.name AS run, p.group_key AS "group", p.lang, p.turn, s.name AS system, resp.seed, ${EFFECTIVE_LANGUAGE_COLUMNS},
           d.lang AS detected, d.confidence, d.reason, d.detector, h.lang AS human, a.name AS annotator,
           coalesce(hs.languages, 0) AS humanLanguages, fl.annotators AS flaggedBy, substr(resp.text, 1, 160) AS excerpt
    FROM responses resp JOIN prompts p ON p.id = resp.prompt_id JOIN runs r ON r.id = p.run_id
    JOIN systems s ON s.id = resp.system_id
    LEFT JOIN language_detections d ON d.response_id = resp.id
    ${humanLanguageJoins('resp.prompt_id', 'resp.system_id', 'resp.seed')}
    LEFT JOIN annotators a ON a.id = h.annotator_id
    ${where.sql()} ORDER BY r.name, p.lang, p.turn, s.name, p.group_key, resp.seed`,
    where.params,
  );
}
