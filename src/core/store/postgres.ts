// The PostgreSQL connection behind a Store: one client per Store, so that statements and transactions run in order
// exactly as on SQLite's one connection. The queries are SQLite's; toPostgres says them in PostgreSQL's dialect.
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type {
  ChangeWatch,
  ConnectionState,
  Database,
  Engine,
  PreparedStatement,
  RunResult,
  SnapshotRead,
  SqlParams,
} from './database';
import { toPostgres } from './dialect';
import { LABEL_CHANNEL } from './migrations/0015-label-notify';
import { arrange, CoreError, messageOf, msg } from '../util/message';

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
  /** How often the connection is checked, and how long a check may take (default 10 s; tests use less). */
  readonly heartbeatMs?: number;
}

/**
 * A network that drops without a word (a cable, Wi-Fi, a VPN gone) leaves the socket open and its statements
 * hanging: TCP keepalive finds it only after minutes. So a connection is checked every HEARTBEAT_MS: an idle one
 * answers SELECT 1 within that time, a busy one's server must accept a new connection within it (a long statement
 * is not a dead network); otherwise the connection is dropped, said unreachable, and connected again by itself.
 */
const HEARTBEAT_MS = 10_000;

export class PostgresDatabase implements Database {
  readonly engine: Engine = 'postgres';
  private waitListeners: ((path: string) => void)[] = [];
  private stateListeners: ((state: ConnectionState, detail: string) => void)[] = [];
  private state: ConnectionState = 'connected';
  private retryTimer: NodeJS.Timeout | undefined;
  private lost: Error | undefined;
  private inTransaction = false;
  private closing = false;
  /** The statement last sent: the next waits for it, as on SQLite's connection (pg 9 will not queue them itself). */
  private last: Promise<unknown> = Promise.resolve();
  /** Statements sent and not answered yet, and since when there have been some. */
  private inFlight = 0;
  private busySince = 0;
  private readonly heartbeat: NodeJS.Timeout;
  private checking = false;

