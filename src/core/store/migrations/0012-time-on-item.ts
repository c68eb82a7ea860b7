// Time on item (issue 13 §2): how long the annotator had the item in front of them, focused, before giving the
// label, in milliseconds. Focus time, not wall time: the annotation panel pauses its clock while the window or the
// panel is out of focus or hidden. NULL: not measured (an imported label without it, an undo).
import type { Migration } from './migration';

export const timeOnItemMigration: Migration = {
  id: '0012-time-on-item',
  sql: `
  ALTER TABLE labels ADD COLUMN time_on_item_ms INTEGER CHECK (time_on_item_ms IS NULL OR time_on_item_ms >= 0);
  `,
};
