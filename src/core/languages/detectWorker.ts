// A worker thread of the detection pool (detectPool.ts): one identifier for the run's languages, detecting the
// texts it is sent. Built beside the bundles as dist/langidWorker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { createLanguageIdentifier } from '../langid';
import type { LanguageTag } from '../model/language';
import { toDetectionWrite, type DetectionResult } from './detectionResult';

const identifier = createLanguageIdentifier({ languages: (workerData as { languages: LanguageTag[] }).languages });
parentPort?.on('message', (texts: string[]) => {
  const results: DetectionResult[] = texts.map((text) => toDetectionWrite(identifier.detect(text)));
  parentPort!.postMessage(results);
});