  private constructor(
    private client: pg.Client,
    private readonly config: pg.ClientConfig,
    readonly path: string,
    readonly schema: string | undefined,
    private readonly heartbeatMs: number,
  ) {
    this.watch(client);
    this.heartbeat = setInterval(() => void this.checkAlive(), heartbeatMs);
    this.heartbeat.unref();
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
      // A network that drops without a word is found by TCP keepalive rather than at the next statement only.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      // A server out of reach fails the attempt (and the background retry goes on) instead of hanging for minutes.
      connectionTimeoutMillis: 10_000,
    };
    const shown = redactedUrl(url);
    const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
    return new PostgresDatabase(await connect(config, schema, shown), config, shown, schema, heartbeatMs);
  }

  /** The heartbeat (HEARTBEAT_MS): a connection that cannot show it is alive within the time is given up. */
  private async checkAlive(): Promise<void> {
    if (this.checking || this.closing || this.lost || this.state === 'unreachable') return;
    this.checking = true;
    const client = this.client;
    try {
      if (this.inFlight === 0 && !this.inTransaction) {
        await withTimeout(this.query('SELECT 1', []), this.heartbeatMs);
      } else if (Date.now() - this.busySince > this.heartbeatMs) {
        const probe = new pg.Client({ ...this.config, connectionTimeoutMillis: this.heartbeatMs });
        try {
          await withTimeout(
            probe.connect().then(() => probe.query('SELECT 1')),
            this.heartbeatMs,
          );
        } finally {
          void probe.end().catch(() => undefined);
        }
      }
    } catch (err) {
      if (client !== this.client || this.closing) return;
      const seconds = Math.round(this.heartbeatMs / 1000);
      this.lost = new CoreError(msg('the server did not answer within {0} s ({1})', seconds, messageOf(err)));
      this.unreachable(this.lost);
      // The hanging statements fail now (their writes are retried by their callers), not when TCP gives up.
      destroySocket(client);
    } finally {
      this.checking = false;
    }
  }

  /**
   * A server that restarts or a network that drops ends the connection: the statement then running fails (its
   * transaction is gone: the caller's retry, the annotation outbox's, writes it again), and the next one outside a
   * transaction connects anew, instead of the process dying of an unhandled error event.
   */
  private watch(client: pg.Client): void {
    client.on('error', (err) => {
      if (client !== this.client) return;
      this.lost = err;
      this.unreachable(err);
    });
    client.on('end', () => {
      if (client !== this.client || this.closing) return;
      this.lost ??= new CoreError(msg('the server ended the connection'));
      this.unreachable(this.lost);
    });
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  onConnectionState(listener: (state: ConnectionState, detail: string) => void): () => void {
    this.stateListeners.push(listener);
    return () => {
      this.stateListeners = this.stateListeners.filter((l) => l !== listener);
    };
  }

  private setState(state: ConnectionState, detail: string): void {
    if (this.state === state || this.closing) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state, detail);
  }

  /**
   * The connection is gone: say so, and try again in the background (every second, then up to every 5 s) until the
   * server answers, so that the state clears by itself, not only when the next statement comes. Inside a transaction
   * the attempt waits for the transaction's ROLLBACK (its statements must fail, not run on a new connection).
   */
  private unreachable(cause: Error): void {
    this.setState('unreachable', `${this.path}: ${cause.message}`);
    if (this.retryTimer !== undefined || this.closing) return;
    const attempt = (delay: number) => {
      this.retryTimer = setTimeout(() => {
        this.query('SELECT 1', []).then(
          () => {
            this.retryTimer = undefined;
          },
          () => attempt(Math.min(delay * 2, 5000)),
        );
      }, delay);
      this.retryTimer.unref();
    };
    attempt(1000);
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
    this.setState('connected', this.path);
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

  /** One client, whose statements run one after another. */
  allBeside<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    return this.all(sql, params);
  }

  async readSnapshot<R>(reads: (all: SnapshotRead) => Promise<R>): Promise<R> {
    const here = () => reads((sql, params) => this.all(sql, params));
    if (this.inTransaction) return here();
    // A server with no connection to spare: the reads wait their turn on this one, each statement its own snapshot
    // (a transaction here would take in the statements of this connection's other callers).
    const client = await connect(this.config, this.schema, this.path).catch(() => undefined);
    if (!client) return here();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // One statement at a time, as on this connection: pg does not queue a client's statements itself.
      let last: Promise<unknown> = Promise.resolve();
      const all: SnapshotRead = <T>(sql: string, params: SqlParams = []) => {
        const next = last.then(() => client.query(toPostgres(sql), params as unknown[]));
        last = next.catch(() => undefined);
        return next.then((result) => result.rows as T[]);
      };
      const result = await reads(all);
      await client.query('COMMIT');
      return result;
    } finally {
      await client.end().catch(() => undefined);
    }
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

  /**
   * LISTENs on a client of its own for the labels' notifications (migration 0015) of this schema. A lost listener
   * connects again by itself (every second, then up to every 5 s) and then tells a change, since some may have
   * been missed meanwhile. Notifications come on commit, so pausing only holds them back until resume.
   */
  async watchChanges(onChange: () => void): Promise<ChangeWatch> {
    let closed = false;
    let paused = false;
    let missed = false;
    let client: pg.Client | undefined;
    let timer: NodeJS.Timeout | undefined;
    const schema = (await this.get<{ schema: string }>('SELECT current_schema() AS schema'))?.schema;
    const changed = () => {
      if (closed) return;
      if (paused) missed = true;
      else onChange();
    };
    const start = async (): Promise<void> => {
      const listener = await connect(this.config, this.schema, this.path);
      listener.on('notification', (message) => {
        if (message.channel === LABEL_CHANNEL && message.payload === schema) changed();
      });
      const lost = () => {
        if (client !== listener) return;
        client = undefined;
        retry(1000);
      };
      listener.on('error', lost);
      listener.on('end', lost);
      // A silent network drop would stop the notifications without a word: the listener answers or is dropped.
      const alive = setInterval(() => {
        if (client !== listener) return clearInterval(alive);
        withTimeout(listener.query('SELECT 1'), this.heartbeatMs).catch(() => destroySocket(listener));
      }, this.heartbeatMs);
      alive.unref();
      await listener.query(`LISTEN ${LABEL_CHANNEL}`);
      if (closed) await listener.end().catch(() => undefined);
      else client = listener;
    };
    const retry = (delay: number) => {
      if (closed) return;
      timer = setTimeout(() => {
        start().then(changed, () => retry(Math.min(delay * 2, 5000)));
      }, delay);
      timer.unref();
    };
    await start();
    return {
      pause() {
        paused = true;
      },
      resume() {
        paused = false;
        if (missed) {
          missed = false;
          changed();
        }
      },
      async close() {
        closed = true;
        clearTimeout(timer);
        const open = client;
        client = undefined;
        await open?.end().catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeat);
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
    if (this.inFlight++ === 0) this.busySince = Date.now();
    const result = this.last.then(send, send);
    this.last = result.catch(() => undefined);
    try {
      const done = await result;
      if (begins) this.inTransaction = true;
      return done;
    } catch (err) {
      throw this.located(err as Error & { code?: string });
    } finally {
      this.inFlight--;
      if (ends) this.inTransaction = false;
    }
  }

  private located(err: Error & { code?: string }): Error {
    if (this.lost) return this.connectionLost(this.lost);
    if (err.message.includes(this.path)) return err;
    return Object.assign(new CoreError(arrange('{0} ({1})', messageOf(err), this.path)), {
      code: err.code,
      cause: err,
    });
  }

  private connectionLost(cause: Error): Error {
    return Object.assign(new CoreError(msg('the connection to {0} was lost: {1}', this.path, messageOf(cause))), {
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
    throw Object.assign(new CoreError(msg('cannot connect to the database {0}: {1}', shown, messageOf(err))), {
      code: (err as { code?: string }).code,
      cause: err,
    });
  }
  return client;
}

/** Ends a connection whose network is gone at once: its statements fail and its 'end' event comes. */
function destroySocket(client: pg.Client): void {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

/** The promise's outcome, or a failure once `ms` have passed without one. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CoreError(msg('no answer in {0} ms', ms))), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
