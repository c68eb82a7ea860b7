// The dashboard's figures computed on a worker thread (dashboardWorker.ts), for a caller that serves other work
// meanwhile: the extension host runs every panel, command and label save of the window, and the bootstrap of the
// dashboard's intervals held it for 0.8-1.9 s at 4× Shaham et al.'s run. Here the caller is held only while its
// items are copied to the worker (a structured clone: 0.16 s for 26,000 items). Small dashboards, and a bundle
// built without the worker's script, are computed on the calling thread, with the same figures.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PairwiseItem } from '../agreement/pairwiseItems';
import { workerScript, type WorkerScript } from '../../util/workerScript';
import { agreementDashboard, type Dashboard, type DashboardOptions } from './dashboard';

/**
 * From this many items the figures are computed on the worker. Below it the bootstrap holds the calling thread
 * briefly and its intervals come sooner than through a worker's start: MT-bench's 1,814 human-judged items took
 * 50-59 ms here, 183 ms on a worker just started (copying them: 5-7 ms).
 */
export const DASHBOARD_WORKER_FROM_ITEMS = 2_000;

export interface DashboardRequest {
  readonly id: number;
  readonly items: readonly PairwiseItem[];
  readonly options: DashboardOptions;
}

export type DashboardReply =
  | { readonly id: number; readonly dashboard: Dashboard }
  | { readonly id: number; readonly error: { readonly message: string; readonly stack?: string } };

const ownWorkerScript = (): WorkerScript | null =>
  workerScript(__filename, join(__dirname, 'dashboardWorker.ts'), join(__dirname, 'dashboardWorker.js'));

/** An idle worker ends after this long: the next dashboard starts another (its modules load in 0.1 s). */
const IDLE_MS = 60_000;

/** The one worker, kept between requests (it holds no data between them); unref'd while idle. */
let worker: Worker | undefined;
let idleTimer: NodeJS.Timeout | undefined;
const pending = new Map<number, { resolve: (d: Dashboard) => void; reject: (e: Error) => void }>();
let nextId = 1;

/** The worker's script, when these items' figures are computed on it. */
function scriptFor(items: readonly PairwiseItem[]): WorkerScript | null {
  return items.length >= DASHBOARD_WORKER_FROM_ITEMS ? ownWorkerScript() : null;
}

/**
 * Starts the worker now if these items' intervals will be computed on it, so that its start (loading its modules)
 * overlaps the caller's counting of the figures rather than following it.
 */
export function startDashboardWorker(items: readonly PairwiseItem[]): void {
  const script = scriptFor(items);
  if (script) worker ??= startWorker(script);
}

/** agreementDashboard's figures, on the worker thread when there are enough items and the worker's script exists. */
export function agreementDashboardOffThread(
  items: readonly PairwiseItem[],
  options: DashboardOptions,
): Promise<Dashboard> {
  const script = scriptFor(items);
  if (!script) return new Promise((resolve) => resolve(agreementDashboard(items, options)));
  const running = (worker ??= startWorker(script));
  clearTimeout(idleTimer);
  const id = nextId++;
  return new Promise<Dashboard>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    running.ref(); // while it works, the process waits for it
    running.postMessage({ id, items, options } satisfies DashboardRequest);
  });
}

function startWorker(script: WorkerScript): Worker {
  const started = new Worker(script.code, { eval: script.eval });
  const idle = () => {
    started.unref();
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void started.terminate(), IDLE_MS).unref();
  };
  started.on('message', (reply: DashboardReply) => {
    const request = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) idle();
    if (!request) return;
    if ('dashboard' in reply) request.resolve(reply.dashboard);
    else
      request.reject(
        Object.assign(new Error(reply.error.message), reply.error.stack ? { stack: reply.error.stack } : {}),
      );
  });
  const fail = (err: Error) => {
    if (worker === started) {
      worker = undefined;
      clearTimeout(idleTimer);
    }
    for (const request of pending.values()) request.reject(err);
    pending.clear();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`the dashboard's worker thread stopped (exit ${code})`)));
  // After its listeners: a 'message' listener added later would hold the process open again.
  idle();
  return started;
}
