// What a judge job reads: the prompts and responses of one run, narrowed to languages, systems, turns and seeds.
import type { LanguageTag } from '../model/language';
import { filterClause, placeholders, type DataFilter, type Store } from './store';
import { connectionOf } from './connection';

export interface JudgeInputFilter extends DataFilter {
  readonly run: string;
  readonly systems?: readonly string[];
  readonly seeds?: readonly number[];
}

/** One response with its prompt; promptText is null when only responses (no prompt file) were imported. */
export interface JudgeInputRow {
  readonly group: string;
  readonly lang: LanguageTag;
  readonly turn: number;
  readonly promptText: string | null;
  readonly system: string;
  readonly seed: number;
  readonly text: string;
}

export async function judgeInputs(store: Store, filter: JudgeInputFilter): Promise<JudgeInputRow[]> {
  const where = filterClause(filter, 'p', 'ru');
  if (filter.systems?.length) where.add(`s.name IN (${placeholders(filter.systems)})`, filter.systems);
  if (filter.seeds?.length) where.add(`r.seed IN (${placeholders(filter.seeds)})`, filter.seeds);
  return connectionOf(store).all<JudgeInputRow>(
    `
    SELECT p.group_key AS "group", p.lang, p.turn, p.text AS promptText, s.name AS system, r.seed, r.text
    FROM responses r
    JOIN prompts p ON p.id = r.prompt_id JOIN runs ru ON ru.id = p.run_id JOIN systems s ON s.id = r.system_id
    ${where.sql()}
    ORDER BY p.group_key, p.lang, p.turn, s.name, r.seed`,
    where.params,
  );
}
