// Notices every stored prompt, response, verdict or score that a write replaces with content from another file:
// those are replaced only when the user asks (--replace), and are listed either way. A file imported again after
// an edit replaces its own rows freely. Done by temporary triggers on this connection, so that the rows are
// seen as the upserts change them, with no extra query or copy per row. PostgreSQL has no temporary triggers: its
// lasting triggers (migration 0001's PostgreSQL form) write to this session's temporary table while the import's
// transaction has asked them to.
import type { Database } from './database';

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
  /** When an update changes the record's content (the upserts only update rows whose content differs). */
  readonly changes: string;
  readonly prompt: string;
  /** SQL naming the system(s) and judge of a row `t`, for the message. */
  readonly systems: string;
  readonly judge: string;
  readonly noun: string;
}

const systemName = (column: string) => `(SELECT name FROM systems WHERE id = t.${column})`;
const judgeName = '(SELECT name FROM judges WHERE id = t.judge_id)';

const GUARDED: readonly GuardedTable[] = [
  {
    table: 'prompts',
    changes: 'OLD.text IS NOT NULL AND NEW.text IS NOT NULL AND OLD.text IS NOT NEW.text',
    prompt: 't.id',
    systems: 'NULL',
    judge: 'NULL',
    noun: 'the prompt',
  },
  {
    table: 'responses',
    changes: 'OLD.text IS NOT NEW.text',
    prompt: 't.prompt_id',
    systems: systemName('system_id'),
    judge: 'NULL',
    noun: 'the response',
  },
  {
    table: 'pairwise_judgments',
    changes: 'OLD.verdict IS NOT NEW.verdict OR OLD.raw IS NOT NEW.raw OR OLD.reasoning IS NOT NEW.reasoning',
    prompt: 't.prompt_id',
    systems: `${systemName('system_a_id')} || ' vs ' || ${systemName('system_b_id')}`,
    judge: judgeName,
    noun: 'the verdict',
  },
  {
    table: 'pointwise_judgments',
    changes:
      'OLD.score IS NOT NEW.score OR OLD.raw IS NOT NEW.raw OR OLD.scale IS NOT NEW.scale OR OLD.scale_min IS NOT NEW.scale_min ' +
      'OR OLD.scale_max IS NOT NEW.scale_max OR OLD.reasoning IS NOT NEW.reasoning',
    prompt: 't.prompt_id',
    systems: systemName('system_id'),
    judge: judgeName,
    noun: 'the score',
  },
];

/** Creates the triggers (once per connection) and forgets what an earlier transaction saw. */
export async function watchReplacements(db: Database): Promise<void> {
  if (db.engine === 'postgres') {
    await db.exec(`CREATE TEMP TABLE IF NOT EXISTS replaced_records (seq SERIAL,
      tbl TEXT NOT NULL, row_id INTEGER NOT NULL, old_source_id INTEGER, old_line INTEGER, new_line INTEGER)`);
    await db.exec(`SET LOCAL langlens.watch_replacements = 'on'`);
    await db.exec('DELETE FROM pg_temp.replaced_records');
    return;
  }
  await db.exec(`CREATE TEMP TABLE IF NOT EXISTS replaced_records (
    tbl TEXT NOT NULL, row_id INTEGER NOT NULL, old_source_id INTEGER, old_line INTEGER, new_line INTEGER)`);
  for (const g of GUARDED) {
    // A record from another file (its path differs; a record of no file, written by LangLens itself, counts as
    // another) whose content changes.
    await db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS guard_${g.table} BEFORE UPDATE ON main.${g.table}
      WHEN (${g.changes}) AND OLD.source_id IS NOT NEW.source_id
        AND (SELECT path FROM sources WHERE id = OLD.source_id) IS NOT (SELECT path FROM sources WHERE id = NEW.source_id)
      BEGIN
        INSERT INTO replaced_records (tbl, row_id, old_source_id, old_line, new_line)
        VALUES ('${g.table}', OLD.id, OLD.source_id, OLD.source_line, NEW.source_line);
      END`);
  }
  await db.exec('DELETE FROM temp.replaced_records');
}

/** What the current transaction has replaced from other files so far, in the order it happened. */
export async function replacementsSoFar(db: Database): Promise<Replacement[]> {
  const out: Replacement[] = [];
  const [records, main, order] =
    db.engine === 'postgres'
      ? ['pg_temp.replaced_records', '', 'x.seq']
      : ['temp.replaced_records', 'main.', 'x.rowid'];
  for (const g of GUARDED) {
    const rows = await db.all<{
      newLine: number;
      path: string | null;
      line: number | null;
      run: string;
      grp: string;
      lang: string;
      turn: number;
      systems: string | null;
      judge: string | null;
    }>(
      `
      SELECT x.new_line AS newLine, s.path, x.old_line AS line, r.name AS run, p.group_key AS grp, p.lang, p.turn,
             ${g.systems} AS systems, ${g.judge} AS judge
      FROM ${records} x JOIN ${main}${g.table} t ON t.id = x.row_id
      JOIN prompts p ON p.id = ${g.prompt} JOIN runs r ON r.id = p.run_id LEFT JOIN sources s ON s.id = x.old_source_id
      WHERE x.tbl = ? ORDER BY ${order}`,
      [g.table],
    );
    for (const row of rows) {
      out.push({
        what: describe(g, row),
        line: row.newLine,
        storedFrom: row.path ?? 'LangLens itself (no file)',
        storedLine: row.line,
      });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

function describe(
  g: GuardedTable,
  row: { run: string; grp: string; lang: string; turn: number; systems: string | null; judge: string | null },
): string {
  const where = `run ${row.run}, group ${row.grp}, ${row.lang}${row.turn > 1 ? `, turn ${row.turn}` : ''}`;
  const noun = row.judge ? g.noun.replace(/^the /, `${row.judge}'s `) : g.noun;
  return row.systems ? `${noun} of ${row.systems} for ${where}` : `${noun} of ${where}`;
}
