// Batch API mode (half the price, answers within 24 h): upload the requests as JSONL files, create batches, poll
// them, import their results. Every step is recorded before the next one is paid for, so that a crash, a cancel or
// a closed editor resumes where it stopped: a batch is never submitted twice and its results are never lost.
import OpenAI, { toFile } from 'openai';
import type { Batch } from 'openai/resources/batches';
import {
  keysAwaiting,
  openBatches,
  recordBatchUpload,
  updateStoredBatch,
  type JudgeResultWriter,
} from '../store/judgeRequests';
import type { Store } from '../store/store';
import { answerOf, classify, RequestFailure, requestBody, type ChatAnswer } from './client';
import type { JudgeDefinition } from './definition';
import type { TokenPrice } from './prices';
import type { ProgressTracker } from './progress';
import { PauseGate, sleep, withRetries, type RetryPolicy } from './retry';
import { answeredRequest, type RunOutcome } from './runner';
import { interpretAnswer } from './interpretAnswer';
import { messagesFor, type JudgeTask } from './tasks';
import { type Message, messageOf, msg, wording } from '../util/message';

export interface BatchLimits {
  /** OpenAI accepts at most 50,000 requests in one batch... */
  readonly maxRequests: number;
  /** ...and an input file of at most 200 MB. */
  readonly maxBytes: number;
  readonly pollIntervalMs: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = {
  maxRequests: 50_000,
  maxBytes: 190 * 1024 * 1024,
  pollIntervalMs: 30_000,
};

export interface BatchRunSettings {
  readonly client: OpenAI;
  readonly definition: JudgeDefinition;
  readonly store: Store;
  readonly writer: JudgeResultWriter;
  readonly tracker: ProgressTracker;
  readonly jobId: number;
  readonly signal: AbortSignal;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  readonly price: TokenPrice | undefined;
  readonly limits: BatchLimits;
}

const FINISHED: ReadonlySet<string> = new Set(['completed', 'failed', 'expired', 'cancelled']);

/**
 * Collects this judge's batches left open by earlier jobs, submits `toSubmit`, and waits for all of them.
 * `known` holds every task of the job by key, to turn answers into verdicts.
 */
export async function runBatches(
  toSubmit: readonly JudgeTask[],
  known: ReadonlyMap<string, JudgeTask>,
  s: BatchRunSettings,
): Promise<RunOutcome> {
  const run = new BatchRun(known, s);
  return run.start(toSubmit);
}

interface ActiveBatch {
  readonly inputFileId: string;
  readonly batchId: string;
  status: string;
}

class BatchRun {
  private readonly gate = new PauseGate();
  /** Submitted and not imported yet: what a cancel leaves running at the provider. */
  private active: ActiveBatch[] = [];

  constructor(
    private readonly known: ReadonlyMap<string, JudgeTask>,
    private readonly s: BatchRunSettings,
  ) {}

  async start(toSubmit: readonly JudgeTask[]): Promise<RunOutcome> {
    try {
      this.active = await this.resumeOpenBatches();
      this.s.tracker.setPhase('submitting-batch');
      for (const chunk of chunkTasks(toSubmit, (t) => this.line(t), this.s.limits)) {
        if (this.s.signal.aborted) break;
        this.active.push(await this.submit(chunk));
      }
      return await this.waitForActive();
    } catch (err) {
      const failure = classify(err);
      if (failure.kind === 'cancelled' || this.s.signal.aborted) return this.cancelled();
      return { outcome: 'failed', message: failure.message };
    }
  }

  private line(task: JudgeTask): string {
    const body = requestBody(this.s.definition, messagesFor(this.s.definition, task));
    return JSON.stringify({ custom_id: task.key, method: 'POST', url: '/v1/chat/completions', body });
  }

  /** Batches of earlier jobs: a batch whose creation was interrupted is found by its input file, or created now. */
  private async resumeOpenBatches(): Promise<ActiveBatch[]> {
    const stored = await openBatches(this.s.store, this.s.definition.hash, this.s.definition.baseURL);
    const active: ActiveBatch[] = [];
    for (const batch of stored) {
      const batchId =
        batch.batchId ?? (await this.findBatchOf(batch.inputFileId)) ?? (await this.create(batch.inputFileId)).id;
      if (batch.batchId === null)
        await this.s.writer.exclusive(() =>
          updateStoredBatch(this.s.store, batch.inputFileId, { batchId, status: 'validating' }),
        );
      active.push({ inputFileId: batch.inputFileId, batchId, status: batch.status });
    }
    return active;
  }

