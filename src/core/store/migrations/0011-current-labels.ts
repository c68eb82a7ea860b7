// "The latest label wins", kept on write (issue 11): the views current_labels and current_language_flags ranked
// every label on every query (a full scan for one prompt group). Now a head table holds, per target, the id of its
// current row, moved by a trigger when a later row arrives, and the views read the labels through it by index.
// labels and language_flags stay the append-only history; --as-of and --round still rank the history (latest.ts).
// The order is latest.ts's: the later labelled_at wins, on equal times the later row (higher id).
// PostgreSQL keeps, for now, the views of 0010 that rank the history on read: the same rows, without the head
// tables (a server's trigger would need row-level-security grants of its own; docs/team.md).
import type { Migration } from './migration';

const LABEL_TARGET = ['prompt_id', 'kind', 'target', 'criterion', 'annotator_id'];
const FLAG_TARGET = ['prompt_id', 'system_id', 'seed', 'annotator_id'];

/** The head table of a history table, filled from the history and kept by triggers. */
function heads(history: string, table: string, target: readonly string[]): string {
  const columns = [...target, 'row_id', 'labelled_at'].join(', ');
  const sameTarget = (row: string) => target.map((c) => `${c} = ${row}.${c}`).join(' AND ');
  return `
  CREATE TABLE ${table} (
    ${target.map((c) => `${c} ${c === 'kind' || c === 'target' || c === 'criterion' ? 'TEXT' : 'INTEGER'} NOT NULL`).join(',\n    ')},
    row_id INTEGER NOT NULL UNIQUE,
    labelled_at TEXT NOT NULL,
    PRIMARY KEY (${target.join(', ')})
  ) WITHOUT ROWID;
  INSERT INTO ${table} (${columns})
    SELECT ${target.join(', ')}, id, labelled_at FROM (
      SELECT h.*, ROW_NUMBER() OVER (PARTITION BY ${target.map((c) => `h.${c}`).join(', ')}
        ORDER BY h.labelled_at DESC, h.id DESC) AS recency FROM ${history} h)
    WHERE recency = 1;
  CREATE TRIGGER ${table}_on_insert AFTER INSERT ON ${history} BEGIN
    INSERT INTO ${table} (${columns}) VALUES (${target.map((c) => `NEW.${c}`).join(', ')}, NEW.id, NEW.labelled_at)
    ON CONFLICT (${target.join(', ')}) DO UPDATE SET row_id = excluded.row_id, labelled_at = excluded.labelled_at
    WHERE excluded.labelled_at > ${table}.labelled_at
       OR (excluded.labelled_at = ${table}.labelled_at AND excluded.row_id > ${table}.row_id);
  END;
  -- History is only deleted with its prompt; should a row go, the target's next latest row becomes current.
  CREATE TRIGGER ${table}_on_delete AFTER DELETE ON ${history} BEGIN
    DELETE FROM ${table} WHERE row_id = OLD.id;
    INSERT INTO ${table} (${columns})
      SELECT ${target.join(', ')}, id, labelled_at FROM ${history} WHERE ${sameTarget('OLD')}
      ORDER BY labelled_at DESC, id DESC LIMIT 1
    ON CONFLICT DO NOTHING;
  END;
  CREATE TRIGGER ${table}_on_update BEFORE UPDATE OF ${[...target, 'labelled_at'].join(', ')} ON ${history} BEGIN
    SELECT RAISE(ABORT, '${history} are history: add a row instead of changing one');
  END;`;
}

export const currentLabelsMigration: Migration = {
  id: '0011-current-labels',
  sql: `
  ${heads('labels', 'label_heads', LABEL_TARGET)}
  CREATE INDEX label_heads_by_annotator ON label_heads (annotator_id, kind, prompt_id);
  DROP VIEW current_labels;
  CREATE VIEW current_labels AS
    SELECT h.row_id AS id, l.fingerprint, h.kind, h.prompt_id, h.annotator_id, h.target, l.system_a_id, l.system_b_id,
           l.system_id, l.seed, l.value, l.presentation, l.comment, h.labelled_at, l.recorded_at, l.source_id,
           l.source_line, h.criterion, l.scale, l.scale_min, l.scale_max, l.round, 1 AS recency
    FROM label_heads h JOIN labels l ON l.id = h.row_id;

  ${heads('language_flags', 'language_flag_heads', FLAG_TARGET)}
  DROP VIEW current_language_flags;
  CREATE VIEW current_language_flags AS
    SELECT h.row_id AS id, f.fingerprint, h.prompt_id, h.annotator_id, h.system_id, h.seed, f.flagged,
           h.labelled_at, f.recorded_at, f.source_id, f.source_line, 1 AS recency
    FROM language_flag_heads h JOIN language_flags f ON f.id = h.row_id;
  `,
  postgres: `SELECT 1;`,
};
