// Before a batch replaces stored prompts, responses or verdicts, finds the rows it would change that came from
// another file: those are replaced only when the user asks (--replace), and are listed either way. A file
// imported again after an edit replaces its own rows freely.
import type { SqliteDatabase, SqlValue } from './sqlite';

/** A stored record that the import would change, and the file it came from. */
export interface Replacement {
  readonly what: string;
  /** The line of the importing file that changes it. */
  readonly line: number;
  readonly storedFrom: string;
  readonly storedLine: number | null;
}

interface GuardedTable {
  readonly table: string;
  /** The column holding the prompt id (the id itself for prompts), and the new row's index of it. */
  readonly promptColumn: string;
  /** Key columns: the first keyColumns.length values of a new row. */
  readonly keyColumns: readonly string[];
  /** Content columns and their index in a new row. */
  readonly content: readonly (readonly [string, number])[];
  readonly sourceIndex: number;
  readonly lineIndex: number;
  /** SQL naming the system(s) and judge of a stored row, for the message. */
  readonly systems: string;
  readonly judge: string;
  readonly noun: string;
}

const systemName = (column: string) => `(SELECT name FROM systems WHERE id = t.${column})`;

const GUARDED: Readonly<Record<string, GuardedTable>> = {
  prompts: {
    table: 'prompts', promptColumn: 'id', keyColumns: ['id'], content: [['text', 5]], sourceIndex: 6, lineIndex: 7,
    systems: 'NULL', judge: 'NULL', noun: 'the prompt',
  },
  responses: {
    table: 'responses', promptColumn: 'prompt_id', keyColumns: ['prompt_id', 'system_id', 'seed'], content: [['text', 3]],
    sourceIndex: 4, lineIndex: 5, systems: systemName('system_id'), judge: 'NULL', noun: 'the response',
  },
  pairwise_judgments: {
    table: 'pairwise_judgments', promptColumn: 'prompt_id', keyColumns: ['prompt_id', 'judge_id', 'system_a_id', 'system_b_id', 'presentation'],
    content: [['verdict', 5], ['raw', 6], ['reasoning', 7]], sourceIndex: 8, lineIndex: 9,
    systems: `${systemName('system_a_id')} || ' vs ' || ${systemName('system_b_id')}`, judge: '(SELECT name FROM judges WHERE id = t.judge_id)',
    noun: 'the verdict',
  },
  pointwise_judgments: {
    table: 'pointwise_judgments', promptColumn: 'prompt_id', keyColumns: ['prompt_id', 'system_id', 'seed', 'judge_id'],
    content: [['scale', 4], ['scale_min', 5], ['scale_max', 6], ['score', 7], ['raw', 8], ['reasoning', 9]], sourceIndex: 10, lineIndex: 11,
    systems: systemName('system_id'), judge: '(SELECT name FROM judges WHERE id = t.judge_id)', noun: 'the score',
  },
};

const ROWS_PER_QUERY = 300;

interface StoredRow {
  readonly path: string | null;
  readonly line: number | null;
  readonly run: string;
  readonly grp: string;
  readonly lang: string;
  readonly turn: number;
  readonly systems: string | null;
  readonly judge: string | null;
  readonly [column: string]: SqlValue;
}

export class ReplacementGuard {
  private readonly found: Replacement[] = [];

  /**
   * @param firstNewPrompt  the first prompt id allocated by this transaction: rows of newer prompts replace nothing
   * @param pathOf          the file of a source id (null for records written by LangLens itself, such as a judge run)
   */
  constructor(private readonly db: SqliteDatabase, private readonly firstNewPrompt: number,
    private readonly pathOf: (sourceId: number | null) => string | null) {}

  get replacements(): readonly Replacement[] {
    return this.found;
  }

  /** Looks at a batch of new rows (flat, `columns` values each) before it is written to `table`. */
  async inspect(table: string, values: readonly SqlValue[], columns: number): Promise<void> {
    const guard = GUARDED[table];
    if (!guard) return;
    const candidates: (readonly SqlValue[])[] = [];
    for (let at = 0; at < values.length; at += columns) {
      const row = values.slice(at, at + columns);
      if ((row[0] as number) < this.firstNewPrompt) candidates.push(row); // every new row starts with its prompt's id
    }
    for (let start = 0; start < candidates.length; start += ROWS_PER_QUERY) {
      await this.compare(guard, candidates.slice(start, start + ROWS_PER_QUERY));
    }
  }

  private async compare(guard: GuardedTable, rows: readonly (readonly SqlValue[])[]): Promise<void> {
    const keys = guard.keyColumns;
    const tuple = `(${keys.map(() => '?').join(', ')})`;
    const stored = await this.db.all<StoredRow>(`
      SELECT ${keys.map((k, i) => `t.${k} AS k${i}`).join(', ')}, ${guard.content.map(([c], i) => `t.${c} AS c${i}`).join(', ')},
             s.path, t.source_line AS line, r.name AS run, p.group_key AS grp, p.lang, p.turn,
             ${guard.systems} AS systems, ${guard.judge} AS judge
      FROM ${guard.table} t JOIN prompts p ON p.id = t.${guard.promptColumn} JOIN runs r ON r.id = p.run_id
      LEFT JOIN sources s ON s.id = t.source_id
      WHERE (${keys.map((k) => `t.${k}`).join(', ')}) IN (VALUES ${rows.map(() => tuple).join(', ')})`,
    rows.flatMap((row) => row.slice(0, keys.length)));
    const byKey = new Map(stored.map((s) => [JSON.stringify(keys.map((_, i) => s[`k${i}`])), s]));
    for (const row of rows) {
      const old = byKey.get(JSON.stringify(row.slice(0, keys.length)));
      if (!old || !this.changes(guard, old, row)) continue;
      const path = this.pathOf(row[guard.sourceIndex] as number | null);
      if (old.path === path) continue; // the same file again, edited: its own rows follow it
      this.found.push({
        what: describe(guard, old), line: row[guard.lineIndex] as number,
        storedFrom: old.path ?? 'LangLens itself (no file)', storedLine: old.line,
      });
    }
  }

  /** Whether the new row changes what is stored; a prompt without text (named by a response) changes nothing. */
  private changes(guard: GuardedTable, old: StoredRow, row: readonly SqlValue[]): boolean {
    if (guard.table === 'prompts') return old.c0 !== null && row[5] !== null && old.c0 !== row[5];
    return guard.content.some(([, index], i) => (old[`c${i}`] ?? null) !== (row[index] ?? null));
  }
}

function describe(guard: GuardedTable, old: StoredRow): string {
  const where = `run ${old.run}, group ${old.grp}, ${old.lang}${old.turn > 1 ? `, turn ${old.turn}` : ''}`;
  const by = old.judge ? `${old.judge}'s ` : '';
  const noun = by ? guard.noun.replace(/^the /, by) : guard.noun;
  return old.systems ? `${noun} of ${old.systems} for ${where}` : `${noun} of ${where}`;
}
