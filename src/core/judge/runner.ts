// The concurrent runner: at most `concurrency` requests in flight, each retried on 429 / 5xx / timeouts / dropped
// connections, each answer stored as soon as it arrives. Cancelling stops new requests at once and gives the ones
// in flight a grace period to finish, because they are being paid for either way.
import type OpenAI from 'openai';
import type { AnswerJournal } from '../store/answerJournal';
import type { JudgeRequestRow, JudgeResultWriter, JudgeVia } from '../store/judgeRequests';
import type { Budget } from './budget';
import { RequestFailure, requestBody, sendChat, type ChatAnswer } from './client';
import type { JudgeDefinition } from './definition';
import { costOf, type TokenPrice } from './prices';
import type { ProgressTracker } from './progress';
import { FinalFailure, PauseGate, withRetries, type RetryPolicy } from './retry';
import { interpretAnswer } from './interpretAnswer';
import { messagesFor, type JudgeTask } from './tasks';
import { type Message, messageOf, msg, TEXT, wording } from '../util/message';

export interface OnlineRunSettings {
  readonly client: OpenAI;
  readonly definition: JudgeDefinition;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  /** How long requests in flight may still finish after a cancel. */
  readonly cancelGraceMs: number;
  readonly price: TokenPrice | undefined;
  /** Each request's worst-case cost is reserved here before it is sent. */
  readonly budget?: Budget;
  readonly jobId: number;
  readonly writer: JudgeResultWriter;
  /** Every answer is made durable here before it counts as done. */
  readonly journal: AnswerJournal;
  readonly tracker: ProgressTracker;
  readonly signal: AbortSignal;
}

export interface RunOutcome {
  readonly outcome: 'completed' | 'cancelled' | 'failed';
  readonly message?: string;
  /** The message as the editor translates it, when it is one. */
  readonly [TEXT]?: Message;
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
  /** Answers being made durable: the worker goes on to its next request meanwhile. */
  private readonly keeping = new Set<Promise<void>>();

  constructor(
    private readonly tasks: readonly JudgeTask[],
    private readonly s: OnlineRunSettings,
  ) {}

  async start(): Promise<RunOutcome> {
    const onCancel = () =>
      this.stop({ outcome: 'cancelled', ...wording(msg('stopped on request; every answer received is stored')) });
    if (this.s.signal.aborted) onCancel();
    this.s.signal.addEventListener('abort', onCancel, { once: true });
    try {
      const workers = Math.min(this.s.concurrency, this.tasks.length);
      await Promise.all(Array.from({ length: workers }, () => this.work()));
      await Promise.all(this.keeping);
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
      const taken = await this.take();
      if (taken === undefined) break;
      await this.handle(taken.task, taken.reserved);
      if (this.s.writer.failure) {
        this.stop(
          {
            outcome: 'failed',
            ...wording(msg('answers cannot be stored in the database: {0}', messageOf(this.s.writer.failure))),
          },
          true,
        );
      }
    }
  }

  /**
   * The next task, with its worst-case cost reserved (0 without a budget); undefined when none is left or the next
   * can never fit (the budget is spent), after waiting for requests in flight to give back what they did not use.
   */
  private async take(): Promise<{ task: JudgeTask; reserved: number } | undefined> {
    const { budget } = this.s;
    for (;;) {
      if (this.soft.signal.aborted || this.next >= this.tasks.length) return undefined;
      const task = this.tasks[this.next]!;
      if (!budget) return { task: this.tasks[this.next++]!, reserved: 0 };
      // Reserved and taken in the same synchronous step, so that no other worker takes the task reserved for.
      const worst = budget.worstCase(task);
      if (budget.tryReserve(worst)) return { task: this.tasks[this.next++]!, reserved: worst };
      if (!budget.hasReservations) {
        this.stop({ outcome: 'cancelled', ...wording(budget.exhaustedMessage(worst)) });
        return undefined;
      }
      await budget.changed();
    }
  }

  private async handle(task: JudgeTask, reserved: number): Promise<void> {
    const { definition, tracker } = this.s;
    const body = requestBody(definition, messagesFor(definition, task));
    tracker.started();
    let charged = false;
    try {
      const { value: answer, attempts } = await withRetries(
        () => sendChat(this.s.client, body, this.s.timeoutMs, this.hard.signal),
        this.s.retry,
        this.gate,
        this.soft.signal,
        () => tracker.retried(),
      );
      const request = answeredRequest(definition, task.key, answer, this.s.price, {
        via: 'online',
        jobId: this.s.jobId,
        attempts,
      });
      this.s.budget?.settle(reserved, request.costUsd);
      charged = true;
      const reading = interpretAnswer(definition, task, answer.text);
      const result = { request, records: reading.records };
      // Counted as done only once it is on disk; the next request need not wait for the disk.
      const kept = this.keep(result).then(() =>
        tracker.gotAnswer(reading.valid, answer.promptTokens, answer.completionTokens, request.costUsd),
      );
      this.keeping.add(kept);
      void kept.finally(() => this.keeping.delete(kept));
    } catch (err) {
      this.fail(task, err);
    } finally {
      if (!charged) this.s.budget?.release(reserved);
      tracker.settled();
    }
  }

  /** Makes the answer durable (the journal), then hands it to the database writer; only then is it counted done. */
  private async keep(result: Parameters<JudgeResultWriter['add']>[0]): Promise<void> {
    try {
      await this.s.journal.append(result);
    } catch (err) {
      this.stop(
        {
          outcome: 'failed',
          ...wording(msg('answers cannot be kept: the answer journal failed ({0})', messageOf(err))),
        },
        true,
      );
    } finally {
      this.s.writer.add(result);
    }
  }

  private fail(task: JudgeTask, err: unknown): void {
    if (err instanceof FinalFailure) {
      this.s.writer.add({
        request: {
          key: task.key,
          judgeHash: this.s.definition.hash,
          status: 'failed',
          via: 'online',
          jobId: this.s.jobId,
          attempts: err.attempts,
          error: err.message,
        },
        records: [],
      });
      this.s.tracker.gaveUp();
    } else if (err instanceof RequestFailure && err.kind === 'fatal') {
      this.stop({ outcome: 'failed', ...wording(messageOf(err)) }, true);
    } else if (!(err instanceof RequestFailure && err.kind === 'cancelled')) {
      this.stop({ outcome: 'failed', ...wording(messageOf(err)) }, true);
    }
  }
}

/** The stored row of an answered request, with what it cost at the price of the way it was sent. */
export function answeredRequest(
  definition: JudgeDefinition,
  key: string,
  answer: ChatAnswer,
  price: TokenPrice | undefined,
  sent: { readonly via: JudgeVia; readonly jobId: number; readonly attempts: number; readonly batchFileId?: string },
): JudgeRequestRow & { readonly costUsd: number | null } {
  const costUsd =
    price && answer.promptTokens !== null && answer.completionTokens !== null
      ? costOf(answer.promptTokens, answer.completionTokens, price, sent.via)
      : null;
  return {
    key,
    judgeHash: definition.hash,
    status: 'done',
    ...sent,
    raw: answer.text,
    finishReason: answer.finishReason,
    responseId: answer.responseId,
    responseModel: answer.responseModel,
    promptTokens: answer.promptTokens,
    completionTokens: answer.completionTokens,
    costUsd,
  };
}
