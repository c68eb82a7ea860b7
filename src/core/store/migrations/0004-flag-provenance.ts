// Language flags can now come from files (langlens export-labels / import): they keep their file and line too.
import type { Migration } from './migration';

export const flagProvenanceMigration: Migration = {
  id: '0004-flag-provenance',
  sql: `
  ALTER TABLE language_flags ADD COLUMN source_id INTEGER REFERENCES sources(id);
  ALTER TABLE language_flags ADD COLUMN source_line INTEGER;
  `,
};
