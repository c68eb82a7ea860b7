// Reads behind the judging statistics of issue 10 (judge–human correlation, reliability, length bias): which
// pointwise scales the judges used, and the responses' texts (their lengths).
import type { ResponseFilter, ResponseKeyRow } from './languageQueries';
import { addSystemFilter } from './languageQueries';
import { filterClause, placeholders, WhereClause, type Store } from './store';
import { connectionOf } from './connection';
import { packedRows, unpackRows, type PackedKind } from './packedRows';
import type { LanguageTag } from '../model/language';
import { lengthUnitFor, textLength } from '../model/responseLength';

/** The names of the pointwise scales judged in the selection, in name order. */
export async function pointwiseScaleNames(
  store: Store,
  filter: ResponseFilter & { readonly judges?: readonly string[] } = {},
): Promise<string[]> {
  const where = addSystemFilter(filterClause(filter, 'p', 'r'), filter, 's');
  if (filter.judges?.length) where.add(`j.name IN (${placeholders(filter.judges)})`, filter.judges);
  const rows = await connectionOf(store).all<{ scale: string }>(
    `
    SELECT DISTINCT pw.scale FROM pointwise_judgments pw JOIN prompts p ON p.id = pw.prompt_id
    JOIN runs r ON r.id = p.run_id JOIN systems s ON s.id = pw.system_id JOIN judges j ON j.id = pw.judge_id
    ${where.sql()} ORDER BY pw.scale`,
    where.params,
  );
  return rows.map((r) => r.scale);
}

/** A response's stored length (migration 0017), or its text when it was stored before lengths were (length null). */
export type ResponseLengthRow = ResponseKeyRow &
  ({ readonly length: number; readonly text: null } | { readonly length: null; readonly text: string });

/** A response's stored length as packed (packedRows.ts) per prompt: its id, system, seed and length. */
const LENGTH_FIELDS: readonly (readonly [string, PackedKind])[] = [
  ['resp.id', 'int'],
  ['resp.system_id', 'int'],
  ['resp.seed', 'int'],
  ['resp.text_length', 'int?'],
];
const LENGTH_KINDS = LENGTH_FIELDS.map(([, kind]) => kind);
/** Texts of responses stored without their length, read this many at a time. */
const TEXT_PAGE = 500;
/** Prompts whose responses are handed over at once. */
const PROMPT_PAGE = 2000;

interface PromptKeyRow {
  readonly id: number;
  readonly run: string;
  readonly group: string;
  readonly lang: LanguageTag;
  readonly turn: number;
}

/**
 * Every response's length in the selection, handed over a page of prompts at a time; the text only of a response
 * stored without its length (read by id, a page at a time), so that the caller never holds a run's texts at once
 * (2 GB at 4× Shaham et al.'s run) and reads none of a run imported since lengths are stored. The lengths come from
 * the covering index responses_lengths as integers packed per prompt, the prompts' and systems' names apart: as row
 * objects of the full rows, 355,392 responses took 3.4 s.
 */
export async function forEachResponseLengthPage(
  store: Store,
  filter: ResponseFilter,
  visit: (page: readonly ResponseLengthRow[]) => void,
): Promise<void> {
  await forEachLengthPage(store, filter, (page, systems, texts) =>
    visit(page.map(({ prompt, row }) => lengthRowOf(prompt, systems, row, texts))),
  );
}

/**
 * Every response's length in the selection by the ids of its prompt and system, as forEachResponseLengthPage reads
 * them but with no object per response: what a table that holds its verdicts by ids needs (lc-winrate). A response
 * stored without its length is measured from its text, in its language's unit.
 */
export async function forEachResponseLengthById(
  store: Store,
  filter: ResponseFilter,
  visit: (prompt: number, system: number, seed: number, length: number) => void,
): Promise<void> {
  await forEachLengthPage(store, filter, (page, _systems, texts) => {
    for (const { prompt, row } of page) {
      const [id, system, seed, length] = row as [number, number, number, number | null];
      visit(prompt.id, system, seed, length ?? textLength(textOf(id, texts), lengthUnitFor(prompt.lang)));
    }
  });
}

