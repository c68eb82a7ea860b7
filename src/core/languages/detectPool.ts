// Language detection on worker threads: a run's responses are detected on every core (a whole [SH]-scale run of
// 88,848 responses in seconds rather than minutes; `npm run bench -- langid` measures it). Falls back to the
// calling thread when the worker script is absent or there is one thread.
//
// Texts go to the workers in small batches from one queue, and each worker holds the next batch while it works on
// one: no worker waits for the slowest one at the end of a call, nor for the main thread between batches, and calls
// made before the previous one finished (the next page of a run) queue behind it.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createLanguageIdentifier, type LanguageIdentifier } from '../langid';
import type { LanguageTag } from '../model/language';
import { toDetectionWrite, type DetectionResult } from './detectionResult';
import { CoreError, msg } from '../util/message';
import { workerScript, type WorkerScript } from '../util/workerScript';

/** Texts per message: a few milliseconds of work, so a message costs little and a call ends evenly on all workers. */
export const BATCH_TEXTS = 32;
/** Batches posted to a worker at a time: it has the next one when it finishes one. */
const BATCHES_IN_FLIGHT = 2;

/** This module's worker script (util/workerScript). */
const ownWorkerScript = (): WorkerScript | null =>
  workerScript(__filename, join(__dirname, 'detectWorker.ts'), join(__dirname, 'langidWorker.js'));

interface Batch {
  readonly texts: readonly string[];
  readonly done: (results: DetectionResult[]) => void;
  readonly fail: (err: Error) => void;
}

interface PoolWorker {
  readonly worker: Worker;
  /** Posted batches in the order posted: a worker answers its messages in order. */
  readonly posted: Batch[];
}

export class DetectionPool {
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Batch[] = [];
  private failure: Error | null = null;
  /** Set when workers were asked for but the worker script is not beside the bundle: detection runs on one thread. */
  readonly missingWorkerScript: string | null = null;
  /** The identifier of the calling thread (no workers); each worker builds the same one from the same languages. */
  private readonly identifier: LanguageIdentifier;

  /** `languages`: the run's; `threads`: how many workers (default: the cores available, at most 8; 0 or 1: none). */
  constructor(languages: readonly LanguageTag[], threads = Math.min(8, availableParallelism())) {
    this.identifier = createLanguageIdentifier({ languages });
    const script = threads > 1 ? ownWorkerScript() : null;
    if (threads > 1 && !script) this.missingWorkerScript = join(__dirname, 'langidWorker.js');
    if (!script) return;
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(script.code, { eval: script.eval, workerData: { languages: [...languages] } });
      const entry: PoolWorker = { worker, posted: [] };
      worker.on('message', (results: DetectionResult[]) => {
        entry.posted.shift()?.done(results);
        this.pump();
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (entry.posted.length || this.queue.length)
          this.fail(new CoreError(msg('a detection worker stopped (exit {0})', code)));
      });
      this.workers.push(entry);
    }
  }

  get threads(): number {
    return Math.max(1, this.workers.length);
  }

  /** The detections of `texts`, in order. */
  detect(texts: readonly string[]): Promise<DetectionResult[]> {
    if (this.workers.length === 0)
      return Promise.resolve(texts.map((t) => toDetectionWrite(this.identifier.detect(t))));
    if (this.failure) return Promise.reject(this.failure);
    if (texts.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const results: DetectionResult[] = new Array(texts.length);
      let open = Math.ceil(texts.length / BATCH_TEXTS);
      for (let start = 0; start < texts.length; start += BATCH_TEXTS) {
        this.queue.push({
          texts: texts.slice(start, start + BATCH_TEXTS),
          done: (batch) => {
            for (let i = 0; i < batch.length; i++) results[start + i] = batch[i]!;
            if (--open === 0) resolve(results);
          },
          fail: reject,
        });
      }
      this.pump();
    });
  }

  /** Posts queued batches to every worker that has room. */
  private pump(): void {
    for (const entry of this.workers) {
      while (entry.posted.length < BATCHES_IN_FLIGHT && this.queue.length > 0) {
        const batch = this.queue.shift()!;
        entry.posted.push(batch);
        entry.worker.postMessage(batch.texts);
      }
    }
  }

  /** A worker failed: every batch not answered yet fails with its error (the pool is not used again). */
  private fail(err: Error): void {
    this.failure ??= err;
    const pending = [...this.queue.splice(0), ...this.workers.flatMap((w) => w.posted.splice(0))];
    for (const batch of pending) batch.fail(err);
  }

  async close(): Promise<void> {
    this.queue.splice(0);
    for (const entry of this.workers) entry.posted.splice(0);
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
