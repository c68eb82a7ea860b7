// A fresh database in a fresh folder for each test of the calling suite (mocha hooks), removed afterwards.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../../src/core/store/store';
import { temporaryFolder } from './paths';
import { testDatabaseLocation, type TestLocation } from './testDatabase';

export interface TemporaryStore {
  readonly folder: string;
  /** What the store was opened from (a file, or a server URL): for tests that open a second connection. */
  readonly location: string;
  readonly store: Store;
  /** Writes a file into the test's folder and returns its path. */
  file(name: string, content: string | Buffer): string;
}

export function useTemporaryStore(): TemporaryStore {
  let folder: ReturnType<typeof temporaryFolder> | undefined;
  let store: Store | undefined;
  let database: TestLocation | undefined;
  beforeEach(async () => {
    folder = temporaryFolder();
    database = testDatabaseLocation(folder.path);
    store = await Store.open(database.location);
  });
  afterEach(async () => {
    await store?.close();
    await database?.drop();
    folder?.remove();
  });
  return {
    get folder() {
      return folder!.path;
    },
    get location() {
      return database!.location;
    },
    get store() {
      return store!;
    },
    file(name, content) {
      const path = join(folder!.path, name);
      writeFileSync(path, content);
      return path;
    },
  };
}
