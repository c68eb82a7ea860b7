// The annotation panel's SQL: the responses an annotator's queue covers, their current labels and flags,
// appending a label or a flag the moment it is given, and where the annotator stopped.
import type { ScaleReference } from '../model/records';
import type { LanguageTag } from '../model/language';
import type { QueueResponse } from '../annotation/queue';
import { ASSIGNED_ONLY, assignedParams } from './assignments';
import type { Store } from './store';
import { connectionOf } from './connection';
import { CoreError, msg } from '../util/message';

export interface LabelTarget {
  readonly run: string;
  readonly group: string;
  readonly lang: string;
  readonly turn: number;
}

/** A label as the panel gives it. value null clears the annotator's label on the target (undo). */
export type LabelWrite = LabelTarget & {
  /** Unique per label given; writing the same fingerprint twice stores it once (safe to retry). */
  readonly fingerprint: string;
  readonly annotator: string;
  readonly comment: string | null;
  /** When the annotator gave it (ISO 8601), not when it reached the database. */
  readonly labelledAt: string;
  /** Focus time on the item before this label (ms); null or absent: not measured. */
  readonly timeOnItemMs?: number | null;
  /** A criterion of the project's task ('' or absent: none). */
  readonly criterion?: string;
} & (
    | {
        readonly kind: 'rating';
        readonly system: string;
        readonly seed: number;
        readonly value: string | null;
        /** The declared scale (absent: lima-3). */
        readonly scale?: ScaleReference;
      }
    | {
        readonly kind: 'pairwise';
        readonly systemA: string;
        readonly systemB: string;
        /** Relative to systemA / systemB as given here. */
        readonly value: 'A' | 'B' | 'tie' | null;
        /** Which of them was on the left. */
        readonly presentation: 'AB' | 'BA';
      }
  );

export interface FlagWrite extends LabelTarget {
  readonly fingerprint: string;
  readonly annotator: string;
  readonly system: string;
  readonly seed: number;
  readonly flagged: boolean;
  readonly labelledAt: string;
}

/**
 * A label's target and value with systems named: a response (system, seed) or a pair (systemA, systemB in the
 * database's order, system_a_id < system_b_id).
 */
export interface NamedLabel {
  readonly system: string | null;
  readonly seed: number | null;
  readonly systemA: string | null;
  readonly systemB: string | null;
  readonly value: string;
  readonly comment: string | null;
}

/** An annotator's current label. */
export interface CurrentLabelRow extends NamedLabel {
  /** '' for none. */
  readonly criterion: string;
  /** null: lima-3 (or a pairwise label). */
  readonly scale: string | null;
  readonly group: string;
  readonly lang: LanguageTag;
  readonly turn: number;
}

export interface FlagRow {
  readonly group: string;
  readonly lang: LanguageTag;
  readonly turn: number;
  readonly system: string;
  readonly seed: number;
}

export async function runLanguages(store: Store, run: string): Promise<LanguageTag[]> {
  const rows = await connectionOf(store).all<{ lang: LanguageTag }>(
    'SELECT DISTINCT p.lang FROM prompts p JOIN runs r ON r.id = p.run_id WHERE r.name = ? ORDER BY p.lang',
    [run],
  );
  return rows.map((r) => r.lang);
}

/**
 * Every response of the run in the given languages (all languages when none are given). When `assignedTo` names
 * an annotator who has assignments for the task in this run, only the prompts assigned to them.
 */
export function queueResponses(
  store: Store,
  run: string,
  languages: readonly string[],
  assignedTo?: { annotator: string; task: 'rating' | 'pairwise' },
): Promise<QueueResponse[]> {
  const inLanguages = languages.length ? `AND p.lang IN (${languages.map(() => '?').join(', ')})` : '';
  const assigned = assignedTo ? ASSIGNED_ONLY : '';
  const assignedParameters = assignedTo ? assignedParams(assignedTo.annotator, assignedTo.task) : [];
  return connectionOf(store).all<QueueResponse>(
    `
    SELECT p.group_key AS "group", p.lang, p.turn, s.name AS system, resp.seed
    FROM responses resp JOIN prompts p ON p.id = resp.prompt_id JOIN runs r ON r.id = p.run_id
    JOIN system_names s ON s.id = resp.system_id
    WHERE r.name = ? ${inLanguages} ${assigned}`,
    [run, ...languages, ...assignedParameters],
  );
}

