// Labels on their way to the database. A label stays here (and in the webview's saved state, which survives a
// reload) until the host confirms it was committed; a failed write is retried with growing pauses, and the
// panel says so. Writes carry their own id, so a retry of a write that did reach the database stores nothing.
import type { PendingWrite } from '../../shared/protocol/annotate';

export type { PendingWrite };

export interface OutboxStatus {
  /** Writes not confirmed yet (in flight or failed). */
  readonly pending: number;
  readonly failed: number;
  readonly lastError: string | null;
  /** When the next retry happens (Date.now() based), when one is scheduled. */
  readonly retryAt: number | null;
}

export interface OutboxDeps {
  write(write: PendingWrite): Promise<void>;
  /** Called whenever the pending list changes, to keep it in the webview's saved state. */
  persist(pending: readonly PendingWrite[]): void;
  onStatus(status: OutboxStatus): void;
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

const RETRY_PAUSES_MS = [1000, 2000, 5000, 10_000, 30_000];

export class Outbox {
  private pending: PendingWrite[];
  private readonly inFlight = new Set<string>();
  private readonly failed = new Set<string>();
  private lastError: string | null = null;
  private attempt = 0;
  private timer: unknown;
  private retryAt: number | null = null;

  constructor(
    private readonly deps: OutboxDeps,
    restored: readonly PendingWrite[] = [],
  ) {
    this.pending = [...restored];
  }

  /** Sends what a previous page left unconfirmed. */
  start(): void {
    this.flush();
  }

  add(write: PendingWrite): void {
    this.pending.push(write);
    this.deps.persist(this.pending);
    this.flush();
  }

  /**
   * Takes over writes another panel left unsaved (or the host kept): those not held here already (by id) are added
   * and sent. Returns the ones added.
   */
  adopt(writes: readonly PendingWrite[]): PendingWrite[] {
    const held = new Set(this.pending.map((w) => w.params.id));
    const added = writes.filter((w) => {
      if (held.has(w.params.id)) return false;
      held.add(w.params.id);
      return true;
    });
    if (added.length === 0) return [];
    this.pending.push(...added);
    this.deps.persist(this.pending);
    this.flush();
    return added;
  }

  /**
   * The annotator gives up the writes not confirmed yet (Discard): they are dropped and the count returned, for the
   * panel to say so. A write in flight may still land; its answer then changes nothing here.
   */
  discard(): number {
    const count = this.pending.length;
    this.pending = [];
    this.failed.clear();
    this.lastError = null;
    this.attempt = 0;
    this.deps.clearTimer(this.timer);
    this.retryAt = null;
    this.deps.persist(this.pending);
    this.report();
    return count;
  }

  retryNow(): void {
    this.deps.clearTimer(this.timer);
    this.retryAt = null;
    this.flush();
  }

  /** The state of the latest write on an item, for the panel's "saving…" and "not saved" marks. */
  stateOf(itemKey: string): 'saving' | 'failed' | undefined {
    const latest = [...this.pending].reverse().find((w) => w.params.itemKey === itemKey);
    if (!latest) return undefined;
    return this.failed.has(latest.params.id) ? 'failed' : 'saving';
  }

  status(): OutboxStatus {
    return { pending: this.pending.length, failed: this.failed.size, lastError: this.lastError, retryAt: this.retryAt };
  }

  private flush(): void {
    for (const write of this.pending) {
      if (!this.inFlight.has(write.params.id)) void this.send(write);
    }
    this.report();
  }

  private async send(write: PendingWrite): Promise<void> {
    const id = write.params.id;
    this.inFlight.add(id);
    try {
      await this.deps.write(write);
      this.pending = this.pending.filter((w) => w.params.id !== id);
      this.failed.delete(id);
      this.deps.persist(this.pending);
      if (this.failed.size === 0) {
        this.attempt = 0;
        this.lastError = null;
      }
    } catch (err) {
      // A write discarded while in flight is not retried.
      if (!this.pending.some((w) => w.params.id === id)) return;
      this.failed.add(id);
      this.lastError = (err as Error).message;
      this.scheduleRetry();
    } finally {
      this.inFlight.delete(id);
      this.report();
    }
  }

  private scheduleRetry(): void {
    if (this.retryAt !== null) return;
    const pause = RETRY_PAUSES_MS[Math.min(this.attempt, RETRY_PAUSES_MS.length - 1)]!;
    this.attempt++;
    this.retryAt = this.deps.now() + pause;
    this.timer = this.deps.setTimer(() => {
      this.retryAt = null;
      this.flush();
    }, pause);
  }

  private report(): void {
    this.deps.onStatus(this.status());
  }
}
