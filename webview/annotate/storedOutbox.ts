// The outbox's copy in the webview's localStorage. VS Code keeps a webview's saved state only while its panel
// exists (a panel closed, or left by a dead extension host and then closed, takes it along), but every annotation
// panel of this extension shares one origin, so its localStorage: each panel keeps its unsaved writes there under
// its own entry, and a panel that opens on the same scope (database, annotator, run, task) takes them over.
import type { PendingWrite } from '../../shared/protocol/annotate';

const PREFIX = 'langlens.annotate.outbox.';

interface StoredOutbox {
  readonly scope: string;
  readonly writes: readonly PendingWrite[];
  readonly savedAt: string;
}

/** Where entries are kept: the page's localStorage (a parameter, for the tests). */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function pageStorage(): KeyValueStorage | undefined {
  try {
    return (globalThis as { localStorage?: KeyValueStorage }).localStorage;
  } catch {
    return undefined; // storage refused (a sandbox without it): the saved state still holds the writes
  }
}

/** Keeps this panel's unsaved writes (none: its entry goes). Without a scope yet nothing can be matched: kept as ''. */
export function storeOutbox(
  instance: string,
  scope: string | undefined,
  writes: readonly PendingWrite[],
  storage: KeyValueStorage | undefined = pageStorage(),
): void {
  if (!storage) return;
  try {
    if (writes.length === 0) storage.removeItem(PREFIX + instance);
    else {
      const entry: StoredOutbox = { scope: scope ?? '', writes, savedAt: new Date().toISOString() };
      storage.setItem(PREFIX + instance, JSON.stringify(entry));
    }
  } catch {
    // A full storage: the saved state and the host's copy still hold them.
  }
}

function isWrite(value: unknown): value is PendingWrite {
  const w = value as { kind?: unknown; params?: { id?: unknown; itemKey?: unknown } } | null;
  return (
    !!w &&
    (w.kind === 'label' || w.kind === 'flag') &&
    typeof w.params?.id === 'string' &&
    typeof w.params.itemKey === 'string'
  );
}

/**
 * The writes other panels of this scope left (their entries are removed: this panel keeps them under its own from
 * now on). Entries of other scopes stay for a panel of theirs.
 */
export function takeOverOutboxes(
  instance: string,
  scope: string,
  storage: KeyValueStorage | undefined = pageStorage(),
): PendingWrite[] {
  if (!storage) return [];
  const taken: PendingWrite[] = [];
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX) && key !== PREFIX + instance) keys.push(key);
  }
  for (const key of keys) {
    let entry: Partial<StoredOutbox>;
    try {
      entry = JSON.parse(storage.getItem(key) ?? 'null') as Partial<StoredOutbox>;
    } catch {
      continue;
    }
    if (entry?.scope !== scope || !Array.isArray(entry.writes)) continue;
    taken.push(...entry.writes.filter(isWrite));
    storage.removeItem(key);
  }
  return taken;
}
