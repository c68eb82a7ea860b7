// Overlap targets while the panel is open (issue 15): a study that wants k annotators per item must not get k+1
// because two annotators' queues were built before either labelled. The item shown is claimed for the annotator (so
// that others' queues pass over it while they look), and the labels others commit are followed live: the items
// others fill up to k are told to the panel, which moves past them. No vscode import: unit-testable on a database.
import type { Store } from '../../core/store/store';
import type { LabelWatch } from '../../core/store/labelWatch';
import { DEFAULT_CLAIM_SECONDS } from '../../core/store/overlap';
import type { AnnotateToWebview } from '../../../shared/protocol/annotate';
import type { AnnotationSession } from './session';

export interface FollowLog {
  info(message: string): void;
  warn(message: string): void;
}

export class OverlapFollower {
  private watch: LabelWatch | undefined;
  private sent = '';
  private closed = false;
  /** Renews the claim on the item shown while the annotator stays on it (a claim lapses after a few minutes). */
  private renewal: NodeJS.Timeout | undefined;

  private constructor(
    private readonly session: AnnotationSession,
    private readonly store: Store,
    private readonly post: (message: AnnotateToWebview) => void,
    private readonly log: FollowLog,
  ) {}

  /** Follows the queue's items when its run has an overlap target for the task (undefined when it has none). */
  static async start(
    session: AnnotationSession,
    store: Store,
    post: (message: AnnotateToWebview) => void,
    log: FollowLog,
  ): Promise<OverlapFollower | undefined> {
    if (session.overlap === undefined) return undefined;
    const follower = new OverlapFollower(session, store, post, log);
    follower.watch = await store.watchLabels(() => void follower.check());
    await follower.check();
    return follower;
  }

  /** The panel shows this item: claim it; if others filled it meanwhile, the panel is told at once. */
  async shown(itemKey: string): Promise<void> {
    if (this.closed) return;
    clearInterval(this.renewal);
    this.renewal = setInterval(() => void this.claimShown(itemKey), (DEFAULT_CLAIM_SECONDS * 1000) / 2);
    this.renewal.unref();
    await this.claimShown(itemKey);
  }

  private async claimShown(itemKey: string): Promise<void> {
    if (this.closed) return;
    try {
      if (!(await this.session.claim(this.store, itemKey))) await this.check();
    } catch (err) {
      this.log.warn(`annotate: could not claim the item shown: ${(err as Error).message}`);
    }
  }

  /** Tells the panel the items others have filled, when that changed since it was last told. */
  async check(): Promise<void> {
    if (this.closed) return;
    try {
      const indices = await this.session.takenByOthers(this.store);
      const key = indices.join(',');
      if (this.closed || key === this.sent) return;
      this.sent = key;
      this.post({ type: 'taken', indices });
      this.log.info(
        `annotate: ${indices.length} of ${this.session.items.length} items filled by others up to the overlap target of ${this.session.overlap}`,
      );
    } catch (err) {
      this.log.warn(`annotate: could not count the items others filled: ${(err as Error).message}`);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.renewal);
    await this.watch?.close();
  }
}
