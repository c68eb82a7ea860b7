// Layouts read since 0001: reference answers (FastChat's reference_answer/), the prompt variant a judge used
// (FastChat's pair-v2 / pair-math-v1 under one judge) and a judge's continuous preference (alpaca_eval's weighted
// annotators).
import type { Migration } from './migration';

export const referencesAndVariantsMigration: Migration = {
  id: '0007-references-and-variants',
  sql: `
  CREATE TABLE reference_answers (
    id INTEGER PRIMARY KEY,
    prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    source_id INTEGER REFERENCES sources(id),
    source_line INTEGER,
    UNIQUE (prompt_id, author)
  );
  ALTER TABLE pairwise_judgments ADD COLUMN prompt_variant TEXT;
  ALTER TABLE pairwise_judgments ADD COLUMN preference REAL CHECK (preference IS NULL OR (preference >= 0 AND preference <= 1));
  ALTER TABLE pointwise_judgments ADD COLUMN prompt_variant TEXT;
  `,
};
