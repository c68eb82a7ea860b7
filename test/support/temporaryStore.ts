// A fresh database in a fresh folder for each test of the calling suite (mocha hooks), removed afterwards.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../../src/core/store/store';
import { temporaryFolder } from './paths';

export interface TemporaryStore {
  readonly folder: string;
  readonly store: Store;
  /** Writes a file into the test's folder and returns its path. */
  file(name: string, content: string | Buffer): string;
}

export function useTemporaryStore(): TemporaryStore {
  let folder: ReturnType<typeof temporaryFolder> | undefined;
  let store: Store | undefined;
  beforeEach(async () => {
    folder = temporaryFolder();
    store = await Store.open(join(folder.path, 'langlens.db'));
  });
  afterEach(async () => {
    await store?.close();
    folder?.remove();
  });
  return {
    get folder() {
      return folder!.path;
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
