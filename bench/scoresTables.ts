// `npm run bench` part: every bootstrapped `langlens scores` table computed from the rows the store returns, at 4×
// Shaham et al.'s run (12 languages × 2,468 prompts × 12 systems), 1,000 resamples, each timed next to the same
// table without intervals in the same run (the ratio is what the bootstrap adds). The rows are generated in
// process (the whole-database tier, `--scale`, times the CLI on a generated database, loading included). Run alone
// with `npx tsx bench/scoresTables.ts [SCALE]`.
import { loadavg } from 'node:os';
import type { IntervalSettings } from '../src/core/metrics/estimate';
import {
  ioAgreement,
  judgeConsistency,
  languageIdSums,
  likertMeans,
  mtBenchScores,
  parseBaseline,
  sideBySideScores,
  type JudgedPair,
} from '../src/core/metrics/scores';
import { createRandom, type Random } from '../src/core/metrics/stats';
import type { LanguageTag } from '../src/core/model/language';
import type { PairVerdict, PresentationOrder } from '../src/core/model/records';
import {
  instructionFollowingMatrix,
  ioAgreementTable,
  judgeConsistencyTable,
  languageIdTable,
  likertTable,
  mtBenchScoreTable,
  sideBySideTable,
} from '../src/core/report/scoreTables';
import type { Table } from '../src/core/report/table';
import type { ResponseLanguage } from '../src/core/languages/effectiveLanguage';
import type { ResponseKeyRow } from '../src/core/store/languageQueries';
import type { PointwiseScoreRow } from '../src/core/store/scoreQueries';

const LANGUAGES = ['ar', 'de', 'en', 'es', 'fi', 'fr', 'he', 'hi', 'ja', 'ru', 'sw', 'zh'] as const;
const PROMPTS_AT_1X = 617;
const SYSTEMS = Array.from({ length: 12 }, (_, i) => (i === 0 ? 'baseline' : `system-${i}`));
const INTERVALS: IntervalSettings = { resamples: 1000, seed: 20240101, level: 0.95 };
const TARGET_SECONDS = 3;

/** A response's key and language: mostly the prompt's, English for some, undetermined for a few. */
type ResponseDraft = ResponseKeyRow & { readonly effective: LanguageTag | null };

interface ScoreData {
  readonly pairs: JudgedPair[];
  readonly responses: ResponseDraft[];
  readonly likert: PointwiseScoreRow[];
  readonly mtBench: PointwiseScoreRow[];
  readonly rating3: PointwiseScoreRow[];
}

function verdict(rng: Random, strength: number): PairVerdict {
  const x = rng.nextFloat();
  if (x < 0.01) return 'invalid';
  return x < 0.45 + strength ? 'A' : x < 0.8 ? 'B' : 'tie';
}

/**
 * Every system against the baseline in both orders, and one response per system and prompt, each scored; only
 * the `wanted` rows are kept (the same rows whatever is wanted), so that the heap holds one table's data, as the
 * CLI's does.
 */
export function generateScoreRows(scale: number, wanted: keyof ScoreData, seed = 11): ScoreData {
  const rng = createRandom(seed);
  const data: ScoreData = { pairs: [], responses: [], likert: [], mtBench: [], rating3: [] };
  const prompts = PROMPTS_AT_1X * scale;
  for (const lang of LANGUAGES) {
    for (let p = 0; p < prompts; p++) {
      const group = `p${p}`;
      for (const [s, system] of SYSTEMS.entries()) {
        const r = rng.nextFloat();
        const effective = (r < 0.85 ? lang : r < 0.97 ? 'en' : null) as LanguageTag | null;
        const response = { run: 'bench', group, lang: lang as LanguageTag, turn: 1, system, seed: 0, effective };
        if (wanted === 'responses') data.responses.push(response);
        const score = (scaleName: string, min: number, max: number, value: number): PointwiseScoreRow => ({
          ...response,
          judge: 'judge',
          judgeHash: '',
          criterion: '',
          scale: scaleName,
          scaleMin: min,
          scaleMax: max,
          score: rng.nextFloat() < 0.01 ? null : value,
          source: effective === null ? null : 'detector',
        });
        const likert = score('likert-6', 1, 6, 1 + rng.nextInt(6));
        const mtBench = score('mt-bench-10', 1, 10, 1 + rng.nextInt(10));
        const rating3 = score('rating-3', 1, 3, 1 + rng.nextInt(3));
        if (wanted === 'likert') data.likert.push(likert);
        if (wanted === 'mtBench') data.mtBench.push(mtBench);
        if (wanted === 'rating3') data.rating3.push(rating3);
        if (s === 0) continue;
        const orders: { order: PresentationOrder; verdict: PairVerdict }[] = [
          { order: 'AB', verdict: verdict(rng, s / 100) },
          { order: 'BA', verdict: verdict(rng, s / 100) },
        ];
        if (wanted === 'pairs')
          data.pairs.push({
            run: 'bench',
            group,
            lang: lang as LanguageTag,
            turn: 1,
            systemA: 'baseline',
            systemB: system,
            judge: 'judge',
            orders,
          });
      }
    }
  }
  return data;
}

