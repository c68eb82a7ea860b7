// Retrying a request: exponential backoff with jitter, the server's Retry-After honoured, and one shared pause for
// all requests when the server says it is rate limiting (hammering it with 63 more requests would only lengthen it).
import { RequestFailure } from './client';
import { messageOf, msg } from '../util/message';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** First backoff; doubled at every retry, with jitter. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is cut to it (a server asking for an hour is better answered with a failure). */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: Omit<RetryPolicy, 'maxRetries'> = {
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 600_000,
};

/** The wait before retry number `retry` (1-based). */
export function backoffMs(policy: RetryPolicy, retry: number, failure: RequestFailure, random = Math.random): number {
  if (failure.retryAfterMs !== undefined) return Math.min(failure.retryAfterMs, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  // "Equal jitter": at least half the ceiling, so that retries do spread out, but never all at once.
  return ceiling / 2 + random() * (ceiling / 2);
}

/** A time before which no request starts; set when the server rate-limits. */
export class PauseGate {
  private until = 0;

  pauseFor(ms: number, now = Date.now()): void {
    this.until = Math.max(this.until, now + ms);
  }

  async wait(signal: AbortSignal): Promise<void> {
    for (let left = this.until - Date.now(); left > 0; left = this.until - Date.now()) await sleep(left, signal);
  }
}

/** Resolves after `ms`, or at once when `signal` aborts (without throwing: the caller checks the signal). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export interface AttemptOutcome<T> {
  readonly value: T;
  /** Attempts made, the successful one included. */
  readonly attempts: number;
}

/** A request given up on: it failed for good, or every retry failed. Carries the attempts, to be stored. */
export class FinalFailure extends RequestFailure {
  constructor(
    last: RequestFailure,
    readonly attempts: number,
  ) {
    super(
      'request',
      attempts > 1 ? msg('{0} (after {1} attempts)', messageOf(last), attempts) : messageOf(last),
      last.status,
    );
  }
}

/**
 * Runs `attempt` until it succeeds, fails for good, or the retries run out. `stop` cancels waiting (the user
 * cancelled); `onRetry` is told about every retry, for the counts and the log.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  gate: PauseGate,
  stop: AbortSignal,
  onRetry: (failure: RequestFailure, waitMs: number) => void,
): Promise<AttemptOutcome<T>> {
  for (let attempts = 1; ; attempts++) {
    await gate.wait(stop);
    if (stop.aborted) throw new RequestFailure('cancelled', msg('cancelled'));
    try {
      return { value: await attempt(), attempts };
    } catch (err) {
      const failure = err instanceof RequestFailure ? err : new RequestFailure('request', messageOf(err));
      if (failure.kind !== 'retryable')
        throw failure.kind === 'request' ? new FinalFailure(failure, attempts) : failure;
      if (attempts > policy.maxRetries) throw new FinalFailure(failure, attempts);
      const wait = backoffMs(policy, attempts, failure);
      if (failure.status === 429) gate.pauseFor(wait);
      onRetry(failure, wait);
      await sleep(wait, stop);
    }
  }
}
