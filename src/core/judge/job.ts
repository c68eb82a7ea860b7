// A judge job from start to end, shared by the CLI and the editor: plan it (what is asked, what is already paid
// for, what it will cost at most), then run it online or through the Batch API, and summarise what it did.
import type { LanguageTag } from '../model/language';
import { judgeInputs } from '../store/judgeInputs';
import {
  finishJudgeJob,
  judgeJobFailures,
  judgeJobSpend,
  JudgeResultWriter,
  startJudgeJob,
  storedJudgeRequests,
  type JudgeJobOutcome,
  type JudgeVia,
} from '../store/judgeRequests';
import type { Store } from '../store/store';
import { DEFAULT_BATCH_LIMITS, runBatches, type BatchLimits } from './batch';
import { createClient, type ChatMessage } from './client';
import { isOpenAI, noWordingFor, type JudgeDefinition } from './definition';
import { wordingFor } from './wording';
import { NO_JOURNAL, openAnswerJournal, type AnswerJournal } from '../store/answerJournal';
import { Budget } from './budget';
import {
  BUILT_IN_PRICES,
  costOf,
  estimateTokens,
  formatUsd,
  priceForJudge,
  worstCaseInputTokens,
  type PriceTable,
  type TokenPrice,
} from './prices';
import { ProgressTracker, type JudgeProgress } from './progress';
import { DEFAULT_RETRY, type RetryPolicy } from './retry';
import { runOnline, type RunOutcome } from './runner';
import { interpretAnswer } from './interpretAnswer';
import {
  buildTasks,
  messagesFor,
  noMultiTurnTemplate,
  type Baseline,
  type JudgeTask,
  type SkippedInputs,
} from './tasks';
import { CoreError, type Message, messageOf, msg, TEXT, wording } from '../util/message';

export interface JudgeSelection {
  readonly run: string;
  /** Absent: every language of the run. */
  readonly languages?: readonly LanguageTag[];
  /** Absent: every system of the run. A baseline is included whether listed or not. */
  readonly systems?: readonly string[];
  /** Pairwise only; absent means every pair of the selected systems. */
  readonly baseline?: Baseline;
  /** Pairwise: the sampling seed whose responses are compared (default 0). Pointwise: only this seed (default all). */
  readonly seed?: number;
  /** Default: turn 1. */
  readonly turns?: readonly number[];
  /** Only the first n requests: a pilot before paying for the rest. */
  readonly limit?: number;
}

export interface CostEstimate {
  /** An overestimate of the input tokens still to send (see estimateTokens). */
  readonly inputTokens: number;
  /** The most output tokens the requests may use (maxTokens each). */
  readonly maxOutputTokens: number;
  /** Estimates in US dollars (the input estimated, every answer at maxTokens); undefined when the price is unknown. */
  readonly onlineUsd: number | undefined;
  readonly batchUsd: number | undefined;
  /** The ceiling online, as a budget reserves it: every input byte a token (worstCaseInputTokens). */
  readonly maxOnlineUsd: number | undefined;
}

export interface JudgePlan {
  readonly definition: JudgeDefinition;
  readonly selection: JudgeSelection;
  readonly tasks: readonly JudgeTask[];
  /** Verdicts the tasks decide: a pair judged in both orders counts twice. */
  readonly targets: number;
  readonly skipped: SkippedInputs;
  /** Already answered: re-read from the stored answer, never sent again. */
  readonly cached: readonly { readonly task: JudgeTask; readonly raw: string }[];
  /** Submitted in a batch that has not been imported yet. */
  readonly awaitingBatch: readonly JudgeTask[];
  /** Never sent, or failed before: these cost money. */
  readonly toSend: readonly JudgeTask[];
  readonly previouslyFailed: number;
  readonly price: TokenPrice | undefined;
  readonly estimate: CostEstimate;
}

