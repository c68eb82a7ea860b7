// A job's plan and outcome in words, the same in the terminal, the editor's messages and its log.
import type { JudgeJobSummary, JudgePlan } from './job';
import { formatUsd } from './prices';
import { originOf } from './servers';

const n = (value: number) => value.toLocaleString('en-US');

/** `key`: where the API key comes from, as describeKeySource says it. */
export function describePlan(plan: JudgePlan, batchHint = 'with --batch', key?: string): string[] {
  const d = plan.definition;
  const lines = [
    `judge ${d.name} (${d.protocol.kind}, ${d.model} at ${d.baseURL}, hash ${d.hash}) on run "${plan.selection.run}"`,
    `  server    ${originOf(d.baseURL)}`,
    ...(key === undefined ? [] : [`  key       ${key}`]),
    `  requests  ${n(plan.tasks.length)}: ${n(plan.cached.length)} already answered, ${n(plan.toSend.length)} to send` +
      `${plan.previouslyFailed ? ` (${n(plan.previouslyFailed)} failed before)` : ''}` +
      `${plan.awaitingBatch.length ? `, ${n(plan.awaitingBatch.length)} waiting in a batch` : ''}`,
    `  verdicts  ${n(plan.targets)}${d.protocol.kind === 'pairwise' ? ' (each pair in both orders)' : ''}`,
  ];
  const s = plan.skipped;
  if (s.promptsWithoutText)
    lines.push(`  skipped   ${n(s.promptsWithoutText)} prompts without text (import the prompts file)`);
  if (s.missingResponses) lines.push(`  skipped   ${n(s.missingResponses)} pairs with a missing response`);
  if (s.missingEarlierTurns)
    lines.push(
      `  skipped   ${n(s.missingEarlierTurns)} later-turn ${d.protocol.kind === 'pairwise' ? 'pairs' : 'responses'} whose earlier turns were not imported`,
    );
  if (s.languagesWithoutBaseline.length)
    lines.push(`  skipped   languages without a baseline: ${s.languagesWithoutBaseline.join(', ')}`);
  if (plan.toSend.length) {
    lines.push(
      `  cost      ~${formatUsd(plan.estimate.onlineUsd)} now, ~${formatUsd(plan.estimate.batchUsd)} ${batchHint} ` +
        `(~${n(plan.estimate.inputTokens)} input tokens, ≤ ${n(plan.estimate.maxOutputTokens)} output); ` +
        `at most ${formatUsd(plan.estimate.maxOnlineUsd)} now`,
    );
  }
  return lines;
}

export function describeSummary(s: JudgeJobSummary, batchHint = 'with --batch'): string[] {
  const lines = [
    `${s.judge} (hash ${s.judgeHash}), job ${s.jobId}: ${s.outcome}${s.message ? `: ${s.message}` : ''}`,
    `  requests  ${n(s.total)}: ${n(s.cached)} already answered, ${n(s.answered)} answered now, ${n(s.failed)} failed`,
    `  invalid   ${n(s.invalid)} answers with no readable verdict (kept with their raw text)`,
    `  retries   ${n(s.retries)}`,
    `  tokens    ${n(s.promptTokens)} in, ${n(s.completionTokens)} out`,
    `  cost      ${formatUsd(s.costUsd)} (this job, estimated from the price table)`,
    `  time      ${(s.elapsedMs / 1000).toFixed(1)} s`,
  ];
  if (s.leftInBatches)
    lines.push(`  waiting   ${n(s.leftInBatches)} requests are in a batch: run again ${batchHint} to collect them`);
  for (const f of s.failures) lines.push(`  failed    ${n(f.count)} × ${f.error}`);
  if (s.failed > 0 || s.outcome !== 'completed')
    lines.push('Run the judge again to send what is missing; nothing answered is sent twice.');
  return lines;
}
