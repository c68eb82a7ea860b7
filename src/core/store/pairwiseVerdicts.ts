// Judges' pairwise verdicts for the agreement tables, lean: one row of small numbers per verdict (no raw answer, no
// name repeated on every row) and the names of the prompts, systems and judges once, so that loading 4× Shaham et
// al.'s run holds a few numbers per verdict rather than ten strings. Optionally only the verdicts on prompts with
// a current human pairwise vote: the tables of judges against humans need no other.
import type { PairVerdict, PresentationOrder, PromptKey } from '../model/records';
import { connectionOf } from './connection';
import type { SnapshotRead } from './database';
import { idOrder, packedColumns, packedRows, unpackColumns, unpackRows, type PackedColumns } from './packedRows';
import { currentLabels, type LabelsAsOf } from './latest';
import { addCriterionFilter, filterClause, placeholders, type DataFilter, type Store, type WhereClause } from './store';

export const ORDERS: readonly PresentationOrder[] = ['AB', 'BA', 'combined'];
export const VERDICTS: readonly PairVerdict[] = ['A', 'B', 'tie', 'invalid'];

/**
 * Verdicts by ids, column by column, verdict i at index i of every column: prompt, judge, the pair (systemA <
 * systemB), the order and verdict as indexes of ORDERS and VERDICTS, the criterion (null for none). Columns, not
 * an object per verdict: 4x Shaham et al.'s run has 703,686 of them.
 */
export interface VerdictColumns {
  readonly count: number;
  readonly prompt: Float64Array;
  readonly judge: Float64Array;
  readonly systemA: Float64Array;
  readonly systemB: Float64Array;
  readonly order: Uint8Array;
  readonly verdict: Uint8Array;
  readonly criterion: readonly (string | null)[];
}

export interface PairwiseVerdicts {
  /** In the order they were stored. */
  readonly columns: VerdictColumns;
  readonly prompts: ReadonlyMap<number, PromptKey>;
  readonly systems: ReadonlyMap<number, string>;
  /** The judges with a verdict in the filter (on any prompt, also when only labelled prompts' rows are loaded). */
  readonly judges: ReadonlyMap<number, { readonly name: string; readonly hash: string }>;
}

export interface VerdictFilter extends DataFilter, LabelsAsOf {
  readonly judges?: readonly string[];
  /**
   * Only the verdicts on items (a prompt, a pair, a criterion) with a current human pairwise vote ('labelled'), or
   * with a vote or verdicts of two judges or more ('rated-twice': every item a kappa between two raters can use).
   */
  readonly only?: 'labelled' | 'rated-twice';
}

const index = (column: string, values: readonly string[]) =>
  `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} END`;

export async function pairwiseVerdicts(store: Store, filter: VerdictFilter): Promise<PairwiseVerdicts> {
  const db = connectionOf(store);
  const where = filterClause(filter, 'p', 'r');
  if (filter.judges?.length)
    where.add(`pj.judge_id IN (SELECT id FROM judges WHERE name IN (${placeholders(filter.judges)}))`, filter.judges);
  addCriterionFilter(where, filter, 'pj');
  const judgesWhere = where.sql();
  const judgesParams = [...where.params];
  if (filter.only) {
    // By item, not by prompt: most prompts have some labelled pair, few pairs are labelled.
    const current = currentLabels(filter);
    // By the label's system ids, which name the same pair as its target ('pair:a:b'): a verdict's target string
    // built and compared row by row took 0.95 s over 4× Shaham et al.'s 703,686 verdicts, the ids 0.35 s.
    const labelled = (alias: string) => `(${alias}.prompt_id, ${alias}.system_a_id, ${alias}.system_b_id,
      ${alias}.criterion) IN (
      SELECT c.prompt_id, c.system_a_id, c.system_b_id, c.criterion FROM ${current.sql} c
      WHERE c.kind = 'pairwise' AND c.value IS NOT NULL)`;
    // Joined by the judged-twice items rather than tested row by row with OR: 288 ms instead of 444 at 1×.
    const judgedTwice = `SELECT x.id FROM (
      SELECT t.prompt_id, t.system_a_id, t.system_b_id, t.criterion FROM pairwise_judgments t
      ${filter.judges?.length ? `WHERE t.judge_id IN (SELECT id FROM judges WHERE name IN (${placeholders(filter.judges)}))` : ''}
      GROUP BY t.prompt_id, t.system_a_id, t.system_b_id, t.criterion HAVING min(t.judge_id) <> max(t.judge_id)) k
      JOIN pairwise_judgments x ON x.prompt_id = k.prompt_id AND x.system_a_id = k.system_a_id
        AND x.system_b_id = k.system_b_id AND x.criterion = k.criterion`;
    if (filter.only === 'labelled') where.add(labelled('pj'), current.params);
    else
      where.add(`pj.id IN (SELECT x.id FROM pairwise_judgments x WHERE ${labelled('x')} UNION ${judgedTwice})`, [
        ...current.params,
        ...(filter.judges ?? []),
      ]);
  }
  const prompts = filterClause(filter, 'p', 'r');
  // One snapshot for all of it (the verdicts are many statements), on a connection of its own beside the caller's
  // other reads (the votes, the slices).
  return db.readSnapshot(async (all) => {
    const [chunks, promptRows, systems, judges] = await Promise.all([
      filter.only ? groupedChunks(all, where) : rangedChunks(all, where),
      // Packed too: 29,616 prompts at 4× took 200–330 ms as rows, 16–19 ms as one string.
      all<PackedPrompts>(
        `SELECT count(*) AS n, ${PROMPT_RECORD} AS packed FROM prompts p JOIN runs r ON r.id = p.run_id ${prompts.sql()}`,
        prompts.params,
      ),
      all<{ id: number; name: string }>('SELECT id, name FROM systems'),
      // Each judge once, stopping at its first verdict in the filter: no scan of every verdict.
      all<{ id: number; name: string; hash: string }>(
        `
        SELECT j.id, j.name, j.hash FROM judges j WHERE EXISTS (
          SELECT 1 FROM pairwise_judgments pj JOIN prompts p ON p.id = pj.prompt_id JOIN runs r ON r.id = p.run_id
          ${judgesWhere ? `${judgesWhere} AND` : 'WHERE'} pj.judge_id = j.id)`,
        judgesParams,
      ),
    ]);
    return {
      columns: joinedChunks(chunks),
      prompts: unpackPrompts(promptRows),
      systems: new Map(systems.map((s) => [s.id, s.name])),
      judges: new Map(judges.map((j) => [j.id, { name: j.name, hash: j.hash }])),
    };
  });
}

