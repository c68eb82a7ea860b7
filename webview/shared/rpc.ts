// Requests from a webview to the host: each gets an id, and exactly one response with that id settles it.
import type { ResponseMessage } from '../../src/shared/protocol';
import { vscodeApi } from './vscodeApi';

type Params<M, K extends keyof M> = M[K] extends { params: infer P } ? P : never;
type Result<M, K extends keyof M> = M[K] extends { result: infer R } ? R : never;

export class RequestFailed extends Error {}

export class RpcClient<M> {
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: number }
  >();

  /** timeoutMs: how long to wait for the host (a crashed extension host never answers). */
  constructor(private readonly timeoutMs = 30_000) {}

  request<K extends keyof M & string>(method: K, params: Params<M, K>): Promise<Result<M, K>> {
    const id = this.nextId++;
    return new Promise<Result<M, K>>((resolve, reject) => {
      const timer = window.setTimeout(() => {
        this.waiting.delete(id);
        reject(new RequestFailed('the extension host did not answer (is it still running?)'));
      }, this.timeoutMs);
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      vscodeApi().postMessage({ type: 'request', id, method, params });
    });
  }

  /** Settles the request a response answers; responses to forgotten requests (timed out) are dropped. */
  settle(response: ResponseMessage): void {
    const waiting = this.waiting.get(response.id);
    if (!waiting) return;
    this.waiting.delete(response.id);
    window.clearTimeout(waiting.timer);
    if (response.ok) waiting.resolve(response.result);
    else waiting.reject(new RequestFailed(response.error));
  }
}
