// Shared by the score tests: a store in a temporary folder with canonical records imported through the real
// importer, and comparisons that say which figure differs.
import { openTestStore as openStoreFor, testStoreLocation } from '../../support/testDatabase';
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile, type ImportFileOptions } from '../../../src/core/import/importFile';
import type { Estimate } from '../../../src/core/metrics/estimate';
import { Store } from '../../../src/core/store/store';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';

export const FIXTURE_DIR = join(PROJECT_ROOT, 'test/fixtures/scores');

export interface TestStore {
  readonly store: Store;
  readonly folder: string;
  /** The database for the CLI's --db: the file in the folder, or the test server's schema. */
  readonly db: string;
  /** Writes records as a JSONL file in the folder and imports it. */
  importRecords(name: string, records: readonly Record<string, unknown>[], options?: ImportFileOptions): Promise<void>;
  close(): Promise<void>;
}

export async function openTestStore(): Promise<TestStore> {
  const folder = temporaryFolder('langlens-scores-');
  const store = await openStoreFor(join(folder.path, 'langlens.db'));
  return {
    store,
    folder: folder.path,
    db: testStoreLocation(store, join(folder.path, 'langlens.db')),
    async importRecords(name, records, options) {
      const file = join(folder.path, `${name}.jsonl`);
      writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
      await importFile(store, file, options);
    },
    async close() {
      await store.close();
      folder.remove();
    },
  };
}

/** The fixture run of test/fixtures/scores (generate.py): responses first, so that system ids follow the file. */
export async function openFixtureStore(): Promise<TestStore> {
  const test = await openTestStore();
  const dir = join(FIXTURE_DIR, 'run');
  const files = readdirSync(dir).sort(
    (a, b) => Number(b === 'response.csv') - Number(a === 'response.csv') || a.localeCompare(b),
  );
  for (const file of files) await importFile(test.store, join(dir, file));
  return test;
}

export const STUDY_DIR = join(PROJECT_ROOT, 'test/fixtures/study');

/**
 * The criteria study of test/fixtures/study (generate.py) in a fresh database: the schema first, then responses,
 * ratings, judges' scores, judges' pairwise verdicts and the annotators' pairwise votes.
 */
export async function openStudyStore(): Promise<TestStore> {
  const test = await openTestStore();
  for (const file of [
    'langlens.schema.json',
    'responses.jsonl',
    'ratings.jsonl',
    'judges.jsonl',
    'pairwise.jsonl',
    'votes.jsonl',
  ]) {
    await importFile(test.store, join(STUDY_DIR, 'run', file));
  }
  return test;
}

export function close(actual: number, expected: number, what: string, tolerance = 1e-9): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, expected ${expected}`);
}

export function closeInterval(estimate: Estimate, expected: readonly [number, number] | null, what: string): void {
  assert.ok(expected, `${what}: the reference has no interval`);
  assert.ok(estimate.lower !== undefined && estimate.upper !== undefined, `${what}: no interval`);
  close(estimate.lower, expected[0], `${what} lower`);
  close(estimate.upper, expected[1], `${what} upper`);
}

/** Finds the one item matching, failing with a readable message. */
export function only<T>(items: readonly T[], matches: (item: T) => boolean, what: string): T {
  const found = items.filter(matches);
  assert.equal(found.length, 1, `${found.length} rows for ${what}`);
  return found[0]!;
}

/** `langlens ARGS --db DB`, run as a user runs it (through tsx, from the repository root). */
export function langlens(db: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'src/cli/main.ts'), ...args, '--db', db],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
