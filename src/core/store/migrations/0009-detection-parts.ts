// A mixed answer's detection ("mul") keeps its languages and their shares (issue 16), as JSON [{ "lang", "share" }].
import type { Migration } from './migration';

export const detectionPartsMigration: Migration = {
  id: '0009-detection-parts',
  sql: `
  ALTER TABLE language_detections ADD COLUMN parts TEXT;
  `,
};
