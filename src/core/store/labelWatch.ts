// Others' labels, as they arrive: the lead's dashboard refreshes by itself while annotators on other machines (or
// other windows) label. The engine is hidden here: PostgreSQL notifies on commit (LISTEN/NOTIFY, migration 0015),
// SQLite is polled (PRAGMA data_version, about every second, only while the watch is not paused). Changes that
// come close together are told once, at most every `coalesceMs`, so a team labelling at full speed costs one
// refresh per interval rather than one per label.
import { connectionOf } from './connection';
import type { ChangeWatch } from './database';
import type { Store } from './store';

export interface LabelWatchOptions {
  /** SQLite: how often the file is looked at (default 1000 ms). */
  readonly pollMs?: number;
  /** Changes within this time are told once (default 250 ms). */
  readonly coalesceMs?: number;
}

export interface LabelWatch {
  /** Nothing shows the figures: stop looking (SQLite stops polling); a change meanwhile is told at resume. */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

/** Calls `onChange` after labels or language flags were committed by any other connection. */
export async function watchLabels(
  store: Store,
  onChange: () => void,
  options: LabelWatchOptions = {},
): Promise<LabelWatch> {
  const coalesceMs = options.coalesceMs ?? 250;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const told = () => {
    if (closed || timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (!closed) onChange();
    }, coalesceMs);
  };
  const watch: ChangeWatch = await connectionOf(store).watchChanges(told, options.pollMs ?? 1000);
  return {
    pause: () => watch.pause(),
    resume: () => watch.resume(),
    async close() {
      closed = true;
      clearTimeout(timer);
      await watch.close();
    },
  };
}
