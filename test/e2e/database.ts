// The test's own look into the workspace database: what the extension wrote, a simulated language
// identification, and a write lock held from outside to make the extension's writes fail.
import { SqliteDatabase } from '../../src/core/store/sqlite';

export interface LabelRow {
  readonly group: string;
  readonly lang: string;
  readonly system: string;
  readonly value: string | null;
  readonly labelledAt: string;
}

export async function withDatabase<T>(path: string, body: (db: SqliteDatabase) => Promise<T>): Promise<T> {
  const db = await SqliteDatabase.open(path);
  db.configureBusyTimeout(10_000);
  try {
    return await body(db);
  } finally {
    await db.close();
  }
}

/** Every rating label an annotator gave, oldest first (the history, not only the current ones). */
export function ratingHistory(path: string, annotator: string): Promise<LabelRow[]> {
  return withDatabase(path, (db) =>
    db.all<LabelRow>(
      `
    SELECT p.group_key AS "group", p.lang, s.name AS system, l.value, l.labelled_at AS labelledAt
    FROM labels l JOIN prompts p ON p.id = l.prompt_id JOIN annotators a ON a.id = l.annotator_id
    JOIN systems s ON s.id = l.system_id WHERE a.name = ? AND l.kind = 'rating' ORDER BY l.labelled_at, l.id`,
      [annotator],
    ),
  );
}

export function currentRatings(path: string, annotator: string): Promise<LabelRow[]> {
  return withDatabase(path, (db) =>
    db.all<LabelRow>(
      `
    SELECT p.group_key AS "group", p.lang, s.name AS system, l.value, l.labelled_at AS labelledAt
    FROM current_labels l JOIN prompts p ON p.id = l.prompt_id JOIN annotators a ON a.id = l.annotator_id
    JOIN systems s ON s.id = l.system_id WHERE a.name = ? AND l.kind = 'rating' AND l.value IS NOT NULL
    ORDER BY l.labelled_at`,
      [annotator],
    ),
  );
}

export interface PairLabelRow {
  readonly group: string;
  readonly lang: string;
  /** In the database's order (lower system id first); value is relative to it. */
  readonly systemA: string;
  readonly systemB: string;
  readonly value: string | null;
  readonly presentation: 'AB' | 'BA';
  readonly comment: string | null;
}

export function pairwiseHistory(path: string, annotator: string): Promise<PairLabelRow[]> {
  return withDatabase(path, (db) =>
    db.all<PairLabelRow>(
      `
    SELECT p.group_key AS "group", p.lang, sa.name AS systemA, sb.name AS systemB, l.value, l.presentation, l.comment
    FROM labels l JOIN prompts p ON p.id = l.prompt_id JOIN annotators a ON a.id = l.annotator_id
    JOIN systems sa ON sa.id = l.system_a_id JOIN systems sb ON sb.id = l.system_b_id
    WHERE a.name = ? AND l.kind = 'pairwise' ORDER BY l.labelled_at, l.id`,
      [annotator],
    ),
  );
}

/** What language identification would store: mono-en answers in English, everyone else in the prompt's language. */
export function simulateLanguageIdentification(path: string): Promise<void> {
  return withDatabase(path, async (db) => {
    await db.run(`
      INSERT OR REPLACE INTO language_detections (response_id, detector, lang, confidence, reason)
      SELECT resp.id, 'e2e-simulated', CASE WHEN s.name = 'mono-en' THEN 'en' ELSE p.lang END, 0.97, NULL
      FROM responses resp JOIN prompts p ON p.id = resp.prompt_id JOIN systems s ON s.id = resp.system_id`);
  });
}

/** Holds the database's write lock until release() is called: every write of the extension waits, then fails. */
export async function holdWriteLock(path: string): Promise<{ release: () => Promise<void> }> {
  const db = await SqliteDatabase.open(path);
  await db.exec('BEGIN EXCLUSIVE');
  return {
    release: async () => {
      await db.exec('COMMIT');
      await db.close();
    },
  };
}
