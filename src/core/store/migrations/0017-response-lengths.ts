// Each response's length in its language's unit (model/responseLength.ts), measured once when the response is
// stored, so that the length tables read a number per response instead of every text of a run (530 MB at 4×
// Shaham et al.'s run). NULL for a response stored before this migration: the length tables measure its text then.
import type { Migration } from './migration';

export const responseLengthsMigration: Migration = {
  id: '0017-response-lengths',
  sql: 'ALTER TABLE responses ADD COLUMN text_length INTEGER;',
};
