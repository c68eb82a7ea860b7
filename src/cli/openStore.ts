import { existsSync } from 'node:fs';
import { databaseLocation, Store } from '../core/store/store';
import { UsageError, type CommandContext } from './command';

/**
 * Opens the database for a report: a missing file, or a --run it does not hold, is a mistake to point out,
 * not a file to create or an empty table to print.
 */
export async function openExistingStore(context: CommandContext): Promise<Store> {
  if (databaseLocation(context.db).engine === 'sqlite' && !existsSync(context.db)) {
    throw new UsageError(`no database at ${context.db}: import files first (langlens import FILE...) or pass --db`);
  }
  const store = await Store.open(context.db);
  announceWaits(store, context);
  try {
    await checkRunExists(store, typeof context.values.run === 'string' ? context.values.run : undefined);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

async function checkRunExists(store: Store, run: string | undefined): Promise<void> {
  if (run === undefined) return;
  const runs = await store.runs();
  if (!runs.includes(run)) {
    throw new UsageError(`there is no run "${run}" in the database (runs: ${runs.join(', ') || 'none yet'})`);
  }
}

/** Says once per wait that a write is waiting for another process (an import elsewhere) to finish. */
export function announceWaits(store: Store, context: CommandContext): void {
  store.onWaitForLock((path) =>
    context.stderr.write(`waiting for another import to finish (another process is writing to ${path})...\n`),
  );
}
