// What the store's queries need of a database connection, whichever engine is behind it: SQLite (one file, the
// default for one person) or PostgreSQL (a server a team shares). The queries are written once, in SQLite's
// dialect; the PostgreSQL connection translates what differs (dialect.ts), so no query knows which engine runs it.

export type SqlValue = string | number | bigint | null | Buffer;
export type SqlParams = readonly SqlValue[];
export interface RunResult {
  readonly changes: number;
}

export type Engine = 'sqlite' | 'postgres';

export interface PreparedStatement {
  run(params: SqlParams): Promise<RunResult>;
  finalize(): Promise<void>;
}

/** Whether the server behind a connection answers: a SQLite file always does. */
export type ConnectionState = 'connected' | 'unreachable';

/** Someone's changes to the labels, as an engine tells them (watchLabels in labelWatch.ts wraps it). */
export interface ChangeWatch {
  /** Stops looking for changes (a poll); a change made meanwhile is told at resume. */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

/** A read of readSnapshot's: all() on its connection, in its transaction. */
export type SnapshotRead = <T>(sql: string, params?: SqlParams) => Promise<T[]>;

export interface Database {
  readonly engine: Engine;
  /** The database as named in messages: the file, or the server URL without its password. */
  readonly path: string;
  /** Where files that belong beside the database go (the answer journals); none for an in-memory database. */
  readonly localFolder: string | undefined;
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  /** Runs an INSERT into a table with an id column and returns the new row's id. */
  insertId(sql: string, params?: SqlParams): Promise<number>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  /**
   * A read that may run at the same time as this connection's other statements: on SQLite, outside a transaction,
   * on a second, read-only connection to the same file (a statement outside a transaction reads a snapshot of its
   * own either way); otherwise the same as all(). For the few big reads that a table or panel makes side by side.
   */
  allBeside<T>(sql: string, params?: SqlParams): Promise<T[]>;
  /**
   * Many reads that must see one state of the database (a big read in chunks), on a connection of their own beside
   * this one's statements, in a read-only transaction ended when `reads` settles. Inside a transaction of this
   * connection (which must see its own writes), or on an in-memory database, on this connection.
   */
  readSnapshot<R>(reads: (all: SnapshotRead) => Promise<R>): Promise<R>;
  exec(sql: string): Promise<void>;
  prepare(sql: string): Promise<PreparedStatement>;
  /**
   * Inside a write transaction, before reading max(id) of these tables to number new rows: makes sure no one else
   * adds rows to them until the transaction ends (SQLite's write lock does already).
   */
  reserveIds(tables: readonly string[]): Promise<void>;
  /** After rows were written with ids of our own numbering: the next id the database hands out follows them. */
  syncIds(tables: readonly string[]): Promise<void>;
  /** Told whenever a write has to wait for another connection to finish. */
  onWaitForLock(listener: (path: string) => void): () => void;
  /**
   * Calls onChange after other connections commit changes to the labels or language flags (PostgreSQL: notified on
   * commit; SQLite: any commit to the file, seen by polling PRAGMA data_version every intervalMs).
   */
  watchChanges(onChange: () => void, intervalMs: number): Promise<ChangeWatch>;
  /** Told when the server stops answering and when it answers again. */
  onConnectionState(listener: (state: ConnectionState, detail: string) => void): () => void;
  readonly connectionState: ConnectionState;
  close(): Promise<void>;
}
