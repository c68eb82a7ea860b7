// A live dashboard (issue 15): on PostgreSQL every statement that adds or removes labels or language flags tells
// the server's listeners on the channel langlens_labels, with the schema as payload (one database may hold several
// studies), when its transaction commits (watchLabels in ../labelWatch.ts listens). SQLite has no notifications: a
// watcher there polls PRAGMA data_version, which needs nothing in the schema.
import type { Migration } from './migration';

export const LABEL_CHANNEL = 'langlens_labels';

export const labelNotifyMigration: Migration = {
  id: '0015-label-notify',
  sql: `SELECT 1;`,
  postgres: `
  CREATE FUNCTION langlens_notify_labels() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_notify('${LABEL_CHANNEL}', current_schema());
    RETURN NULL;
  END $$;
  CREATE TRIGGER labels_notify AFTER INSERT OR DELETE ON labels
    FOR EACH STATEMENT EXECUTE FUNCTION langlens_notify_labels();
  CREATE TRIGGER language_flags_notify AFTER INSERT OR DELETE ON language_flags
    FOR EACH STATEMENT EXECUTE FUNCTION langlens_notify_labels();
  `,
};
