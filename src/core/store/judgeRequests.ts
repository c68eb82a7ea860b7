// The judge runner's bookkeeping: every request it paid for, keyed so that it is never paid for twice, written
// together with the verdicts it produced in short group-committed transactions. An online answer is first made
// durable in the job's answer journal (answerJournal.ts), so a crash loses only the requests in flight.
import { createHash } from 'node:crypto';
import type { CanonicalRecord } from '../model/records';
import type { Database, SqlValue } from './database';
import type { Store } from './store';
import { connectionOf } from './connection';
import { CoreError, msg } from '../util/message';

export type JudgeRequestStatus = 'submitted' | 'done' | 'failed';
export type JudgeVia = 'online' | 'batch';

export interface StoredJudgeRequest {
  readonly key: string;
  readonly status: JudgeRequestStatus;
  readonly raw: string | null;
  readonly batchFileId: string | null;
  readonly error: string | null;
}

/** One request's outcome: an answer (status done) or the reason it failed (status failed). */
export interface JudgeRequestRow {
  readonly key: string;
  readonly judgeHash: string;
  readonly status: 'done' | 'failed';
  readonly via: JudgeVia;
  readonly jobId: number | null;
  readonly batchFileId?: string | null;
  readonly raw?: string | null;
  readonly finishReason?: string | null;
  readonly responseId?: string | null;
  readonly responseModel?: string | null;
  readonly promptTokens?: number | null;
  readonly completionTokens?: number | null;
  readonly costUsd?: number | null;
  readonly attempts: number;
  readonly error?: string | null;
}