// Packed column by column per few thousand verdicts: the driver's cost is per value it hands over (2.5 s for 4×
// Shaham et al.'s 703,686 verdicts as seven columns, 1 s as 172 strings, parsed in 0.15 s).
const VERDICTS_FROM = 'FROM pairwise_judgments pj JOIN prompts p ON p.id = pj.prompt_id JOIN runs r ON r.id = p.run_id';

/**
 * Every verdict of the filter, a statement per CHUNK ids: each reads its range of the table in id order, where one
 * statement grouping by chunk sorted all the rows first (0.45 s instead of 0.7 at 4×), and each chunk is parsed as
 * it comes while the database reads the next.
 */
async function rangedChunks(all: SnapshotRead, where: WhereClause): Promise<ChunkColumns[]> {
  const [ids] = await all<{ first: number | null; last: number | null; n: number }>(
    'SELECT min(id) AS first, max(id) AS last, count(*) AS n FROM pairwise_judgments',
  );
  if (ids?.first == null || ids.last == null) return [];
  // Ids far apart (rows replaced many times over) would make many a statement for a few rows: one statement then.
  if (Number(ids.last) - Number(ids.first) + 1 > SPARSE_IDS * Number(ids.n)) return groupedChunks(all, where);
  const reads: Promise<ChunkColumns[]>[] = [];
  for (let from = Math.floor(Number(ids.first) / CHUNK) * CHUNK; from <= Number(ids.last); from += CHUNK) {
    const range = `pj.id >= ${from} AND pj.id < ${from + CHUNK}`;
    reads.push(
      all<PackedColumns>(
        `SELECT count(*) AS n, ${VERDICT_COLUMNS} ${VERDICTS_FROM} ${where.sql() ? `${where.sql()} AND` : 'WHERE'} ${range}`,
        where.params,
      ).then(chunkColumnsOf),
    );
  }
  return (await Promise.all(reads)).flat();
}

/** Ids spread over more than this many times their number are read in one statement (groupedChunks). */
const SPARSE_IDS = 4;

/**
 * The verdicts in one statement, grouped by chunk: for a narrowed filter (its subqueries evaluated once) and for
 * ids far apart.
 */
async function groupedChunks(all: SnapshotRead, where: WhereClause): Promise<ChunkColumns[]> {
  const chunks = await all<PackedColumns>(
    `SELECT count(*) AS n, ${VERDICT_COLUMNS} ${VERDICTS_FROM} ${where.sql()}
     GROUP BY pj.id / ${CHUNK} ORDER BY pj.id / ${CHUNK}`,
    where.params,
  );
  return chunkColumnsOf(chunks);
}

/** Verdicts by ids per chunk of CHUNK consecutive ids. */
const CHUNK = 4096;

/** The verdicts packed column by column per chunk (packedRows.ts): the ids, the order's and verdict's indexes, the criterion. */
const VERDICT_FIELDS = [
  ['pj.id', 'int'],
  ['pj.prompt_id', 'int'],
  ['pj.judge_id', 'int'],
  ['pj.system_a_id', 'int'],
  ['pj.system_b_id', 'int'],
  [index('pj.presentation', ORDERS), 'int'],
  [index('pj.verdict', VERDICTS), 'int'],
  ['pj.criterion', 'text'],
] as const;
const VERDICT_COLUMNS = packedColumns(VERDICT_FIELDS);
const VERDICT_KINDS = VERDICT_FIELDS.map(([, kind]) => kind);

