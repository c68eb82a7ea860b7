// Copies one store into another, SQLite to PostgreSQL or back: every row of every table with its id, so that the
// history of labels, the order things were given and shown in, and every reference between rows survive as they
// are. In one transaction on the target; a row already there with the same content is counted and not copied
// again (so a copy repeated is a no-op), while a row already there with other content stops the copy, since
// keeping either would lose the other.
import { BatchInsert } from './batchInsert';
import { connectionOf } from './connection';
import type { Database, SqlValue } from './database';
import type { Store } from './store';
import { CoreError, msg } from '../util/message';

/** The tables a store holds, parents first, each with the columns that identify a row. */
const TABLES: readonly { readonly name: string; readonly key: readonly string[] }[] = [
  { name: 'runs', key: ['id'] },
  { name: 'sources', key: ['id'] },
  { name: 'systems', key: ['id'] },
  { name: 'prompts', key: ['id'] },
  { name: 'responses', key: ['id'] },
  { name: 'judges', key: ['id'] },
  { name: 'pairwise_judgments', key: ['id'] },
  { name: 'pointwise_judgments', key: ['id'] },
  { name: 'annotators', key: ['id'] },
  { name: 'labels', key: ['id'] },
  { name: 'language_detections', key: ['response_id'] },
  { name: 'language_flags', key: ['id'] },
  { name: 'annotation_positions', key: ['annotator_id', 'queue'] },
  { name: 'assignments', key: ['id'] },
  { name: 'reference_answers', key: ['id'] },
  { name: 'schema_entries', key: ['entry', 'name'] },
  { name: 'judge_jobs', key: ['id'] },
  { name: 'judge_batches', key: ['input_file_id'] },
  { name: 'judge_requests', key: ['id'] },
  { name: 'overlap_targets', key: ['run_id', 'task'] },
];

/** Kept by each store for itself: the schema's own version. */
// The head tables (migration 0011) are derived: the target's own triggers keep them as the labels arrive; so are
// the prompts' item totals (0018) as the responses arrive.
// A team's roles and settings are the server's own (its roles do not exist elsewhere), and claims last minutes.
const NOT_COPIED = new Set([
  'schema_migrations',
  'label_heads',
  'language_flag_heads',
  'prompt_item_totals',
  'team_members',
  'team_settings',
  'item_claims',
]);

export interface TableCopy {
  readonly table: string;
  readonly copied: number;
  /** Rows the target held already, identical. */
  readonly present: number;
}

/** Copies everything `from` holds into `to`; both are at the current schema (Store.open saw to it). */
export async function copyStore(from: Store, to: Store): Promise<TableCopy[]> {
  const source = connectionOf(from);
  const target = connectionOf(to);
  const unknown = (await tableNames(source)).filter((t) => !NOT_COPIED.has(t) && !TABLES.some((k) => k.name === t));
  if (unknown.length > 0) {
    throw new CoreError(
      msg('{0} has tables copy does not know ({1}): nothing was copied', source.path, unknown.join(', ')),
    );
  }
  await target.exec('BEGIN IMMEDIATE');
  try {
    const out: TableCopy[] = [];
    for (const table of TABLES) out.push(await copyTable(source, target, table.name, table.key));
    await target.syncIds(TABLES.filter((t) => t.key.length === 1 && t.key[0] === 'id').map((t) => t.name));
    await target.exec('COMMIT');
    return out;
  } catch (err) {
    await target.exec('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

async function copyTable(
  source: Database,
  target: Database,
  table: string,
  key: readonly string[],
): Promise<TableCopy> {
  const order = key.join(', ');
  const rows = await source.all<Record<string, SqlValue>>(`SELECT * FROM ${table} ORDER BY ${order}`);
  const existing = new Map<string, string>();
  for (const row of await target.all<Record<string, SqlValue>>(`SELECT * FROM ${table} ORDER BY ${order}`)) {
    existing.set(keyOf(row, key), contentOf(row));
  }
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  const insert = new BatchInsert(target, `INSERT INTO ${table} (${columns.join(', ')})`, columns.length);
  let present = 0;
  for (const row of rows) {
    const stored = existing.get(keyOf(row, key));
    if (stored === undefined) insert.add(columns.map((c) => row[c] ?? null));
    else if (stored === contentOf(row)) present++;
    else {
      throw new CoreError(
        msg(
          '{0} already has {1} {2} with other content than {3}: nothing was copied (copy into an empty database, or into one that was copied from this one)',
          target.path,
          table,
          keyOf(row, key),
          source.path,
        ),
      );
    }
  }
  await insert.flush();
  await insert.close();
  return { table, copied: insert.written, present };
}

function keyOf(row: Record<string, SqlValue>, key: readonly string[]): string {
  return key.map((c) => `${c}=${String(row[c])}`).join(', ');
}

/** A row's values by column name, the same text on both engines (numbers are numbers on both). */
function contentOf(row: Record<string, SqlValue>): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((c) => [c, row[c] ?? null]),
  );
}

async function tableNames(db: Database): Promise<string[]> {
  const rows =
    db.engine === 'postgres'
      ? await db.all<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
        )
      : await db.all<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        );
  return rows.map((r) => r.name);
}
