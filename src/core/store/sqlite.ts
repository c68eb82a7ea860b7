// A small promise layer over the `sqlite3` package: the only file that touches its callback API.
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import type { ChangeWatch, ConnectionState, Database, Engine, SnapshotRead, SqlParams, SqlValue } from './database';
import { arrange, CoreError, type Message, messageOf, msg } from '../util/message';

export type { SqlParams, SqlValue } from './database';
export interface RunResult {
  readonly changes: number;
  readonly lastId: number;
}

/** SQLite's I/O-level failures, which say nothing of the file they concern unless told. */
const NAMED_FAILURES: Readonly<Record<string, Message>> = {
  SQLITE_FULL: msg('database or disk is full'),
  SQLITE_IOERR: msg('the disk could not be read or written'),
  SQLITE_READONLY: msg('the database cannot be written (read-only file or folder)'),
  SQLITE_CANTOPEN: msg('the database file cannot be opened'),
  SQLITE_CORRUPT: msg('the database file is damaged'),
  SQLITE_NOTADB: msg('the file is not an SQLite database'),
};

export class SqliteDatabase implements Database {
  readonly engine: Engine = 'sqlite';
  private inTransaction = false;
  private waitListeners: ((path: string) => void)[] = [];
  private reader: Promise<SqliteDatabase> | undefined;
  private busyTimeoutMs = 0;

  private constructor(
    private readonly db: sqlite3.Database,
    readonly path: string,
  ) {}

  /**
   * Called when a write waits for another connection (another window, a CLI import) to finish: BEGIN and
   * statements outside a transaction wait as long as it takes instead of failing with SQLITE_BUSY.
   */
  onWaitForLock(listener: (path: string) => void): () => void {
    this.waitListeners.push(listener);
    return () => {
      this.waitListeners = this.waitListeners.filter((l) => l !== listener);
    };
  }

  get localFolder(): string | undefined {
    return this.path === '' || this.path === ':memory:' || this.path.startsWith('file::memory:')
      ? undefined
      : this.path;
  }

  async insertId(sql: string, params: SqlParams = []): Promise<number> {
    return (await this.run(sql, params)).lastId;
  }

  /** The write lock BEGIN IMMEDIATE took keeps every other connection out already. */
  reserveIds(): Promise<void> {
    return Promise.resolve();
  }

  /** INTEGER PRIMARY KEY continues after the largest id by itself. */
  syncIds(): Promise<void> {
    return Promise.resolve();
  }