/** The annotator's current (latest, not cleared) labels of one kind in a run. */
export function currentLabelsOf(
  store: Store,
  run: string,
  annotator: string,
  kind: 'rating' | 'pairwise',
): Promise<CurrentLabelRow[]> {
  return connectionOf(store).all<CurrentLabelRow>(
    `
    SELECT p.group_key AS "group", p.lang, p.turn, s.name AS system, l.seed, sa.name AS systemA, sb.name AS systemB,
           l.value, l.comment, l.criterion, l.scale
    FROM current_labels l JOIN prompts p ON p.id = l.prompt_id JOIN runs r ON r.id = p.run_id
    JOIN annotators a ON a.id = l.annotator_id
    LEFT JOIN system_names s ON s.id = l.system_id LEFT JOIN system_names sa ON sa.id = l.system_a_id
    LEFT JOIN system_names sb ON sb.id = l.system_b_id
    WHERE r.name = ? AND a.name = ? AND l.kind = ? AND l.value IS NOT NULL`,
    [run, annotator, kind],
  );
}

/** The responses the annotator currently flags as not in their prompt's language. */
export function currentFlagsOf(store: Store, run: string, annotator: string): Promise<FlagRow[]> {
  return connectionOf(store).all<FlagRow>(
    `
    SELECT p.group_key AS "group", p.lang, p.turn, s.name AS system, f.seed
    FROM current_language_flags f JOIN prompts p ON p.id = f.prompt_id JOIN runs r ON r.id = p.run_id
    JOIN annotators a ON a.id = f.annotator_id JOIN system_names s ON s.id = f.system_id
    WHERE r.name = ? AND a.name = ? AND f.flagged = 1`,
    [run, annotator],
  );
}

export interface PromptWithResponses {
  readonly text: string | null;
  readonly responses: readonly {
    readonly system: string;
    readonly seed: number;
    readonly text: string;
    readonly detectedLang: string | null;
    readonly detectionConfidence: number | null;
    readonly detector: string | null;
  }[];
}

/** One prompt's text and its responses (lowest seed first), with stored language detections. */
export async function promptWithResponses(store: Store, target: LabelTarget): Promise<PromptWithResponses> {
  const params = [target.run, target.group, target.lang, target.turn];
  const where = 'r.name = ? AND p.group_key = ? AND p.lang = ? AND p.turn = ?';
  const [prompt, responses] = await Promise.all([
    connectionOf(store).get<{ text: string | null }>(
      `SELECT p.text FROM prompts p JOIN runs r ON r.id = p.run_id WHERE ${where}`,
      params,
    ),
    connectionOf(store).all<PromptWithResponses['responses'][number]>(
      `
      SELECT s.name AS system, resp.seed, resp.text, d.lang AS detectedLang, d.confidence AS detectionConfidence, d.detector
      FROM responses resp JOIN prompts p ON p.id = resp.prompt_id JOIN runs r ON r.id = p.run_id
      JOIN system_names s ON s.id = resp.system_id LEFT JOIN language_detections d ON d.response_id = resp.id
      WHERE ${where} ORDER BY resp.seed`,
      params,
    ),
  ]);
  return { text: prompt?.text ?? null, responses };
}

/** Appends one label in its own transaction; resolves once it is committed. */
export async function appendLabel(store: Store, label: LabelWrite): Promise<void> {
  await inTransaction(store, async () => {
    await insertLabel(store, label, await annotatorIdOf(store, label.annotator));
  });
}

