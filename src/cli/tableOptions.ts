// The options every table-producing command shares: filters, grouping, invalid answers, intervals.
import { DEFAULT_INTERVALS } from '../core/metrics/estimate';
import { parseGroupFields } from '../core/metrics/grouping';
import type { TableOptions } from '../core/report/tableSource';
import { UsageError, type CommandContext, type OptionSpec } from './command';

export const TABLE_OPTION_SPEC: OptionSpec = {
  run: { type: 'string' },
  lang: { type: 'string', multiple: true },
  turn: { type: 'string', multiple: true },
  judge: { type: 'string', multiple: true },
  annotators: { type: 'string' },
  by: { type: 'string' },
  'invalid-as': { type: 'string' },
  seed: { type: 'string' },
  resamples: { type: 'string' },
  level: { type: 'string' },
  'no-ci': { type: 'boolean', default: false },
  'min-items': { type: 'string' },
  baseline: { type: 'string' },
  system: { type: 'string', multiple: true },
  gold: { type: 'string' },
  criterion: { type: 'string', multiple: true },
  'as-of': { type: 'string' },
  round: { type: 'string' },
  'mul-gate': { type: 'string' },
  task: { type: 'string' },
};

export const TABLE_OPTION_HELP = `filters and settings:
  --run NAME            one run (default: all)
  --lang CODE           languages, repeatable or comma-separated (default: all)
  --turn N              turns of multi-turn data, repeatable (default: all)
  --judge NAME          judges, repeatable (default: all)
  --annotators PATTERN  annotators by pattern, e.g. "expert_*" or "*,!author_*" (default: all)
  --system PATTERN      systems by name or pattern, e.g. "mono-*" or "*,!multi-*", repeatable (default: all)
  --criterion NAME      criteria, repeatable or comma-separated; "" for ratings without one (default: all)
  --by FIELDS           break down by lang, turn, run, system, criterion, comma-separated (default: lang, and
                        run, turn and criterion wherever the data has several; "" for one row)
  --as-of TIME          human labels as they stood at an ISO 8601 time (labels are append-only)
  --round N             human labels of round N or earlier (labels without a round are round 1)
  --invalid-as MODE     unparsable judge answers: exclude (default; counted), tie, or wrong (an error against the
                        reference verdict: judge-accuracy, agreement)
  --no-ci               skip bootstrap confidence intervals
  --seed N              bootstrap seed (default ${DEFAULT_INTERVALS.seed}); the same seed gives the same intervals
  --resamples N         bootstrap resamples (default ${DEFAULT_INTERVALS.resamples})
  --level P             interval coverage (default ${DEFAULT_INTERVALS.level})
  --min-items N         kappa: leave out rater pairs sharing fewer items (default 30)
  --baseline SYSTEM     side-by-side scores: the baseline system, or a pattern like "mono-{lang}"
  --gold G              the known answers: adjudicated (the lead's adjudicated labels), gold (imported gold
                        labels) or known (both, adjudicated first); judge-accuracy also takes an annotator's
                        name (default there: the human majority; annotator-scores: known)
  --mul-gate MODE       language gate on mixed answers ("mul"): keep (default; the judge's score stands) or mismatch
  --task T              disagreements, annotator-scores: pairwise (default) items, or rating: rated responses`;

/** A repeatable or comma-separated option as a list; undefined when absent or empty. */
export function listOption(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value : [value])
    .flatMap((v) => String(v).split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

/** A whole-number option of at least min; undefined when absent. */
export function wholeNumberOption(value: unknown, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min)
    throw new UsageError(`--${name} takes a whole number of at least ${min}, not "${value}"`);
  return n;
}

export function tableOptions(context: CommandContext): TableOptions {
  const v = context.values;
  const invalidAs = (v['invalid-as'] as string | undefined) ?? 'exclude';
  if (invalidAs !== 'exclude' && invalidAs !== 'tie' && invalidAs !== 'wrong') {
    throw new UsageError(
      `--invalid-as is "exclude", "tie" or "wrong" (judge-accuracy and agreement only), not "${invalidAs}"`,
    );
  }
  const mixedLanguage = (v['mul-gate'] as string | undefined) ?? 'keep';
  if (mixedLanguage !== 'keep' && mixedLanguage !== 'mismatch')
    throw new UsageError(`--mul-gate is "keep" or "mismatch", not "${mixedLanguage}"`);
  const task = v.task as string | undefined;
  if (task !== undefined && task !== 'rating' && task !== 'pairwise')
    throw new UsageError(`--task is rating or pairwise, not "${task}"`);
  const level = v.level === undefined ? DEFAULT_INTERVALS.level : Number(v.level);
  if (!(level > 0 && level < 1)) throw new UsageError(`--level is a coverage between 0 and 1, such as 0.95`);
  const turns = listOption(v.turn)?.map((t) => wholeNumberOption(t, 'turn', 1)!);
  let by;
  try {
    by = parseGroupFields((v.by as string | undefined) ?? 'lang');
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const asOf = v['as-of'] === undefined ? undefined : Date.parse(String(v['as-of']));
  if (asOf !== undefined && !Number.isFinite(asOf))
    throw new UsageError(`--as-of takes an ISO 8601 time such as 2024-06-01T12:00:00Z, not "${v['as-of']}"`);
  const criteria =
    v.criterion === undefined
      ? undefined
      : (Array.isArray(v.criterion) ? v.criterion : [v.criterion])
          .flatMap((c) => String(c).split(','))
          .map((c) => c.trim());
  const languages = listOption(v.lang);
  const judges = listOption(v.judge);
  const systems = listOption(v.system);
  return {
    ...(v.run !== undefined ? { run: String(v.run) } : {}),
    ...(languages ? { languages } : {}),
    ...(turns ? { turns } : {}),
    ...(judges ? { judges } : {}),
    ...(systems ? { systems } : {}),
    ...(v.annotators !== undefined ? { annotators: String(v.annotators) } : {}),
    ...(v.baseline !== undefined ? { baseline: String(v.baseline) } : {}),
    ...(v.gold !== undefined ? { gold: String(v.gold) } : {}),
    ...(task !== undefined ? { task } : {}),
    by,
    ...(v.by === undefined ? { byDefault: true } : {}),
    ...(criteria ? { criteria } : {}),
    ...(asOf !== undefined ? { asOf: new Date(asOf).toISOString() } : {}),
    ...(v.round !== undefined ? { round: wholeNumberOption(v.round, 'round', 1)! } : {}),
    invalidAs,
    mixedLanguage,
    minItems: wholeNumberOption(v['min-items'], 'min-items', 1) ?? 30,
    ...(v['no-ci']
      ? {}
      : {
          intervals: {
            seed: wholeNumberOption(v.seed, 'seed', 0) ?? DEFAULT_INTERVALS.seed,
            resamples: wholeNumberOption(v.resamples, 'resamples', 10) ?? DEFAULT_INTERVALS.resamples,
            level,
          },
        }),
  };
}
