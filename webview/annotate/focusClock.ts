// Time on item: how long each item was in front of the annotator with the panel focused and visible. The clock runs
// only while the item is shown and the page has focus; switching to another window, tab or panel pauses it, and
// coming back to an item adds to its time. Pure: the page tells it what happens, `now` is injected.

export class FocusClock {
  private readonly spent = new Map<string, number>();
  private item: string | undefined;
  private focused: boolean;
  /** now() when the running stretch began; undefined while paused. */
  private since: number | undefined;

  constructor(
    private readonly now: () => number,
    focused: boolean,
  ) {
    this.focused = focused;
  }

  /** The item shown now (undefined: none, e.g. the end of the queue). */
  show(item: string | undefined): void {
    if (item === this.item) return;
    this.pause();
    this.item = item;
    this.resume();
  }

  /** The page gained or lost focus (window blur, panel hidden, another editor focused). */
  setFocused(focused: boolean): void {
    if (focused === this.focused) return;
    this.pause();
    this.focused = focused;
    this.resume();
  }

  /** The focus time spent on an item so far, in whole milliseconds. */
  timeOn(item: string): number {
    const running = item === this.item && this.since !== undefined ? this.now() - this.since : 0;
    return Math.round((this.spent.get(item) ?? 0) + running);
  }

  /** Starts the item's time afresh (after its label, so that a changed mind is timed on its own). */
  reset(item: string): void {
    this.spent.delete(item);
    if (item === this.item && this.since !== undefined) this.since = this.now();
  }

  private pause(): void {
    if (this.item !== undefined && this.since !== undefined) {
      this.spent.set(this.item, (this.spent.get(this.item) ?? 0) + (this.now() - this.since));
    }
    this.since = undefined;
  }

  private resume(): void {
    if (this.item !== undefined && this.focused) this.since = this.now();
  }
}
