// Breaks in a long stretch of work on one thread.

/**
 * The check phase of this turn of the event loop (setImmediate): cheap enough to take every hundred records, and
 * what lets a loop over buffered input hand the database its next statement.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * After what waits for the thread, timers and I/O alike: from a database callback (the poll phase) setImmediate
 * resumes before any timer runs or any new message is read, so the work on either side of it would hold the thread
 * as one. A timer first (the next turn's timers phase), then setImmediate (after that turn's poll phase). At least
 * a millisecond: for a break between a few long steps, not for a loop.
 */
export function afterWaitingWork(): Promise<void> {
  return new Promise((resolve) => setTimeout(() => setImmediate(resolve), 0));
}
