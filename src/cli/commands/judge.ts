// `langlens judge`: runs an LLM judge over a run's responses, against OpenAI or any OpenAI-compatible server.
import { parseLanguageInput, type LanguageTag } from '../../core/model/language';
import { loadJudgeDefinition, type JudgeDefinition } from '../../core/judge/definition';
import { KeyOrigins } from '../../core/judge/keyOrigins';
import { approvalMessage, describeKeySource, resolveApiKey, type ResolvedKey } from '../../core/judge/keys';
import { isLocalServer, originOf } from '../../core/judge/servers';
import {
  planJudgeJob,
  runJudgeJob,
  type JudgeJobSummary,
  type JudgePlan,
  type JudgeSelection,
} from '../../core/judge/job';
import { describePlan, describeSummary } from '../../core/judge/describe';
import { BUILT_IN_PRICES, loadPriceTable } from '../../core/judge/prices';
import { describeProgress, type JudgeProgress } from '../../core/judge/progress';
import type { Baseline } from '../../core/judge/tasks';
import { Store } from '../../core/store/store';
import { listOption, wholeNumberOption } from '../tableOptions';
import { UsageError, type Command, type CommandContext } from '../command';

const HELP = `usage: langlens judge --judge FILE [options]

Runs an LLM judge (a definition file, see docs/judges.md) over one run's responses and stores its verdicts
next to imported ones. Requests already answered are never sent again: run the same command again to resume.

  --judge FILE         the judge definition (*.judge.json)
  --run NAME           the run (default: the only run in the database)
  --lang TAG           only this language (repeatable; default: all)
  --system NAME        only this system (repeatable; default: all)
  --baseline NAME      pairwise: compare every system with this one
  --baseline TAG=NAME  pairwise: the baseline of one language, e.g. --baseline es=mono-es (repeatable)
  --all-pairs          pairwise: compare every pair of systems instead
                       (default: the definition's "baseline" or "allPairs", if it has one)
  --seed N             pairwise: the sampling seed compared (default 0); pointwise: only this seed
  --turn N             only this turn (repeatable; default 1); a later turn is judged with the conversation before it
  --limit N            only the first N requests (a pilot)
  --batch              submit through the Batch API (OpenAI; half price, results within 24 h)
  --dry-run            show what would be sent and what it would cost at most, send nothing
  --concurrency N      requests in flight (default: the definition's)
  --max-cost USD       a budget: each request's worst case is reserved before it is sent, so the job never
                       spends more
  --prices FILE        a price table {"model": {"input": USD/1M tokens, "output": USD/1M tokens}}
  --allow-key-for URL  allow the key to go to this server (its origin, e.g. https://api.together.xyz); remembered
                       in your user configuration (key-origins.json), never in the workspace

The API key is read from the environment variable named by the definition's "apiKeyEnv"; without one,
OPENAI_API_KEY, and only for https://api.openai.com. A key goes to any other server only after you allowed that
variable for that server once (--allow-key-for). Servers that need no key work without one. Ctrl-C stops
cleanly: answers received are kept. Exit status: 0 when every request was answered, 1 when some failed, 130 when
stopped.`;

