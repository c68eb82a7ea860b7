// The one entry point to the database: opening (pragmas, migrations), writing records, and the queries the
// metrics, the CLI and the editor need. Nothing outside src/core/store writes SQL.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnnotatorRole, PairKey, PairVerdict, PresentationOrder } from '../model/records';
import type { LanguageTag } from '../model/language';
import { foldAnswerJournals } from './answerJournal';
import { packedRows, unpackChunksById, type PackedKind } from './packedRows';
import { currentLabels, type LabelsAsOf } from './latest';
import { registerConnection } from './connection';
import type { ConnectionState, Database, SqlValue } from './database';
import { watchLabels, type LabelWatch, type LabelWatchOptions } from './labelWatch';
import { postgresDdl } from './dialect';
import { MIGRATIONS } from './migrations';
import { isPostgresUrl, PostgresDatabase, redactedUrl, redactUrlsIn, type PostgresConnectOptions } from './postgres';
import { RecordWriter } from './recordWriter';
import { SqliteDatabase } from './sqlite';
import { applyTeamGrants } from './team';
import { CoreError, messageOf, msg } from '../util/message';

export { redactedUrl, redactUrlsIn } from './postgres';
export type { ConnectionState } from './database';
export type { LabelWatch, LabelWatchOptions } from './labelWatch';

/** A database as messages name it: a file as it is, a server's URL without its password. */
export function shownLocation(location: string): string {
  return redactUrlsIn(isPostgresUrl(location) ? redactedUrl(location) : location);
}

export const DEFAULT_DATABASE_PATH = '.langlens/langlens.db';

/**
 * The database a location names: a PostgreSQL server (postgres:// or postgresql://, a team's shared store), or
 * else one SQLite file (a path, or a file: URL). A URL of any other scheme is refused rather than taken as a
 * folder called "mysql:".
 */
export function databaseLocation(
  location: string,
): { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string } {
  if (isPostgresUrl(location)) return { engine: 'postgres', url: location };
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]+):\/\//.exec(location)?.[1];
  if (scheme === undefined) return { engine: 'sqlite', path: location };
  if (scheme.toLowerCase() === 'file') return { engine: 'sqlite', path: fileURLToPath(location) };
  throw new CoreError(
    msg(
      'the database "{0}" is a {1}:// URL: LangLens stores its data in one SQLite file (such as {2}) or on a PostgreSQL server (postgres://user@host/database)',
      redactUrlsIn(location),
      scheme,
      DEFAULT_DATABASE_PATH,
    ),
  );
}

/** The file a SQLite location names (see databaseLocation); a server's URL is returned as it is. */
export function databasePath(location: string): string {
  const parsed = databaseLocation(location);
  return parsed.engine === 'sqlite' ? parsed.path : parsed.url;
}

/** Which slice of the data a query covers. Absent fields mean "everything". */
export interface DataFilter {
  readonly run?: string;
  readonly languages?: readonly string[];
  readonly turns?: readonly number[];
  /** Criteria by name ('' is "no criterion"); all when absent. */
  readonly criteria?: readonly string[];
}

export type { LabelsAsOf } from './latest';

export interface JudgeVerdictRow extends PairKey {
  readonly judge: string;
  /** '' (or absent, in rows built by hand) when the verdict has no criterion. */
  readonly criterion?: string;
  readonly judgeHash: string;
  readonly order: PresentationOrder;
  readonly verdict: PairVerdict;
  readonly raw: string | null;
  /** The judge's reasoning, when it gave one (absent in rows built by hand). */
  readonly reasoning?: string | null;
}

export interface HumanPairwiseRow extends PairKey {
  readonly annotator: string;
  /** Focus time of the label in milliseconds; null or absent when it was not recorded. */
  readonly timeOnItemMs?: number | null;
  readonly comment?: string | null;
  /** When the annotator gave the label (ISO 8601; absent in rows built by hand). */
  readonly labelledAt?: string;
  readonly criterion?: string;
  readonly verdict: Exclude<PairVerdict, 'invalid'>;
  readonly order: PresentationOrder | null;
}

export interface RunSummary {
  readonly run: string;
  readonly languages: readonly { lang: string; prompts: number; responses: number }[];
  readonly systems: readonly string[];
  readonly groups: number;
  readonly responses: number;
  readonly pairwiseJudgments: readonly { judge: string; count: number; invalid: number }[];
  readonly pointwiseJudgments: readonly { judge: string; scale: string; count: number; invalid: number }[];
  readonly labels: readonly { kind: string; annotators: number; current: number; superseded: number }[];
}

