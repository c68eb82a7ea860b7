// Any study design (issue 10): a criterion on labels and judgments that is part of the target's identity, ratings on
// any declared scale (numeric or ordinal), annotation rounds, and the project's declared schema. Existing rows keep
// every value: their criterion is '' (none) and their rating scale NULL (lima-3, excellent / pass / fail). The
// judgments' rebuilt tables keep 0007's prompt_variant and preference.
import type { Migration } from './migration';

const JUDGMENT_COLUMNS = {
  pairwise:
    'id, prompt_id, judge_id, system_a_id, system_b_id, presentation, verdict, raw, reasoning, source_id, source_line, prompt_variant, preference',
  pointwise:
    'id, prompt_id, system_id, seed, judge_id, scale, scale_min, scale_max, score, raw, reasoning, source_id, source_line, prompt_variant',
};

export const criteriaScalesMigration: Migration = {
  id: '0010-criteria-scales',
  sql: `
  ALTER TABLE labels ADD COLUMN criterion TEXT NOT NULL DEFAULT '';
  -- NULL: lima-3. scale_min / scale_max: the bounds of a numeric scale.
  ALTER TABLE labels ADD COLUMN scale TEXT;
  ALTER TABLE labels ADD COLUMN scale_min REAL;
  ALTER TABLE labels ADD COLUMN scale_max REAL;
  ALTER TABLE labels ADD COLUMN round INTEGER;
  DROP VIEW current_labels;
  CREATE VIEW current_labels AS
    SELECT * FROM (
      SELECT l.*, ROW_NUMBER() OVER (
        PARTITION BY l.prompt_id, l.kind, l.target, l.criterion, l.annotator_id ORDER BY l.labelled_at DESC, l.id DESC) AS recency
      FROM labels l)
    WHERE recency = 1;
  CREATE INDEX labels_by_criterion ON labels (prompt_id, kind, target, criterion, annotator_id, labelled_at);

  -- The criterion joins the judgments' unique keys: SQLite cannot change a table's constraints, so both are rebuilt.
  CREATE TABLE pairwise_judgments_v2 (
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
    prompt_variant TEXT,
    preference REAL CHECK (preference IS NULL OR (preference >= 0 AND preference <= 1)),
    criterion TEXT NOT NULL DEFAULT '',
    CHECK (system_a_id < system_b_id),
    UNIQUE (prompt_id, judge_id, system_a_id, system_b_id, presentation, criterion)
  );
  INSERT INTO pairwise_judgments_v2 (${JUDGMENT_COLUMNS.pairwise}) SELECT ${JUDGMENT_COLUMNS.pairwise} FROM pairwise_judgments;
  DROP TABLE pairwise_judgments;
  ALTER TABLE pairwise_judgments_v2 RENAME TO pairwise_judgments;
  CREATE TABLE pointwise_judgments_v2 (
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
    prompt_variant TEXT,
    criterion TEXT NOT NULL DEFAULT '',
    UNIQUE (prompt_id, system_id, seed, judge_id, criterion)
  );
  INSERT INTO pointwise_judgments_v2 (${JUDGMENT_COLUMNS.pointwise}) SELECT ${JUDGMENT_COLUMNS.pointwise} FROM pointwise_judgments;
  DROP TABLE pointwise_judgments;
  ALTER TABLE pointwise_judgments_v2 RENAME TO pointwise_judgments;

  -- The declared schema: scales, criteria and annotation tasks by name, each its JSON definition (docs/formats.md).
  -- A name is declared once; declaring it again with another definition is an import error.
  CREATE TABLE schema_entries (
    entry TEXT NOT NULL CHECK (entry IN ('scale', 'criterion', 'task')),
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    source_id INTEGER REFERENCES sources(id),
    source_line INTEGER,
    declared_at TEXT NOT NULL,
    PRIMARY KEY (entry, name)
  );
  `,
  // PostgreSQL changes constraints in place: the criterion column is added and joins the judgments' unique keys.
  postgres: `
  ALTER TABLE labels ADD COLUMN criterion TEXT COLLATE "C" NOT NULL DEFAULT '';
  ALTER TABLE labels ADD COLUMN scale TEXT COLLATE "C";
  ALTER TABLE labels ADD COLUMN scale_min DOUBLE PRECISION;
  ALTER TABLE labels ADD COLUMN scale_max DOUBLE PRECISION;
  ALTER TABLE labels ADD COLUMN round INTEGER;
  DROP VIEW current_labels;
  CREATE VIEW current_labels AS
    SELECT * FROM (
      SELECT l.*, ROW_NUMBER() OVER (
        PARTITION BY l.prompt_id, l.kind, l.target, l.criterion, l.annotator_id ORDER BY l.labelled_at DESC, l.id DESC) AS recency
      FROM labels l) ranked
    WHERE recency = 1;
  CREATE INDEX labels_by_criterion ON labels (prompt_id, kind, target, criterion, annotator_id, labelled_at);
  ALTER TABLE pairwise_judgments ADD COLUMN criterion TEXT COLLATE "C" NOT NULL DEFAULT '';
  ALTER TABLE pairwise_judgments DROP CONSTRAINT pairwise_judgments_key;
  ALTER TABLE pairwise_judgments ADD CONSTRAINT pairwise_judgments_key
    UNIQUE (prompt_id, judge_id, system_a_id, system_b_id, presentation, criterion);
  ALTER TABLE pointwise_judgments ADD COLUMN criterion TEXT COLLATE "C" NOT NULL DEFAULT '';
  ALTER TABLE pointwise_judgments DROP CONSTRAINT pointwise_judgments_key;
  ALTER TABLE pointwise_judgments ADD CONSTRAINT pointwise_judgments_key UNIQUE (prompt_id, system_id, seed, judge_id, criterion);
  CREATE TABLE schema_entries (
    entry TEXT COLLATE "C" NOT NULL CHECK (entry IN ('scale', 'criterion', 'task')),
    name TEXT COLLATE "C" NOT NULL,
    definition TEXT COLLATE "C" NOT NULL,
    source_id INTEGER REFERENCES sources(id),
    source_line INTEGER,
    declared_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (entry, name)
  );
  `,
};
