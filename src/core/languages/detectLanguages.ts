// Runs language identification over a run's responses that have no stored detection yet (new responses, and
// responses whose text changed: a trigger deletes their detection), and stores the results, so that each response
// is detected once. Pages are committed one by one: an interrupted run keeps what it finished.
import type { LanguageTag } from '../model/language';
import {
  detectionBacklog,
  promptLanguagesOfRun,
  responsesToDetect,
  runsWithResponses,
  saveDetections,
  type DetectionWrite,
  type ResponseText,
} from '../store/languageQueries';
import type { Store } from '../store/store';
import { DetectionPool } from './detectPool';
import { runDetector } from './detector';

export interface DetectOptions {
  /** One run; all runs with responses when absent. */
  readonly run?: string;
  /** Also redo detections another detector (or configuration, or set of run languages) made. */
  readonly redetect?: boolean;
  readonly pageSize?: number;
  readonly onProgress?: (run: string, done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** Worker threads for detection (default: the cores available; 1: the calling thread only). */
  readonly threads?: number;
}

export interface RunDetectionReport {
  readonly run: string;
  readonly detector: string;
  readonly languages: readonly LanguageTag[];
  /** Run languages the detector can never answer: responses in them will be "und". */
  readonly unsupported: readonly LanguageTag[];
  readonly responses: number;
  /** Detections made now. */
  readonly detected: number;
  /** Of those, how many are "und", by reason. */
  readonly undetermined: Readonly<Record<string, number>>;
  /** Of those, how many are "mul" (mixed answers). */
  readonly mixed: number;
  /** Detections by another detector, kept as they are (not redetected). */
  readonly keptFromOtherDetector: number;
  /** True when the signal stopped the run before it finished. */
  readonly interrupted: boolean;
  /** Worker threads the run was detected on (1: the calling thread; runs under 1,000 responses stay there). */
  readonly threads: number;
  /** Set when worker threads were asked for but their script is missing (then detected on one thread). */
  readonly missingWorkerScript?: string;
}

const DEFAULT_PAGE_SIZE = 500;

export async function detectResponseLanguages(
  store: Store,
  options: DetectOptions = {},
): Promise<RunDetectionReport[]> {
  const reports: RunDetectionReport[] = [];
  for (const run of await runsWithResponses(store, options.run)) {
    reports.push(await detectRun(store, run, options));
    if (options.signal?.aborted) break;
  }
  return reports;
}

async function detectRun(store: Store, run: string, options: DetectOptions): Promise<RunDetectionReport> {
  const languages = await promptLanguagesOfRun(store, run);
  const detector = runDetector(languages);
  const redetect = options.redetect === true;
  const backlog = await detectionBacklog(store, run, detector.name);
  const total = backlog.missing + (redetect ? backlog.otherDetector : 0);
  const undetermined: Record<string, number> = {};
  let detected = 0;
  let mixed = 0;
  options.onProgress?.(run, 0, total);
  const pool = new DetectionPool(detector.languages, total < 2 * DEFAULT_PAGE_SIZE ? 1 : options.threads);
  const nextPage = (afterId: number) =>
    responsesToDetect(store, run, {
      detector: detector.name,
      redetect,
      afterId,
      limit: options.pageSize ?? DEFAULT_PAGE_SIZE * pool.threads,
    });
  // The workers detect one page while the main thread reads the next and stores the one before: the store's work
  // stays in order on its connection, and the next page is queued on the pool before this one is stored.
  const detectPage = (page: ResponseText[]) => {
    const results = pool.detect(page.map((r) => r.text));
    // Awaited once the page before is stored; until then (or when an abort drops it) a failure must not count as
    // unhandled.
    results.catch(() => undefined);
    return { page, results };
  };
  try {
    let current = options.signal?.aborted ? null : detectPage(await nextPage(0));
    while (current && current.page.length > 0) {
      const following = options.signal?.aborted ? null : detectPage(await nextPage(current.page.at(-1)!.id));
      const results = await current.results;
      const writes: DetectionWrite[] = current.page.map(({ id }, i) => {
        const d = results[i]!;
        if (d.reason) undetermined[d.reason] = (undetermined[d.reason] ?? 0) + 1;
        if (d.parts) mixed++;
        return { responseId: id, lang: d.lang, confidence: d.confidence, reason: d.reason, parts: d.parts };
      });
      await saveDetections(store, detector.name, writes);
      detected += writes.length;
      options.onProgress?.(run, detected, total);
      current = options.signal?.aborted ? null : following;
    }
  } finally {
    await pool.close();
  }
  return {
    run,
    detector: detector.name,
    languages,
    unsupported: detector.identifier.unsupported,
    responses: backlog.responses,
    detected,
    undetermined,
    mixed,
    keptFromOtherDetector: redetect ? 0 : backlog.otherDetector,
    interrupted: options.signal?.aborted === true && detected < total,
    threads: pool.threads,
    ...(pool.missingWorkerScript ? { missingWorkerScript: pool.missingWorkerScript } : {}),
  };
}
