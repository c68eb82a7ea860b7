// A job's plan and outcome in words: English in the terminal (ENGLISH_JUDGE_WORDS, one padded label a line), the
// display language's in the editor's confirmation, messages and log (src/extension/judge/judgeWords.ts).
import type { JudgeProtocol } from './definition';
import type { JudgeJobSummary, JudgePlan } from './job';
import { formatUsd } from './prices';
import { originOf } from './servers';
import type { JudgeJobOutcome } from '../store/judgeRequests';

/** What a line of a plan or a summary says, by which its label is written. */
export type JudgeLineKind =
  | 'server'
  | 'key'
  | 'requests'
  | 'verdicts'
  | 'skipped'
  | 'cost'
  | 'invalid'
  | 'retries'
  | 'tokens'
  | 'time'
  | 'waiting'
  | 'failed';

export interface JudgeLine {
  /** Absent: a line of its own (the heading, the closing advice). */
  readonly kind?: JudgeLineKind;
  readonly text: string;
}

export interface JudgeWords {
  /** A labelled line as shown: "  requests  12: …" in the terminal. */
  readonly line: (kind: JudgeLineKind, text: string) => string;
  readonly number: (n: number) => string;
  readonly planHeading: (
    name: string,
    protocol: JudgeProtocol['kind'],
    model: string,
    baseURL: string,
    hash: string,
    run: string,
  ) => string;
  /** The requests of a plan: total, already answered, to send; failed before and waiting in a batch when any. */
  readonly planRequests: (
    total: number,
    cached: number,
    toSend: number,
    failedBefore: number,
    waiting: number,
  ) => string;
  readonly verdicts: (targets: number, pairwise: boolean) => string;
  readonly promptsWithoutText: (n: number) => string;
  readonly missingResponses: (n: number) => string;
  readonly missingEarlierTurns: (n: number, pairwise: boolean) => string;
  readonly languagesWithoutBaseline: (languages: readonly string[]) => string;
  /** The estimate in dollars (undefined: the model's price is not known) and tokens. */
  readonly planCost: (
    online: number | undefined,
    batch: number | undefined,
    inputTokens: number,
    maxOutputTokens: number,
    maxOnline: number | undefined,
  ) => string;
  readonly summaryHeading: (
    judge: string,
    hash: string,
    jobId: number,
    outcome: JudgeJobOutcome,
    message: string | undefined,
  ) => string;
  readonly summaryRequests: (total: number, cached: number, answered: number, failed: number) => string;
  readonly invalid: (n: number) => string;
  readonly tokens: (input: number, output: number) => string;
  readonly summaryCost: (usd: number | undefined) => string;
  readonly seconds: (elapsedMs: number) => string;
  readonly waiting: (n: number) => string;
  readonly failure: (count: number, error: string) => string;
  readonly runAgain: string;
}

const n = (value: number) => value.toLocaleString('en-US');
/** How the CLI says the Batch API: the option that sends the job there. */
const BATCH_HINT = 'with --batch';

export const ENGLISH_JUDGE_WORDS: JudgeWords = {
  line: (kind, text) => `  ${kind.padEnd(10)}${text}`,
  number: n,
  planHeading: (name, protocol, model, baseURL, hash, run) =>
    `judge ${name} (${protocol}, ${model} at ${baseURL}, hash ${hash}) on run "${run}"`,
  planRequests: (total, cached, toSend, failedBefore, waiting) =>
    `${n(total)}: ${n(cached)} already answered, ${n(toSend)} to send` +
    `${failedBefore ? ` (${n(failedBefore)} failed before)` : ''}` +
    `${waiting ? `, ${n(waiting)} waiting in a batch` : ''}`,
  verdicts: (targets, pairwise) => `${n(targets)}${pairwise ? ' (each pair in both orders)' : ''}`,
  promptsWithoutText: (count) => `${n(count)} prompts without text (import the prompts file)`,
  missingResponses: (count) => `${n(count)} pairs with a missing response`,
  missingEarlierTurns: (count, pairwise) =>
    `${n(count)} later-turn ${pairwise ? 'pairs' : 'responses'} whose earlier turns were not imported`,
  languagesWithoutBaseline: (languages) => `languages without a baseline: ${languages.join(', ')}`,
  planCost: (online, batch, inputTokens, maxOutputTokens, maxOnline) =>
    `~${formatUsd(online)} now, ~${formatUsd(batch)} ${BATCH_HINT} (~${n(inputTokens)} input tokens, ≤ ${n(maxOutputTokens)} output); ` +
    `at most ${formatUsd(maxOnline)} now`,
  summaryHeading: (judge, hash, jobId, outcome, message) =>
    `${judge} (hash ${hash}), job ${jobId}: ${outcome}${message ? `: ${message}` : ''}`,
  summaryRequests: (total, cached, answered, failed) =>
    `${n(total)}: ${n(cached)} already answered, ${n(answered)} answered now, ${n(failed)} failed`,
  invalid: (count) => `${n(count)} answers with no readable verdict (kept with their raw text)`,
  tokens: (input, output) => `${n(input)} in, ${n(output)} out`,
  summaryCost: (usd) => `${formatUsd(usd)} (this job, estimated from the price table)`,
  seconds: (elapsedMs) => `${(elapsedMs / 1000).toFixed(1)} s`,
  waiting: (count) => `${n(count)} requests are in a batch: run again ${BATCH_HINT} to collect them`,
  failure: (count, error) => `${n(count)} × ${error}`,
  runAgain: 'Run the judge again to send what is missing; nothing answered is sent twice.',
};

