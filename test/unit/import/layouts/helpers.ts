// A fresh database per test, and the real files of ../shared/data/real-layouts read where they lie.
import { openTestStore } from '../../../support/testDatabase';
import { connectionOf } from '../../../../src/core/store/connection';
import { join } from 'node:path';
import { importFile, type ImportFileOptions, type ImportReport } from '../../../../src/core/import/importFile';
import type { SqlParams } from '../../../../src/core/store/sqlite';
import { Store } from '../../../../src/core/store/store';
import { requireSharedData, temporaryFolder } from '../../../support/paths';

export interface LayoutStore {
  readonly store: Store;
  readonly folder: string;
  importing(path: string, options?: ImportFileOptions): Promise<ImportReport>;
  rows<T>(sql: string, params?: SqlParams): Promise<T[]>;
  close(): Promise<void>;
}

export async function layoutStore(): Promise<LayoutStore> {
  const folder = temporaryFolder();
  const store = await openTestStore(join(folder.path, 'langlens.db'));
  return {
    store,
    folder: folder.path,
    importing: (path, options) => importFile(store, path, options),
    rows: <T>(sql: string, params: SqlParams = []) => connectionOf(store).all<T>(sql, params),
    async close() {
      await store.close();
      folder.remove();
    },
  };
}

/** ../shared/data/real-layouts/<parts>: skips the calling test, saying so, when ../shared is absent. */
export function realLayout(context: Mocha.Context, ...parts: string[]): string {
  return requireSharedData(context, 'real-layouts', ...parts);
}