/** The stored state of these request keys (absent keys were never sent). */
export async function storedJudgeRequests(
  store: Store,
  keys: readonly string[],
): Promise<Map<string, StoredJudgeRequest>> {
  const found = new Map<string, StoredJudgeRequest>();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const rows = await connectionOf(store).all<StoredJudgeRequest>(
      `SELECT request_key AS key, status, raw, batch_file_id AS batchFileId, error FROM judge_requests
       WHERE request_key IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
    for (const row of rows) found.set(row.key, row);
  }
  return found;
}

const REQUEST_COLUMNS = `request_key, judge_hash, status, via, job_id, batch_file_id, raw, finish_reason, response_id,
  response_model, prompt_tokens, completion_tokens, cost_usd, attempts, error, updated_at`;

// An answer once stored is never overwritten: it was paid for, and it is what the verdicts were read from.
const KEEP_DONE = `ON CONFLICT (request_key) DO UPDATE SET
  status = excluded.status, via = excluded.via, job_id = excluded.job_id, batch_file_id = excluded.batch_file_id,
  raw = excluded.raw, finish_reason = excluded.finish_reason, response_id = excluded.response_id,
  response_model = excluded.response_model, prompt_tokens = excluded.prompt_tokens,
  completion_tokens = excluded.completion_tokens, cost_usd = excluded.cost_usd, attempts = excluded.attempts,
  error = excluded.error, updated_at = excluded.updated_at
  WHERE judge_requests.status <> 'done'`;

const REQUEST_ROWS_PER_STATEMENT = 60; // 16 columns: 960 parameters, under SQLite's oldest limit of 999

/** Inserts or updates request rows, a few dozen per statement (a batch submission has up to 50,000). */
async function upsertRequests(db: Database, rows: readonly SqlValue[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += REQUEST_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + REQUEST_ROWS_PER_STATEMENT);
    const values = chunk.map((row) => `(${row.map(() => '?').join(', ')})`).join(', ');
    await db.run(`INSERT INTO judge_requests (${REQUEST_COLUMNS}) VALUES ${values} ${KEEP_DONE}`, chunk.flat());
  }
}

function requestValues(r: JudgeRequestRow, now: string): SqlValue[] {
  return [
    r.key,
    r.judgeHash,
    r.status,
    r.via,
    r.jobId,
    r.batchFileId ?? null,
    r.raw ?? null,
    r.finishReason ?? null,
    r.responseId ?? null,
    r.responseModel ?? null,
    r.promptTokens ?? null,
    r.completionTokens ?? null,
    r.costUsd ?? null,
    r.attempts,
    r.error ?? null,
    now,
  ];
}

export interface JudgeIdentity {
  readonly name: string;
  readonly hash: string;
  /** The canonical definition, stored with the judge. */
  readonly definition: string;
  /** The definition file, registered as the source of the verdicts. */
  readonly file: string;
}

/** A request's outcome and the verdict records read from it; either may be absent (a cache hit has no new request). */
export interface JudgeResult {
  readonly request?: JudgeRequestRow;
  readonly records: readonly CanonicalRecord[];
}

const GIVE_UP_AFTER_FAILED_COMMITS = 3;

/**
 * Writes results as they arrive. Each commit takes everything that arrived since the previous one ("group commit"):
 * an answer that comes alone is committed at once, answers that pour in are committed together at most every
 * `minCommitIntervalMs`, because a transaction has a fixed cost (the record writer loads the run's ids). Answers
 * not yet committed when the process dies are in the answer journal, which the next open folds in. Never more than
 * one transaction is open on the connection: other writes of the job go through `exclusive`.
 */
export class JudgeResultWriter {
  private pending: JudgeResult[] = [];
  private chain: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private lastCommitStart = 0;
  private lastError: Error | undefined;
  private failedCommits = 0;
  /** The definition file's identity as the verdicts' source, the same in every commit. */
  private readonly definitionSha: string;

  constructor(
    private readonly store: Store,
    private readonly judge: JudgeIdentity,
    /** Called after each commit with the number of results it stored. */
    private readonly onCommit: (results: number) => void = () => undefined,
    private readonly minCommitIntervalMs = 200,
  ) {
    this.definitionSha = createHash('sha256').update(judge.definition).digest('hex');
  }

  /**
   * Set once commits keep failing (each waits out the busy timeout, so a long import in another window is outlived);
   * until then a failed commit's results stay pending and go with the next one.
   */
  get failure(): Error | undefined {
    return this.failedCommits >= GIVE_UP_AFTER_FAILED_COMMITS ? this.lastError : undefined;
  }

  add(result: JudgeResult): void {
    this.pending.push(result);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const wait = Math.max(0, this.lastCommitStart + this.minCommitIntervalMs - Date.now());
    setTimeout(() => void this.exclusive(() => this.flush()).catch(() => undefined), wait);
  }

  /** Runs `work` when no commit is running, and before any commit scheduled after it. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.chain.then(work);
    this.chain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Waits until every result added so far is committed; throws if that is impossible. */
  async drain(): Promise<void> {
    for (let attempt = 0; attempt < GIVE_UP_AFTER_FAILED_COMMITS && this.pending.length > 0; attempt++) {
      await this.exclusive(() => this.flush());
    }
    if (this.pending.length > 0) {
      throw new CoreError(
        msg(
          '{0} judge results could not be stored: {1}',
          this.pending.length,
          this.lastError?.message ?? 'unknown error',
        ),
      );
    }
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.lastCommitStart = Date.now();
    try {
      await this.write(batch);
      this.lastError = undefined;
      this.failedCommits = 0;
      this.onCommit(batch.length);
    } catch (err) {
      this.pending = [...batch, ...this.pending];
      this.lastError = err as Error;
      this.failedCommits++;
    }
  }

  private write(batch: readonly JudgeResult[]): Promise<void> {
    return writeJudgeResults(this.store, this.judge, batch, this.definitionSha);
  }
}

/** Writes results in one transaction: the judge, its definition file as the verdicts' source, records and requests. */
export async function writeJudgeResults(
  store: Store,
  judge: JudgeIdentity,
  batch: readonly JudgeResult[],
  definitionSha = createHash('sha256').update(judge.definition).digest('hex'),
): Promise<void> {
  const writer = await store.beginWrite();
  try {
    await writer.judge(judge.name, judge.hash, judge.definition);
    const sourceId = await writer.source(judge.file, definitionSha, 'judge');
    const now = new Date().toISOString();
    const requests: SqlValue[][] = [];
    for (const result of batch) {
      if (result.request) requests.push(requestValues(result.request, now));
      for (const record of result.records) await writer.write(record, sourceId);
    }
    await upsertRequests(connectionOf(store), requests);
  } catch (err) {
    await writer.rollback();
    throw err;
  }
  await writer.commit();
}

/** Marks a job whose process ended without finishing it, once its journal has been folded in. */
export async function markJobInterrupted(db: Database, jobId: number, recovered: number): Promise<void> {
  await db.run(
    `UPDATE judge_jobs SET outcome = 'failed', finished_at = coalesce(finished_at, ?),
       message = ? WHERE id = ? AND outcome = 'running'`,
    [
      new Date().toISOString(),
      `interrupted: the process ended during the job; ${recovered} answers were recovered from its journal`,
      jobId,
    ],
  );
}

export interface JudgeJobStart {
  readonly judgeName: string;
  readonly judgeHash: string;
  readonly run: string;
  readonly selection: unknown;
  readonly via: JudgeVia;
  readonly tasks: number;
  readonly cached: number;
}

export interface JudgeJobTotals {
  readonly sent: number;
  readonly failed: number;
  readonly invalid: number;
  readonly retries: number;
}

export type JudgeJobOutcome = 'completed' | 'cancelled' | 'failed';

export async function startJudgeJob(store: Store, job: JudgeJobStart): Promise<number> {
  const db = connectionOf(store);
  return db.insertId(
    `INSERT INTO judge_jobs (judge_name, judge_hash, run, selection, via, started_at, outcome, tasks, cached)
     VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?)`,
    [
      job.judgeName,
      job.judgeHash,
      job.run,
      JSON.stringify(job.selection),
      job.via,
      new Date().toISOString(),
      job.tasks,
      job.cached,
    ],
  );
}

export async function finishJudgeJob(
  store: Store,
  id: number,
  outcome: JudgeJobOutcome,
  totals: JudgeJobTotals,
  message?: string,
): Promise<void> {
  const db = connectionOf(store);
  await db.run(
    `UPDATE judge_jobs SET finished_at = ?, outcome = ?, message = ?, sent = ?, failed = ?, invalid = ?, retries = ?
     WHERE id = ?`,
    [
      new Date().toISOString(),
      outcome,
      message ?? null,
      totals.sent,
      totals.failed,
      totals.invalid,
      totals.retries,
      id,
    ],
  );
}

export interface JudgeSpend {
  readonly requests: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** null when a request had no known price. */
  readonly costUsd: number | null;
}

/** What a job paid for, summed from its stored requests (so it holds even for a job that crashed). */
export async function judgeJobSpend(store: Store, jobId: number): Promise<JudgeSpend> {
  const db = connectionOf(store);
  const row = await db.get<{
    requests: number;
    p: number | null;
    c: number | null;
    cost: number | null;
    unpriced: number | null;
  }>(
    `SELECT count(*) AS requests, sum(prompt_tokens) AS p, sum(completion_tokens) AS c, sum(cost_usd) AS cost,
            sum(cost_usd IS NULL) AS unpriced
     FROM judge_requests WHERE job_id = ? AND status = 'done'`,
    [jobId],
  );
  const requests = row?.requests ?? 0;
  const costUsd = requests === 0 ? 0 : row?.unpriced ? null : (row?.cost ?? 0);
  return { requests, promptTokens: row?.p ?? 0, completionTokens: row?.c ?? 0, costUsd };
}

export interface StoredBatch {
  readonly inputFileId: string;
  readonly batchId: string | null;
  readonly status: string;
  readonly requests: number;
  readonly outputFileId: string | null;
  readonly errorFileId: string | null;
}

/**
 * Records an uploaded batch input file and marks its requests as submitted, before the batch is created: if the
 * process dies before the batch id is stored, the next run finds the batch by this file instead of paying again.
 */
export async function recordBatchUpload(
  store: Store,
  upload: { inputFileId: string; judgeHash: string; jobId: number | null; baseURL: string; keys: readonly string[] },
): Promise<void> {
  const db = connectionOf(store);
  const now = new Date().toISOString();
  await db.exec('BEGIN IMMEDIATE');
  try {
    await db.run(
      `INSERT INTO judge_batches (input_file_id, judge_hash, job_id, base_url, status, requests, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'submitting', ?, ?, ?)`,
      [upload.inputFileId, upload.judgeHash, upload.jobId, upload.baseURL, upload.keys.length, now, now],
    );
    await upsertRequests(
      db,
      upload.keys.map((key) => [
        key,
        upload.judgeHash,
        'submitted',
        'batch',
        upload.jobId,
        upload.inputFileId,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        null,
        now,
      ]),
    );
    await db.exec('COMMIT');
  } catch (err) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

export async function updateStoredBatch(
  store: Store,
  inputFileId: string,
  change: { batchId?: string; status: string; outputFileId?: string | null; errorFileId?: string | null },
): Promise<void> {
  const db = connectionOf(store);
  await db.run(
    `UPDATE judge_batches SET batch_id = coalesce(?, batch_id), status = ?, output_file_id = coalesce(?, output_file_id),
       error_file_id = coalesce(?, error_file_id), updated_at = ? WHERE input_file_id = ?`,
    [
      change.batchId ?? null,
      change.status,
      change.outputFileId ?? null,
      change.errorFileId ?? null,
      new Date().toISOString(),
      inputFileId,
    ],
  );
}

/** This judge's batches on this server whose results have not been imported yet. */
export async function openBatches(store: Store, judgeHash: string, baseURL: string): Promise<StoredBatch[]> {
  const db = connectionOf(store);
  return db.all<StoredBatch>(
    `SELECT input_file_id AS inputFileId, batch_id AS batchId, status, requests, output_file_id AS outputFileId,
            error_file_id AS errorFileId
     FROM judge_batches WHERE judge_hash = ? AND base_url = ? AND status <> 'imported' ORDER BY created_at`,
    [judgeHash, baseURL],
  );
}

/** The keys of a batch still waiting for their answer. */
export async function keysAwaiting(store: Store, inputFileId: string): Promise<string[]> {
  const db = connectionOf(store);
  const rows = await db.all<{ key: string }>(
    `SELECT request_key AS key FROM judge_requests WHERE batch_file_id = ? AND status = 'submitted'`,
    [inputFileId],
  );
  return rows.map((r) => r.key);
}

/** The most frequent reasons a job's requests failed, for the summary. */
export async function judgeJobFailures(
  store: Store,
  jobId: number,
  limit = 5,
): Promise<{ error: string; count: number }[]> {
  const db = connectionOf(store);
  return db.all<{ error: string; count: number }>(
    `SELECT coalesce(error, 'unknown') AS error, count(*) AS count FROM judge_requests
     WHERE job_id = ? AND status = 'failed' GROUP BY error ORDER BY count DESC, error LIMIT ?`,
    [jobId, limit],
  );
}
