// The annotation panel's own tables: the one-key "not in the prompt's language" flag and where each
// annotator stopped in each queue. Labels themselves go to the core's append-only labels table.
import type { Migration } from './migration';

export const annotationMigration: Migration = {
  id: '0003-annotation',
  sql: `
  -- "This response is not in its prompt's language", said by a human with one key ([SH] App. E had humans
  -- annotate exactly this). A yes/no statement, so it is not a language label (which names the actual language).
  -- Append-only like labels: un-flagging adds a row with flagged = 0; the latest row per target wins.
  CREATE TABLE language_flags (
    id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL UNIQUE,
    prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    system_id INTEGER NOT NULL REFERENCES systems(id) ON DELETE CASCADE,
    seed INTEGER NOT NULL DEFAULT 0,
    flagged INTEGER NOT NULL CHECK (flagged IN (0, 1)),
    labelled_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  );
  CREATE INDEX language_flags_by_target ON language_flags (prompt_id, system_id, seed, annotator_id, labelled_at);
  CREATE VIEW current_language_flags AS
    SELECT * FROM (
      SELECT f.*, ROW_NUMBER() OVER (
        PARTITION BY f.prompt_id, f.system_id, f.seed, f.annotator_id ORDER BY f.labelled_at DESC, f.id DESC) AS recency
      FROM language_flags f)
    WHERE recency = 1;
  -- The item an annotator was on in a queue (run + task), so that a new window resumes there.
  CREATE TABLE annotation_positions (
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    queue TEXT NOT NULL,
    item TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (annotator_id, queue)
  );
  `,
};
