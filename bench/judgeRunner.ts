// `npm run bench`: the judge runner's throughput against the test server answering every request after 200 ms,
// as a share of the bound concurrency / latency. Answers are stored in a database file as in a real job. The server
// runs on a worker thread of its own, as a real server runs elsewhere: its CPU time is not the runner's.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { planJudgeJob, runJudgeJob } from '../src/core/judge/job';
import { FakeOpenAIServer } from '../test/support/openaiServer';
import { judgeFile, storeWithRun, tempDir } from '../test/unit/judge/helpers';

const LATENCY_MS = 200;
const ROUNDS = 25;
const TARGET = 0.9;
const SERVER_ROLE = 'langlens-bench-judge-server';

export async function benchJudgeRunner(): Promise<void> {
  console.log(
    `\n## Judge runner: throughput with the server answering after ${LATENCY_MS} ms (target ≥ ${TARGET * 100}% of concurrency / latency)`,
  );
  const server = await startServerThread();
  try {
    for (const concurrency of [8, 32, 64]) await measure(server.baseURL, concurrency);
  } finally {
    await server.stop();
  }
}

async function measure(baseURL: string, concurrency: number): Promise<void> {
  const folder = tempDir();
  try {
    const requests = concurrency * ROUNDS;
    // One pair judged in both orders per prompt: two requests a prompt.
    const groups = Array.from({ length: requests / 2 }, (_, i) => `g${i}`);
    const store = await storeWithRun(
      { languages: ['es'], groups, systems: ['base', 'multi'] },
      join(folder, 'bench.db'),
    );
    const judge = judgeFile(
      { name: `bench-${concurrency}`, model: 'bench', baseURL, protocol: 'pairwise', concurrency },
      {},
      folder,
    );
    const plan = await planJudgeJob(store, judge, { run: 'r', baseline: { kind: 'system', system: 'base' } });
    const started = performance.now();
    const summary = await runJudgeJob(store, plan);
    const seconds = (performance.now() - started) / 1000;
    await store.close();
    if (summary.answered !== requests)
      throw new Error(`bench: ${summary.answered} of ${requests} answered (${summary.message ?? summary.outcome})`);
    const throughput = requests / seconds;
    const bound = concurrency / (LATENCY_MS / 1000);
    const share = throughput / bound;
    console.log(
      `concurrency ${String(concurrency).padStart(2)}: ${requests} requests stored in ${seconds.toFixed(2)} s, ` +
        `${throughput.toFixed(1)} req/s of ${bound.toFixed(0)} = ${(share * 100).toFixed(1)}%   (${share >= TARGET ? 'ok' : 'MISSED'})`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Starts the test server on a worker thread running this same file. */
async function startServerThread(): Promise<{ baseURL: string; stop(): Promise<void> }> {
  // The worker loads this TypeScript file through tsx's CommonJS hook, as the bench itself is run through tsx.
  const boot = `require('tsx/cjs/api').register(); require(${JSON.stringify(__filename)});`;
  const worker = new Worker(boot, { eval: true, workerData: { role: SERVER_ROLE } });
  const baseURL = await new Promise<string>((resolve, reject) => {
    worker.once('message', (message: { baseURL: string }) => resolve(message.baseURL));
    worker.once('error', reject);
  });
  return {
    baseURL,
    stop: async () => {
      worker.postMessage('stop');
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}

async function serveOnThisThread(): Promise<void> {
  const server = await FakeOpenAIServer.start(() => ({ content: '1' }), { latencyMs: LATENCY_MS });
  parentPort!.once('message', () => void server.close());
  parentPort!.postMessage({ baseURL: server.baseURL });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === SERVER_ROLE) void serveOnThisThread();
else if (require.main === module) void benchJudgeRunner();