export async function planJudgeJob(
  store: Store,
  definition: JudgeDefinition,
  asked: JudgeSelection,
  prices: PriceTable = BUILT_IN_PRICES,
): Promise<JudgePlan> {
  const pairwise = definition.protocol.kind === 'pairwise';
  // The comparison written in a pairwise judge's file applies when the run asks for none.
  const baseline = asked.baseline ?? (pairwise ? definition.baseline : undefined);
  const selection: JudgeSelection = baseline ? { ...asked, baseline } : asked;
  if (!pairwise && selection.baseline)
    throw new CoreError(
      msg('judge "{0}" rates single responses: a baseline applies to pairwise judges only', definition.name),
    );
  await checkSelection(store, selection);
  const baselines = baselineSystems(selection.baseline);
  const turns = selection.turns ?? [1];
  if (turns.some((t) => t > 1) && definition.templates.multiTurnUser === null)
    throw new CoreError(noMultiTurnTemplate(definition));
  const rows = await judgeInputs(store, {
    run: selection.run,
    ...(selection.languages ? { languages: selection.languages } : {}),
    ...(selection.systems ? { systems: [...new Set([...selection.systems, ...baselines])] } : {}),
    // A later turn is judged with the turns before it.
    turns: Array.from({ length: Math.max(...turns) }, (_, i) => i + 1),
    ...(pairwise ? { seeds: [selection.seed ?? 0] } : selection.seed === undefined ? {} : { seeds: [selection.seed] }),
  });
  const present = new Set(rows.map((r) => r.system));
  const absent = baselines.filter((b) => !present.has(b));
  if (absent.length)
    throw new CoreError(
      msg(
        'baseline {0} has no responses in run "{1}" for this selection (systems: {2})',
        absent.join(', '),
        selection.run,
        [...present].sort().join(', ') || 'none',
      ),
    );
  const built = buildTasks(definition, selection.run, rows, selection.baseline, turns);
  const tasks = selection.limit === undefined ? built.tasks : built.tasks.slice(0, selection.limit);
  if (definition.instructionsLanguage === 'prompt') {
    const unworded = [...new Set(tasks.map((t) => t.lang))].filter((lang) => wordingFor(lang) === undefined).sort();
    if (unworded.length) throw new CoreError(noWordingFor(definition, unworded));
  }
  const stored = await storedJudgeRequests(
    store,
    tasks.map((t) => t.key),
  );
  const cached: { task: JudgeTask; raw: string }[] = [];
  const awaitingBatch: JudgeTask[] = [];
  const toSend: JudgeTask[] = [];
  for (const task of tasks) {
    const known = stored.get(task.key);
    if (known?.status === 'done') cached.push({ task, raw: known.raw ?? '' });
    else if (known?.status === 'submitted') awaitingBatch.push(task);
    else toSend.push(task);
  }
  const price = priceForJudge(definition, prices);
  return {
    definition,
    selection,
    tasks,
    targets: tasks.reduce((n, t) => n + t.targets.length, 0),
    skipped: built.skipped,
    cached,
    awaitingBatch,
    toSend,
    previouslyFailed: [...stored.values()].filter((r) => r.status === 'failed').length,
    price,
    estimate: estimateCost(definition, toSend, price),
  };
}

async function checkSelection(store: Store, selection: JudgeSelection): Promise<void> {
  const summary = (await store.summary()).find((s) => s.run === selection.run);
  if (!summary) {
    const runs = await store.runs();
    throw new CoreError(
      msg(
        'there is no run "{0}" in the database (runs: {1})',
        selection.run,
        runs.join(', ') || 'none; import some outputs first',
      ),
    );
  }
  const unknownSystems = [...(selection.systems ?? []), ...baselineSystems(selection.baseline)].filter(
    (s) => !summary.systems.includes(s),
  );
  if (unknownSystems.length)
    throw new CoreError(
      msg(
        'run "{0}" has no system {1} (systems: {2})',
        selection.run,
        unknownSystems.join(', '),
        summary.systems.join(', '),
      ),
    );
  const languages = summary.languages.map((l) => l.lang);
  const unknownLanguages = (selection.languages ?? []).filter((l) => !languages.includes(l));
  if (unknownLanguages.length)
    throw new CoreError(
      msg(
        'run "{0}" has no language {1} (languages: {2})',
        selection.run,
        unknownLanguages.join(', '),
        languages.join(', '),
      ),
    );
}

function baselineSystems(baseline: Baseline | undefined): string[] {
  if (!baseline || baseline.kind === 'all-pairs') return [];
  return baseline.kind === 'system' ? [baseline.system] : [...new Set(baseline.systems.values())];
}

function estimateCost(
  definition: JudgeDefinition,
  toSend: readonly JudgeTask[],
  price: TokenPrice | undefined,
): CostEstimate {
  const inputTokens = toSend.reduce((n, task) => n + messageTokens(messagesFor(definition, task)), 0);
  const maxOutputTokens = toSend.length * definition.maxTokens;
  const maxInputTokens = toSend.reduce((n, task) => n + worstCaseInputTokens(messagesFor(definition, task)), 0);
  return {
    inputTokens,
    maxOutputTokens,
    maxOnlineUsd: price && costOf(maxInputTokens, maxOutputTokens, price, 'online'),
    onlineUsd: price && costOf(inputTokens, maxOutputTokens, price, 'online'),
    batchUsd: price && costOf(inputTokens, maxOutputTokens, price, 'batch'),
  };
}