export const judgeCommand: Command = {
  name: 'judge',
  summary: 'run an LLM judge (pairwise both orders, Likert 1-6, 1-3 rating) on a run',
  help: HELP,
  options: {
    judge: { type: 'string' },
    run: { type: 'string' },
    lang: { type: 'string', multiple: true },
    system: { type: 'string', multiple: true },
    baseline: { type: 'string', multiple: true },
    'all-pairs': { type: 'boolean', default: false },
    seed: { type: 'string' },
    turn: { type: 'string', multiple: true },
    limit: { type: 'string' },
    batch: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    concurrency: { type: 'string' },
    'max-cost': { type: 'string' },
    prices: { type: 'string' },
    'allow-key-for': { type: 'string', multiple: true },
  },
  async run(context: CommandContext): Promise<number> {
    const file = (context.values.judge as string | undefined) ?? context.positionals[0];
    if (!file) throw new UsageError('which judge? give --judge FILE');
    const definition = loadJudgeDefinition(file);
    for (const note of definition.notes) context.stderr.write(`${definition.file}: note: ${note}\n`);
    const prices = typeof context.values.prices === 'string' ? loadPriceTable(context.values.prices) : BUILT_IN_PRICES;
    const store = await Store.open(context.db);
    try {
      const selection = await selectionOf(context, store, definition);
      const plan = await planJudgeJob(store, definition, selection, prices);
      const batch = context.values.batch === true;
      const key = keyFor(context, definition);
      const sending = plan.toSend.length + (batch ? plan.awaitingBatch.length : 0) > 0;
      const keyLine = describeKeySource(key, isLocalServer(definition.baseURL));
      if (context.values['dry-run']) return printPlan(context, plan, keyLine);
      if (key.needsApproval && sending) throw new UsageError(approvalMessage(key, definition.file));
      const apiKey = key.needsApproval ? undefined : key.key;
      const bar = context.stderr.isTTY ? new ProgressBar(context.stderr) : undefined;
      if (!context.json) context.stderr.write(`${describePlan(plan, keyLine).join('\n')}\n`);
      const summary = await runJudgeJob(store, plan, {
        via: batch ? 'batch' : 'online',
        ...(apiKey ? { apiKey } : {}),
        signal: context.signal,
        ...(bar ? { onProgress: (p: JudgeProgress) => bar.draw(p) } : {}),
        ...optionalNumber(context, 'concurrency', 'concurrency', 1),
        ...optionalNumber(context, 'max-cost', 'maxCostUsd', 0),
      });
      bar?.finish();
      printSummary(context, summary);
      return summary.outcome === 'cancelled' ? 130 : summary.outcome === 'failed' || summary.failed > 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};

/**
 * The key for the judge's server. `--allow-key-for` allows (and remembers) the key's source for that origin; a key not
 * yet allowed stops the job, unless nothing is to be sent.
 */
function keyFor(context: CommandContext, definition: JudgeDefinition): ResolvedKey {
  const allowed = new KeyOrigins();
  const resolved = resolveApiKey(definition, { env: process.env, allowed });
  const asked = (listOption(context.values['allow-key-for']) ?? []).map((value) => {
    try {
      return originOf(value);
    } catch {
      throw new UsageError(
        `--allow-key-for ${value}: not a URL (give the server's origin, e.g. ${originOf(definition.baseURL)})`,
      );
    }
  });
  const other = asked.filter((origin) => origin !== resolved.origin);
  if (other.length)
    throw new UsageError(`--allow-key-for ${other.join(', ')}: this judge's server is ${resolved.origin}`);
  if (!resolved.needsApproval || asked.length === 0 || !resolved.approvalKey) return resolved;
  allowed.allow(resolved.approvalKey, resolved.origin);
  context.stderr.write(
    `allowed ${resolved.approvalKey.replace(/^env:/, '')} for ${resolved.origin} (remembered in ${allowed.file})\n`,
  );
  return { ...resolved, needsApproval: false };
}

async function selectionOf(
  context: CommandContext,
  store: Store,
  definition: JudgeDefinition,
): Promise<JudgeSelection> {
  const v = context.values;
  const pairwise = definition.protocol.kind === 'pairwise';
  const run = (v.run as string | undefined) ?? (await onlyRun(store));
  const baseline = baselineOf((v.baseline as string[] | undefined) ?? [], v['all-pairs'] === true);
  if (pairwise && !baseline && !definition.baseline) {
    throw new UsageError(
      'a pairwise judge needs --baseline NAME (or TAG=NAME per language) or --all-pairs, or "baseline" / "allPairs" in its file',
    );
  }
  if (!pairwise && baseline) throw new UsageError('--baseline and --all-pairs apply to pairwise judges only');
  const languages = (v.lang as string[] | undefined)?.flatMap((l) => l.split(',')).map(languageOf);
  const systems = (v.system as string[] | undefined)?.flatMap((s) => s.split(','));
  const turns = listOption(v.turn)?.map((t) => wholeNumberOption(t, 'turn', 1)!);
  return {
    run,
    ...(languages ? { languages } : {}),
    ...(systems ? { systems } : {}),
    ...(baseline ? { baseline } : {}),
    ...(typeof v.seed === 'string' ? { seed: wholeNumberOption(v.seed, 'seed', 0)! } : {}),
    ...(turns ? { turns } : {}),
    ...(typeof v.limit === 'string' ? { limit: wholeNumberOption(v.limit, 'limit', 1)! } : {}),
  };
}

async function onlyRun(store: Store): Promise<string> {
  const runs = await store.runs();
  if (runs.length === 1) return runs[0]!;
  throw new UsageError(
    runs.length === 0
      ? 'the database has no runs: import outputs first (langlens import)'
      : `which run? give --run (runs: ${runs.join(', ')})`,
  );
}

function baselineOf(values: readonly string[], allPairs: boolean): Baseline | undefined {
  if (allPairs && values.length) throw new UsageError('give either --baseline or --all-pairs, not both');
  if (allPairs) return { kind: 'all-pairs' };
  if (values.length === 0) return undefined;
  const perLanguage = values.filter((v) => v.includes('='));
  if (perLanguage.length === 0 && values.length === 1) return { kind: 'system', system: values[0]! };
  if (perLanguage.length !== values.length)
    throw new UsageError('give one --baseline NAME, or --baseline TAG=NAME for each language');
  const systems = new Map<string, string>();
  for (const value of perLanguage) {
    const [tag, system] = [value.slice(0, value.indexOf('=')), value.slice(value.indexOf('=') + 1)];
    if (!system) throw new UsageError(`--baseline ${value}: no system after "="`);
    systems.set(languageOf(tag), system);
  }
  return { kind: 'per-language', systems };
}

function languageOf(raw: string): LanguageTag {
  const tag = parseLanguageInput(raw);
  if (!tag) throw new UsageError(`"${raw}" is not a language tag (e.g. es, pt-BR, zh-Hans)`);
  return tag;
}

function optionalNumber(context: CommandContext, option: string, key: string, min: number): Record<string, number> {
  const raw = context.values[option];
  if (typeof raw !== 'string') return {};
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min)
    throw new UsageError(`--${option} must be a number of at least ${min} (got "${raw}")`);
  return { [key]: n };
}

function printPlan(context: CommandContext, plan: JudgePlan, keyLine: string): number {
  if (context.json) {
    context.stdout.write(
      JSON.stringify(
        {
          judge: plan.definition.name,
          judgeHash: plan.definition.hash,
          run: plan.selection.run,
          server: originOf(plan.definition.baseURL),
          key: keyLine,
          requests: plan.tasks.length,
          cached: plan.cached.length,
          toSend: plan.toSend.length,
          awaitingBatch: plan.awaitingBatch.length,
          previouslyFailed: plan.previouslyFailed,
          verdicts: plan.targets,
          skipped: plan.skipped,
          estimate: plan.estimate,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    context.stdout.write(`${describePlan(plan, keyLine).join('\n')}\n(dry run: nothing was sent)\n`);
  }
  return 0;
}

function printSummary(context: CommandContext, s: JudgeJobSummary): void {
  if (context.json) {
    context.stdout.write(JSON.stringify(s, null, 2) + '\n');
    return;
  }
  context.stdout.write(describeSummary(s).join('\n') + '\n');
}

/** One line redrawn in place on a terminal: a bar and the figures of describeProgress. */
class ProgressBar {
  private drawn = false;
  constructor(private readonly stream: NodeJS.WriteStream) {}

  draw(p: JudgeProgress): void {
    const width = 24;
    const share = p.total === 0 ? 1 : p.done / p.total;
    const filled = Math.round(share * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${describeProgress(p)}`;
    const columns = this.stream.columns ?? 120;
    this.stream.write(`\r\x1b[K${line.slice(0, columns - 1)}`);
    this.drawn = true;
  }

  finish(): void {
    if (this.drawn) this.stream.write('\n');
  }
}
