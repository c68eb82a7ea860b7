// Buffers rows of one table and writes them as multi-row INSERT statements: one round trip per few hundred rows
// instead of one per row, which is what makes a 250,000-row import take seconds rather than minutes.
import type { Database, PreparedStatement, SqlValue } from './database';

export class BatchInsert {
  /** Buffered rows, flat: row i is values[i * columns .. (i + 1) * columns). */
  private values: SqlValue[] = [];
  private changes = 0;
  /** Prepared once per chunk size and shared columns: a full chunk's statement is reused for every full chunk. */
  private readonly statements = new Map<string, Promise<PreparedStatement>>();

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
      const shared = this.sharedIn(values, start, count);
      const params = boundOnce(values, this.columns, start, count, shared);
      this.changes += (await (await this.statement(count, shared)).run(params)).changes;
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

  /**
   * The columns the statement of these rows binds once: on SQLite, those with one value in all of them, unless
   * that would prepare one statement more than MAX_STATEMENTS (a file whose empty fields change from one
   * statement's rows to the next's would otherwise prepare a statement for each).
   */
  private sharedIn(values: readonly SqlValue[], start: number, count: number): ColumnSet {
    if (this.db.engine !== 'sqlite') return NONE_SHARED;
    const shared = sharedColumns(values, this.columns, start, count);
    return this.statements.has(`${count}:${shared}`) || this.statements.size < MAX_STATEMENTS ? shared : NONE_SHARED;
  }

  /** The statement for `rows` rows whose `shared` columns take one parameter each; prepared once. */
  private statement(rows: number, shared: number): Promise<PreparedStatement> {
    const key = `${rows}:${shared}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(`${this.head} VALUES ${valuesList(this.columns, rows, shared)} ${this.tail}`);
      this.statements.set(key, statement);
    }
    return statement;
  }
}

/** A set of columns as bits, column i as bit i (from the 32nd column on, none is ever shared). */
type ColumnSet = number;
const NONE_SHARED: ColumnSet = 0;
/** Statements a batch keeps prepared at most, whatever its columns share (see sharedIn). */
const MAX_STATEMENTS = 16;

/**
 * The columns that hold one value in every row of a statement: the file's source, a judge, a criterion, the
 * nulls of fields a file does not have. On SQLite each of them is bound once, as a numbered parameter every row
 * repeats. The driver's cost is per value it hands over (binding took 0.9-1.3 s of the writing thread's time
 * for 163,000 verdicts of 13 columns), and a file's verdicts often repeat six of them.
 */
function sharedColumns(values: readonly SqlValue[], columns: number, start: number, count: number): ColumnSet {
  let shared = NONE_SHARED;
  for (let column = 0; column < columns && column < 31; column++) {
    const first = values[start * columns + column];
    let row = start + 1;
    while (row < start + count && values[row * columns + column] === first) row++;
    if (row === start + count) shared |= 1 << column;
  }
  return shared;
}

/** The parameters of rows start .. start + count: each shared column's value once, then every row's others. */
function boundOnce(
  values: readonly SqlValue[],
  columns: number,
  start: number,
  count: number,
  shared: ColumnSet,
): SqlValue[] {
  if (shared === NONE_SHARED) return values.slice(start * columns, (start + count) * columns);
  const params: SqlValue[] = [];
  for (let column = 0; column < columns; column++)
    if (shared & (1 << column)) params.push(values[start * columns + column]!);
  for (let row = start; row < start + count; row++) {
    for (let column = 0; column < columns; column++) {
      if (!(shared & (1 << column))) params.push(values[row * columns + column]!);
    }
  }
  return params;
}

/**
 * `(?, ?, ?), (?, ?, ?)`, or with shared columns numbered parameters in the order boundOnce lays them out:
 * `(?1, ?2, ?3), (?1, ?4, ?5)` when the first of three columns is shared.
 */
function valuesList(columns: number, rows: number, shared: ColumnSet): string {
  if (shared === NONE_SHARED) return new Array(rows).fill(`(${new Array(columns).fill('?').join(',')})`).join(',');
  const sharedNumber: (number | undefined)[] = [];
  let sharedCount = 0;
  for (let column = 0; column < columns; column++) if (shared & (1 << column)) sharedNumber[column] = ++sharedCount;
  const perRow = columns - sharedCount;
  const tuples: string[] = [];
  for (let row = 0; row < rows; row++) {
    let next = sharedCount + row * perRow;
    const cells: string[] = [];
    for (let column = 0; column < columns; column++) cells.push(`?${sharedNumber[column] ?? ++next}`);
    tuples.push(`(${cells.join(',')})`);
  }
  return tuples.join(',');
}