/**
 * Appends the lead's adjudicated verdict on a pair, or rating of a response (append-only, like every label), under an annotator of the role
 * `adjudicator` (migration 0013), made with that role the first time. A name that already stands for a raw
 * annotator, or a gold file, is refused (naming the name and the setting): its labels would otherwise change kind.
 * The annotation panel's writes (appendLabel) never go through here.
 */
export async function appendAdjudicatedLabel(store: Store, label: LabelWrite): Promise<void> {
  await inTransaction(store, async () => {
    const db = connectionOf(store);
    await db.run("INSERT OR IGNORE INTO annotators (name, role) VALUES (?, 'adjudicator')", [label.annotator]);
    const row = (await db.get<{ id: number; role: string }>('SELECT id, role FROM annotators WHERE name = ?', [
      label.annotator,
    ]))!;
    if (row.role !== 'adjudicator') {
      throw new CoreError(
        row.role === 'gold'
          ? msg(
              '"{0}" is stored as a gold file (role {1}): an adjudicated label needs a name of its own, set langlens.adjudicator.id (e.g. "{0}-lead")',
              label.annotator,
              row.role,
            )
          : msg(
              '"{0}" is stored as an annotator (role {1}): an adjudicated label needs a name of its own, set langlens.adjudicator.id (e.g. "{0}-lead")',
              label.annotator,
              row.role,
            ),
      );
    }
    await insertLabel(store, label, row.id);
  });
}

async function insertLabel(store: Store, label: LabelWrite, annotatorId: number): Promise<void> {
  const promptId = await promptIdOf(store, label);
  const columns = label.kind === 'rating' ? await ratingColumns(store, label) : await pairColumns(store, label);
  await connectionOf(store).run(
    `
      INSERT OR IGNORE INTO labels (fingerprint, kind, prompt_id, annotator_id, target, system_a_id, system_b_id,
        system_id, seed, value, presentation, comment, labelled_at, recorded_at, criterion, scale, scale_min, scale_max,
        time_on_item_ms)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      label.fingerprint,
      label.kind,
      promptId,
      annotatorId,
      columns.target,
      columns.systemA,
      columns.systemB,
      columns.system,
      columns.seed,
      columns.value,
      columns.presentation,
      label.comment,
      label.labelledAt,
      new Date().toISOString(),
      ...dimensionsOf(label),
      label.timeOnItemMs ?? null,
    ],
  );
}

export async function appendLanguageFlag(store: Store, flag: FlagWrite): Promise<void> {
  await inTransaction(store, async () => {
    const promptId = await promptIdOf(store, flag);
    const annotatorId = await annotatorIdOf(store, flag.annotator);
    const systemId = await systemIdOf(store, flag.run, flag.system);
    await connectionOf(store).run(
      `
      INSERT OR IGNORE INTO language_flags (fingerprint, prompt_id, annotator_id, system_id, seed, flagged,
        labelled_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        flag.fingerprint,
        promptId,
        annotatorId,
        systemId,
        flag.seed,
        flag.flagged ? 1 : 0,
        flag.labelledAt,
        new Date().toISOString(),
      ],
    );
  });
}

export async function readPosition(store: Store, annotator: string, queue: string): Promise<string | undefined> {
  const row = await connectionOf(store).get<{ item: string }>(
    `
    SELECT ap.item FROM annotation_positions ap JOIN annotators a ON a.id = ap.annotator_id
    WHERE a.name = ? AND ap.queue = ?`,
    [annotator, queue],
  );
  return row?.item;
}

export async function savePosition(store: Store, annotator: string, queue: string, item: string): Promise<void> {
  await inTransaction(store, async () => {
    const annotatorId = await annotatorIdOf(store, annotator);
    await connectionOf(store).run(
      `
      INSERT INTO annotation_positions (annotator_id, queue, item, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (annotator_id, queue) DO UPDATE SET item = excluded.item, updated_at = excluded.updated_at`,
      [annotatorId, queue, item, new Date().toISOString()],
    );
  });
}

