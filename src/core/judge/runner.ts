// The concurrent runner: at most `concurrency` requests in flight, each retried on 429 / 5xx / timeouts / dropped
// connections, each answer stored as soon as it arrives. Cancelling stops new requests at once and gives the ones
// in flight a grace period to finish, because they are being paid for either way.
import type OpenAI from 'openai';
import type { JudgeRequestRow, JudgeResultWriter, JudgeVia } from '../store/judgeRequests';
import { RequestFailure, requestBody, sendChat, type ChatAnswer } from './client';
import type { JudgeDefinition } from './definition';
import { costOf, type TokenPrice } from './prices';
import type { ProgressTracker } from './progress';
import { FinalFailure, PauseGate, withRetries, type RetryPolicy } from './retry';
import { interpretAnswer } from './interpretAnswer';
import { messagesFor, type JudgeTask } from './tasks';

export interface OnlineRunSettings {
  readonly client: OpenAI;
  readonly definition: JudgeDefinition;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  /** How long requests in flight may still finish after a cancel. */
  readonly cancelGraceMs: number;
  readonly price: TokenPrice | undefined;
  /** Stop starting requests once this much has been spent. */
  readonly maxCostUsd?: number;
  readonly jobId: number;
  readonly writer: JudgeResultWriter;
  readonly tracker: ProgressTracker;
  readonly signal: AbortSignal;
}

export interface RunOutcome {
  readonly outcome: 'completed' | 'cancelled' | 'failed';
  readonly message?: string;
}

export async function runOnline(tasks: readonly JudgeTask[], settings: OnlineRunSettings): Promise<RunOutcome> {
  const run = new OnlineRun(tasks, settings);
  return run.start();
}

class OnlineRun {
  /** Stops taking tasks and waiting for retries. */
  private readonly soft = new AbortController();
  /** Aborts the requests in flight. */
  private readonly hard = new AbortController();
  private readonly gate = new PauseGate();
  private next = 0;
  private stopReason: RunOutcome | undefined;
  private graceTimer: NodeJS.Timeout | undefined;

  constructor(private readonly tasks: readonly JudgeTask[], private readonly s: OnlineRunSettings) {}

  async start(): Promise<RunOutcome> {
    const onCancel = () => this.stop({ outcome: 'cancelled', message: 'stopped on request; every answer received is stored' });
    if (this.s.signal.aborted) onCancel();
    this.s.signal.addEventListener('abort', onCancel, { once: true });
    try {
      const workers = Math.min(this.s.concurrency, this.tasks.length);
      await Promise.all(Array.from({ length: workers }, () => this.work()));
    } finally {
      this.s.signal.removeEventListener('abort', onCancel);
      clearTimeout(this.graceTimer);
    }
    return this.stopReason ?? { outcome: 'completed' };
  }

  private stop(reason: RunOutcome, hardNow = false): void {
    if (this.stopReason === undefined || reason.outcome === 'failed') this.stopReason = reason;
    if (!this.soft.signal.aborted) {
      this.soft.abort();
      this.s.tracker.setPhase('stopping');
    }
    if (hardNow) this.hard.abort();
    else this.graceTimer ??= setTimeout(() => this.hard.abort(), this.s.cancelGraceMs);
  }

  private async work(): Promise<void> {
    while (!this.soft.signal.aborted && this.next < this.tasks.length) {
      await this.handle(this.tasks[this.next++]!);
      if (this.s.writer.failure) {
        this.stop({ outcome: 'failed', message: `answers cannot be stored in the database: ${this.s.writer.failure.message}` }, true);
      }
    }
  }

  private async handle(task: JudgeTask): Promise<void> {
    const { definition, tracker } = this.s;
    const body = requestBody(definition, messagesFor(definition, task));
    tracker.started();
    try {
      const { value: answer, attempts } = await withRetries(
        () => sendChat(this.s.client, body, this.s.timeoutMs, this.hard.signal),
        this.s.retry, this.gate, this.soft.signal, () => tracker.retried(),
      );
      const request = answeredRequest(definition, task.key, answer, this.s.price, { via: 'online', jobId: this.s.jobId, attempts });
      const reading = interpretAnswer(definition, task, answer.text);
      this.s.writer.add({ request, records: reading.records });
      tracker.gotAnswer(reading.valid, answer.promptTokens, answer.completionTokens, request.costUsd);
      this.checkBudget();
    } catch (err) {
      this.fail(task, err);
    } finally {
      tracker.settled();
    }
  }

  private fail(task: JudgeTask, err: unknown): void {
    if (err instanceof FinalFailure) {
      this.s.writer.add({
        request: { key: task.key, judgeHash: this.s.definition.hash, status: 'failed', via: 'online', jobId: this.s.jobId, attempts: err.attempts, error: err.message },
        records: [],
      });
      this.s.tracker.gaveUp();
    } else if (err instanceof RequestFailure && err.kind === 'fatal') {
      this.stop({ outcome: 'failed', message: err.message }, true);
    } else if (!(err instanceof RequestFailure && err.kind === 'cancelled')) {
      this.stop({ outcome: 'failed', message: (err as Error).message }, true);
    }
  }

  private checkBudget(): void {
    const spent = this.s.tracker.costUsd;
    if (this.s.maxCostUsd !== undefined && spent !== undefined && spent >= this.s.maxCostUsd) {
      this.stop({ outcome: 'cancelled', message: `the budget of $${this.s.maxCostUsd} is spent ($${spent.toFixed(4)})` });
    }
  }
}

/** The stored row of an answered request, with what it cost at the price of the way it was sent. */
export function answeredRequest(
  definition: JudgeDefinition, key: string, answer: ChatAnswer, price: TokenPrice | undefined,
  sent: { readonly via: JudgeVia; readonly jobId: number; readonly attempts: number; readonly batchFileId?: string },
): JudgeRequestRow & { readonly costUsd: number | null } {
  const costUsd = price && answer.promptTokens !== null && answer.completionTokens !== null
    ? costOf(answer.promptTokens, answer.completionTokens, price, sent.via) : null;
  return {
    key, judgeHash: definition.hash, status: 'done', ...sent, raw: answer.text, finishReason: answer.finishReason,
    responseId: answer.responseId, responseModel: answer.responseModel, promptTokens: answer.promptTokens,
    completionTokens: answer.completionTokens, costUsd,
  };
}
