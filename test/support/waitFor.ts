// Waiting on a condition in a test, never a fixed sleep: resolves with how long it took once `check` holds, and
// fails naming what was awaited after `ms`.
export function waitFor(what: string, check: () => boolean, ms: number): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const look = setInterval(() => {
      if (check()) {
        clearInterval(look);
        resolve(Date.now() - started);
      } else if (Date.now() - started > ms) {
        clearInterval(look);
        reject(new Error(`${what}: not within ${ms} ms`));
      }
    }, 20);
  });
}