function messageTokens(messages: readonly ChatMessage[]): number {
  // A few tokens of chat framing per message come on top of the text.
  return messages.reduce((n, m) => n + estimateTokens(m.content) + 4, 0);
}

export interface RunJudgeOptions {
  readonly via?: JudgeVia;
  /** Absent: no Authorization header (local servers that need no key). */
  readonly apiKey?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: JudgeProgress) => void;
  /** Called after results were committed to the database (to refresh views). */
  readonly onStored?: (results: number) => void;
  /** Overrides the definition's concurrency (it does not change the answers, so not the hash either). */
  readonly concurrency?: number;
  readonly retry?: Partial<Omit<RetryPolicy, 'maxRetries'>>;
  /** How long requests in flight may finish after a cancel (default 10 s). */
  readonly cancelGraceMs?: number;
  /** The budget in US dollars: never exceeded (each request's worst case is reserved before it is sent). */
  readonly maxCostUsd?: number;
  readonly batchLimits?: Partial<BatchLimits>;
  /** How often progress is reported, at most (default 100 ms). */
  readonly progressEveryMs?: number;
}

export interface JudgeJobSummary {
  readonly jobId: number;
  readonly judge: string;
  readonly judgeHash: string;
  readonly via: JudgeVia;
  readonly outcome: JudgeJobOutcome;
  readonly message?: string;
  /** The message as the editor translates it, when it is one. */
  readonly [TEXT]?: Message;
  readonly total: number;
  readonly cached: number;
  readonly answered: number;
  readonly failed: number;
  readonly invalid: number;
  readonly retries: number;
  /** Online jobs leave requests that wait in a batch alone; they are collected by a batch job. */
  readonly leftInBatches: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** What this job paid for, summed from the stored requests; undefined when a price is unknown. */
  readonly costUsd: number | undefined;
  readonly elapsedMs: number;
  readonly failures: readonly { readonly error: string; readonly count: number }[];
}

export async function runJudgeJob(
  store: Store,
  plan: JudgePlan,
  options: RunJudgeOptions = {},
): Promise<JudgeJobSummary> {
  const started = Date.now();
  const { definition } = plan;
  const via = options.via ?? 'online';
  const collecting = via === 'batch' ? plan.awaitingBatch : [];
  requireKeyForOpenAI(definition, options.apiKey, plan.toSend.length + collecting.length);
  if (options.maxCostUsd !== undefined && plan.price === undefined && plan.toSend.length > 0) {
    throw new CoreError(
      msg(
        'a budget needs a price, and {0} has none: give the judge a "price" (docs/judges.md), or a price table',
        definition.model,
      ),
    );
  }
  const tracker = new ProgressTracker(
    plan.cached.length + plan.toSend.length + collecting.length,
    plan.price !== undefined,
    options.onProgress,
    options.progressEveryMs,
  );
  const jobId = await startJudgeJob(store, {
    judgeName: definition.name,
    judgeHash: definition.hash,
    run: plan.selection.run,
    selection: describeSelection(plan.selection),
    via,
    tasks: plan.tasks.length,
    cached: plan.cached.length,
  });
  const identity = {
    name: definition.name,
    hash: definition.hash,
    definition: definition.fingerprint,
    file: definition.file,
  };
  const writer = new JudgeResultWriter(store, identity, options.onStored);
  const journal = via === 'online' && plan.toSend.length > 0 ? openAnswerJournal(store, identity, jobId) : undefined;
  let result: RunOutcome;
  let committed = false;
  try {
    await storeCached(plan, writer, tracker);
    result = await send(store, plan, via, collecting, options, { jobId, writer, tracker, journal });
    await writer.drain();
    committed = true;
  } catch (err) {
    result = { outcome: 'failed', ...wording(messageOf(err)) };
  }
  // Kept when the database could not take every answer: the next open folds it in.
  journal?.close(committed);
  tracker.setPhase('finished');
  const counts = tracker.counts;
  await finishJudgeJob(
    store,
    jobId,
    result.outcome,
    { sent: counts.answered + counts.failed, ...counts },
    result.message,
  );
  const spend = await judgeJobSpend(store, jobId);
  return {
    jobId,
    judge: definition.name,
    judgeHash: definition.hash,
    via,
    outcome: result.outcome,
    ...(result.message === undefined ? {} : { message: result.message }),
    ...(result[TEXT] === undefined ? {} : { [TEXT]: result[TEXT] }),
    total: tracker.snapshot().total,
    ...counts,
    leftInBatches: via === 'online' ? plan.awaitingBatch.length : 0,
    promptTokens: spend.promptTokens,
    completionTokens: spend.completionTokens,
    costUsd: spend.costUsd ?? undefined,
    elapsedMs: Date.now() - started,
    failures: await judgeJobFailures(store, jobId),
  };
}

