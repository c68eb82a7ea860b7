// The PostgreSQL connection behind a Store: one client per Store, so that statements and transactions run in order
// exactly as on SQLite's one connection. The queries are SQLite's; toPostgres says them in PostgreSQL's dialect.
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database, Engine, PreparedStatement, RunResult, SqlParams } from './database';
import { toPostgres } from './dialect';

// count(*) is a bigint and sum() of integers a numeric, which pg hands over as strings; SQLite gives numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** A postgres:// or postgresql:// URL, as the database option names a server. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

/** The URL as shown in messages: never with its password. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return redactUrlsIn(url);
  }
}

/**
 * Any text with database URLs in it (a message, an error) with their passwords as ***: the last guard before a
 * message is printed, whatever URL (postgres://, mysql://...) a user typed.
 */
export function redactUrlsIn(text: string): string {
  return text.replace(/\b([A-Za-z][A-Za-z0-9+.-]*:\/\/[^:/@\s"'<>]*):([^@\s"'<>]+)@/g, '$1:***@');
}

export interface PostgresConnectOptions {
  /** Overrides the URL's password (the editor keeps it in its secret storage, not in the setting). */
  readonly password?: string;
}

export class PostgresDatabase implements Database {
  readonly engine: Engine = 'postgres';
  private waitListeners: ((path: string) => void)[] = [];
  private lost: Error | undefined;
  private inTransaction = false;
  private closing = false;
  /** The statement last sent: the next waits for it, as on SQLite's connection (pg 9 will not queue them itself). */
  private last: Promise<unknown> = Promise.resolve();

  private constructor(
    private client: pg.Client,
    private readonly config: pg.ClientConfig,
    readonly path: string,
    readonly schema: string | undefined,
  ) {
    this.watch(client);
  }

  /**
   * Connects to the database a URL names. `?schema=NAME` keeps LangLens's tables in that schema (created when
   * missing), so that one database can hold several projects; the other parameters are node-postgres's.
   */
  static async open(url: string, options: PostgresConnectOptions = {}): Promise<PostgresDatabase> {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? undefined;
    parsed.searchParams.delete('schema');
    const config: pg.ClientConfig = {
      connectionString: parsed.toString(),
      ...(options.password === undefined ? {} : { password: options.password }),
      application_name: 'langlens',
    };
    const shown = redactedUrl(url);
    return new PostgresDatabase(await connect(config, schema, shown), config, shown, schema);
  }

  /**
   * A server that restarts or a network that drops ends the connection: the statement then running fails (its
   * transaction is gone: the caller's retry, the annotation outbox's, writes it again), and the next one outside a
   * transaction connects anew, instead of the process dying of an unhandled error event.
   */
  private watch(client: pg.Client): void {
    client.on('error', (err) => {
      if (client === this.client) this.lost = err;
    });
    client.on('end', () => {
      if (client === this.client && !this.closing) this.lost ??= new Error('the server ended the connection');
    });
  }

  private async reconnect(): Promise<void> {
    await this.client.end().catch(() => undefined);
    try {
      this.client = await connect(this.config, this.schema, this.path);
    } catch (err) {
      throw this.connectionLost(err as Error);
    }
    this.watch(this.client);
    this.lost = undefined;
  }

  /** The schema, created if missing (for a writer; a reader only uses one that exists). */
  async ensureSchema(): Promise<void> {
    if (this.schema === undefined) return;
    // Looked up first: CREATE SCHEMA IF NOT EXISTS needs a right on the database that annotators do not have.
    const found = await this.client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [this.schema]);
    if (found.rowCount === 0) await this.client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)}`);
  }

  get localFolder(): string | undefined {
    const key = createHash('sha256').update(this.path).digest('hex').slice(0, 16);
    return join(homedir(), '.langlens', 'servers', key);
  }

  onWaitForLock(listener: (path: string) => void): () => void {
    this.waitListeners.push(listener);
    return () => {
      this.waitListeners = this.waitListeners.filter((l) => l !== listener);
    };
  }

  async run(sql: string, params: SqlParams = []): Promise<RunResult> {
    const result = await this.query(sql, params);
    return { changes: result.rowCount ?? 0 };
  }

  async insertId(sql: string, params: SqlParams = []): Promise<number> {
    const result = await this.query(`${sql} RETURNING id`, params);
    return Number((result.rows[0] as { id: number }).id);
  }

  async get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return (await this.query(sql, params)).rows[0] as T | undefined;
  }

  async all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async exec(sql: string): Promise<void> {
    await this.query(sql, [], false);
  }

  prepare(sql: string): Promise<PreparedStatement> {
    return Promise.resolve({
      run: (params: SqlParams) => this.run(sql, params),
      finalize: () => Promise.resolve(),
    });
  }

  async reserveIds(tables: readonly string[]): Promise<void> {
    // Readers and label writers (which only reference these rows) go on; only other inserts into them wait.
    await this.query(`LOCK TABLE ${tables.join(', ')} IN SHARE ROW EXCLUSIVE MODE`, [], false);
  }

  async syncIds(tables: readonly string[]): Promise<void> {
    for (const table of tables) {
      await this.query(`SELECT setval(pg_get_serial_sequence(?, 'id'), greatest((SELECT max(id) FROM ${table}), 1))`, [
        table,
      ]);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.client.end().catch(() => undefined);
  }

  /** Runs one statement (or, unparameterised, several) and names the database in any failure. */
  private async query(sql: string, params: SqlParams, single = true): Promise<pg.QueryResult> {
    const text = toPostgres(sql);
    const begins = /^\s*BEGIN\b/i.test(text);
    const ends = /^\s*(COMMIT|END|ROLLBACK)\b/i.test(text);
    const send = async () => {
      if (this.lost) {
        // A transaction the connection took with it: its ROLLBACK has nothing left to undo.
        if (this.inTransaction && /^\s*ROLLBACK\b/i.test(text)) {
          this.inTransaction = false;
          return { rows: [], rowCount: 0 } as unknown as pg.QueryResult;
        }
        if (this.inTransaction) throw this.connectionLost(this.lost);
        await this.reconnect();
      }
      return single || params.length > 0 ? this.client.query(text, params as unknown[]) : this.client.query(text);
    };
    const result = this.last.then(send, send);
    this.last = result.catch(() => undefined);
    try {
      const done = await result;
      if (begins) this.inTransaction = true;
      return done;
    } catch (err) {
      throw this.located(err as Error & { code?: string });
    } finally {
      if (ends) this.inTransaction = false;
    }
  }

  private located(err: Error & { code?: string }): Error {
    if (this.lost) return this.connectionLost(this.lost);
    if (err.message.includes(this.path)) return err;
    return Object.assign(new Error(`${err.message} (${this.path})`), { code: err.code, cause: err });
  }

  private connectionLost(cause: Error): Error {
    return Object.assign(new Error(`the connection to ${this.path} was lost: ${cause.message}`), {
      code: 'CONNECTION_LOST',
      cause,
    });
  }
}

async function connect(config: pg.ClientConfig, schema: string | undefined, shown: string): Promise<pg.Client> {
  const client = new pg.Client(config);
  try {
    await client.connect();
    if (schema !== undefined) await client.query(`SET search_path TO ${quoteIdentifier(schema)}`);
  } catch (err) {
    await client.end().catch(() => undefined);
    throw Object.assign(new Error(`cannot connect to the database ${shown}: ${(err as Error).message}`), {
      code: (err as { code?: string }).code,
      cause: err,
    });
  }
  return client;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
