// Storage faults as they happen: a real full file system (a 2 MB tmpfs), a real second process holding the write
// lock, and a database that cannot even be set up. Each surfaces as a clear message, nothing half-written.
import { connectionOf } from '../../../src/core/store/connection';
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { appendLabel } from '../../../src/core/store/annotation';
import { Store } from '../../../src/core/store/store';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const responses = (n: number, size: number) =>
  jsonl(
    Array.from({ length: n }, (_, i) => ({
      kind: 'response',
      run: 'r',
      group: `g${i}`,
      lang: 'en',
      system: 's',
      text: `${'x'.repeat(size)} ${i}`,
    })),
  );

/**
 * A 2 MB file system of its own (tmpfs, as root), so that "disk full" is the real thing. Where mounting is not
 * allowed, the database is capped with PRAGMA max_page_count instead (the same SQLITE_FULL, from SQLite itself):
 * the test says which it used.
 */
function smallFileSystem(folder: string): { path: string; real: boolean; release(): void } {
  const path = join(folder, 'small');
  mkdirSync(path);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', path]).status === 0;
  if (!mounted)
    console.warn(
      '      (mount not permitted: the database is capped with PRAGMA max_page_count instead of a 2 MB tmpfs)',
    );
  return {
    path,
    real: mounted,
    release: () => {
      if (mounted) spawnSync('umount', [path]);
    },
  };
}

describe('storage faults', function () {
  this.timeout(60_000);
  let folder: ReturnType<typeof temporaryFolder>;
  beforeEach(() => (folder = temporaryFolder()));
  afterEach(() => folder.remove());

  it('a full disk fails the import with "database or disk is full: <path>", rolled back, the process alive', async () => {
    const disk = smallFileSystem(folder.path);
    try {
      const db = join(disk.path, 'langlens.db');
      const store = await Store.open(db);
      if (!disk.real) await connectionOf(store).exec('PRAGMA max_page_count = 400');
      const big = join(folder.path, 'big.jsonl');
      writeFileSync(big, responses(4000, 1000)); // 4 MB of text: twice the disk
      // An unhandled rejection from a background batch would fail this test (mocha reports it) or end the process.
      await assert.rejects(importFile(store, big), (err: Error) => {
        assert.match(
          err.message,
          new RegExp(`^database or disk is full: ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(SQLITE_FULL\\)$`),
        );
        return true;
      });
      assert.equal(
        (await connectionOf(store).get<{ n: number }>('SELECT count(*) AS n FROM responses'))!.n,
        0,
        'nothing half-imported',
      );
      // The connection is usable afterwards: a small file still imports.
      const small = join(folder.path, 'small.jsonl');
      writeFileSync(small, responses(3, 10));
      assert.equal((await importFile(store, small)).written!.responses, 3);
      await store.close();
    } finally {
      disk.release();
    }
  });

  it('a failure while setting up a new database reports its real cause, not "cannot rollback"', async function () {
    const disk = smallFileSystem(folder.path);
    try {
      if (!disk.real) this.skip(); // only a really full disk fails the schema setup
      writeFileSync(join(disk.path, 'filler'), Buffer.alloc(2 * 1024 * 1024 - 8192)); // leaves two pages' room
      const db = join(disk.path, 'new.db');
      await assert.rejects(Store.open(db), (err: Error) => {
        assert.doesNotMatch(err.message, /cannot rollback/);
        assert.match(err.message, /database or disk is full: .*new\.db/);
        return true;
      });
    } finally {
      disk.release();
    }
  });

  describe('two writers', () => {
    let holder: ChildProcess | undefined;
    afterEach(() => {
      if (holder && holder.exitCode === null) holder.kill();
    });

    /** Another process that takes the write lock, says so, and keeps it for `ms`. */
    function holdWriteLock(db: string, ms: number): Promise<void> {
      const script = `
        const sqlite3 = require('sqlite3');
        const db = new sqlite3.Database(process.argv[1]);
        db.exec('BEGIN IMMEDIATE', (err) => {
          if (err) { console.error(err.message); process.exit(1); }
          process.stdout.write('locked\\n');
          setTimeout(() => db.exec('COMMIT', () => db.close()), Number(process.argv[2]));
        });`;
      holder = spawn(process.execPath, ['-e', script, db, String(ms)], {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      return new Promise((resolve, reject) => {
        holder!.stdout!.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('locked')) resolve();
        });
        holder!.on('exit', (code) => reject(new Error(`the lock holder ended early (${code})`)));
      });
    }

    it('an import and an editor label save wait for a long write in another process, say so, and succeed', async () => {
      const db = join(folder.path, 'langlens.db');
      const cli = await Store.open(db);
      const editor = await Store.open(db);
      const run = join(folder.path, 'run.jsonl');
      writeFileSync(
        run,
        jsonl([
          { kind: 'prompt', run: 'r', group: 'g', lang: 'en', text: 'Hi?' },
          { kind: 'response', run: 'r', group: 'g', lang: 'en', system: 's', text: 'Hello' },
        ]),
      );
      await importFile(cli, run);
      const waits: string[] = [];
      cli.onWaitForLock((path) => waits.push(`cli ${path}`));
      editor.onWaitForLock((path) => waits.push(`editor ${path}`));

      const started = Date.now();
      await holdWriteLock(db, 12_000); // longer than the 10 s busy timeout that used to end in SQLITE_BUSY
      const second = join(folder.path, 'labels.jsonl');
      writeFileSync(
        second,
        jsonl([
          {
            kind: 'rating-label',
            run: 'r',
            group: 'g',
            lang: 'en',
            annotator: 'ana',
            system: 's',
            rating: 'pass',
            labelled_at: '2024-05-01T12:00:00Z',
          },
        ]),
      );
      const [report] = await Promise.all([
        importFile(cli, second),
        appendLabel(editor, {
          run: 'r',
          group: 'g',
          lang: 'en',
          turn: 1,
          fingerprint: 'e1',
          annotator: 'noa',
          comment: null,
          labelledAt: '2024-05-01T12:01:00Z',
          kind: 'rating',
          system: 's',
          seed: 0,
          value: 'excellent',
        }),
      ]);
      assert.ok(Date.now() - started >= 11_000, 'both waited for the other process');
      assert.equal(report.written!.labels, 1);
      assert.deepEqual(waits.sort(), [`cli ${db}`, `editor ${db}`], 'each said once that it was waiting');
      assert.equal((await connectionOf(cli).get<{ n: number }>('SELECT count(*) AS n FROM labels'))!.n, 2);
      await cli.close();
      await editor.close();
    });
  });
});