function requireKeyForOpenAI(definition: JudgeDefinition, apiKey: string | undefined, requests: number): void {
  if (requests === 0 || apiKey || !isOpenAI(definition.baseURL)) return;
  throw new CoreError(
    msg(
      'no API key for {0}: set it with "LangLens: Set API Key" in the editor, or in the environment variable {1} for the CLI',
      definition.baseURL,
      definition.apiKeyEnv,
    ),
  );
}

/** Re-reads every answer already paid for (with today's parser) and stores its verdicts, before anything is sent. */
async function storeCached(plan: JudgePlan, writer: JudgeResultWriter, tracker: ProgressTracker): Promise<void> {
  if (plan.cached.length === 0) return;
  tracker.setPhase('storing-cached');
  for (const { task, raw } of plan.cached) {
    const reading = interpretAnswer(plan.definition, task, raw);
    writer.add({ records: reading.records });
    tracker.foundCached(reading.valid);
  }
  await writer.drain();
}

async function send(
  store: Store,
  plan: JudgePlan,
  via: JudgeVia,
  collecting: readonly JudgeTask[],
  options: RunJudgeOptions,
  job: { jobId: number; writer: JudgeResultWriter; tracker: ProgressTracker; journal: AnswerJournal | undefined },
): Promise<RunOutcome> {
  const { definition } = plan;
  if (plan.toSend.length === 0 && collecting.length === 0) return { outcome: 'completed' };
  const client = createClient({ baseURL: definition.baseURL, ...(options.apiKey ? { apiKey: options.apiKey } : {}) });
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry, maxRetries: definition.maxRetries };
  const signal = options.signal ?? new AbortController().signal;
  const budget =
    options.maxCostUsd === undefined || plan.price === undefined
      ? undefined
      : new Budget(options.maxCostUsd, definition, plan.price, via);
  if (via === 'batch') {
    const known = new Map([...plan.toSend, ...collecting].map((t) => [t.key, t]));
    const { submit, leftOut } = withinBudget(plan.toSend, budget);
    const outcome = await runBatches(submit, known, {
      client,
      definition,
      store,
      writer: job.writer,
      tracker: job.tracker,
      jobId: job.jobId,
      signal,
      retry,
      timeoutMs: definition.timeoutMs,
      price: plan.price,
      limits: { ...DEFAULT_BATCH_LIMITS, ...options.batchLimits },
    });
    if (leftOut === 0 || outcome.outcome !== 'completed') return outcome;
    return {
      outcome: 'cancelled',
      ...wording(
        msg(
          'the budget of {0} covers the worst case of {1} of {2} requests; {3} were not submitted (run again with a larger budget)',
          formatUsd(budget!.limitUsd),
          submit.length,
          plan.toSend.length,
          leftOut,
        ),
      ),
    };
  }
  job.tracker.setPhase('sending');
  return runOnline(plan.toSend, {
    client,
    definition,
    concurrency: options.concurrency ?? definition.concurrency,
    timeoutMs: definition.timeoutMs,
    retry,
    cancelGraceMs: options.cancelGraceMs ?? 10_000,
    price: plan.price,
    jobId: job.jobId,
    writer: job.writer,
    tracker: job.tracker,
    signal,
    journal: job.journal ?? NO_JOURNAL,
    ...(budget ? { budget } : {}),
  });
}

/** Batch API: the requests whose worst cases all fit the budget are submitted, the rest are left for a later run. */
function withinBudget(
  tasks: readonly JudgeTask[],
  budget: Budget | undefined,
): { submit: readonly JudgeTask[]; leftOut: number } {
  if (!budget) return { submit: tasks, leftOut: 0 };
  const submit: JudgeTask[] = [];
  for (const task of tasks) {
    if (!budget.tryReserve(budget.worstCase(task))) break;
    submit.push(task);
  }
  return { submit, leftOut: tasks.length - submit.length };
}

function describeSelection(selection: JudgeSelection): unknown {
  const baseline =
    selection.baseline?.kind === 'per-language' ? Object.fromEntries(selection.baseline.systems) : selection.baseline;
  return { ...selection, baseline };
}
