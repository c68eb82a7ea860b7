// Databases of the published data sets, imported through the real importer into a temporary database (see testDatabase.ts).
import { join } from 'node:path';
import { importFile } from '../../src/core/import/importFile';
import { Store } from '../../src/core/store/store';
import { requireSharedData, temporaryFolder } from './paths';
import { testDatabaseLocation } from './testDatabase';

export interface TemporaryStore {
  readonly store: Store;
  close(): Promise<void>;
}

/** ../shared/data/<dataset>/<files...> in a fresh database; skips the calling suite when the data is absent. */
export async function storeOfSharedData(
  context: Mocha.Context,
  dataset: string,
  files: readonly string[],
): Promise<TemporaryStore> {
  const data = requireSharedData(context, dataset);
  const folder = temporaryFolder();
  const database = testDatabaseLocation(folder.path);
  const store = await Store.open(database.location);
  for (const file of files) await importFile(store, join(data, file));
  return {
    store,
    async close() {
      await store.close();
      await database.drop();
      folder.remove();
    },
  };
}

export const MT_BENCH = ['mtbench-human-judgments', ['human.jsonl', 'gpt4_pair.jsonl']] as const;
