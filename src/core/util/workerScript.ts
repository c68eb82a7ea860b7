// Where a worker thread's script is: the TypeScript source under tsx when the caller itself runs from source (tests,
// the bench), else the built file beside the bundle (dist/), or none when the bundle was built without it (the
// caller then does the work on its own thread). One rule for the language detector's, the bootstrap's and the
// import's workers.
import { existsSync } from 'node:fs';

export interface WorkerScript {
  readonly code: string;
  readonly eval: boolean;
}

/**
 * `callerFile` is the caller's __filename (".ts" when it runs from source); `source` and `built` are the worker's
 * paths in each case.
 */
export function workerScript(callerFile: string, source: string, built: string): WorkerScript | null {
  if (callerFile.endsWith('.ts')) {
    // tsx resolved here: a worker's eval code resolves from the process's folder, which may be anywhere.
    const tsx = JSON.stringify(require.resolve('tsx/cjs'));
    return { code: `require(${tsx}); require(${JSON.stringify(source)});`, eval: true };
  }
  return existsSync(built) ? { code: built, eval: false } : null;
}
