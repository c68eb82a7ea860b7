import { existsSync } from 'node:fs';
import { Store } from '../core/store/store';
import { UsageError, type CommandContext } from './command';

/** Opens the database for reading a report: a missing file is a mistake to point out, not a file to create. */
export async function openExistingStore(context: CommandContext): Promise<Store> {
  if (!existsSync(context.db)) {
    throw new UsageError(`no database at ${context.db}: import files first (langlens import FILE...) or pass --db`);
  }
  return Store.open(context.db);
}
