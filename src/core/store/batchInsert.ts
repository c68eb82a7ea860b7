// Buffers rows of one table and writes them as multi-row INSERT statements: one round trip per batch instead
// of one per row, which is what makes a 250,000-row import take seconds rather than minutes.
import type { SqliteDatabase, SqlValue } from './sqlite';

export class BatchInsert {
  private rows: SqlValue[][] = [];
  private changes = 0;

  /**
   * @param head  "INSERT INTO t (a, b, c)" (or "INSERT OR IGNORE ...")
   * @param tail  what follows VALUES, e.g. an ON CONFLICT clause
   */
  constructor(
    private readonly db: SqliteDatabase,
    private readonly head: string,
    private readonly columns: number,
    private readonly tail = '',
    private readonly batchRows = Math.max(1, Math.floor(999 / columns)),
  ) {}

  add(row: SqlValue[]): void {
    this.rows.push(row);
  }

  get pending(): number {
    return this.rows.length;
  }

  get written(): number {
    return this.changes;
  }

  async flush(): Promise<void> {
    while (this.rows.length > 0) {
      const chunk = this.rows.splice(0, this.batchRows);
      const placeholders = `(${new Array(this.columns).fill('?').join(',')})`;
      const sql = `${this.head} VALUES ${new Array(chunk.length).fill(placeholders).join(',')} ${this.tail}`;
      const result = await this.db.run(sql, chunk.flat());
      this.changes += result.changes;
    }
  }
}