export class Store {
  private constructor(private readonly db: Database) {
    registerConnection(this, db);
  }

  /**
   * Opens (creating if needed) a database file, or connects to a PostgreSQL server, and brings its schema to the
   * current version.
   */
  static async open(location: string, options: { readonly?: boolean } & PostgresConnectOptions = {}): Promise<Store> {
    const parsed = location === ':memory:' ? { engine: 'sqlite' as const, path: location } : databaseLocation(location);
    const db =
      parsed.engine === 'postgres'
        ? await openPostgres(parsed.url, options)
        : await openSqlite(parsed.path, options.readonly === true);
    try {
      if (!options.readonly) await migrate(db);
      else await checkVersion(db);
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
    const store = new Store(db);
    // Answers a judge job paid for but had not committed when its process died (answerJournal.ts).
    if (!options.readonly) await foldAnswerJournals(store);
    return store;
  }

  /** Which kind of database this is: the queries are the same, a few setup steps (roles, copy) are not. */
  get engine(): Database['engine'] {
    return this.db.engine;
  }

  /** Told whenever a write has to wait for another connection to finish (see SqliteDatabase.onWaitForLock). */
  onWaitForLock(listener: (path: string) => void): () => void {
    return this.db.onWaitForLock(listener);
  }

  /**
   * Calls onChange after labels are written by others (another connection, window or machine): on PostgreSQL by
   * LISTEN/NOTIFY, on SQLite by polling PRAGMA data_version (labelWatch.ts).
   */
  watchLabels(onChange: () => void, options?: LabelWatchOptions): Promise<LabelWatch> {
    return watchLabels(this, onChange, options);
  }

  /** Whether the server answers ('unreachable' while it is retried in the background); a file always does. */
  get connectionState(): ConnectionState {
    return this.db.connectionState;
  }

  /** Told when the server stops answering and when it answers again. */
  onConnectionState(listener: (state: ConnectionState, detail: string) => void): () => void {
    return this.db.onConnectionState(listener);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /**
   * After a failed write: a write-ahead log left beside the database, explained. It holds only committed
   * transactions (a rolled-back import left nothing in it that counts), and SQLite merges it into the database the
   * next time the database is opened with room to do so.
   */
  static leftoverLog(path: string): string | undefined {
    const wal = `${path}-wal`;
    let size = 0;
    try {
      size = statSync(wal).size;
    } catch {
      return undefined;
    }
    if (size === 0) return undefined;
    return (
      `${wal} (${size} bytes) is the database's write-ahead log: it holds only committed work, and is merged into ` +
      `${path} the next time LangLens opens it with enough disk space; do not delete it`
    );
  }

  /** Starts one transaction for writing records; commit or roll back the writer. */
  beginWrite(now?: string): Promise<RecordWriter> {
    return RecordWriter.begin(this.db, now);
  }

  async runs(): Promise<string[]> {
    return (await this.db.all<{ name: string }>('SELECT name FROM runs ORDER BY name')).map((r) => r.name);
  }

  async judgeVerdicts(filter: DataFilter & { judges?: readonly string[] } = {}): Promise<JudgeVerdictRow[]> {
    const where = filterClause(filter, 'p', 'r');
    if (filter.judges?.length) where.add(`j.name IN (${placeholders(filter.judges)})`, filter.judges);
    addCriterionFilter(where, filter, 'pj');
    return this.db.all<JudgeVerdictRow>(
      `
      SELECT r.name AS run, p.group_key AS "group", p.lang, p.turn, sa.name AS systemA, sb.name AS systemB,
             j.name AS judge, j.hash AS judgeHash, pj.presentation AS "order", pj.verdict, pj.raw, pj.criterion,
             pj.reasoning
      FROM pairwise_judgments pj
      JOIN prompts p ON p.id = pj.prompt_id JOIN runs r ON r.id = p.run_id JOIN judges j ON j.id = pj.judge_id
      JOIN systems sa ON sa.id = pj.system_a_id JOIN systems sb ON sb.id = pj.system_b_id
      ${where.sql()} ORDER BY pj.id`,
      where.params,
    );
  }

  /** Each annotator's current (latest) pairwise label per item; superseded labels stay in the history. */
  async humanPairwiseLabels(
    filter: DataFilter & LabelsAsOf & { annotators?: readonly string[]; roles?: readonly AnnotatorRole[] } = {},
  ): Promise<HumanPairwiseRow[]> {
    const where = filterClause(filter, 'p', 'r');
    where.add(`l.kind = 'pairwise'`, []);
    where.add('l.value IS NOT NULL', []);
    // Raw labels unless asked: adjudicated and gold labels are kept apart (migration 0013).
    const roles = filter.roles ?? ['annotator'];
    where.add(`a.role IN (${placeholders(roles)})`, roles);
    if (filter.annotators?.length) where.add(`a.name IN (${placeholders(filter.annotators)})`, filter.annotators);
    addCriterionFilter(where, filter, 'l');
    const current = currentLabels(filter);
    // Packed into a few strings (packedRows.ts): 60,663 votes at 4× Shaham et al. came as 0.6 s of row objects.
    const chunks = await this.db.all<{ n: number; packed: unknown }>(
      `
      SELECT count(*) AS n, ${HUMAN_VOTE_RECORD} AS packed
      FROM ${current.sql} l
      JOIN prompts p ON p.id = l.prompt_id JOIN runs r ON r.id = p.run_id JOIN annotators a ON a.id = l.annotator_id
      JOIN systems sa ON sa.id = l.system_a_id JOIN systems sb ON sb.id = l.system_b_id
      ${where.sql()} GROUP BY l.id / ${PACKED_CHUNK} ORDER BY l.id / ${PACKED_CHUNK}`,
      [...current.params, ...where.params],
    );
    return unpackChunksById(chunks, HUMAN_VOTE_KINDS).map(humanVoteOf);
  }

  /** The systems of one run, or of every run, by name. */
  async systemNames(run?: string): Promise<string[]> {
    const rows = await this.db.all<{ name: string }>(
      `
      SELECT DISTINCT s.name FROM systems s JOIN runs r ON r.id = s.run_id ${run === undefined ? '' : 'WHERE r.name = ?'}
      ORDER BY s.name`,
      run === undefined ? [] : [run],
    );
    return rows.map((r) => r.name);
  }

  async annotatorNames(): Promise<string[]> {
    return (await this.db.all<{ name: string }>('SELECT name FROM annotators ORDER BY name')).map((r) => r.name);
  }

  async judgeNames(): Promise<string[]> {
    return (await this.db.all<{ name: string }>('SELECT DISTINCT name FROM judges ORDER BY name')).map((r) => r.name);
  }

  async summary(): Promise<RunSummary[]> {
    const out: RunSummary[] = [];
    for (const { id, name } of await this.db.all<{ id: number; name: string }>(
      'SELECT id, name FROM runs ORDER BY name',
    )) {
      const languages = await this.db.all<{ lang: string; prompts: number; responses: number }>(
        `
        SELECT p.lang, count(DISTINCT p.id) AS prompts, count(resp.id) AS responses
        FROM prompts p LEFT JOIN responses resp ON resp.prompt_id = p.id
        WHERE p.run_id = ? GROUP BY p.lang ORDER BY p.lang`,
        [id],
      );
      const systems = (
        await this.db.all<{ name: string }>('SELECT name FROM systems WHERE run_id = ? ORDER BY name', [id])
      ).map((s) => s.name);
      const groups = await this.db.get<{ n: number }>(
        'SELECT count(DISTINCT group_key) AS n FROM prompts WHERE run_id = ?',
        [id],
      );
      const responses = languages.reduce((sum, l) => sum + l.responses, 0);
      const pairwiseJudgments = await this.db.all<{ judge: string; count: number; invalid: number }>(
        `
        SELECT j.name AS judge, count(*) AS count, sum(pj.verdict = 'invalid') AS invalid
        FROM pairwise_judgments pj JOIN judges j ON j.id = pj.judge_id JOIN prompts p ON p.id = pj.prompt_id
        WHERE p.run_id = ? GROUP BY j.name ORDER BY j.name`,
        [id],
      );
      const pointwiseJudgments = await this.db.all<{ judge: string; scale: string; count: number; invalid: number }>(
        `
        SELECT j.name AS judge, pw.scale, count(*) AS count, sum(pw.score IS NULL) AS invalid
        FROM pointwise_judgments pw JOIN judges j ON j.id = pw.judge_id JOIN prompts p ON p.id = pw.prompt_id
        WHERE p.run_id = ? GROUP BY j.name, pw.scale ORDER BY j.name`,
        [id],
      );
      // Every label row counts once: current when it is the latest of its annotator on its target and not an undo
      // (a cleared label leaves the target without a label); every other row is history.
      const labels = await this.db.all<{ kind: string; annotators: number; current: number; superseded: number }>(
        `
        SELECT l.kind, count(DISTINCT l.annotator_id) AS annotators, count(c.value) AS current, count(*) - count(c.value) AS superseded
        FROM labels l JOIN prompts p ON p.id = l.prompt_id LEFT JOIN current_labels c ON c.id = l.id
        WHERE p.run_id = ? GROUP BY l.kind ORDER BY l.kind`,
        [id],
      );
      out.push({
        run: name,
        languages,
        systems,
        groups: groups?.n ?? 0,
        responses,
        pairwiseJudgments,
        pointwiseJudgments,
        labels,
      });
    }
    return out;
  }
}

async function openSqlite(path: string, readonly: boolean): Promise<SqliteDatabase> {
  if (!readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = await SqliteDatabase.open(path, readonly ? 'readonly' : 'readwrite');
  db.configureBusyTimeout(10_000);
  try {
    await db.exec('PRAGMA foreign_keys = ON');
    if (!readonly) {
      await db.exec('PRAGMA journal_mode = WAL');
      await db.exec('PRAGMA synchronous = NORMAL');
    }
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return db;
}

async function openPostgres(
  url: string,
  options: { readonly?: boolean } & PostgresConnectOptions,
): Promise<PostgresDatabase> {
  const db = await PostgresDatabase.open(url, options);
  if (!options.readonly) {
    try {
      await db.ensureSchema();
    } catch (err) {
      await db.close();
      throw err;
    }
  }
  return db;
}

/** Every migration id a database has (none before its first). */
async function appliedMigrations(db: Database): Promise<Set<string>> {
  return new Set((await db.all<{ id: string }>('SELECT id FROM schema_migrations')).map((r) => r.id));
}

function refuseNewer(db: Database, applied: Set<string>): void {
  const unknown = [...applied].filter((id) => !MIGRATIONS.some((m) => m.id === id));
  if (unknown.length > 0) {
    throw new CoreError(
      msg(
        '{0} was written by a newer LangLens (it has schema changes {1}): update LangLens',
        db.path,
        unknown.join(', '),
      ),
    );
  }
}

/** Applies, each in its own transaction, the migrations this database has not had yet. */
async function migrate(db: Database): Promise<void> {
  if (db.engine === 'postgres') return migratePostgres(db);
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = await appliedMigrations(db);
  refuseNewer(db, applied);
  for (const migration of MIGRATIONS.filter((m) => !applied.has(m.id))) {
    await db.exec('BEGIN IMMEDIATE');
    try {
      await db.exec(migration.sql);
      await recordMigration(db, migration.id);
      await db.exec(`PRAGMA user_version = ${MIGRATIONS.indexOf(migration) + 1}`);
      await db.exec('COMMIT');
    } catch (err) {
      // SQLite may have rolled back already (a full disk does): the failure to report is the first one.
      await db.exec('ROLLBACK').catch(() => undefined);
      throw migrationFailed(db, migration.id, err as Error);
    }
  }
}

/**
 * PostgreSQL: many annotators may open the store at once, so the migrations run under one advisory lock (the
 * first connection migrates, the others wait and find nothing left to do), each in its own transaction.
 */
async function migratePostgres(db: Database): Promise<void> {
  const applied = await db
    .all<{ id: string }>('SELECT id FROM schema_migrations')
    .then((rows) => new Set(rows.map((r) => r.id)))
    .catch(() => undefined);
  if (applied && MIGRATIONS.every((m) => applied.has(m.id))) return refuseNewer(db, applied);
  await db.exec('SELECT pg_advisory_lock(7305271)');
  try {
    await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const now = await appliedMigrations(db);
    refuseNewer(db, now);
    const pending = MIGRATIONS.filter((m) => !now.has(m.id));
    for (const migration of pending) {
      await db.exec('BEGIN');
      try {
        await db.exec(migration.postgres ?? postgresDdl(migration.id, migration.sql));
        await recordMigration(db, migration.id);
        await db.exec('COMMIT');
      } catch (err) {
        await db.exec('ROLLBACK').catch(() => undefined);
        throw migrationFailed(db, migration.id, err as Error);
      }
    }
    // A view or table a migration made again has lost the team's grants and options: given again, as the team's
    // settings say (team.ts), in the same lead's open, before any annotator finds them missing.
    const last = pending[pending.length - 1];
    if (last && (await hasTeam(db))) {
      await db.exec('BEGIN');
      try {
        await applyTeamGrants(db);
        await db.exec('COMMIT');
      } catch (err) {
        await db.exec('ROLLBACK').catch(() => undefined);
        throw migrationFailed(db, `${last.id} (giving the team's grants again)`, err as Error);
      }
    }
  } finally {
    await db.exec('SELECT pg_advisory_unlock(7305271)').catch(() => undefined);
  }
}

async function hasTeam(db: Database): Promise<boolean> {
  const row = await db.get<{ n: number }>("SELECT count(*) AS n FROM team_settings WHERE key = 'role_prefix'");
  return (row?.n ?? 0) > 0;
}

function recordMigration(db: Database, id: string): Promise<unknown> {
  return db.run('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)', [id, new Date().toISOString()]);
}

function migrationFailed(db: Database, id: string, err: Error): Error {
  return Object.assign(
    new CoreError(msg('updating {0} with schema change {1} failed: {2}', db.path, id, messageOf(err))),
    {
      code: (err as { code?: string }).code,
      cause: err,
    },
  );
}

async function checkVersion(db: Database): Promise<void> {
  const rows = await db.all<{ id: string }>('SELECT id FROM schema_migrations').catch(() => []);
  const applied = new Set(rows.map((r) => r.id));
  const missing = MIGRATIONS.filter((m) => !applied.has(m.id)).map((m) => m.id);
  if (missing.length > 0) {
    throw new CoreError(
      msg('{0} lacks schema changes {1}: open it once for writing to update it', db.path, missing.join(', ')),
    );
  }
}

export function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

export class WhereClause {
  private readonly parts: string[] = [];
  readonly params: SqlValue[] = [];
  add(sql: string, params: readonly SqlValue[]): void {
    this.parts.push(sql);
    this.params.push(...params);
  }
  sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
  /** True when nothing narrows: sql() is empty. */
  get empty(): boolean {
    return this.parts.length === 0;
  }
}

/** Narrows to the filter's criteria, on a labels or judgments table aliased `alias`. */
export function addCriterionFilter(where: WhereClause, filter: DataFilter, alias: string): WhereClause {
  if (filter.criteria?.length) where.add(`${alias}.criterion IN (${placeholders(filter.criteria)})`, filter.criteria);
  return where;
}

export function filterClause(filter: DataFilter, prompt: string, run: string): WhereClause {
  const where = new WhereClause();
  if (filter.run !== undefined) where.add(`${run}.name = ?`, [filter.run]);
  if (filter.languages?.length) where.add(`${prompt}.lang IN (${placeholders(filter.languages)})`, filter.languages);
  if (filter.turns?.length) where.add(`${prompt}.turn IN (${placeholders(filter.turns)})`, filter.turns);
  return where;
}

/** Rows packed per this many consecutive ids: a few thousand rows a string. */
const PACKED_CHUNK = 4096;

/** A current pairwise vote as packed by humanPairwiseLabels, its id first (the order). */
const HUMAN_VOTE_FIELDS: readonly (readonly [string, PackedKind])[] = [
  ['l.id', 'int'],
  ['r.name', 'text'],
  ['p.group_key', 'text'],
  ['p.lang', 'text'],
  ['p.turn', 'int'],
  ['sa.name', 'text'],
  ['sb.name', 'text'],
  ['a.name', 'text'],
  ['l.value', 'text'],
  ['l.presentation', 'text?'],
  ['l.criterion', 'text'],
  ['l.time_on_item_ms', 'int?'],
  ['l.comment', 'text?'],
  ['l.labelled_at', 'text'],
];
const HUMAN_VOTE_RECORD = packedRows(HUMAN_VOTE_FIELDS);
const HUMAN_VOTE_KINDS = HUMAN_VOTE_FIELDS.map(([, kind]) => kind);

/** The vote of a packed row, its fields as the driver named them before (the order of the SELECT it replaced). */
function humanVoteOf(row: readonly (number | string | null)[]): HumanPairwiseRow {
  const [, run, group, lang, turn, systemA, systemB, annotator, verdict, order, criterion, time, comment, at] = row;
  return {
    run: run as string,
    group: group as string,
    lang: lang as LanguageTag,
    turn: turn as number,
    systemA: systemA as string,
    systemB: systemB as string,
    annotator: annotator as string,
    verdict: verdict as HumanPairwiseRow['verdict'],
    order: order as PresentationOrder | null,
    criterion: criterion as string,
    timeOnItemMs: time as number | null,
    comment: comment as string | null,
    labelledAt: at as string,
  };
}
