// Which engine the tests' stores run on. By default SQLite files; LANGLENS_TEST_ENGINE=postgres runs the same
// tests on the PostgreSQL server of LANGLENS_TEST_PG (a postgres:// URL of a role that may create schemas), each
// store in a fresh schema dropped afterwards. .ci/run starts a server and runs the store suites both ways.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { Store } from '../../src/core/store/store';

export const TEST_ENGINE = process.env.LANGLENS_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * The server for the tests that need PostgreSQL. Unset, they skip with a message; under CI=true they fail, so that
 * they cannot pass in CI by not running.
 */
export function requirePostgres(context: Mocha.Context): string {
  const url = process.env.LANGLENS_TEST_PG;
  if (!url) {
    const why = 'LANGLENS_TEST_PG is not set (a postgres:// URL of a test server; .ci/run starts one)';
    if (process.env.CI === 'true') throw new Error(`CI=true: ${why}; the PostgreSQL tests must run in CI`);
    console.warn(`      skipped: ${why}`);
    context.skip();
  }
  return url;
}

function serverUrl(): string {
  const url = process.env.LANGLENS_TEST_PG;
  if (!url) throw new Error('LANGLENS_TEST_ENGINE=postgres needs LANGLENS_TEST_PG, the URL of a test server');
  return url;
}

export interface TestLocation {
  /** What Store.open takes: a file path, or a server URL with a schema of its own. */
  readonly location: string;
  /** Removes the schema (a file goes with its folder). */
  drop(): Promise<void>;
}

/** A fresh database for one test: a file in `folder`, or a new schema on the test server. */
export function testDatabaseLocation(folder: string, engine = TEST_ENGINE): TestLocation {
  if (engine === 'sqlite') return { location: join(folder, 'langlens.db'), drop: () => Promise.resolve() };
  return freshSchema(serverUrl());
}

/** A new, empty schema on a server: its URL (`?schema=`) and how to drop it. */
export function freshSchema(server: string): TestLocation {
  const schema = `langlens_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(server);
  url.searchParams.set('schema', schema);
  return {
    location: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

const locations = new WeakMap<Store, string>();

/** What a store of openTestStore was opened from: the path, or its schema's URL (for the CLI's --db). */
export function testStoreLocation(store: Store, path: string): string {
  return locations.get(store) ?? path;
}

/** The schema each test path stands for, so that a second connection (or the CLI, given testStoreLocation) meets it. */
const schemas = new Map<string, TestLocation>();

// Dropped once every test has run: a test may close its store and go on with the CLI on the same schema.
if (TEST_ENGINE === 'postgres' && typeof after === 'function') {
  after(async () => {
    for (const database of schemas.values()) await database.drop();
    schemas.clear();
  });
}

/** Store.open for tests: the file itself on SQLite; on PostgreSQL a fresh schema standing for that file. */
export async function openTestStore(path: string): Promise<Store> {
  if (TEST_ENGINE === 'sqlite') return Store.open(path);
  // Every in-memory database is a new one.
  const key = path === ':memory:' ? `:memory:${schemas.size}` : path;
  let database = schemas.get(key);
  if (!database) {
    database = freshSchema(serverUrl());
    schemas.set(key, database);
  }
  const store = await Store.open(database.location);
  locations.set(store, database.location);
  return store;
}
