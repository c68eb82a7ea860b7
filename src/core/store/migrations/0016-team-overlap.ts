// A team on one store (issue 15): overlap targets (k annotators per item of a run's task), short claims so that two
// annotators do not both take an item's last slot, the team's settings (so that a later migration that makes a view
// again gets the team's grants back), and the systems as annotators may see them (system_names: in a blind study a
// team member's connection reads an alias, never the name).
//
// On SQLite (one person) the claims are plain rows written in the store's own transaction and system_names is the
// systems' names. On PostgreSQL an annotator cannot read other annotators' labels (row-level security), so the
// overlap is counted by SECURITY DEFINER functions that tell only whether an item is full, never by whom; a claim
// takes an advisory lock on its item so that two annotators claiming the last slot at once are served one by one.
// Every statement is idempotent (IF NOT EXISTS, OR REPLACE), so the migration can be applied again.
import type { Migration } from './migration';

const TABLES = `
  CREATE TABLE IF NOT EXISTS team_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS overlap_targets (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    task TEXT NOT NULL CHECK (task IN ('rating', 'pairwise')),
    annotators INTEGER NOT NULL CHECK (annotators >= 1),
    PRIMARY KEY (run_id, task)
  );
  CREATE TABLE IF NOT EXISTS item_claims (
    prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL,
    PRIMARY KEY (prompt_id, kind, target, annotator_id)
  );`;

