// The lead's study tools (issue 13): each annotator's role, so that adjudicated labels and imported known answers
// (gold) are stored apart from the raw labels agreement is computed on, and the focus time a label took. Existing
// annotators are annotators. The time on item is 0012's column, carried into the current labels' view here.
import type { Migration } from './migration';

/** 0011's view of the current labels (read through the head tables by index), with the label's time on item. */
const CURRENT_LABELS_WITH_TIME = `
  DROP VIEW current_labels;
  CREATE VIEW current_labels AS
    SELECT h.row_id AS id, l.fingerprint, h.kind, h.prompt_id, h.annotator_id, h.target, l.system_a_id, l.system_b_id,
           l.system_id, l.seed, l.value, l.presentation, l.comment, h.labelled_at, l.recorded_at, l.source_id,
           l.source_line, h.criterion, l.scale, l.scale_min, l.scale_max, l.round, l.time_on_item_ms, 1 AS recency
    FROM label_heads h JOIN labels l ON l.id = h.row_id;`;

export const studyToolsMigration: Migration = {
  id: '0013-study-tools',
  sql: `
  ALTER TABLE annotators ADD COLUMN role TEXT NOT NULL DEFAULT 'annotator'
    CHECK (role IN ('annotator', 'adjudicator', 'gold'));
  ${CURRENT_LABELS_WITH_TIME}
  `,
  // PostgreSQL expands a view's * when it is made: its ranking view is made again to carry the new column (and a
  // team's grants on it with it: langlens team init, run again, restores them).
  postgres: `
  ALTER TABLE annotators ADD COLUMN role TEXT NOT NULL DEFAULT 'annotator'
    CHECK (role IN ('annotator', 'adjudicator', 'gold'));
  DROP VIEW current_labels;
  CREATE VIEW current_labels AS
    SELECT * FROM (
      SELECT l.*, ROW_NUMBER() OVER (
        PARTITION BY l.prompt_id, l.kind, l.target, l.criterion, l.annotator_id ORDER BY l.labelled_at DESC, l.id DESC) AS recency
      FROM labels l) ranked
    WHERE recency = 1;
  `,
};
