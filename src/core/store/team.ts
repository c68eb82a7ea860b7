// A team on one PostgreSQL store: a login role per annotator, and row-level security so that the database itself,
// not only the editor, keeps each annotator to their own labels. The lead (the owner of LangLens's tables, who runs
// `langlens team init`) reads and assigns everything; an annotator reads the run's prompts and responses, appends
// labels and flags only under their own name, reads back only their own, and, in a blind study, nothing of the
// judges or the systems' names. The role of each annotator is kept in team_members (PostgreSQL only: SQLite has no
// roles), the team's choices in team_settings, so that the grants can be given again after a migration.
import { randomBytes } from 'node:crypto';
import { connectionOf } from './connection';
import type { Database } from './database';
import { quoteIdentifier } from './postgres';
import type { Store } from './store';
import { CoreError, msg } from '../util/message';

export interface TeamOptions {
  readonly annotators: readonly string[];
  /** Prefixed to each annotator's name to make their role (roles are shared by every database of a server). */
  readonly rolePrefix?: string;
  /** Blind study: annotators cannot read judges or their verdicts (default true). */
  readonly blind?: boolean;
}

export interface TeamMember {
  readonly annotator: string;
  readonly role: string;
  /** Set now; undefined for a member who existed already (their password is unchanged). */
  readonly password: string | undefined;
}

/** Readable by every annotator: what the queue and the panel show. */
// overlap_targets: an annotator's panel reads how many annotators its run's items want (the lead sets them);
// prompt_item_totals: the runs explorer's totals (how many items each prompt has).
const READABLE = [
  'runs',
  'prompts',
  'responses',
  'language_detections',
  'schema_entries',
  'schema_migrations',
  'overlap_targets',
  'prompt_item_totals',
];
/** Rows of their own only: read, and appended or updated only under their own name. */
const OWN_ROWS: readonly { table: string; grant: string }[] = [
  { table: 'labels', grant: 'SELECT, INSERT' },
  { table: 'language_flags', grant: 'SELECT, INSERT' },
  { table: 'annotation_positions', grant: 'SELECT, INSERT, UPDATE' },
  { table: 'assignments', grant: 'SELECT' },
  // The head tables the current_labels views read through (migration 0014; moved by SECURITY DEFINER triggers).
  { table: 'label_heads', grant: 'SELECT' },
  { table: 'language_flag_heads', grant: 'SELECT' },
];
const OVERLAP_FUNCTIONS = [
  'langlens_acting_annotator(TEXT, BOOLEAN)',
  'langlens_claim_item(TEXT, INTEGER, TEXT, TEXT, INTEGER)',
  'langlens_full_items(TEXT, TEXT, TEXT)',
];
const JUDGES = ['judges', 'pairwise_judgments', 'pointwise_judgments', 'reference_answers'];

/** The group role every annotator of this schema belongs to. */
function groupRole(prefix: string): string {
  return `${prefix}annotators`;
}

export async function teamInit(store: Store, options: TeamOptions): Promise<TeamMember[]> {
  if (store.engine !== 'postgres') throw new CoreError(msg('team init needs a PostgreSQL store (--db postgres://...)'));
  const db = connectionOf(store);
  const prefix = options.rolePrefix ?? 'langlens_';
  const group = quoteIdentifier(groupRole(prefix));
  const members: TeamMember[] = [];
  await db.exec('BEGIN');
  try {
    // Kept for applyTeamGrants, which a migration that makes a view or a table again runs after it.
    const setting =
      'INSERT INTO team_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value';
    await db.run(setting, ['role_prefix', prefix]);
    await db.run(setting, ['blind', options.blind === false ? 'false' : 'true']);
    // The secret the blind aliases of the systems are made with (system_names): set once, so aliases stay put.
    await db.run('INSERT OR IGNORE INTO team_settings (key, value) VALUES (?, ?)', [
      'alias_salt',
      randomBytes(18).toString('base64url'),
    ]);
    await applyTeamGrants(db);
    for (const annotator of options.annotators) members.push(await addMember(db, prefix, group, annotator));
    await db.exec('COMMIT');
  } catch (err) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw err;
  }
  return members;
}

/**
 * The team's roles, grants and row-level security, as team_settings says (prefix, blind), inside the caller's
 * transaction. team init runs it, and so does the lead's open after a migration (store.ts), since a view or table
 * made again loses its grants and options. Returns false, doing nothing, when the store has no team.
 */
