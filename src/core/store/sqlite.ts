// A small promise layer over the `sqlite3` package: the only file that touches its callback API.
import sqlite3 from 'sqlite3';

export type SqlValue = string | number | bigint | null | Buffer;
export type SqlParams = readonly SqlValue[];
export interface RunResult {
  readonly changes: number;
  readonly lastId: number;
}

export class SqliteDatabase {
  private constructor(private readonly db: sqlite3.Database, readonly path: string) {}

  static open(path: string, mode: 'readwrite' | 'readonly' = 'readwrite'): Promise<SqliteDatabase> {
    const flags = mode === 'readonly' ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(path, flags, (err) => (err ? reject(withPath(err, path)) : resolve(new SqliteDatabase(db, path))));
    });
  }

  /** Milliseconds to wait on a lock held by another connection (another window, the CLI) before failing. */
  configureBusyTimeout(ms: number): void {
    this.db.configure('busyTimeout', ms);
  }

  run(sql: string, params: SqlParams = []): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params as SqlValue[], function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ changes: this.changes, lastId: this.lastID });
      });
    });
  }

  get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.db.get(sql, params as SqlValue[], (err: Error | null, row: T | undefined) => (err ? reject(err) : resolve(row)));
    });
  }

  all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.db.all(sql, params as SqlValue[], (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  prepare(sql: string): Promise<PreparedStatement> {
    return new Promise((resolve, reject) => {
      const stmt = this.db.prepare(sql, (err) => (err ? reject(err) : resolve(new PreparedStatement(stmt))));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}

export class PreparedStatement {
  constructor(private readonly stmt: sqlite3.Statement) {}

  run(params: SqlParams): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.stmt.run(params as SqlValue[], function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ changes: this.changes, lastId: this.lastID });
      });
    });
  }

  finalize(): Promise<void> {
    return new Promise((resolve) => this.stmt.finalize(() => resolve()));
  }
}

function withPath(err: Error, path: string): Error {
  return new Error(`cannot open the database ${path}: ${err.message}`);
}
