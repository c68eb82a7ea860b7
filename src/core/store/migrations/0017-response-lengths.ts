// Each response's length in its language's unit (model/responseLength.ts), measured once when the response is
// stored, so that the length tables read a number per response instead of every text of a run (530 MB at 4×
// Shaham et al.'s run). NULL for a response stored before this migration: the length tables measure its text then.
// The index covers what the length tables read of a response, so that they never read the rows, texts and all.
import type { Migration } from './migration';

export const responseLengthsMigration: Migration = {
  id: '0017-response-lengths',
  sql: `
  ALTER TABLE responses ADD COLUMN text_length INTEGER;
  CREATE INDEX responses_lengths ON responses(prompt_id, system_id, seed, text_length);`,
};
