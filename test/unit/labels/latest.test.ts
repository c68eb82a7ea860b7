// "The latest label wins" has one definition (src/core/store/latest.ts): the head tables kept on write (migration
// 0011) must name the rows that ranking the history names, and on a database the latest labelled_at wins, a
// later-recorded row breaking a tie.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { loadPairwiseItems } from '../../../src/core/metrics/agreement';
import { connectionOf } from '../../../src/core/store/connection';
import { FLAG_TARGET, LABEL_TARGET, latestPerTarget } from '../../../src/core/store/latest';
import type { Database } from '../../../src/core/store/database';
import { postgresDdl } from '../../../src/core/store/dialect';
import { PostgresDatabase } from '../../../src/core/store/postgres';
import { SqliteDatabase } from '../../../src/core/store/sqlite';
import { MIGRATIONS } from '../../../src/core/store/migrations';
import { Store } from '../../../src/core/store/store';
import { temporaryFolder } from '../../support/paths';
import { freshSchema, openTestStore, requirePostgres, TEST_ENGINE } from '../../support/testDatabase';

/** Labels on few targets at few times, in an order unrelated to their times: ties and supersessions everywhere. */
function randomHistory(seed: number, rows: number): string {
  let x = seed;
  const next = (n: number) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
  const values: string[] = [];
  const flags: string[] = [];
  for (let i = 0; i < rows; i++) {
    const [prompt, annotator, time] = [1 + next(3), 1 + next(3), `2024-06-0${1 + next(3)}T00:00:00Z`];
    const criterion = ['', 'fluency'][next(2)];
    const value = next(5) === 0 ? 'NULL' : `'${['excellent', 'pass', 'fail'][next(3)]}'`;
    if (next(2)) {
      values.push(
        `('l${i}', 'rating', ${prompt}, ${annotator}, 'response:1:0', NULL, NULL, 1, 0, ${value}, '${time}', 't', '${criterion}')`,
      );
    } else {
      values.push(
        `('l${i}', 'pairwise', ${prompt}, ${annotator}, 'pair:1:2', 1, 2, NULL, NULL, ${value === 'NULL' ? 'NULL' : "'A'"}, '${time}', 't', '${criterion}')`,
      );
    }
    flags.push(`('f${i}', ${prompt}, ${annotator}, 1, 0, ${next(2)}, '${time}', 't')`);
  }
  return `
    INSERT INTO runs (id, name, created_at) VALUES (1, 'r', 't');
    INSERT INTO systems (id, run_id, name) VALUES (1, 1, 'a'), (2, 1, 'b');
    INSERT INTO prompts (id, run_id, group_key, lang, turn) VALUES (1, 1, 'g1', 'he', 1), (2, 1, 'g2', 'he', 1), (3, 1, 'g3', 'he', 1);
    INSERT INTO annotators (id, name) VALUES (1, 'noa'), (2, 'dan'), (3, 'ori');
    INSERT INTO labels (fingerprint, kind, prompt_id, annotator_id, target, system_a_id, system_b_id, system_id, seed,
      value, labelled_at, recorded_at, criterion) VALUES ${values.join(', ')};
    INSERT INTO language_flags (fingerprint, prompt_id, annotator_id, system_id, seed, flagged, labelled_at, recorded_at)
      VALUES ${flags.join(', ')};`;
}

/** The current rows as the views (kept on write) give them, and as ranking the history gives them. */
async function currentBothWays(db: Database): Promise<{ kept: unknown[]; ranked: unknown[] }> {
  const labels = (from: string) => `SELECT id, kind, prompt_id, annotator_id, target, criterion, value, labelled_at
    FROM (${from}) ORDER BY id`;
  const flags = (from: string) =>
    `SELECT id, prompt_id, annotator_id, system_id, seed, flagged FROM (${from}) ORDER BY id`;
  return {
    kept: [
      await db.all(labels('SELECT * FROM current_labels')),
      await db.all(flags('SELECT * FROM current_language_flags')),
    ],
    ranked: [
      await db.all(labels(latestPerTarget({ from: 'labels', alias: 'l', target: LABEL_TARGET }))),
      await db.all(flags(latestPerTarget({ from: 'language_flags', alias: 'f', target: FLAG_TARGET }))),
    ],
  };
}