  private async findBatchOf(inputFileId: string): Promise<string | undefined> {
    let seen = 0;
    for await (const batch of this.s.client.batches.list({ limit: 100 }, { signal: this.s.signal })) {
      if (batch.input_file_id === inputFileId) return batch.id;
      if (++seen >= 2000) break;
    }
    return undefined;
  }

  private async submit(lines: readonly { key: string; line: string }[]): Promise<ActiveBatch> {
    const { client, definition, store, writer, jobId } = this.s;
    const content = Buffer.from(lines.map((l) => l.line).join('\n') + '\n', 'utf8');
    const file = await this.call(msg('upload the batch input file'), (signal) =>
      toFile(content, `langlens-${definition.name}-${definition.hash}.jsonl`, { type: 'application/jsonl' }).then(
        (upload) => client.files.create({ file: upload, purpose: 'batch' }, { signal, timeout: 600_000 }),
      ),
    );
    await writer.exclusive(() =>
      recordBatchUpload(store, {
        inputFileId: file.id,
        judgeHash: definition.hash,
        jobId,
        baseURL: definition.baseURL,
        keys: lines.map((l) => l.key),
      }),
    );
    const batch = await this.create(file.id);
    await writer.exclusive(() => updateStoredBatch(store, file.id, { batchId: batch.id, status: batch.status }));
    return { inputFileId: file.id, batchId: batch.id, status: batch.status };
  }

  private create(inputFileId: string): Promise<Batch> {
    return this.call(msg('create the batch'), (signal) =>
      this.s.client.batches.create(
        {
          input_file_id: inputFileId,
          endpoint: '/v1/chat/completions',
          completion_window: '24h',
          metadata: { langlens_judge: this.s.definition.name, langlens_hash: this.s.definition.hash },
        },
        { signal },
      ),
    );
  }

  private async waitForActive(): Promise<RunOutcome> {
    this.s.tracker.setPhase('waiting-for-batch');
    while (this.active.length > 0) {
      for (const batch of [...this.active]) {
        const remote = await this.call(msg('check the batch'), (signal) =>
          this.s.client.batches.retrieve(batch.batchId, { signal, timeout: this.s.timeoutMs }),
        );
        this.report(remote);
        if (remote.status !== batch.status) {
          batch.status = remote.status;
          await this.s.writer.exclusive(() =>
            updateStoredBatch(this.s.store, batch.inputFileId, { status: remote.status }),
          );
        }
        if (FINISHED.has(remote.status)) {
          await this.importResults(batch, remote);
          this.active = this.active.filter((b) => b !== batch);
        }
      }
      if (this.active.length === 0) break;
      await sleep(this.s.limits.pollIntervalMs, this.s.signal);
      if (this.s.signal.aborted) return this.cancelled();
    }
    return { outcome: 'completed' };
  }

  private report(remote: Batch): void {
    const counts = remote.request_counts;
    this.s.tracker.batch({
      id: remote.id,
      status: remote.status,
      completed: counts?.completed ?? 0,
      failed: counts?.failed ?? 0,
      total: counts?.total ?? 0,
    });
  }

  private cancelled(): RunOutcome {
    const ids = this.active.map((b) => b.batchId);
    return {
      outcome: 'cancelled',
      ...wording(
        ids.length === 0
          ? msg('stopped on request; every answer received is stored')
          : msg(
              'stopped waiting; batch {0} keeps running at the provider (it is paid for either way): run the judge again in batch mode to collect its results',
              ids.join(', '),
            ),
      ),
    };
  }

  /** Stores every answer and error of a finished batch; requests it never ran are marked failed, to be sent again. */
  private async importResults(batch: ActiveBatch, remote: Batch): Promise<void> {
    this.s.tracker.setPhase('importing-batch');
    const settled = new Set<string>();
    for (const fileId of [remote.output_file_id, remote.error_file_id]) {
      if (!fileId) continue;
      const text = await this.call(msg('download the batch results'), (signal) =>
        this.s.client.files.content(fileId, { signal, timeout: 600_000 }).then((r) => r.text()),
      );
      for (const line of text.split('\n')) {
        const key = this.settleLine(line, batch.inputFileId);
        if (key !== undefined) settled.add(key);
      }
    }
    const reason =
      remote.status === 'failed'
        ? `the batch failed: ${(remote.errors?.data ?? []).map((e) => e.message).join('; ') || 'no reason given'}`
        : `batch ${remote.id} ended (${remote.status}) before this request was answered`;
    for (const key of await keysAwaiting(this.s.store, batch.inputFileId)) {
      if (!settled.has(key)) this.settleFailure(key, batch.inputFileId, reason);
    }
    await this.s.writer.drain();
    await this.s.writer.exclusive(() =>
      updateStoredBatch(this.s.store, batch.inputFileId, {
        status: 'imported',
        outputFileId: remote.output_file_id ?? null,
        errorFileId: remote.error_file_id ?? null,
      }),
    );
    this.s.tracker.setPhase('waiting-for-batch');
  }

