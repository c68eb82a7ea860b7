// Runs a file's row pass (rowPass.ts) on a worker thread, handing the records it posts to `write` on this thread:
// an import's reading, converting and checking (half of its main-thread time at Shaham et al.'s scale) overlaps
// with its writing, which must stay here (the transaction is this thread's connection). Without the worker script
// (a bundle built without it), the pass runs here.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CanonicalRecord } from '../model/records';
import type { FileSyntax } from './readers';
import type { RowPassInput, RowPassResult } from './rowPass';
import { errorFromWire, recordsFromWire, resultFromWire, type FromWorker, type ToWorker } from './rowPassWire';
import { workerScript, type WorkerScript } from '../util/workerScript';

/** From this size on a file's rows are passed on a worker: below it, starting one costs more than it saves. */
export const WORKER_FROM_BYTES = 8 << 20;

/** This module's worker script (util/workerScript). */
const ownWorkerScript = (): WorkerScript | null =>
  workerScript(__filename, join(__dirname, 'rowPassWorker.ts'), join(__dirname, 'rowPassWorker.js'));

/** Workers between passes (one at most), kept so that the next large file does not wait for one to start. */
const idle: Worker[] = [];

export function rowPassWorkerAvailable(): boolean {
  return ownWorkerScript() !== null;
}

/**
 * Starts a worker now, if none is idle, so that its start (loading its modules: 0.1-0.5 s) overlaps what the
 * import does before its pass (hashing the file, opening the transaction); the pass then takes it.
 */
export function startRowPassWorker(): void {
  if (idle.length > 0) return;
  const worker = startWorker();
  worker.unref();
  idle.push(worker);
}

/**
 * The pass of `input` on a worker; `write` is called with each record, in order, and awaited before the worker is
 * told to send more. An error (the pass's, or `write`'s) ends the worker, so that none is reused mid-pass.
 */
export function passRowsOnWorker(
  input: RowPassInput,
  syntax: FileSyntax,
  write: (record: CanonicalRecord) => void | Promise<void>,
  onBytes: (bytes: number) => void,
): Promise<RowPassResult> {
  const worker = idle.pop() ?? startWorker();
  worker.ref(); // while it works, the process waits for it
  return new Promise<RowPassResult>((resolve, reject) => {
    let writing: Promise<void> = Promise.resolve();
    let ended = false;
    const end = (failure: Error | undefined, result?: RowPassResult) => {
      if (ended) return;
      ended = true;
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (failure) {
        void worker.terminate();
        reject(failure);
        return;
      }
      worker.unref();
      if (idle.length === 0) idle.push(worker);
      else void worker.terminate();
      resolve(result!);
    };
    const onMessage = (message: FromWorker) => {
      if (message.type === 'progress') onBytes(message.bytes);
      else if (message.type === 'records') {
        writing = writing.then(async () => {
          if (ended) return;
          for (const record of recordsFromWire(message.batch)) {
            const writing = write(record);
            if (writing) await writing; // as passRows does: a dry run's write returns nothing to wait for
          }
          worker.postMessage({ type: 'written' } satisfies ToWorker);
        });
        writing.catch((err: unknown) => end(err instanceof Error ? err : new Error(String(err))));
      } else if (message.type === 'done') {
        // Every batch posted before the result is written before the pass counts as done.
        void writing.then(() => end(undefined, resultFromWire(message.result))).catch(() => undefined);
      } else end(errorFromWire(message.error));
    };
    const onError = (err: Error) => end(err);
    const onExit = (code: number) => end(new Error(`the import worker stopped (exit ${code})`));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ type: 'pass', input, syntax } satisfies ToWorker);
  });
}

function startWorker(): Worker {
  const script = ownWorkerScript();
  if (!script) throw new Error('the import worker script is missing');
  const worker = new Worker(script.code, { eval: script.eval });
  // An idle worker that fails is dropped (a working one's pass fails with it).
  worker.on('error', () => {
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
  });
  return worker;
}