/** The prompts of the filter as one string: id, run, group, language, turn. */
const PROMPT_FIELDS = [
  ['p.id', 'int'],
  ['r.name', 'text'],
  ['p.group_key', 'text'],
  ['p.lang', 'text'],
  ['p.turn', 'int'],
] as const;
const PROMPT_RECORD = packedRows(PROMPT_FIELDS);
const PROMPT_KINDS = PROMPT_FIELDS.map(([, kind]) => kind);

type PackedPrompts = PackedVerdicts;

/** The prompts by id; no prompt in the filter is one row of count 0 (and, on PostgreSQL, a null aggregate). */
function unpackPrompts(chunks: readonly PackedPrompts[]): Map<number, PromptKey> {
  const prompts = new Map<number, PromptKey>();
  for (const { n, packed } of chunks) {
    if (Number(n) === 0) continue;
    for (const [id, run, group, lang, turn] of unpackRows(packed, PROMPT_KINDS, n))
      prompts.set(id as number, {
        run: run as string,
        group: group as string,
        lang: lang as PromptKey['lang'],
        turn: turn as number,
      });
  }
  return prompts;
}

export interface PackedVerdicts {
  readonly n: number;
  /** JSON text (SQLite) or the array the driver parsed (PostgreSQL). */
  readonly packed: unknown;
}

/** A chunk's verdicts as parsed, column by column: ids, prompts, judges, the systems, orders, verdicts, criteria. */
type ChunkColumns = [number[], number[], number[], number[], number[], number[], number[], string[]];

/** The non-empty chunks of a read, parsed (an aggregate of no rows is one row of count 0, and null on PostgreSQL). */
function chunkColumnsOf(chunks: readonly PackedColumns[]): ChunkColumns[] {
  return chunks
    .filter((chunk) => Number(chunk.n) > 0)
    .map((chunk) => unpackColumns(chunk, VERDICT_KINDS) as ChunkColumns);
}

/** The verdicts of every chunk, each chunk's in id order (the database packs a chunk in any order), chunks in theirs. */
export function unpackVerdicts(chunks: readonly PackedColumns[]): VerdictColumns {
  return joinedChunks(chunkColumnsOf(chunks));
}

function joinedChunks(chunks: readonly ChunkColumns[]): VerdictColumns {
  const count = chunks.reduce((sum, [ids]) => sum + ids.length, 0);
  const columns = {
    count,
    prompt: new Float64Array(count),
    judge: new Float64Array(count),
    systemA: new Float64Array(count),
    systemB: new Float64Array(count),
    order: new Uint8Array(count),
    verdict: new Uint8Array(count),
    criterion: new Array<string | null>(count),
  };
  let at = 0;
  for (const [ids, prompt, judge, systemA, systemB, order, verdict, criterion] of chunks) {
    const inOrder = idOrder(ids);
    for (let k = 0; k < ids.length; k++, at++) {
      const r = inOrder ? inOrder[k]! : k;
      columns.prompt[at] = prompt[r]!;
      columns.judge[at] = judge[r]!;
      columns.systemA[at] = systemA[r]!;
      columns.systemB[at] = systemB[r]!;
      columns.order[at] = indexOf(order[r]!, ORDERS, 'order');
      columns.verdict[at] = indexOf(verdict[r]!, VERDICTS, 'verdict');
      columns.criterion[at] = criterion[r] === '' ? null : criterion[r]!;
    }
  }
  return columns;
}

/** An index the database gave for one of `values`; anything else (a value the CASE did not name) an error. */
function indexOf(value: number, values: readonly string[], what: string): number {
  if (value >= 0 && value < values.length) return value;
  throw new Error(`a pairwise verdict's ${what} is not one of ${values.join(', ')} (index ${value})`);
}

/** The slices (run, language, turn, criterion) the filter's verdicts fall in, read from the verdicts' index. */
export function verdictSlices(
  store: Store,
  filter: VerdictFilter & { readonly systems?: readonly string[] },
): Promise<{ run: string; lang: string; turn: number; criterion: string }[]> {
  const inner: string[] = [];
  const params: (string | number)[] = [];
  if (filter.judges?.length) {
    inner.push(`judge_id IN (SELECT id FROM judges WHERE name IN (${placeholders(filter.judges)}))`);
    params.push(...filter.judges);
  }
  if (filter.systems) {
    for (const column of ['system_a_id', 'system_b_id']) {
      inner.push(`${column} IN (SELECT id FROM systems WHERE name IN (${placeholders(filter.systems)}))`);
      params.push(...filter.systems);
    }
  }
  const where = filterClause(filter, 'p', 'r');
  addCriterionFilter(where, filter, 'x');
  return connectionOf(store).all(
    `
    SELECT DISTINCT r.name AS run, p.lang, p.turn, x.criterion FROM (
      SELECT DISTINCT prompt_id, criterion FROM pairwise_judgments ${inner.length ? `WHERE ${inner.join(' AND ')}` : ''}) x
    JOIN prompts p ON p.id = x.prompt_id JOIN runs r ON r.id = p.run_id ${where.sql()}`,
    [...params, ...where.params],
  );
}