  static open(path: string, mode: 'readwrite' | 'readonly' = 'readwrite'): Promise<SqliteDatabase> {
    const flags = mode === 'readonly' ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(path, flags, (err) =>
        err ? reject(withPath(err, path)) : resolve(new SqliteDatabase(db, path)),
      );
    });
  }

  /**
   * Milliseconds a statement waits on a lock held by another connection (another window, the CLI) before it fails,
   * or, outside a transaction, before the wait is reported and the statement tried again.
   */
  configureBusyTimeout(ms: number): void {
    this.busyTimeoutMs = ms;
    this.db.configure('busyTimeout', ms);
  }

  run(sql: string, params: SqlParams = []): Promise<RunResult> {
    return this.patiently(
      () =>
        new Promise((resolve, reject) => {
          this.db.run(sql, params as SqlValue[], function (this: sqlite3.RunResult, err: Error | null) {
            if (err) reject(err);
            else resolve({ changes: this.changes, lastId: this.lastID });
          });
        }),
    );
  }

  get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return this.patiently(
      () =>
        new Promise((resolve, reject) => {
          this.db.get(sql, params as SqlValue[], (err: Error | null, row: T | undefined) =>
            err ? reject(err) : resolve(row),
          );
        }),
    );
  }

  all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    return this.patiently(
      () =>
        new Promise((resolve, reject) => {
          this.db.all(sql, params as SqlValue[], (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
        }),
    );
  }

  /**
   * On a read-only connection of its own, opened at the first such read: SQLite runs one statement of a connection
   * at a time, so the dashboard's verdicts, votes and slices (0.55, 0.3 and 0.15 s at 4× Shaham et al.) took their
   * sum. Inside a transaction, or on an in-memory database (which a second connection would not see), all().
   */
  async allBeside<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    const reader = this.inTransaction || this.localFolder === undefined ? undefined : await this.readerConnection();
    return (reader ?? this).all(sql, params);
  }

  async readSnapshot<R>(reads: (all: SnapshotRead) => Promise<R>): Promise<R> {
    const here = () => reads((sql, params) => this.all(sql, params));
    if (this.inTransaction || this.localFolder === undefined) return here();
    // A file no second connection may open (as for allBeside): the reads wait their turn here, each statement its
    // own snapshot (a transaction here would take in the statements of this connection's other callers).
    const reader = await SqliteDatabase.open(this.path, 'readonly').catch(() => undefined);
    if (!reader) return here();
    try {
      reader.configureBusyTimeout(this.busyTimeoutMs);
      // Deferred: the snapshot is taken at the first read and held to the COMMIT (WAL keeps it for this reader).
      await reader.exec('BEGIN');
      const result = await reads((sql, params) => reader.all(sql, params));
      await reader.exec('COMMIT');
      return result;
    } finally {
      await reader.close();
    }
  }

  /** The second connection; none when it cannot be opened (the read then waits its turn here: same rows, later). */
  private async readerConnection(): Promise<SqliteDatabase | undefined> {
    this.reader ??= SqliteDatabase.open(this.path, 'readonly').then((reader) => {
      reader.configureBusyTimeout(this.busyTimeoutMs);
      return reader;
    });
    try {
      return await this.reader;
    } catch {
      this.reader = undefined;
      return undefined;
    }
  }

  async exec(sql: string): Promise<void> {
    const begins = /^\s*BEGIN\b/i.test(sql);
    const ends = /^\s*(COMMIT|END|ROLLBACK)\b/i.test(sql);
    try {
      await this.patiently(
        () => new Promise<void>((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve()))),
      );
      if (begins) this.inTransaction = true;
    } finally {
      if (ends) this.inTransaction = false; // a failed ROLLBACK means there was no transaction left either
    }
  }

  prepare(sql: string): Promise<PreparedStatement> {
    return new Promise((resolve, reject) => {
      const stmt = this.db.prepare(sql, (err) =>
        err ? reject(this.located(err)) : resolve(new PreparedStatement(stmt, (e) => this.located(e))),
      );
    });
  }

  /**
   * Runs a statement; outside a transaction (where a statement that met a lock did nothing), SQLITE_BUSY after the
   * busy timeout means another connection is still writing: say so and try again, for as long as it takes.
   * Inside a transaction a busy statement fails, since repeating it alone could break the transaction.
   * Every failure is given the database's path.
   */
  private async patiently<T>(attempt: () => Promise<T>): Promise<T> {
    for (let waited = false; ; waited = true) {
      try {
        return await attempt();
      } catch (err) {
        const ended = /^SQLITE_(FULL|IOERR)/.test(String((err as { code?: string }).code)) && this.inTransaction;
        if (ended) this.inTransaction = false; // SQLite rolls back on its own after these
        if ((err as { code?: string }).code !== 'SQLITE_BUSY' || this.inTransaction) throw this.located(err as Error);
        if (!waited) for (const listener of this.waitListeners) listener(this.path);
      }
    }
  }

  /** The error with the file it concerns, in words, keeping SQLite's code for callers that test it. */
  located(err: Error): Error {
    const code = (err as { code?: string }).code ?? '';
    const named = code === 'SQLITE_IOERR' && diskIsFull(this.path) ? NAMED_FAILURES.SQLITE_FULL : NAMED_FAILURES[code];
    if (!named || err.message.includes(this.path)) return err;
    return Object.assign(new CoreError(arrange('{0}: {1} ({2})', named, this.path, code)), { code, cause: err });
  }

  /** A file is always there: the state never changes. */
  readonly connectionState: ConnectionState = 'connected';
  onConnectionState(): () => void {
    return () => undefined;
  }

  /**
   * Polls PRAGMA data_version on a connection of its own (read-only), which changes whenever any other connection
   * (this process's others included) commits to the file: one cheap read a poll, no table scanned. An in-memory
   * database has no other connection to watch.
   */
  async watchChanges(onChange: () => void, intervalMs: number): Promise<ChangeWatch> {
    if (this.localFolder === undefined) {
      return { pause: () => undefined, resume: () => undefined, close: () => Promise.resolve() };
    }
    const watcher = await SqliteDatabase.open(this.path, 'readonly');
    watcher.configureBusyTimeout(1000);
    const version = async () => (await watcher.get<{ data_version: number }>('PRAGMA data_version'))?.data_version;
    let last = await version();
    let timer: NodeJS.Timeout | undefined;
    let closed = false;
    let paused = false;
    let polling: Promise<void> = Promise.resolve();
    const poll = async () => {
      try {
        const now = await version();
        if (now !== last) {
          last = now;
          if (!closed) onChange();
        }
      } catch {
        // A busy or vanished file: the next poll looks again.
      }
    };
    const schedule = () => {
      clearTimeout(timer);
      if (closed || paused) return;
      timer = setTimeout(() => {
        polling = poll().then(schedule);
      }, intervalMs);
      timer.unref();
    };
    schedule();
    return {
      pause() {
        paused = true;
        clearTimeout(timer);
      },
      resume() {
        if (!paused || closed) return;
        paused = false;
        // What was committed while paused is seen at once.
        polling = poll().then(schedule);
      },
      async close() {
        closed = true;
        clearTimeout(timer);
        await polling;
        await watcher.close();
      },
    };
  }

  async close(): Promise<void> {
    const reader = this.reader;
    this.reader = undefined;
    await (await reader?.catch(() => undefined))?.close();
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}

export class PreparedStatement {
  constructor(
    private readonly stmt: sqlite3.Statement,
    private readonly located: (err: Error) => Error,
  ) {}

  run(params: SqlParams): Promise<RunResult> {
    const located = this.located;
    return new Promise((resolve, reject) => {
      this.stmt.run(params as SqlValue[], function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(located(err));
        else resolve({ changes: this.changes, lastId: this.lastID });
      });
    });
  }

  finalize(): Promise<void> {
    return new Promise((resolve) => this.stmt.finalize(() => resolve()));
  }
}

function withPath(err: Error, path: string): Error {
  return Object.assign(new CoreError(msg('cannot open the database {0}: {1}', path, messageOf(err))), {
    code: (err as { code?: string }).code,
    cause: err,
  });
}

/** SQLite reports some writes on a full disk as a plain I/O error (the shared-memory file, say): look. */
function diskIsFull(path: string): boolean {
  try {
    const fs = statfsSync(dirname(path));
    return fs.bavail * fs.bsize < 64 * 1024;
  } catch {
    return false;
  }
}
