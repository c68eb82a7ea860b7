// The database connection behind a Store, for the query modules of src/core/store only (the lint rule that keeps
// SQLite inside src/core/store forbids importing this anywhere else): Store does not expose it, so the rest of the
// product reaches the database only through the store's functions.
import type { Database } from './database';
import type { Store } from './store';

const connections = new WeakMap<Store, Database>();

export function registerConnection(store: Store, db: Database): void {
  connections.set(store, db);
}

export function connectionOf(store: Store): Database {
  const db = connections.get(store);
  if (!db) throw new Error('this Store has no open connection');
  return db;
}
