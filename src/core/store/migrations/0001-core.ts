// The evaluation core: runs, prompts, responses, judges' verdicts and scores, human labels, detected languages.
import type { Migration } from './migration';

export const coreMigration: Migration = {
  id: '0001-core',
  sql: `
  CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (path, sha256)
  );
  CREATE TABLE systems (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    UNIQUE (run_id, name)
  );
  CREATE TABLE prompts (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    group_key TEXT NOT NULL,
    lang TEXT NOT NULL,
    turn INTEGER NOT NULL DEFAULT 1,
    text TEXT,
    source_id INTEGER REFERENCES sources(id),
    source_line INTEGER,
    UNIQUE (run_id, group_key, lang, turn)
  );
  CREATE INDEX prompts_by_language ON prompts (run_id, lang, group_key);
  CREATE TABLE responses (
    id INTEGER PRIMARY KEY,
    prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
    system_id INTEGER NOT NULL REFERENCES systems(id) ON DELETE CASCADE,
    seed INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    source_id INTEGER REFERENCES sources(id),
    source_line INTEGER,
    UNIQUE (prompt_id, system_id, seed)
  );
  CREATE TABLE judges (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    hash TEXT NOT NULL DEFAULT '',
    definition TEXT,
    UNIQUE (name, hash)
  );
  CREATE TABLE pairwise_judgments (
    id INTEGER PRIMARY KEY,
    prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
    judge_id INTEGER NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
    system_a_id INTEGER NOT NULL REFERENCES systems(id) ON DELETE CASCADE,
    system_b_id INTEGER NOT NULL REFERENCES systems(id) ON DELETE CASCADE,
    presentation TEXT NOT NULL CHECK (presentation IN ('AB', 'BA', 'combined')),
    verdict TEXT NOT NULL CHECK (verdict IN ('A', 'B', 'tie', 'invalid')),
    raw TEXT,
    reasoning TEXT,
    source_id INTEGER REFERENCES sources(id),
    source_line INTEGER,
    CHECK (system_a_id < system_b_id),
    UNIQUE (prompt_id, judge_id, system_a_id, system_b_id, presentation)
  );
  CREATE TABLE pointwise_judgments (
    id INTEGER PRIMARY KEY,
    prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
    system_id INTEGER NOT NULL REFERENCES systems(id) ON DELETE CASCADE,
    seed INTEGER NOT NULL DEFAULT 0,
    judge_id INTEGER NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
    scale TEXT NOT NULL,
    scale_min REAL NOT NULL,
    scale_max REAL NOT NULL,
    score REAL,
    raw TEXT,
    reasoning TEXT,
    source_id INTEGER REFERENCES sources(id),
    source_line INTEGER,
    UNIQUE (prompt_id, system_id, seed, judge_id)
  );
  CREATE TABLE annotators (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
  );
  -- Human labels are append-only: a new label on the same target supersedes the old one, which stays as history.
  -- target is 'pair:<system_a_id>:<system_b_id>' or 'response:<system_id>:<seed>', so one index finds the latest.
  CREATE TABLE labels (
    id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('pairwise', 'rating', 'language')),
    prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    target TEXT NOT NULL,
    system_a_id INTEGER REFERENCES systems(id),
    system_b_id INTEGER REFERENCES systems(id),
    system_id INTEGER REFERENCES systems(id),
    seed INTEGER,
    value TEXT,
    presentation TEXT CHECK (presentation IN ('AB', 'BA')),
    comment TEXT,
    labelled_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    source_id INTEGER REFERENCES sources(id),
    source_line INTEGER,
    CHECK ((kind = 'pairwise') = (system_a_id IS NOT NULL AND system_b_id IS NOT NULL AND system_a_id < system_b_id)),
    CHECK ((kind = 'pairwise') = (system_id IS NULL))
  );
  CREATE INDEX labels_by_target ON labels (prompt_id, kind, target, annotator_id, labelled_at);
  CREATE INDEX labels_by_annotator ON labels (annotator_id, kind, prompt_id);
  CREATE VIEW current_labels AS
    SELECT * FROM (
      SELECT l.*, ROW_NUMBER() OVER (
        PARTITION BY l.prompt_id, l.kind, l.target, l.annotator_id ORDER BY l.labelled_at DESC, l.id DESC) AS recency
      FROM labels l)
    WHERE recency = 1;
  CREATE TABLE language_detections (
    response_id INTEGER PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE,
    detector TEXT NOT NULL,
    lang TEXT NOT NULL,
    confidence REAL,
    reason TEXT
  );
  -- A detection belongs to the text it was made on.
  CREATE TRIGGER responses_text_changed AFTER UPDATE OF text ON responses
    WHEN OLD.text IS NOT NEW.text
    BEGIN DELETE FROM language_detections WHERE response_id = NEW.id; END;
  `,
  // PostgreSQL: the same tables (numbered ids, doubles, byte-order text, named unique keys so that 0010 can
  // replace them), the view with its subquery named, the trigger as a function, and the import's replacement guard
  // (replacementGuard.ts) as lasting triggers that act only in a session that asked for them.
  postgres: `
  CREATE TABLE runs (
    id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL UNIQUE,
    created_at TEXT COLLATE "C" NOT NULL
  );
  CREATE TABLE sources (
    id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    path TEXT COLLATE "C" NOT NULL,
    sha256 TEXT COLLATE "C" NOT NULL,
    format TEXT COLLATE "C" NOT NULL,
    imported_at TEXT COLLATE "C" NOT NULL,
    UNIQUE (path, sha256)
  );
  CREATE TABLE systems (
    id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    name TEXT COLLATE "C" NOT NULL,
    UNIQUE (run_id, name)
  );
  CREATE TABLE prompts (
    id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    group_key TEXT COLLATE "C" NOT NULL,
    lang TEXT COLLATE "C" NOT NULL,
    turn INTEGER NOT NULL DEFAULT 1,
    text TEXT COLLATE "C",
    source_id INTEGER REFERENCES sources(id),
    source_line INTEGER,
    UNIQUE (run_id, group_key, lang, turn)
  );
  CREATE INDEX prompts_by_language ON prompts (run_id, lang, group_key);
  CREATE TABLE responses (
    id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
    system_id INTEGER NOT NULL REFERENCES systems(id) ON DELETE CASCADE,
    seed INTEGER NOT NULL DEFAULT 0,
    text TEXT COLLATE "C" NOT NULL,
    source_id INTEGER REFERENCES sources(id),
    source_line INTEGER,
    UNIQUE (prompt_id, system_id, seed)
  );
  CREATE TABLE judges (
    id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    hash TEXT COLLATE "C" NOT NULL DEFAULT '',
    definition TEXT COLLATE "C",
    UNIQUE (name, hash)
  );
  CREATE TABLE pairwise_judgments (
    id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
    judge_id INTEGER NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
    system_a_id INTEGER NOT NULL REFERENCES systems(id) ON DELETE CASCADE,
    system_b_id INTEGER NOT NULL REFERENCES systems(id) ON DELETE CASCADE,
    presentation TEXT COLLATE "C" NOT NULL CHECK (presentation IN ('AB', 'BA', 'combined')),
    verdict TEXT COLLATE "C" NOT NULL CHECK (verdict IN ('A', 'B', 'tie', 'invalid')),
    raw TEXT COLLATE "C",
    reasoning TEXT COLLATE "C",
    source_id INTEGER REFERENCES sources(id),
    source_line INTEGER,
    CHECK (system_a_id < system_b_id),
    CONSTRAINT pairwise_judgments_key UNIQUE (prompt_id, judge_id, system_a_id, system_b_id, presentation)
  );
  CREATE TABLE pointwise_judgments (
    id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
    system_id INTEGER NOT NULL REFERENCES systems(id) ON DELETE CASCADE,
    seed INTEGER NOT NULL DEFAULT 0,
    judge_id INTEGER NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
    scale TEXT COLLATE "C" NOT NULL,
    scale_min DOUBLE PRECISION NOT NULL,
    scale_max DOUBLE PRECISION NOT NULL,
    score DOUBLE PRECISION,
    raw TEXT COLLATE "C",
    reasoning TEXT COLLATE "C",
    source_id INTEGER REFERENCES sources(id),
    source_line INTEGER,
    CONSTRAINT pointwise_judgments_key UNIQUE (prompt_id, system_id, seed, judge_id)
  );
  CREATE TABLE annotators (
    id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL UNIQUE
  );
  CREATE TABLE labels (
    id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    fingerprint TEXT COLLATE "C" NOT NULL UNIQUE,
    kind TEXT COLLATE "C" NOT NULL CHECK (kind IN ('pairwise', 'rating', 'language')),
    prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    target TEXT COLLATE "C" NOT NULL,
    system_a_id INTEGER REFERENCES systems(id),
    system_b_id INTEGER REFERENCES systems(id),
    system_id INTEGER REFERENCES systems(id),
    seed INTEGER,
    value TEXT COLLATE "C",
    presentation TEXT COLLATE "C" CHECK (presentation IN ('AB', 'BA')),
    comment TEXT COLLATE "C",
    labelled_at TEXT COLLATE "C" NOT NULL,
    recorded_at TEXT COLLATE "C" NOT NULL,
    source_id INTEGER REFERENCES sources(id),
    source_line INTEGER,
    CHECK ((kind = 'pairwise') = (system_a_id IS NOT NULL AND system_b_id IS NOT NULL AND system_a_id < system_b_id)),
    CHECK ((kind = 'pairwise') = (system_id IS NULL))
  );
  CREATE INDEX labels_by_target ON labels (prompt_id, kind, target, annotator_id, labelled_at);
  CREATE INDEX labels_by_annotator ON labels (annotator_id, kind, prompt_id);
  CREATE VIEW current_labels AS
    SELECT * FROM (
      SELECT l.*, ROW_NUMBER() OVER (
        PARTITION BY l.prompt_id, l.kind, l.target, l.annotator_id ORDER BY l.labelled_at DESC, l.id DESC) AS recency
      FROM labels l) ranked
    WHERE recency = 1;
  CREATE TABLE language_detections (
    response_id INTEGER PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE,
    detector TEXT COLLATE "C" NOT NULL,
    lang TEXT COLLATE "C" NOT NULL,
    confidence DOUBLE PRECISION,
    reason TEXT COLLATE "C"
  );
  CREATE FUNCTION langlens_forget_detection() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    DELETE FROM language_detections WHERE response_id = NEW.id;
    RETURN NEW;
  END $$;
  CREATE TRIGGER responses_text_changed AFTER UPDATE OF text ON responses
    FOR EACH ROW WHEN (OLD.text IS DISTINCT FROM NEW.text) EXECUTE FUNCTION langlens_forget_detection();
  -- The replacement guard: a record from another file (its path differs; a record of no file counts as another)
  -- whose content changes, noted in the session's temporary table while an import watches.
  CREATE FUNCTION langlens_note_replacement() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF coalesce(current_setting('langlens.watch_replacements', true), '') = 'on'
      AND OLD.source_id IS DISTINCT FROM NEW.source_id
      AND (SELECT path FROM sources WHERE id = OLD.source_id) IS DISTINCT FROM (SELECT path FROM sources WHERE id = NEW.source_id)
    THEN
      INSERT INTO pg_temp.replaced_records (tbl, row_id, old_source_id, old_line, new_line)
      VALUES (TG_TABLE_NAME, OLD.id, OLD.source_id, OLD.source_line, NEW.source_line);
    END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER guard_prompts BEFORE UPDATE ON prompts FOR EACH ROW
    WHEN (OLD.text IS NOT NULL AND NEW.text IS NOT NULL AND OLD.text IS DISTINCT FROM NEW.text)
    EXECUTE FUNCTION langlens_note_replacement();
  CREATE TRIGGER guard_responses BEFORE UPDATE ON responses FOR EACH ROW
    WHEN (OLD.text IS DISTINCT FROM NEW.text) EXECUTE FUNCTION langlens_note_replacement();
  CREATE TRIGGER guard_pairwise_judgments BEFORE UPDATE ON pairwise_judgments FOR EACH ROW
    WHEN (OLD.verdict IS DISTINCT FROM NEW.verdict OR OLD.raw IS DISTINCT FROM NEW.raw OR OLD.reasoning IS DISTINCT FROM NEW.reasoning)
    EXECUTE FUNCTION langlens_note_replacement();
  CREATE TRIGGER guard_pointwise_judgments BEFORE UPDATE ON pointwise_judgments FOR EACH ROW
    WHEN (OLD.score IS DISTINCT FROM NEW.score OR OLD.raw IS DISTINCT FROM NEW.raw OR OLD.scale IS DISTINCT FROM NEW.scale
      OR OLD.scale_min IS DISTINCT FROM NEW.scale_min OR OLD.scale_max IS DISTINCT FROM NEW.scale_max
      OR OLD.reasoning IS DISTINCT FROM NEW.reasoning)
    EXECUTE FUNCTION langlens_note_replacement();
  `,
};
