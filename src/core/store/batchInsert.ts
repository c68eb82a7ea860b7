// Buffers rows of one table and writes them as multi-row INSERT statements: one round trip per few hundred rows
// instead of one per row, which is what makes a 250,000-row import take seconds rather than minutes.
// On SQLite, when asked (packed), a batch goes as one JSON array bound as a single parameter and unpacked by
// json_each: the sqlite3 package binds each parameter on the JavaScript thread (about 1 µs a value, 3 s of the main
// thread for a Shaham et al.-scale import), while JSON.stringify is one native call and SQLite reads the array on
// its own thread.
import type { Database, PreparedStatement, SqlValue } from './database';

export class BatchInsert {
  /** Buffered rows, each as add() was given it. */
  private rows: (readonly SqlValue[])[] = [];
  private changes = 0;
  /** Prepared once per chunk size: a full chunk's statement is reused for every full chunk. */
  private readonly statements = new Map<number, Promise<PreparedStatement>>();

  /**
   * @param head  "INSERT INTO t (a, b, c)" (or "INSERT OR IGNORE ...")
   * @param tail  what follows VALUES, e.g. an ON CONFLICT clause
   */
  constructor(
    private readonly db: Database,
    private readonly head: string,
    private readonly columns: number,
    private readonly tail = '',
    /** On SQLite, each flush as one JSON array (see above); else a few hundred rows of VALUES a statement. */
    private readonly packed = false,
    // SQLite accepts up to 32,766 parameters a statement; a few hundred rows a statement is past the point
    // where the per-statement cost matters.
    private readonly batchRows = Math.max(1, Math.min(500, Math.floor(32_000 / columns))),
  ) {}

  /** Buffers a row of `columns` values; the array is kept as it is, not copied (give each row its own). */
  add(row: readonly SqlValue[]): void {
    this.rows.push(row);
  }

  get pending(): number {
    return this.rows.length;
  }

  /** Rows added or changed so far (an upsert that changes nothing counts 0). */
  get written(): number {
    return this.changes;
  }

  /** Detaches the buffered rows, so that new rows can be buffered while these are written. */
  take(): (readonly SqlValue[])[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  /** Writes the rows in order: packed, one statement; else a few hundred a statement. */
  async flush(rows: readonly (readonly SqlValue[])[] = this.take()): Promise<void> {
    if (rows.length === 0) return;
    const json = this.packed && this.db.engine === 'sqlite' ? packedJson(rows) : undefined;
    if (json !== undefined) {
      this.changes += (await (await this.statement(0)).run([json])).changes;
      return;
    }
    for (let start = 0; start < rows.length;) {
      const count = this.statementRows(rows, start, Math.min(this.batchRows, rows.length - start));
      const chunk = rows.slice(start, start + count).flat();
      this.changes += (await (await this.statement(count)).run(chunk)).changes;
      start += count;
    }
  }

  /**
   * How many rows from `start` one statement may take. PostgreSQL refuses an upsert that meets the same key twice
   * in one statement, where SQLite applies the rows one after the other: there a statement ends before a repeat.
   */
  private statementRows(rows: readonly (readonly SqlValue[])[], start: number, count: number): number {
    const key = this.conflictKey;
    if (!key) return count;
    const seen = new Set<string>();
    for (let row = start; row < start + count; row++) {
      const id = JSON.stringify(key.map((column) => String(rows[row]![column])));
      if (seen.has(id)) return row - start;
      seen.add(id);
    }
    return count;
  }

  /** The positions of the upsert's conflict columns among the inserted ones, on PostgreSQL. */
  private get conflictKey(): number[] | undefined {
    if (this.db.engine !== 'postgres') return undefined;
    const target = /ON\s+CONFLICT\s*\(([^)]*)\)\s*DO\s+UPDATE/i.exec(this.tail)?.[1];
    const columns = /\(([^)]*)\)\s*$/.exec(this.head)?.[1];
    if (!target || !columns) return undefined;
    const names = columns.split(',').map((c) => c.trim());
    return target.split(',').map((c) => names.indexOf(c.trim()));
  }

  /** Releases the prepared statements; call before the transaction ends. */
  async close(): Promise<void> {
    for (const statement of this.statements.values()) await (await statement).finalize();
    this.statements.clear();
  }

  /** The statement for `rows` rows of VALUES, or (0) for a packed batch of any length. */
  private statement(rows: number): Promise<PreparedStatement> {
    let statement = this.statements.get(rows);
    if (!statement) {
      const placeholders = `(${new Array(this.columns).fill('?').join(',')})`;
      const fields = Array.from({ length: this.columns }, (_, i) => `value ->> ${i}`).join(', ');
      // "WHERE true" keeps SQLite from reading ON CONFLICT as part of the SELECT's join (its documented ambiguity);
      // json_each yields the rows in their order, so a repeat within a batch is applied after the earlier row.
      statement = this.db.prepare(
        rows === 0
          ? `${this.head} SELECT ${fields} FROM json_each(?) WHERE true ${this.tail}`
          : `${this.head} VALUES ${new Array(rows).fill(placeholders).join(',')} ${this.tail}`,
      );
      this.statements.set(rows, statement);
    }
    return statement;
  }
}

/**
 * The rows as one JSON array of arrays, or undefined when JSON would not carry a value as binding does: a blob, a
 * bigint, a number JSON has no word for, or a string holding a lone surrogate (JSON.stringify writes it as an
 * escape, which SQLite would decode into other bytes than the sqlite3 package's U+FFFD); those batches go as VALUES.
 */
function packedJson(rows: readonly (readonly SqlValue[])[]): string | undefined {
  for (const row of rows) {
    for (const value of row) {
      if (typeof value === 'number' ? !Number.isFinite(value) : value !== null && typeof value !== 'string')
        return undefined;
    }
  }
  const json = JSON.stringify(rows);
  return json.includes('\\u') && LONE_SURROGATE_ESCAPE.test(json) ? undefined : json;
}

/** How JSON.stringify writes a lone surrogate (also matches an escaped backslash before such text: then VALUES). */
const LONE_SURROGATE_ESCAPE = /\\ud[89a-f]/i;