/** The plan's lines: the heading, then what it sends, where and at what cost. `key`: as describeKeySource says it. */
export function planLines(plan: JudgePlan, key?: string, words: JudgeWords = ENGLISH_JUDGE_WORDS): JudgeLine[] {
  const d = plan.definition;
  const pairwise = d.protocol.kind === 'pairwise';
  const lines: JudgeLine[] = [
    { text: words.planHeading(d.name, d.protocol.kind, d.model, d.baseURL, d.hash, plan.selection.run) },
    { kind: 'server', text: originOf(d.baseURL) },
    ...(key === undefined ? [] : [{ kind: 'key', text: key } as const]),
    {
      kind: 'requests',
      text: words.planRequests(
        plan.tasks.length,
        plan.cached.length,
        plan.toSend.length,
        plan.previouslyFailed,
        plan.awaitingBatch.length,
      ),
    },
    { kind: 'verdicts', text: words.verdicts(plan.targets, pairwise) },
  ];
  const s = plan.skipped;
  const skipped = (text: string) => lines.push({ kind: 'skipped', text });
  if (s.promptsWithoutText) skipped(words.promptsWithoutText(s.promptsWithoutText));
  if (s.missingResponses) skipped(words.missingResponses(s.missingResponses));
  if (s.missingEarlierTurns) skipped(words.missingEarlierTurns(s.missingEarlierTurns, pairwise));
  if (s.languagesWithoutBaseline.length) skipped(words.languagesWithoutBaseline(s.languagesWithoutBaseline));
  if (plan.toSend.length) {
    const e = plan.estimate;
    lines.push({
      kind: 'cost',
      text: words.planCost(e.onlineUsd, e.batchUsd, e.inputTokens, e.maxOutputTokens, e.maxOnlineUsd),
    });
  }
  return lines;
}

/** The job's outcome: what was answered, failed, spent, and what to do about what is missing. */
export function summaryLines(s: JudgeJobSummary, words: JudgeWords = ENGLISH_JUDGE_WORDS): JudgeLine[] {
  const lines: JudgeLine[] = [
    { text: words.summaryHeading(s.judge, s.judgeHash, s.jobId, s.outcome, s.message) },
    { kind: 'requests', text: words.summaryRequests(s.total, s.cached, s.answered, s.failed) },
    { kind: 'invalid', text: words.invalid(s.invalid) },
    { kind: 'retries', text: words.number(s.retries) },
    { kind: 'tokens', text: words.tokens(s.promptTokens, s.completionTokens) },
    { kind: 'cost', text: words.summaryCost(s.costUsd) },
    { kind: 'time', text: words.seconds(s.elapsedMs) },
  ];
  if (s.leftInBatches) lines.push({ kind: 'waiting', text: words.waiting(s.leftInBatches) });
  for (const f of s.failures) lines.push({ kind: 'failed', text: words.failure(f.count, f.error) });
  if (s.failed > 0 || s.outcome !== 'completed') lines.push({ text: words.runAgain });
  return lines;
}

/** Lines as they are shown: each labelled one with its label. */
export function judgeText(lines: readonly JudgeLine[], words: JudgeWords = ENGLISH_JUDGE_WORDS): string[] {
  return lines.map((l) => (l.kind === undefined ? l.text : words.line(l.kind, l.text)));
}

/** `key`: where the API key comes from, as describeKeySource says it. */
export function describePlan(plan: JudgePlan, key?: string, words: JudgeWords = ENGLISH_JUDGE_WORDS): string[] {
  return judgeText(planLines(plan, key, words), words);
}

export function describeSummary(s: JudgeJobSummary, words: JudgeWords = ENGLISH_JUDGE_WORDS): string[] {
  return judgeText(summaryLines(s, words), words);
}