/** One page of prompts' responses as packed rows, the systems' names and the texts of those stored without a length. */
async function forEachLengthPage(
  store: Store,
  filter: ResponseFilter,
  visit: (
    page: readonly { prompt: PromptKeyRow; row: readonly (number | string | null)[] }[],
    systems: ReadonlyMap<number, string>,
    texts: ReadonlyMap<number, string>,
  ) => void,
): Promise<void> {
  const db = connectionOf(store);
  const promptWhere = filterClause(filter, 'p', 'r');
  const prompts = new Map(
    (
      await db.all<PromptKeyRow>(
        `SELECT p.id, r.name AS run, p.group_key AS "group", p.lang, p.turn
         FROM prompts p JOIN runs r ON r.id = p.run_id ${promptWhere.sql()}`,
        promptWhere.params,
      )
    ).map((p) => [p.id, p]),
  );
  const systems = new Map(
    (await db.all<{ id: number; name: string }>('SELECT id, name FROM systems')).map((s) => [s.id, s.name]),
  );
  const systemWhere = addSystemFilter(new WhereClause(), filter, 's');
  // Narrowed by subqueries, not joins: joined to prompts, runs and systems, SQLite's planner scanned the table by
  // its unique index and read each row for its length (0.67–1.27 s at 4× Shaham et al.) where the covering index
  // alone serves (0.20–0.30 s).
  const where = new WhereClause();
  if (!promptWhere.empty)
    where.add(
      `resp.prompt_id IN (SELECT p.id FROM prompts p JOIN runs r ON r.id = p.run_id ${promptWhere.sql()})`,
      promptWhere.params,
    );
  if (!systemWhere.empty)
    where.add(`resp.system_id IN (SELECT s.id FROM systems s ${systemWhere.sql()})`, systemWhere.params);
  const perPrompt = await db.all<{ prompt: number; n: number; packed: unknown }>(
    `
    SELECT resp.prompt_id AS prompt, count(*) AS n, ${packedRows(LENGTH_FIELDS)} AS packed
    FROM responses resp ${where.sql()}
    GROUP BY resp.prompt_id ORDER BY resp.prompt_id`,
    where.params,
  );
  for (let from = 0; from < perPrompt.length; from += PROMPT_PAGE) {
    const page = perPrompt
      .slice(from, from + PROMPT_PAGE)
      .flatMap(({ prompt, n, packed }) =>
        unpackRows(packed, LENGTH_KINDS, n).map((row) => ({ prompt: prompts.get(prompt)!, row })),
      );
    const texts = await textsOf(
      store,
      page.filter(({ row }) => row[3] === null).map(({ row }) => row[0] as number),
    );
    visit(page, systems, texts);
  }
}

async function textsOf(store: Store, ids: readonly number[]): Promise<Map<number, string>> {
  const texts = new Map<number, string>();
  for (let from = 0; from < ids.length; from += TEXT_PAGE) {
    const page = ids.slice(from, from + TEXT_PAGE);
    const rows = await connectionOf(store).all<{ id: number; text: string }>(
      `SELECT id, text FROM responses WHERE id IN (${placeholders(page)})`,
      page,
    );
    for (const row of rows) texts.set(row.id, row.text);
  }
  return texts;
}

function textOf(id: number, texts: ReadonlyMap<number, string>): string {
  const text = texts.get(id);
  if (text === undefined) throw new Error(`response ${id} has neither a stored length nor a text`);
  return text;
}

function lengthRowOf(
  prompt: PromptKeyRow,
  systems: ReadonlyMap<number, string>,
  row: readonly (number | string | null)[],
  texts: ReadonlyMap<number, string>,
): ResponseLengthRow {
  const [id, system, seed, length] = row as [number, number, number, number | null];
  const text = length === null ? textOf(id, texts) : null;
  // One literal of one shape (a spread made each row a slow dictionary object: most of the load's time).
  return {
    run: prompt.run,
    group: prompt.group,
    lang: prompt.lang,
    turn: prompt.turn,
    system: systems.get(system)!,
    seed,
    length,
    text,
  } as ResponseLengthRow;
}