describe('labels: the latest wins, defined once', () => {
  it(`is kept on write: the current labels and flags are the rows the history ranks first (${TEST_ENGINE})`, async () => {
    const store = await openTestStore(':memory:');
    try {
      const db = connectionOf(store);
      await db.exec(randomHistory(11, 400));
      const { kept, ranked } = await currentBothWays(db);
      assert.ok((kept[0] as unknown[]).length >= 30, 'many targets');
      assert.deepEqual(kept, ranked);
      // A deleted row (only a prompt's deletion does that) hands the target to its next latest row.
      await db.exec('DELETE FROM labels WHERE id IN (SELECT id FROM current_labels WHERE prompt_id = 2)');
      await db.exec(
        'DELETE FROM language_flags WHERE id IN (SELECT id FROM current_language_flags WHERE prompt_id = 2)',
      );
      const after = await currentBothWays(db);
      assert.deepEqual(after.kept, after.ranked);
      assert.notDeepEqual(after.kept, kept);
      await assert.rejects(db.exec("UPDATE labels SET labelled_at = '2030-01-01T00:00:00Z'"), /history/);
    } finally {
      await store.close();
    }
  });

  it('is filled from the history when a database made before it is opened', async () => {
    const folder = temporaryFolder();
    try {
      const path = join(folder.path, 'old.db');
      const old = await SqliteDatabase.open(path);
      await old.exec('CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
      for (const m of MIGRATIONS.slice(
        0,
        MIGRATIONS.findIndex((m) => m.id === '0011-current-labels'),
      )) {
        await old.exec(m.sql);
        await old.run('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)', [m.id, 't']);
      }
      await old.exec(randomHistory(5, 300));
      const before = await currentBothWays(old);
      await old.close();
      const store = await Store.open(path);
      try {
        const { kept, ranked } = await currentBothWays(connectionOf(store));
        assert.deepEqual(kept, ranked);
        assert.deepEqual(kept, before.ranked);
        assert.deepEqual(before.kept, before.ranked, 'the views before 0011 said the same');
      } finally {
        await store.close();
      }
    } finally {
      folder.remove();
    }
  });

  it('is filled from the history when a PostgreSQL schema made before 0014 is opened, and kept on write', async function () {
    const server = requirePostgres(this);
    const schema = freshSchema(server);
    try {
      const old = await PostgresDatabase.open(schema.location);
      await old.ensureSchema();
      await old.exec('CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
      for (const m of MIGRATIONS.slice(
        0,
        MIGRATIONS.findIndex((m) => m.id === '0014-postgres-label-heads'),
      )) {
        await old.exec(m.postgres ?? postgresDdl(m.id, m.sql));
        await old.run('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)', [m.id, 't']);
      }
      await old.exec(randomHistory(5, 300));
      const before = await currentBothWays(old);
      await old.close();
      const store = await Store.open(schema.location);
      try {
        const db = connectionOf(store);
        const { kept, ranked } = await currentBothWays(db);
        assert.ok((kept[0] as unknown[]).length >= 30, 'many targets');
        assert.deepEqual(kept, ranked);
        assert.deepEqual(kept, before.ranked, 'the ranked view of 0013 named the same rows');
        // The view reads the head table now, not the ranking.
        const definition = await db.get<{ sql: string }>("SELECT pg_get_viewdef('current_labels') AS sql");
        assert.match(definition!.sql, /label_heads/);
        await db.exec(
          randomHistory(9, 200)
            .replace(/^[\s\S]*?(INSERT INTO labels)/, '$1')
            .replace(/'([lf])(\d+)'/g, "'$1x$2'"),
        );
        const later = await currentBothWays(db);
        assert.deepEqual(later.kept, later.ranked);
        assert.notDeepEqual(later.kept, kept);
        await assert.rejects(db.exec("UPDATE labels SET labelled_at = '2030-01-01T00:00:00Z'"), /history/);
      } finally {
        await store.close();
      }
    } finally {
      await schema.drop();
    }
  });

  it('takes the label given last, whatever the order of the file, and the one recorded last on equal times', async () => {
    const folder = temporaryFolder();
    const store = await Store.open(join(folder.path, 'langlens.db'));
    try {
      const label = (group: string, verdict: string, at: string) => ({
        kind: 'pairwise-label',
        run: 'r',
        group,
        lang: 'es',
        annotator: 'ana',
        system_a: 'x',
        system_b: 'y',
        verdict,
        labelled_at: at,
      });
      const file = join(folder.path, 'labels.jsonl');
      writeFileSync(
        file,
        [
          label('g1', 'B', '2024-05-02T00:00:00Z'),
          label('g1', 'A', '2024-05-01T00:00:00Z'), // later time first in the file
          label('g2', 'A', '2024-05-01T00:00:00Z'),
          label('g2', 'tie', '2024-05-01T00:00:00Z'), // equal times: the later row
        ]
          .map((r) => JSON.stringify(r))
          .join('\n') + '\n',
      );
      await importFile(store, file);
      const items = await loadPairwiseItems(store, { run: 'r' });
      assert.deepEqual(
        items.map((i) => [i.group, i.humans.map((h) => h.verdict)]),
        [
          ['g1', ['B']],
          ['g2', ['tie']],
        ],
      );
    } finally {
      await store.close();
      folder.remove();
    }
  });
});
