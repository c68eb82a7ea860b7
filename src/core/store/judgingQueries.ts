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

/** A response's stored length (migration 0017), or its text when it was stored before lengths were (length null). */
export type ResponseLengthRow = ResponseKeyRow &
  ({ readonly length: number; readonly text: null } | { readonly length: null; readonly text: string });

/**
 * Every response's length in the selection, handed over a page at a time in id order; the text only of a response
 * stored without its length, so that the caller never holds a run's texts at once (2 GB at 4× Shaham et al.'s run)
 * and reads no text at all of a run imported since lengths are stored.
 */
export async function forEachResponseLengthPage(
  store: Store,
  filter: ResponseFilter,
  visit: (page: readonly ResponseLengthRow[]) => void,
  pageSize = 5000,
): Promise<void> {
  for (let after = 0; ;) {
    const page = await responseLengthPage(store, filter, after, pageSize);
    if (page.length) visit(page);
    if (page.length < pageSize) return;
    after = page.at(-1)!.id;
  }
}

function responseLengthPage(
  store: Store,
  filter: ResponseFilter,
  after: number,
  limit: number,
): Promise<(ResponseLengthRow & { id: number })[]> {
  const where = addSystemFilter(filterClause(filter, 'p', 'r'), filter, 's');
  where.add('resp.id > ?', [after]);
  return connectionOf(store).all<ResponseLengthRow & { id: number }>(
    `
    SELECT resp.id, r.name AS run, p.group_key AS "group", p.lang, p.turn, s.name AS system, resp.seed,
      resp.text_length AS length, CASE WHEN resp.text_length IS NULL THEN resp.text END AS text
    FROM responses resp JOIN prompts p ON p.id = resp.prompt_id JOIN runs r ON r.id = p.run_id
    JOIN systems s ON s.id = resp.system_id ${where.sql()} ORDER BY resp.id LIMIT ${limit}`,
    where.params,
  );
}
