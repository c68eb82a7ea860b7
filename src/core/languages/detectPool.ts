// Language detection on worker threads: a run's responses are detected on every core (a whole [SH]-scale run of
// 88,848 responses in seconds rather than minutes; `npm run bench -- langid` measures it). Falls back to the
// calling thread when the worker script is absent or the batch is small.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LanguageIdentifier } from '../langid';
import type { LanguageTag } from '../model/language';
import { toDetectionWrite, type DetectionResult } from './detectionResult';

/** Below this many texts a batch is detected on the calling thread: posting it costs more than it saves. */
const MIN_TEXTS_PER_WORKER = 100;

/** The worker script: the TypeScript source under tsx (tests, bench), the built file beside the bundle otherwise. */
function workerScript(): { code: string; eval: boolean } | null {
  if (__filename.endsWith('.ts')) {
    return { code: `require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'detectWorker.ts'))});`, eval: true };
  }
  const built = join(__dirname, 'langidWorker.js');
  return existsSync(built) ? { code: built, eval: false } : null;
}

export class DetectionPool {
  private readonly workers: Worker[] = [];

  /** `threads`: how many workers (default: the cores available, at most 8; 0 or 1: none). */
  constructor(
    private readonly identifier: LanguageIdentifier,
    languages: readonly LanguageTag[],
    threads = Math.min(8, availableParallelism()),
  ) {
    const script = threads > 1 ? workerScript() : null;
    if (!script) return;
    for (let i = 0; i < threads; i++) {
      this.workers.push(new Worker(script.code, { eval: script.eval, workerData: { languages: [...languages] } }));
    }
  }

  get threads(): number {
    return Math.max(1, this.workers.length);
  }

  /** The detections of `texts`, in order. */
  async detect(texts: readonly string[]): Promise<DetectionResult[]> {
    const used = Math.min(this.workers.length, Math.floor(texts.length / MIN_TEXTS_PER_WORKER));
    if (used < 2) return texts.map((t) => toDetectionWrite(this.identifier.detect(t)));
    const size = Math.ceil(texts.length / used);
    const slices = await Promise.all(
      this.workers.slice(0, used).map((worker, i) => this.send(worker, texts.slice(i * size, (i + 1) * size))),
    );
    return slices.flat();
  }

  private send(worker: Worker, texts: readonly string[]): Promise<DetectionResult[]> {
    return new Promise((resolve, reject) => {
      const onMessage = (results: DetectionResult[]) => {
        worker.off('error', onError);
        resolve(results);
      };
      const onError = (err: Error) => {
        worker.off('message', onMessage);
        reject(err);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.postMessage(texts);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
