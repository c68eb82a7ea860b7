// Counting a job as it goes, for the progress bar, the editor's notification and the final summary.
import { formatUsd } from './prices';

export type JudgePhase =
  'storing-cached' | 'sending' | 'submitting-batch' | 'waiting-for-batch' | 'importing-batch' | 'stopping' | 'finished';

export interface BatchState {
  readonly id: string;
  readonly status: string;
  readonly completed: number;
  readonly failed: number;
  readonly total: number;
}

export interface JudgeProgress {
  readonly phase: JudgePhase;
  /** Requests the job covers: cached, to send, and waiting in batches. */
  readonly total: number;
  /** Requests settled: answered now or before, or failed for good. */
  readonly done: number;
  readonly cached: number;
  /** Answers received by this job. */
  readonly answered: number;
  readonly failed: number;
  /** Answers (cached ones included) from which no verdict could be read. */
  readonly invalid: number;
  readonly retries: number;
  readonly inFlight: number;
  /** Answers per second over the last few seconds. */
  readonly requestsPerSecond: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** What this job has spent; undefined when the model has no known price. */
  readonly costUsd: number | undefined;
  readonly batches: readonly BatchState[];
}

const RATE_WINDOW_MS = 10_000;

export class ProgressTracker {
  private phase: JudgePhase = 'sending';
  private cached = 0;
  private answered = 0;
  private failed = 0;
  private invalid = 0;
  private retries = 0;
  private inFlight = 0;
  private promptTokens = 0;
  private completionTokens = 0;
  private cost: number | undefined;
  private readonly answerTimes: number[] = [];
  private readonly batches = new Map<string, BatchState>();
  private lastEmit = 0;

  constructor(
    private readonly total: number,
    priced: boolean,
    private readonly listener: (progress: JudgeProgress) => void = () => undefined,
    /** At most this often, except for phase changes and the end. */
    private readonly everyMs = 100,
  ) {
    this.cost = priced ? 0 : undefined;
  }

  get costUsd(): number | undefined {
    return this.cost;
  }

  get counts() {
    return {
      cached: this.cached,
      answered: this.answered,
      failed: this.failed,
      invalid: this.invalid,
      retries: this.retries,
    };
  }

  setPhase(phase: JudgePhase): void {
    this.phase = phase;
    this.emit(true);
  }

  foundCached(valid: boolean): void {
    this.cached++;
    if (!valid) this.invalid++;
    this.emit();
  }

  started(): void {
    this.inFlight++;
  }

  settled(): void {
    this.inFlight--;
    this.emit();
  }

  retried(): void {
    this.retries++;
    this.emit();
  }

  gotAnswer(valid: boolean, promptTokens: number | null, completionTokens: number | null, cost: number | null): void {
    this.answered++;
    if (!valid) this.invalid++;
    this.promptTokens += promptTokens ?? 0;
    this.completionTokens += completionTokens ?? 0;
    if (this.cost !== undefined) this.cost = cost === null ? undefined : this.cost + cost;
    const now = Date.now();
    this.answerTimes.push(now);
    while (this.answerTimes.length > 0 && this.answerTimes[0]! < now - RATE_WINDOW_MS) this.answerTimes.shift();
    this.emit();
  }

  gaveUp(): void {
    this.failed++;
    this.emit();
  }

  batch(state: BatchState): void {
    this.batches.set(state.id, state);
    this.emit();
  }

  snapshot(): JudgeProgress {
    const now = Date.now();
    const recent = this.answerTimes.filter((t) => t >= now - RATE_WINDOW_MS);
    const span = recent.length > 1 ? Math.max(now - recent[0]!, 1) : 0;
    return {
      phase: this.phase,
      total: this.total,
      done: this.cached + this.answered + this.failed,
      cached: this.cached,
      answered: this.answered,
      failed: this.failed,
      invalid: this.invalid,
      retries: this.retries,
      inFlight: this.inFlight,
      requestsPerSecond: span > 0 ? ((recent.length - 1) * 1000) / span : 0,
      promptTokens: this.promptTokens,
      completionTokens: this.completionTokens,
      costUsd: this.cost,
      batches: [...this.batches.values()],
    };
  }

  emit(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastEmit < this.everyMs) return;
    this.lastEmit = now;
    this.listener(this.snapshot());
  }
}

/** "1,234 / 5,000 · 31.2 req/s · 2 errors · 3 invalid · $0.42": one line for a progress bar or notification. */
export function describeProgress(p: JudgeProgress): string {
  const parts = [`${p.done.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')}`];
  if (p.phase === 'waiting-for-batch') {
    const completed = p.batches.reduce((n, b) => n + b.completed, 0);
    const total = p.batches.reduce((n, b) => n + b.total, 0);
    parts.push(
      `batch ${completed.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} (${[...new Set(p.batches.map((b) => b.status))].join(', ')})`,
    );
  } else {
    parts.push(`${p.requestsPerSecond.toFixed(1)} req/s`);
  }
  parts.push(`${p.failed} error${p.failed === 1 ? '' : 's'}`);
  if (p.invalid > 0) parts.push(`${p.invalid} invalid`);
  if (p.retries > 0) parts.push(`${p.retries} retries`);
  parts.push(formatUsd(p.costUsd));
  if (p.phase === 'stopping') parts.push(`stopping: ${p.inFlight} in flight`);
  return parts.join(' · ');
}