export async function applyTeamGrants(db: Database): Promise<boolean> {
  const settings = new Map(
    (await db.all<{ key: string; value: string }>('SELECT key, value FROM team_settings')).map((r) => [r.key, r.value]),
  );
  const prefix = settings.get('role_prefix');
  if (prefix === undefined) return false;
  const blind = settings.get('blind') !== 'false';
  const group = quoteIdentifier(groupRole(prefix));
  const schema = await currentSchema(db);
  await db.exec(`DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(groupRole(prefix))}) THEN CREATE ROLE ${group} NOLOGIN; END IF;
  END $$`);
  // The annotator a session speaks for: the one its login role belongs to (none for the lead).
  await db.exec(`CREATE OR REPLACE FUNCTION langlens_current_annotator() RETURNS INTEGER LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT a.id FROM annotators a JOIN team_members m ON m.annotator = a.name WHERE m.role = session_user $$`);
  await db.exec(`CREATE OR REPLACE FUNCTION langlens_current_annotator_name() RETURNS TEXT LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path FROM CURRENT AS $$ SELECT annotator FROM team_members WHERE role = session_user $$`);
  await db.exec(`GRANT USAGE ON SCHEMA ${schema} TO ${group}`);
  await db.exec(`GRANT SELECT ON ${READABLE.join(', ')} TO ${group}`);
  // Blind: the systems' ids but not their names; annotators read them through system_names, which gives a team
  // member an alias (migration 0014).
  await db.exec(`REVOKE ALL ON systems FROM ${group}`);
  if (blind) await db.exec(`GRANT SELECT (id, run_id) ON systems TO ${group}`);
  else await db.exec(`GRANT SELECT ON systems TO ${group}`);
  await db.exec(`GRANT SELECT ON system_names, current_labels, current_language_flags TO ${group}`);
  // The views read the labels with the reader's rights, so that the labels' policies apply through them too.
  await db.exec('ALTER VIEW current_labels SET (security_invoker = true)');
  await db.exec('ALTER VIEW current_language_flags SET (security_invoker = true)');
  for (const { table, grant } of OWN_ROWS) {
    await db.exec(`GRANT ${grant} ON ${table} TO ${group}`);
    await db.exec(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await db.exec(`DROP POLICY IF EXISTS langlens_own_rows ON ${table}`);
    await db.exec(`CREATE POLICY langlens_own_rows ON ${table} TO ${group}
      USING (annotator_id = langlens_current_annotator()) WITH CHECK (annotator_id = langlens_current_annotator())`);
  }
  // An annotator may add (and see) only the annotators row of their own name.
  await db.exec(`GRANT SELECT, INSERT ON annotators TO ${group}`);
  await db.exec('ALTER TABLE annotators ENABLE ROW LEVEL SECURITY');
  await db.exec('DROP POLICY IF EXISTS langlens_own_rows ON annotators');
  await db.exec(`CREATE POLICY langlens_own_rows ON annotators TO ${group}
    USING (name = langlens_current_annotator_name()) WITH CHECK (name = langlens_current_annotator_name())`);
  await db.exec(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${group}`);
  // The overlap's functions (migration 0014) count others' labels for them; nobody else needs to call them.
  for (const fn of OVERLAP_FUNCTIONS) {
    await db.exec(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
    await db.exec(`GRANT EXECUTE ON FUNCTION ${fn} TO ${group}`);
  }
  if (!blind) await db.exec(`GRANT SELECT ON ${JUDGES.join(', ')} TO ${group}`);
  else await db.exec(`REVOKE ALL ON ${JUDGES.join(', ')} FROM ${group}`);
  return true;
}

async function addMember(db: Database, prefix: string, group: string, annotator: string): Promise<TeamMember> {
  const role = `${prefix}${annotator}`;
  const exists = await db.get<{ n: number }>('SELECT count(*) AS n FROM pg_roles WHERE rolname = ?', [role]);
  let password: string | undefined;
  if (!exists?.n) {
    password = randomBytes(18).toString('base64url');
    await db.exec(`CREATE ROLE ${quoteIdentifier(role)} LOGIN PASSWORD ${literal(password)} IN ROLE ${group}`);
  } else {
    await db.exec(`GRANT ${group} TO ${quoteIdentifier(role)}`);
  }
  await db.run('INSERT OR IGNORE INTO team_members (role, annotator) VALUES (?, ?)', [role, annotator]);
  const mapped = await db.get<{ annotator: string }>('SELECT annotator FROM team_members WHERE role = ?', [role]);
  if (mapped?.annotator !== annotator) {
    throw new CoreError(
      msg('the role {0} already speaks for the annotator {1}, not {2}', role, mapped?.annotator, annotator),
    );
  }
  await db.run('INSERT OR IGNORE INTO annotators (name) VALUES (?)', [annotator]);
  return { annotator, role, password };
}

async function currentSchema(db: Database): Promise<string> {
  const row = await db.get<{ schema: string }>('SELECT current_schema() AS schema');
  return quoteIdentifier(row!.schema);
}

/** A string literal for the DDL statements that take no parameters (CREATE ROLE ... PASSWORD). */
function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