  /** One line of an output or error file; returns its key, or undefined for a line that is not a result. */
  private settleLine(line: string, inputFileId: string): string | undefined {
    if (line.trim() === '') return undefined;
    let result: {
      custom_id?: unknown;
      response?: { status_code?: number; body?: unknown } | null;
      error?: { message?: string } | null;
    };
    try {
      result = JSON.parse(line);
    } catch {
      return undefined;
    }
    if (typeof result.custom_id !== 'string') return undefined;
    const key = result.custom_id;
    const body = result.response?.body as (OpenAI.Chat.ChatCompletion & { error?: { message?: string } }) | undefined;
    if (result.response?.status_code === 200 && body) {
      this.settleAnswer(key, inputFileId, answerOf(body));
    } else {
      const status = result.response?.status_code;
      this.settleFailure(
        key,
        inputFileId,
        result.error?.message ?? body?.error?.message ?? `HTTP ${status ?? 'error'} in the batch`,
      );
    }
    return key;
  }

  private settleAnswer(key: string, inputFileId: string, answer: ChatAnswer): void {
    const { definition } = this.s;
    const request = answeredRequest(definition, key, answer, this.s.price, {
      via: 'batch',
      jobId: this.s.jobId,
      attempts: 1,
      batchFileId: inputFileId,
    });
    const task = this.known.get(key);
    // An answer to a request this job does not cover (another selection submitted it) is kept all the same.
    const reading = task && interpretAnswer(definition, task, answer.text);
    this.s.writer.add({ request, records: reading?.records ?? [] });
    if (reading) this.s.tracker.gotAnswer(reading.valid, answer.promptTokens, answer.completionTokens, request.costUsd);
  }

  private settleFailure(key: string, inputFileId: string, error: string): void {
    this.s.writer.add({
      request: {
        key,
        judgeHash: this.s.definition.hash,
        status: 'failed',
        via: 'batch',
        jobId: this.s.jobId,
        batchFileId: inputFileId,
        attempts: 1,
        error,
      },
      records: [],
    });
    if (this.known.has(key)) this.s.tracker.gaveUp();
  }

  /** A management call (upload, create, poll, download), retried like a chat request; 404 means no Batch API. */
  private async call<T>(what: Message, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const attempt = async () => {
      try {
        return await work(this.s.signal);
      } catch (err) {
        if (this.s.signal.aborted) throw new RequestFailure('cancelled', msg('cancelled'));
        const failure = classify(err);
        if (failure.status === 404) {
          throw new RequestFailure(
            'fatal',
            msg(
              'cannot {0}: the server at {1} answered 404 (it may not offer the Batch API; run without batch mode)',
              what,
              this.s.definition.baseURL,
            ),
            404,
          );
        }
        throw failure.kind === 'fatal'
          ? failure
          : new RequestFailure(
              failure.kind,
              msg('cannot {0}: {1}', what, messageOf(failure)),
              failure.status,
              failure.retryAfterMs,
            );
      }
    };
    return (await withRetries(attempt, this.s.retry, this.gate, this.s.signal, () => this.s.tracker.retried())).value;
  }
}

/** Splits tasks into batches that respect the request and size limits. */
function* chunkTasks(
  tasks: readonly JudgeTask[],
  lineOf: (task: JudgeTask) => string,
  limits: BatchLimits,
): Generator<{ key: string; line: string }[]> {
  let chunk: { key: string; line: string }[] = [];
  let bytes = 0;
  for (const task of tasks) {
    const line = lineOf(task);
    const size = Buffer.byteLength(line, 'utf8') + 1;
    if (chunk.length > 0 && (chunk.length >= limits.maxRequests || bytes + size > limits.maxBytes)) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push({ key: task.key, line });
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}
