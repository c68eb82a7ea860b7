// The judge runner's own tables: every request it paid for (raw answer, usage, cost), the jobs that made them
// and the Batch API submissions still out. Verdicts themselves go to pairwise_judgments / pointwise_judgments.
import type { Migration } from './migration';

export const judgeRequestsMigration: Migration = {
  id: '0002-judge-requests',
  sql: `
  CREATE TABLE judge_jobs (
    id INTEGER PRIMARY KEY,
    judge_name TEXT NOT NULL,
    judge_hash TEXT NOT NULL,
    run TEXT NOT NULL,
    -- The languages, systems, baseline and seed the job was asked for, as JSON.
    selection TEXT NOT NULL,
    via TEXT NOT NULL CHECK (via IN ('online', 'batch')),
    started_at TEXT NOT NULL,
    finished_at TEXT,
    -- 'running' after a crash means the job was interrupted; its paid requests are kept all the same.
    outcome TEXT NOT NULL CHECK (outcome IN ('running', 'completed', 'cancelled', 'failed')),
    message TEXT,
    tasks INTEGER NOT NULL,
    cached INTEGER NOT NULL,
    sent INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    invalid INTEGER NOT NULL DEFAULT 0,
    retries INTEGER NOT NULL DEFAULT 0
  );
  -- A Batch API submission. Recorded as 'submitting' once its input file is uploaded, before the batch is
  -- created, so that a crash in between finds the batch again by its file instead of paying for it twice.
  CREATE TABLE judge_batches (
    input_file_id TEXT PRIMARY KEY,
    batch_id TEXT UNIQUE,
    judge_hash TEXT NOT NULL,
    job_id INTEGER REFERENCES judge_jobs(id),
    base_url TEXT NOT NULL,
    status TEXT NOT NULL,
    requests INTEGER NOT NULL,
    output_file_id TEXT,
    error_file_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  -- One row per distinct request, keyed by (judge hash, instruction, language, response(s) in the order shown):
  -- a key that is 'done' is never sent again. 'submitted' requests wait in a batch; 'failed' ones are retried.
  CREATE TABLE judge_requests (
    id INTEGER PRIMARY KEY,
    request_key TEXT NOT NULL UNIQUE,
    judge_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'done', 'failed')),
    via TEXT NOT NULL CHECK (via IN ('online', 'batch')),
    job_id INTEGER REFERENCES judge_jobs(id),
    batch_file_id TEXT REFERENCES judge_batches(input_file_id),
    raw TEXT,
    finish_reason TEXT,
    response_id TEXT,
    response_model TEXT,
    prompt_tokens INTEGER,
    completion_tokens INTEGER,
    cost_usd REAL,
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX judge_requests_by_job ON judge_requests (job_id);
  CREATE INDEX judge_requests_by_batch ON judge_requests (batch_file_id);
  `,
};
