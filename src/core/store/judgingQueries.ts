// Reads behind the judging statistics of issue 10 (judge–human correlation, reliability, length bias): which
// pointwise scales the judges used, and the responses' texts (their lengths).
import type { ResponseFilter, ResponseKeyRow } from './languageQueries';
import { addSystemFilter } from './languageQueries';
import { filterClause, placeholders, type Store } from './store';
import { connectionOf } from './connection';

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

export interface ResponseTextRow extends ResponseKeyRow {
  readonly text: string;
}

/**
 * Every response's text in the selection, handed over a page at a time in id order, so that a caller that only
 * measures them (lengths) never holds a run's texts at once: 2 GB at 4× Shaham et al.'s run.
 */
export async function forEachResponseTextPage(
  store: Store,
  filter: ResponseFilter,
  visit: (page: readonly ResponseTextRow[]) => void,
  pageSize = 5000,
): Promise<void> {
  for (let after = 0; ;) {
    const page = await responseTextPage(store, filter, after, pageSize);
    if (page.length) visit(page);
    if (page.length < pageSize) return;
    after = page.at(-1)!.id;
  }
}

function responseTextPage(
  store: Store,
  filter: ResponseFilter,
  after: number,
  limit: number,
): Promise<(ResponseTextRow & { id: number })[]> {
  const where = addSystemFilter(filterClause(filter, 'p', 'r'), filter, 's');
  where.add('resp.id > ?', [after]);
  return connectionOf(store).all<ResponseTextRow & { id: number }>(
    `
    SELECT resp.id, r.name AS run, p.group_key AS "group", p.lang, p.turn, s.name AS system, resp.seed, resp.text
    FROM responses resp JOIN prompts p ON p.id = resp.prompt_id JOIN runs r ON r.id = p.run_id
    JOIN systems s ON s.id = resp.system_id ${where.sql()} ORDER BY resp.id LIMIT ${limit}`,
    where.params,
  );
}
