// A judge job's plan and summary (src/core/judge/describe.ts) and where its key comes from, in VS Code's display
// language, for the Run Judge confirmation, its messages and its log: one l10n.t with a literal per text, so that
// scripts/l10n-extract.mjs finds them; counts written as the display language writes numbers. No vscode import, so
// the unit tests run it; the CLI keeps ENGLISH_JUDGE_WORDS.
import type { JudgeLineKind, JudgeWords } from '../../core/judge/describe';
import type { ResolvedKey } from '../../core/judge/keys';
import { formatUsd } from '../../core/judge/prices';
import type { JudgeProgress } from '../../core/judge/progress';
import type { JudgeJobOutcome } from '../../core/store/judgeRequests';
import type { DisplayLanguage } from '../displayLanguage';

/** A cost in dollars as the editor shows it ("$0.12"), in words when the model's price is not known. */
export function usdText(l10n: DisplayLanguage, amount: number | undefined): string {
  return amount === undefined ? l10n.t('cost unknown') : formatUsd(amount);
}

export function judgeWords(l10n: DisplayLanguage): JudgeWords {
  const n = (value: number) => l10n.number(value);
  const usd = (amount: number | undefined) => usdText(l10n, amount);
  const labels: Record<JudgeLineKind, string> = {
    server: l10n.t('Server'),
    key: l10n.t('API key'),
    requests: l10n.t('Requests'),
    verdicts: l10n.t('Verdicts'),
    skipped: l10n.t('Skipped'),
    cost: l10n.t('Cost'),
    invalid: l10n.t('Invalid'),
    retries: l10n.t('Retries'),
    tokens: l10n.t('Tokens'),
    time: l10n.t('Time'),
    waiting: l10n.t('Waiting'),
    failed: l10n.t('Failed'),
  };
  const outcomes: Record<JudgeJobOutcome, string> = {
    completed: l10n.t('completed'),
    cancelled: l10n.t('cancelled'),
    failed: l10n.t('failed'),
  };
  return {
    line: (kind, text) => l10n.t('{0}: {1}', labels[kind], text),
    number: n,
    planHeading: (name, protocol, model, baseURL, hash, run) =>
      l10n.t('Judge {0} ({1}, {2} at {3}, hash {4}) on run "{5}"', name, protocol, model, baseURL, hash, run),
    planRequests: (total, cached, toSend, failedBefore, waiting) => {
      const sent = l10n.t('{0}: {1} already answered, {2} to send', n(total), n(cached), n(toSend));
      const failed = failedBefore ? l10n.t('{0} ({1} failed before)', sent, n(failedBefore)) : sent;
      return waiting ? l10n.t('{0}, {1} waiting in a batch', failed, n(waiting)) : failed;
    },
    verdicts: (targets, pairwise) => (pairwise ? l10n.t('{0} (each pair in both orders)', n(targets)) : n(targets)),
    promptsWithoutText: (count) => l10n.t('{0} prompts without text (import the prompts file)', n(count)),
    missingResponses: (count) => l10n.t('{0} pairs with a missing response', n(count)),
    missingEarlierTurns: (count, pairwise) =>
      pairwise
        ? l10n.t('{0} later-turn pairs whose earlier turns were not imported', n(count))
        : l10n.t('{0} later-turn responses whose earlier turns were not imported', n(count)),
    languagesWithoutBaseline: (languages) =>
      l10n.t('languages without a baseline: {0}', languages.map((tag) => l10n.language(tag).name).join(', ')),
    planCost: (online, batch, inputTokens, maxOutputTokens, maxOnline) =>
      l10n.t(
        '~{0} now, ~{1} through the Batch API (~{2} input tokens, ≤ {3} output); at most {4} now',
        usd(online),
        usd(batch),
        n(inputTokens),
        n(maxOutputTokens),
        usd(maxOnline),
      ),
    summaryHeading: (judge, hash, jobId, outcome, message) =>
      message
        ? l10n.t('{0} (hash {1}), job {2}: {3}: {4}', judge, hash, String(jobId), outcomes[outcome], message)
        : l10n.t('{0} (hash {1}), job {2}: {3}', judge, hash, String(jobId), outcomes[outcome]),
    summaryRequests: (total, cached, answered, failed) =>
      l10n.t('{0}: {1} already answered, {2} answered now, {3} failed', n(total), n(cached), n(answered), n(failed)),
    invalid: (count) => l10n.t('{0} answers with no readable verdict (kept with their raw text)', n(count)),
    tokens: (input, output) => l10n.t('{0} in, {1} out', n(input), n(output)),
    summaryCost: (amount) => l10n.t('{0} (this job, estimated from the price table)', usd(amount)),
    seconds: (elapsedMs) => l10n.t('{0} s', l10n.number(elapsedMs / 1000, 1)),
    waiting: (count) =>
      l10n.t('{0} requests are in a batch: run the judge again through the Batch API to collect them', n(count)),
    failure: (count, error) => l10n.t('{0} × {1}', n(count), error),
    runAgain: l10n.t('Run the judge again to send what is missing; nothing answered is sent twice.'),
  };
}

/** Where the job's API key comes from (describeKeySource's, in the display language). */
export function keySourceText(l10n: DisplayLanguage, resolved: ResolvedKey, local: boolean): string {
  const s = resolved.source;
  if (s.kind === 'secret') return l10n.t('the key stored for {0} (LangLens: Set API Key)', s.origin);
  if (s.kind === 'env')
    return resolved.needsApproval
      ? l10n.t('environment variable {0} (not yet allowed for {1})', s.name, resolved.origin)
      : l10n.t('environment variable {0}', s.name);
  return local ? l10n.t('none (a local server needs none)') : l10n.t('none: no key is sent');
}

/** The progress notification's line (describeProgress's, in the display language): done / total, rate, errors, cost. */
export function progressText(l10n: DisplayLanguage, p: JudgeProgress): string {
  const n = (value: number) => l10n.number(value);
  const parts = [l10n.t('{0} / {1}', n(p.done), n(p.total))];
  if (p.phase === 'waiting-for-batch') {
    const completed = p.batches.reduce((sum, b) => sum + b.completed, 0);
    const total = p.batches.reduce((sum, b) => sum + b.total, 0);
    const statuses = [...new Set(p.batches.map((b) => b.status))].join(', ');
    parts.push(l10n.t('batch {0} / {1} ({2})', n(completed), n(total), statuses));
  } else parts.push(l10n.t('{0} req/s', l10n.number(p.requestsPerSecond, 1)));
  parts.push(p.failed === 1 ? l10n.t('1 error') : l10n.t('{0} errors', n(p.failed)));
  if (p.invalid > 0) parts.push(l10n.t('{0} invalid', n(p.invalid)));
  if (p.retries > 0) parts.push(l10n.t('{0} retries', n(p.retries)));
  parts.push(usdText(l10n, p.costUsd));
  if (p.phase === 'stopping') parts.push(l10n.t('stopping: {0} in flight', n(p.inFlight)));
  return parts.join(' · ');
}
