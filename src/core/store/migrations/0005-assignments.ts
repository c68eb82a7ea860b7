// Team annotation: the prompts each annotator is assigned, per task. An annotator with assignments in a run
// sees only those prompts in their queue; one without sees every prompt in their languages, as before.
import type { Migration } from './migration';

export const assignmentsMigration: Migration = {
  id: '0005-assignments',
  sql: `
  CREATE TABLE assignments (
    id INTEGER PRIMARY KEY,
    prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    task TEXT NOT NULL CHECK (task IN ('rating', 'pairwise')),
    created_at TEXT NOT NULL,
    UNIQUE (annotator_id, task, prompt_id)
  );
  CREATE INDEX assignments_by_prompt ON assignments (prompt_id, task);
  `,
};
