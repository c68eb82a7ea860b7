// Buffers rows of one table and writes them as multi-row INSERT statements: one round trip per few hundred rows
// instead of one per row, which is what makes a 250,000-row import take seconds rather than minutes.
import type { Database, PreparedStatement, SqlValue } from './database';

export class BatchInsert {
  /** Buffered rows, flat: row i is values[i * columns .. (i + 1) * columns). */
  private values: SqlValue[] = [];
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
    // SQLite accepts up to 32,766 parameters a statement; a few hundred rows a statement is past the point
    // where the per-statement cost matters.
    private readonly batchRows = Math.max(1, Math.min(500, Math.floor(32_000 / columns))),
  ) {}

  add(row: readonly SqlValue[]): void {
    for (const value of row) this.values.push(value);
  }

  get pending(): number {
    return this.values.length / this.columns;
  }

  /** Rows added or changed so far (an upsert that changes nothing counts 0). */
  get written(): number {
    return this.changes;
  }

  /** Detaches the buffered rows (flat), so that new rows can be buffered while these are written. */
  take(): SqlValue[] {
    const values = this.values;
    this.values = [];
    return values;
  }

  /** Writes the rows, a few hundred a statement, in order. */
  async flush(values: SqlValue[] = this.take()): Promise<void> {
    const rows = values.length / this.columns;
    for (let start = 0; start < rows;) {
      const count = this.statementRows(values, start, Math.min(this.batchRows, rows - start));
      const chunk = values.slice(start * this.columns, (start + count) * this.columns);
      this.changes += (await (await this.statement(count)).run(chunk)).changes;
      start += count;
    }
  }

  /**
   * How many rows from `start` one statement may take. PostgreSQL refuses an upsert that meets the same key twice
   * in one statement, where SQLite applies the rows one after the other: there a statement ends before a repeat.
   */
  private statementRows(values: readonly SqlValue[], start: number, count: number): number {
    const key = this.conflictKey;
    if (!key) return count;
    const seen = new Set<string>();
    for (let row = start; row < start + count; row++) {
      const id = JSON.stringify(key.map((column) => String(values[row * this.columns + column])));
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

  private statement(rows: number): Promise<PreparedStatement> {
    let statement = this.statements.get(rows);
    if (!statement) {
      const placeholders = `(${new Array(this.columns).fill('?').join(',')})`;
      statement = this.db.prepare(`${this.head} VALUES ${new Array(rows).fill(placeholders).join(',')} ${this.tail}`);
      this.statements.set(rows, statement);
    }
    return statement;
  }
}