const outcomeOf = (r: ResponseDraft) =>
  r.effective === null
    ? ('undetermined' as const)
    : r.effective === r.lang
      ? ('match' as const)
      : ('mismatch' as const);

function responseLanguages(data: ScoreData): ResponseLanguage[] {
  return data.responses.map((r) => ({
    ...r,
    source: r.effective === null ? null : 'detector',
    detected: r.effective,
    confidence: 0.9,
    reason: null,
    detector: 'bench',
    human: null,
    annotator: null,
    humanLanguages: 0,
    flaggedBy: null,
    excerpt: '',
    outcome: outcomeOf(r),
  }));
}

type Build = (data: ScoreData, intervals?: IntervalSettings) => Table;
const baseline = parseBaseline('baseline');
const only = (i?: IntervalSettings) => (i ? { intervals: i } : {});

/** Each table as `langlens scores` builds it once its rows are loaded, and the rows it needs. */
const TABLES: Record<string, { rows: keyof ScoreData; build: Build }> = {
  sxs: {
    rows: 'pairs',
    build: (d, i) =>
      sideBySideTable(sideBySideScores(d.pairs, { baseline, invalidAs: 'exclude', ...only(i) }), 'baseline', i),
  },
  'if-matrix': {
    rows: 'pairs',
    build: (d, i) =>
      instructionFollowingMatrix(
        sideBySideScores(d.pairs, { baseline, invalidAs: 'exclude', ...only(i) }),
        'baseline',
        i,
      ),
  },
  'judge-consistency': {
    rows: 'pairs',
    build: (d, i) => judgeConsistencyTable(judgeConsistency(d.pairs, { invalidAs: 'exclude', ...only(i) }), i),
  },
  likert: { rows: 'likert', build: (d, i) => likertTable(likertMeans(d.likert, only(i)), i) },
  'mt-bench': { rows: 'mtBench', build: (d, i) => mtBenchScoreTable(mtBenchScores(d.mtBench, only(i)), i) },
  rating3: { rows: 'rating3', build: (d, i) => languageIdTable(languageIdSums(d.rating3, only(i)), i) },
  'io-agreement': {
    rows: 'responses',
    build: (d, i) => ioAgreementTable(ioAgreement(responseLanguages(d), only(i)), i),
  },
};

/** Wall and CPU seconds of one build (CPU time is steadier on a shared machine). */
function timed(run: () => Table): { seconds: number; cpu: number; rows: number } {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const table = run();
  const used = process.cpuUsage(cpu);
  return {
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpu: (used.user + used.system) / 1e6,
    rows: table.rows.length,
  };
}

export async function benchScoresTables(scale = 4): Promise<void> {
  const pairs = SYSTEMS.length - 1;
  console.log(
    `\n## Scores tables at ${scale}×: ${LANGUAGES.length} languages × ${(PROMPTS_AT_1X * scale).toLocaleString('en')} prompts × ${SYSTEMS.length} systems (${(LANGUAGES.length * PROMPTS_AT_1X * scale * pairs).toLocaleString('en')} judged pairs, ${(LANGUAGES.length * PROMPTS_AT_1X * scale * SYSTEMS.length).toLocaleString('en')} scores per scale), ${INTERVALS.resamples} resamples, from the loaded rows to the table`,
  );
  console.log(
    `(load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')})`,
  );
  console.log('| table | rows | with intervals (CPU) | without (CPU) | ratio (CPU) | target | ratio to target |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [id, { rows, build }] of Object.entries(TABLES)) {
    const data = generateScoreRows(scale, rows);
    build(data); // warm-up: the first run compiles
    const plain = timed(() => build(data));
    const full = timed(() => build(data, INTERVALS));
    const toTarget = full.seconds / TARGET_SECONDS;
    const both = (t: { seconds: number; cpu: number }) => `${t.seconds.toFixed(2)} s (${t.cpu.toFixed(2)} s)`;
    console.log(
      `| ${id} | ${full.rows} | ${both(full)} | ${both(plain)} | ${(full.seconds / plain.seconds).toFixed(1)} (${(full.cpu / plain.cpu).toFixed(1)}) | ≤ ${TARGET_SECONDS} s | ${toTarget.toFixed(2)}${toTarget <= 1 ? '' : ' MISSED'} |`,
    );
  }
}

if (require.main === module) {
  benchScoresTables(Number(process.argv[2] ?? 4)).catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