/** Criterion and scale columns of a label: no scale for a pairwise or an excellent / pass / fail label. */
function dimensionsOf(label: LabelWrite): [string, string | null, number | null, number | null] {
  const criterion = label.criterion ?? '';
  if (label.kind !== 'rating') return [criterion, null, null, null];
  return [criterion, label.scale?.name ?? null, label.scale?.min ?? null, label.scale?.max ?? null];
}

interface LabelColumns {
  readonly target: string;
  readonly systemA: number | null;
  readonly systemB: number | null;
  readonly system: number | null;
  readonly seed: number | null;
  readonly value: string | null;
  readonly presentation: 'AB' | 'BA' | null;
}

async function ratingColumns(store: Store, label: Extract<LabelWrite, { kind: 'rating' }>): Promise<LabelColumns> {
  const system = await systemIdOf(store, label.run, label.system);
  return {
    target: `response:${system}:${label.seed}`,
    systemA: null,
    systemB: null,
    system,
    seed: label.seed,
    value: label.value,
    presentation: null,
  };
}

/** The database keeps the lower system id as system A (as the importer does): flip the verdict and order to match. */
async function pairColumns(store: Store, label: Extract<LabelWrite, { kind: 'pairwise' }>): Promise<LabelColumns> {
  const a = await systemIdOf(store, label.run, label.systemA);
  const b = await systemIdOf(store, label.run, label.systemB);
  if (a === b) throw new CoreError(msg('a pair compares {0} with itself', label.systemA));
  const swap = a > b;
  const value = swap && (label.value === 'A' || label.value === 'B') ? (label.value === 'A' ? 'B' : 'A') : label.value;
  const presentation = swap ? (label.presentation === 'AB' ? 'BA' : 'AB') : label.presentation;
  const [low, high] = swap ? [b, a] : [a, b];
  return { target: `pair:${low}:${high}`, systemA: low, systemB: high, system: null, seed: null, value, presentation };
}

async function promptIdOf(store: Store, target: LabelTarget): Promise<number> {
  const row = await connectionOf(store).get<{ id: number }>(
    `
    SELECT p.id FROM prompts p JOIN runs r ON r.id = p.run_id
    WHERE r.name = ? AND p.group_key = ? AND p.lang = ? AND p.turn = ?`,
    [target.run, target.group, target.lang, target.turn],
  );
  if (!row)
    throw new CoreError(
      msg('prompt {0} ({1}, turn {2}) is no longer in run {3}', target.group, target.lang, target.turn, target.run),
    );
  return row.id;
}

async function systemIdOf(store: Store, run: string, system: string): Promise<number> {
  const row = await connectionOf(store).get<{ id: number }>(
    'SELECT s.id FROM system_names s JOIN runs r ON r.id = s.run_id WHERE r.name = ? AND s.name = ?',
    [run, system],
  );
  if (!row) throw new CoreError(msg('system {0} is no longer in run {1}', system, run));
  return row.id;
}

async function annotatorIdOf(store: Store, name: string): Promise<number> {
  await connectionOf(store).run('INSERT OR IGNORE INTO annotators (name) VALUES (?)', [name]);
  return (await connectionOf(store).get<{ id: number }>('SELECT id FROM annotators WHERE name = ?', [name]))!.id;
}

/** The transaction each connection is running or about to run: one connection runs one transaction at a time. */
const pending = new WeakMap<Store, Promise<unknown>>();

/**
 * Runs body in a transaction after the connection's earlier ones. BEGIN IMMEDIATE takes the write lock up front,
 * so a write waits for an import in another window or the CLI (up to the busy timeout) instead of failing half-way.
 */
function inTransaction(store: Store, body: () => Promise<void>): Promise<void> {
  const run = async () => {
    await connectionOf(store).exec('BEGIN IMMEDIATE');
    try {
      await body();
      await connectionOf(store).exec('COMMIT');
    } catch (err) {
      await connectionOf(store)
        .exec('ROLLBACK')
        .catch(() => undefined);
      throw err;
    }
  };
  const next = (pending.get(store) ?? Promise.resolve()).then(run, run);
  pending.set(
    store,
    next.catch(() => undefined),
  );
  return next;
}
