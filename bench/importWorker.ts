// Runs in its own process so that its peak memory is the import's alone: imports the generated files into a fresh
// database, then measures the baseline (JSON.parse of the same lines and a batched prepared-statement insert of
// the same rows into a fresh SQLite file) in the same process, and prints the figures as JSON.
import { createReadStream, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { importFile } from '../src/core/import/importFile';
import { SqliteDatabase } from '../src/core/store/sqlite';
import { Store } from '../src/core/store/store';

const BATCH_ROWS = 100;

async function timeLangLens(files: readonly string[], db: string): Promise<{ seconds: number; rows: number }> {
  const started = process.hrtime.bigint();
  const store = await Store.open(db);
  let rows = 0;
  for (const file of files) rows += (await importFile(store, file)).rows;
  await store.close();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, rows };
}

/** The least any importer must do: parse every line and insert its fields, batched, in one transaction per file. */
async function timeBaseline(files: readonly string[], db: string): Promise<number> {
  const started = process.hrtime.bigint();
  const sqlite = await SqliteDatabase.open(db);
  await sqlite.exec('PRAGMA journal_mode = WAL');
  await sqlite.exec('PRAGMA synchronous = NORMAL');
  const COLUMNS = ['kind', 'run', 'grp', 'lang', 'system', 'system_b', 'judge_or_annotator', 'ord', 'verdict', 'text'];
  await sqlite.exec(`CREATE TABLE records (${COLUMNS.join(' TEXT, ')} TEXT)`);
  const insert = await sqlite.prepare(
    `INSERT INTO records VALUES ${new Array(BATCH_ROWS).fill(`(${COLUMNS.map(() => '?').join(',')})`).join(',')}`,
  );
  for (const file of files) {
    await sqlite.exec('BEGIN');
    let batch: (string | null)[] = [];
    let pending = 0;
    const flushTail = async () => {
      for (let i = 0; i < pending; i++) {
        await sqlite.run(
          `INSERT INTO records VALUES (${COLUMNS.map(() => '?').join(',')})`,
          batch.slice(i * COLUMNS.length, (i + 1) * COLUMNS.length),
        );
      }
    };
    for await (const line of createInterface({
      input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }),
      crlfDelay: Infinity,
    })) {
      const r = JSON.parse(line);
      batch.push(
        r.kind,
        r.run,
        r.group,
        r.lang,
        r.system ?? r.system_a ?? null,
        r.system_b ?? null,
        r.judge ?? r.annotator ?? null,
        r.order ?? null,
        r.verdict ?? null,
        r.text ?? r.raw ?? null,
      );
      if (++pending === BATCH_ROWS) {
        await insert.run(batch);
        batch = [];
        pending = 0;
      }
    }
    await flushTail();
    await sqlite.exec('COMMIT');
  }
  await insert.finalize();
  await sqlite.close();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const ROUNDS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function fresh(db: string): string {
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  return db;
}

/** LangLens and the baseline take turns, each on a fresh database, so that a busy moment hits both alike. */
async function main(): Promise<void> {
  const [folder, ...files] = process.argv.slice(2);
  const langlensDb = join(folder!, 'langlens.db');
  const baselineDb = join(folder!, 'baseline.db');
  const imports: number[] = [];
  const baselines: number[] = [];
  let rows = 0;
  let peakRssMb = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const langlens = await timeLangLens(files, fresh(langlensDb));
    rows = langlens.rows;
    imports.push(langlens.seconds);
    if (round === 0) peakRssMb = process.resourceUsage().maxRSS / 1024;
    baselines.push(await timeBaseline(files, fresh(baselineDb)));
  }
  const reimport = await timeLangLens(files, langlensDb);
  const ratios = imports.map((s, i) => s / baselines[i]!);
  process.stdout.write(
    JSON.stringify({
      rows,
      seconds: median(imports),
      baselineSeconds: median(baselines),
      ratio: median(ratios),
      ratios,
      peakRssMb,
      reimportSeconds: reimport.seconds,
      rounds: ROUNDS,
    }) + '\n',
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
