// The dashboard's worker thread (dashboardThread.ts): computes the figures of each request it is sent, in order,
// and posts them back, or the error that stopped them.
import { parentPort } from 'node:worker_threads';
import { agreementDashboard } from './dashboard';
import type { DashboardReply, DashboardRequest } from './dashboardThread';

const port = parentPort!;

port.on('message', ({ id, items, options }: DashboardRequest) => {
  let reply: DashboardReply;
  try {
    reply = { id, dashboard: agreementDashboard(items, options) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { id, error: { message: e.message, ...(e.stack ? { stack: e.stack } : {}) } };
  }
  port.postMessage(reply);
});