/** The server's clock as the claims store it: ISO 8601 in UTC with milliseconds, as SQLite's strftime('%f') gives. */
const NOW = `to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const teamOverlapMigration: Migration = {
  id: '0016-team-overlap',
  sql: `${TABLES}
  CREATE VIEW IF NOT EXISTS system_names AS SELECT id, run_id, name FROM systems;
  `,
  postgres: `
  ${TABLES.replace(/\bTEXT\b/g, 'TEXT COLLATE "C"')}
  CREATE TABLE IF NOT EXISTS team_members (
    role TEXT COLLATE "C" PRIMARY KEY, annotator TEXT COLLATE "C" NOT NULL UNIQUE);

  -- The view reads with its owner's (the lead's) rights: a team member of a blind study gets an alias made of the
  -- system's id and a secret salt (team_settings, which annotators cannot read), everyone else the name.
  DROP VIEW IF EXISTS system_names;
  CREATE VIEW system_names AS
    SELECT s.id, s.run_id,
           CASE WHEN EXISTS (SELECT 1 FROM team_members m WHERE m.role = session_user)
                 AND NOT EXISTS (SELECT 1 FROM team_settings t WHERE t.key = 'blind' AND t.value = 'false')
                THEN ('system-' || substr(md5(coalesce((SELECT t.value FROM team_settings t WHERE t.key = 'alias_salt'), '')
                      || ':' || s.id::text), 1, 12)) COLLATE "C"
                ELSE s.name END AS name
    FROM systems s;

  -- The annotator a call acts for: a team member only for themselves; the lead (no member) for anyone named.
  CREATE OR REPLACE FUNCTION langlens_acting_annotator(p_annotator TEXT, p_create BOOLEAN) RETURNS INTEGER
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
  DECLARE
    member TEXT;
    found INTEGER;
  BEGIN
    SELECT m.annotator INTO member FROM team_members m WHERE m.role = session_user;
    IF member IS NOT NULL AND member <> p_annotator THEN
      RAISE EXCEPTION 'the login % speaks for the annotator %, not %', session_user, member, p_annotator
        USING ERRCODE = '42501';
    END IF;
    SELECT a.id INTO found FROM annotators a WHERE a.name = p_annotator;
    IF found IS NULL AND p_create THEN
      INSERT INTO annotators (name) VALUES (p_annotator) ON CONFLICT DO NOTHING;
      SELECT a.id INTO found FROM annotators a WHERE a.name = p_annotator;
    END IF;
    RETURN found;
  END $$;

  -- Claims one item (prompt, kind, target) for the annotator for p_seconds: true when they may label it (no
  -- target, they labelled or claimed it already, or fewer than the target of others hold it), false when it is full.
  CREATE OR REPLACE FUNCTION langlens_claim_item(p_annotator TEXT, p_prompt INTEGER, p_kind TEXT, p_target TEXT,
    p_seconds INTEGER) RETURNS BOOLEAN
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
  DECLARE
    me INTEGER;
    wanted INTEGER;
    taken INTEGER;
    mine INTEGER;
  BEGIN
    me := langlens_acting_annotator(p_annotator, TRUE);
    SELECT o.annotators INTO wanted FROM overlap_targets o JOIN prompts p ON p.run_id = o.run_id
    WHERE p.id = p_prompt AND o.task = p_kind;
    IF wanted IS NULL THEN RETURN TRUE; END IF;
    -- One claim of this item at a time (released when the call's transaction ends, after its claim is committed).
    PERFORM pg_advisory_xact_lock(7305272, hashtext(p_prompt::text || ' ' || p_kind || ' ' || p_target));
    DELETE FROM item_claims c WHERE c.prompt_id = p_prompt AND c.kind = p_kind AND c.target = p_target
      AND c.expires_at <= ${NOW};
    SELECT count(*) FILTER (WHERE h.annotator_id <> me), count(*) FILTER (WHERE h.annotator_id = me)
      INTO taken, mine
    FROM (
      SELECT l.annotator_id FROM current_labels l
      WHERE l.prompt_id = p_prompt AND l.kind = p_kind AND l.target = p_target AND l.value IS NOT NULL
      UNION
      SELECT c.annotator_id FROM item_claims c WHERE c.prompt_id = p_prompt AND c.kind = p_kind AND c.target = p_target
    ) h;
    IF mine = 0 AND taken >= wanted THEN RETURN FALSE; END IF;
    INSERT INTO item_claims (prompt_id, kind, target, annotator_id, expires_at)
    VALUES (p_prompt, p_kind, p_target, me,
            to_char((clock_timestamp() + make_interval(secs => p_seconds)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    ON CONFLICT (prompt_id, kind, target, annotator_id) DO UPDATE SET expires_at = excluded.expires_at;
    RETURN TRUE;
  END $$;

  -- The items of a run's task that others fill up to its target (labels and live claims), and the annotator has
  -- neither labelled nor claimed: what their queue skips. Only the items, never who holds them.
  CREATE OR REPLACE FUNCTION langlens_full_items(p_annotator TEXT, p_run TEXT, p_kind TEXT)
  RETURNS TABLE (item_prompt_id INTEGER, item_target TEXT)
  LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH me AS (SELECT coalesce(langlens_acting_annotator(p_annotator, FALSE), -1) AS id),
    holders AS (
      SELECT l.prompt_id, l.target, l.annotator_id FROM current_labels l JOIN prompts p ON p.id = l.prompt_id
      JOIN runs r ON r.id = p.run_id WHERE r.name = p_run AND l.kind = p_kind AND l.value IS NOT NULL
      UNION
      SELECT c.prompt_id, c.target, c.annotator_id FROM item_claims c JOIN prompts p ON p.id = c.prompt_id
      JOIN runs r ON r.id = p.run_id WHERE r.name = p_run AND c.kind = p_kind AND c.expires_at > ${NOW}
    )
    SELECT h.prompt_id, h.target FROM holders h JOIN prompts p ON p.id = h.prompt_id
    JOIN overlap_targets o ON o.run_id = p.run_id AND o.task = p_kind CROSS JOIN me
    GROUP BY h.prompt_id, h.target, o.annotators
    HAVING count(*) FILTER (WHERE h.annotator_id <> me.id) >= o.annotators
       AND count(*) FILTER (WHERE h.annotator_id = me.id) = 0
    ORDER BY h.prompt_id, h.target
  $$;
  `,
};
