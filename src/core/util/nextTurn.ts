// A break in a long stretch of work on one thread: what is waiting for the thread (a timer, a message, another
// request of the extension host) runs before the work goes on.
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
