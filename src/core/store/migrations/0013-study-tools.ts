// The lead's study tools (issue 13): each annotator's role, so that adjudicated labels and imported known answers
// (gold) are stored apart from the raw labels agreement is computed on, and the focus time a label took. Existing
// annotators are annotators; existing labels have no time (NULL).
import type { Migration } from './migration';

export const studyToolsMigration: Migration = {
  id: '0013-study-tools',
  sql: `
  ALTER TABLE annotators ADD COLUMN role TEXT NOT NULL DEFAULT 'annotator'
    CHECK (role IN ('annotator', 'adjudicator', 'gold'));
  ALTER TABLE labels ADD COLUMN time_on_item_ms INTEGER CHECK (time_on_item_ms IS NULL OR time_on_item_ms >= 0);
  `,
};
