// "The latest label wins", kept on write on PostgreSQL too (issue 15): 0011 gave SQLite head tables moved by
// triggers and left PostgreSQL ranking the whole history on every read of current_labels. Here the server gets the
// same head tables (label_heads, language_flag_heads), filled from the history and kept by trigger functions in
// latest.ts's order (the later labelled_at wins, on equal times the higher id), and the views read the labels
// through them by index. SQLite has had them since 0011: nothing to do there.
// The trigger functions run with their owner's rights (SECURITY DEFINER): an annotator appending a label under
// row-level security moves the head without any right of their own on the head tables; reading them goes through
// the views with the reader's rights (langlens team init grants each annotator their own heads' rows).
// The views are replaced in place (CREATE OR REPLACE, same columns in the same order), so that a team's grants on
// them and their security_invoker option stay as they were.
// The targets of latest.ts (LABEL_TARGET, FLAG_TARGET), as 0011 has them.
const LABEL_TARGET = ['prompt_id', 'kind', 'target', 'criterion', 'annotator_id'];
const FLAG_TARGET = ['prompt_id', 'system_id', 'seed', 'annotator_id'];
import type { Migration } from './migration';

const TEXT_COLUMNS = new Set(['kind', 'target', 'criterion']);

function heads(history: string, table: string, target: readonly string[]): string {
  const columns = [...target, 'row_id', 'labelled_at'].join(', ');
  const key = target.join(', ');
  const matches = (row: string) => target.map((c) => `${c} = ${row}.${c}`).join(' AND ');
  return `
  CREATE TABLE ${table} (
    ${target.map((c) => `${c} ${TEXT_COLUMNS.has(c) ? 'TEXT COLLATE "C"' : 'INTEGER'} NOT NULL`).join(',\n    ')},
    row_id INTEGER NOT NULL UNIQUE,
    labelled_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (${key})
  );
  INSERT INTO ${table} (${columns})
    SELECT DISTINCT ON (${key}) ${key}, id, labelled_at FROM ${history}
    ORDER BY ${key}, labelled_at DESC, id DESC;
  CREATE FUNCTION ${table}_on_insert() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
  BEGIN
    INSERT INTO ${table} (${columns}) VALUES (${target.map((c) => `NEW.${c}`).join(', ')}, NEW.id, NEW.labelled_at)
    ON CONFLICT (${key}) DO UPDATE SET row_id = excluded.row_id, labelled_at = excluded.labelled_at
    WHERE excluded.labelled_at > ${table}.labelled_at
       OR (excluded.labelled_at = ${table}.labelled_at AND excluded.row_id > ${table}.row_id);
    RETURN NULL;
  END $$;
  CREATE TRIGGER ${table}_on_insert AFTER INSERT ON ${history} FOR EACH ROW EXECUTE FUNCTION ${table}_on_insert();
  -- History is only deleted with its prompt; should a row go, the target's next latest row becomes current.
  CREATE FUNCTION ${table}_on_delete() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
  BEGIN
    DELETE FROM ${table} WHERE row_id = OLD.id;
    INSERT INTO ${table} (${columns})
      SELECT ${key}, id, labelled_at FROM ${history} WHERE ${matches('OLD')}
      ORDER BY labelled_at DESC, id DESC LIMIT 1
    ON CONFLICT DO NOTHING;
    RETURN NULL;
  END $$;
  CREATE TRIGGER ${table}_on_delete AFTER DELETE ON ${history} FOR EACH ROW EXECUTE FUNCTION ${table}_on_delete();
  CREATE FUNCTION ${table}_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION '${history} are history: add a row instead of changing one';
  END $$;
  CREATE TRIGGER ${table}_on_update BEFORE UPDATE OF ${[...target, 'labelled_at'].join(', ')} ON ${history}
    FOR EACH ROW EXECUTE FUNCTION ${table}_on_update();`;
}

/**
 * The view made again over the head table, in place: the columns it has, in its order (recency always 1), then any
 * column the history gained since the view was made (0003's flags view predates 0004's provenance columns).
 */
function viewThroughHeads(view: string, history: string, table: string): string {
  return `
  DO $$
  DECLARE
    selected TEXT;
  BEGIN
    SELECT string_agg(CASE WHEN name = 'recency' THEN '1::bigint AS recency' ELSE 'x.' || quote_ident(name) END, ', ' ORDER BY position)
      INTO selected
      FROM (
        SELECT column_name::text AS name, ordinal_position AS position FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = '${view}'
        UNION ALL
        SELECT c.column_name::text, 1000 + c.ordinal_position FROM information_schema.columns c
          WHERE c.table_schema = current_schema() AND c.table_name = '${history}'
            AND c.column_name NOT IN (SELECT v.column_name FROM information_schema.columns v
              WHERE v.table_schema = current_schema() AND v.table_name = '${view}')
      ) columns_in_order;
    EXECUTE 'CREATE OR REPLACE VIEW ${view} AS SELECT ' || selected ||
      ' FROM ${table} h JOIN ${history} x ON x.id = h.row_id';
  END $$;`;
}

export const postgresLabelHeadsMigration: Migration = {
  id: '0014-postgres-label-heads',
  sql: `SELECT 1;`,
  postgres: `
  ${heads('labels', 'label_heads', LABEL_TARGET)}
  CREATE INDEX label_heads_by_annotator ON label_heads (annotator_id, kind, prompt_id);
  ${viewThroughHeads('current_labels', 'labels', 'label_heads')}
  ${heads('language_flags', 'language_flag_heads', FLAG_TARGET)}
  ${viewThroughHeads('current_language_flags', 'language_flags', 'language_flag_heads')}
  `,
};
