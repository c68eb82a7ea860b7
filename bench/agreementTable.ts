// `npm run bench` part: the full agreement table (protocols.md §3) over 10,000 human labels, every figure with a
// 1,000-resample bootstrap interval over prompt groups, timed next to a Python reference (numpy / sklearn /
// statsmodels from Debian, bench/reference/agreement_table.py) computing the same figures on the same labels in
// the same run. Run alone with `npx tsx bench/agreementTable.ts`.
//
// The table: per language, judge–human and human–human agreement with and without ties and the LIMA score; Cohen's
// kappa of every two raters; the judge against the human majority (accuracy, macro P / R / F1, kappa); and the
// chance-corrected rows (Fleiss' kappa, Krippendorff's alpha, Cohen's kappa, leave-one-out). Timed from the rows
// the store returns (the SQL is the import benchmark's business) to the finished tables.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPairwiseItems, judgeVsMajority, raterAgreement, raterKappa } from '../src/core/metrics/agreement';
import { chanceCorrectedAgreement, pairwiseUnits } from '../src/core/metrics/chanceCorrected';
import type { Estimate, IntervalSettings } from '../src/core/metrics/estimate';
import { createRandom, type Random } from '../src/core/metrics/stats';
import type { LanguageTag } from '../src/core/model/language';
import type { PairVerdict } from '../src/core/model/records';
import { agreementTable, majorityTable, raterKappaTable } from '../src/core/report/agreementTables';
import { chanceCorrectedTable } from '../src/core/report/scoreTables';
import type { HumanPairwiseRow, JudgeVerdictRow } from '../src/core/store/store';

const LANGUAGES = ['en', 'es', 'he', 'ru', 'zh'] as const;
const GROUPS = 250;
const PAIRS_PER_PROMPT = 4; // a baseline against four systems
const ANNOTATORS_PER_LANGUAGE = 3; // each item labelled by two of them: missing labels
const INTERVALS: IntervalSettings = { resamples: 1000, seed: 20240101, level: 0.95 };
const MIN_ITEMS = 30;
const ROUNDS = 5;
const PYTHON = '/usr/bin/python3';

interface BenchData {
  readonly judgeRows: JudgeVerdictRow[];
  readonly humanRows: HumanPairwiseRow[];
  /** The same labels for the Python reference. */
  readonly items: { lang: string; group: string; judge: string | null; humans: Record<string, string> }[];
}

function verdictOf(difference: number, noise: number, rng: Random): Exclude<PairVerdict, 'invalid'> {
  const d = difference + noise * gaussian(rng);
  return d > 0.4 ? 'A' : d < -0.4 ? 'B' : 'tie';
}

function gaussian(rng: Random): number {
  return Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
}

/** 5 languages × 250 prompt groups × 4 pairs = 5,000 items, 2 human labels each (10,000), 1 judge verdict each. */
export function generateLabels(seed = 7): BenchData {
  const rng = createRandom(seed);
  const data: BenchData = { judgeRows: [], humanRows: [], items: [] };
  for (let g = 0; g < GROUPS; g++) {
    const group = `g${String(g).padStart(3, '0')}`;
    for (const lang of LANGUAGES) {
      const annotators = Array.from({ length: ANNOTATORS_PER_LANGUAGE }, (_, i) => `${lang}-a${i + 1}`);
      for (let p = 1; p <= PAIRS_PER_PROMPT; p++) {
        const key = { run: 'bench', group, lang: lang as LanguageTag, turn: 1, systemA: 'base', systemB: `s${p}` };
        const difference = gaussian(rng);
        const left = rng.nextInt(ANNOTATORS_PER_LANGUAGE);
        const humans: Record<string, string> = {};
        for (const annotator of annotators.filter((_, i) => i !== left)) {
          const verdict = verdictOf(difference, 0.6, rng);
          humans[annotator] = verdict;
          data.humanRows.push({ ...key, annotator, verdict, order: 'AB' });
        }
        const verdict: PairVerdict = rng.nextFloat() < 0.02 ? 'invalid' : verdictOf(difference, 0.9, rng);
        data.judgeRows.push({ ...key, judge: 'pj', judgeHash: '', order: 'combined', verdict, raw: null });
        data.items.push({ lang, group, judge: verdict === 'invalid' ? null : verdict, humans });
      }
    }
  }
  return data;
}

/** Everything `langlens agreement` and `langlens scores chance-pairwise` compute, from rows to tables. */
export function fullTable(data: BenchData) {
  const items = buildPairwiseItems(data.judgeRows, data.humanRows);
  const by = ['lang'] as const;
  const agreement = raterAgreement(items, { by, invalidAs: 'exclude', intervals: INTERVALS });
  const kappa = raterKappa(items, { by, invalidAs: 'exclude', minItems: MIN_ITEMS, intervals: INTERVALS });
  const majority = judgeVsMajority(items, { by, invalidAs: 'exclude', intervals: INTERVALS });
  const units = pairwiseUnits(items, 'exclude');
  const chance = chanceCorrectedAgreement(units.units, units.scale, { by, minItems: MIN_ITEMS, intervals: INTERVALS });
  const tables = [
    agreementTable(agreement, by, INTERVALS),
    raterKappaTable(kappa, by, MIN_ITEMS, INTERVALS),
    majorityTable(majority, by, 'exclude', INTERVALS),
    chanceCorrectedTable('chance-pairwise', chance, units, by, MIN_ITEMS, INTERVALS),
  ];
  return { agreement, kappa, majority, chance, tables };
}

/** The figures keyed as the Python reference keys them. */
function figuresOf(result: ReturnType<typeof fullTable>): Map<string, Estimate> {
  const out = new Map<string, Estimate>();
  for (const r of result.agreement) {
    const kind = r.kind === 'judge-human' ? 'jh' : 'hh';
    out
      .set(`${r.group.lang}|${kind}|withTie`, r.withTie)
      .set(`${r.group.lang}|${kind}|withoutTie`, r.withoutTie)
      .set(`${r.group.lang}|${kind}|lima`, r.lima);
  }
  for (const r of result.kappa.rows) {
    const [a, b] = [r.raterA, r.raterB].sort((x, y) => (x < y ? -1 : 1));
    out
      .set(`${r.group.lang}|kappa|${a}|${b}|kappa`, r.kappa)
      .set(`${r.group.lang}|kappa|${a}|${b}|agreement`, r.agreement);
  }
  for (const r of result.majority) {
    const lang = r.group.lang;
    out
      .set(`${lang}|majority|accuracy`, r.accuracy)
      .set(`${lang}|majority|precision`, r.macroPrecision)
      .set(`${lang}|majority|recall`, r.macroRecall)
      .set(`${lang}|majority|f1`, r.macroF1)
      .set(`${lang}|majority|kappa`, r.kappa);
  }
  for (const r of result.chance.rows) {
    const key = `${r.group.lang}|cc|${r.comparison}`;
    out
      .set(`${key}|agreement`, r.agreement)
      .set(`${key}|fleiss`, r.fleiss)
      .set(`${key}|alpha_nominal`, r.alpha.nominal!);
    if (Number.isFinite(r.cohen.value)) out.set(`${key}|cohen`, r.cohen);
  }
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Reference {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly figures: Record<string, { value: number | null; interval: [number | null, number | null] }>;
}

function runReference(data: BenchData): Reference {
  const folder = mkdtempSync(join(tmpdir(), 'langlens-bench-agreement-'));
  try {
    const file = join(folder, 'labels.json');
    writeFileSync(file, JSON.stringify({ seed: INTERVALS.seed, items: data.items }));
    const run = spawnSync(PYTHON, [join(__dirname, 'reference', 'agreement_table.py'), file, String(ROUNDS)], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    if (run.status !== 0)
      throw new Error(`the Python reference failed (${PYTHON} with numpy, sklearn, statsmodels):\n${run.stderr}`);
    return JSON.parse(run.stdout) as Reference;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** How far the two sides are apart: point estimates must agree exactly, intervals to Monte Carlo error. */
function compare(ours: Map<string, Estimate>, reference: Reference) {
  const keys = Object.keys(reference.figures);
  const missing = keys.filter((k) => !ours.has(k));
  const extra = [...ours.keys()].filter((k) => !(k in reference.figures));
  let value = 0;
  const bounds: number[] = [];
  for (const key of keys.filter((k) => ours.has(k))) {
    const estimate = ours.get(key)!;
    const ref = reference.figures[key]!;
    if (ref.value !== null) value = Math.max(value, Math.abs(estimate.value - ref.value));
    if (ref.interval[0] !== null && estimate.lower !== undefined)
      bounds.push(Math.abs(estimate.lower - ref.interval[0]));
    if (ref.interval[1] !== null && estimate.upper !== undefined)
      bounds.push(Math.abs(estimate.upper - ref.interval[1]));
  }
  return { figures: keys.length - missing.length, missing, extra, value, bounds };
}

export async function benchAgreementTable(): Promise<void> {
  const data = generateLabels();
  console.log(
    `\n## Agreement table: ${data.humanRows.length.toLocaleString('en')} human labels (${LANGUAGES.length} languages × ${GROUPS} prompt groups × ${PAIRS_PER_PROMPT} pairs, 2 of ${ANNOTATORS_PER_LANGUAGE} annotators each), ${data.judgeRows.length.toLocaleString('en')} judge verdicts, ${INTERVALS.resamples} resamples`,
  );
  fullTable(data); // warm-up: the first run compiles
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let result = fullTable(data);
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    result = fullTable(data);
    seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
    const used = process.cpuUsage(cpu);
    cpuSeconds.push((used.user + used.system) / 1e6);
  }
  const ours = median(seconds);
  const figures = figuresOf(result);
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  const rows = result.tables.reduce((n, t) => n + t.rows.length, 0);
  console.log(
    `LangLens:          ${ours.toFixed(3)} s (CPU ${median(cpuSeconds).toFixed(3)} s, best ${Math.min(...seconds).toFixed(3)} s) for ${result.tables.length} tables, ${rows} rows, ${figures.size} figures with intervals, median of ${ROUNDS}   (target < 1 s: ${verdict(ours < 1)})`,
  );
  let reference: Reference;
  try {
    reference = runReference(data);
  } catch (err) {
    // The reference needs Debian's scientific Python; without it the figure above still stands on its own.
    console.log(
      `Python reference:  not run: ${(err as Error).message.split('\n')[0]} (apt-get install python3-numpy python3-sklearn python3-statsmodels)`,
    );
    return;
  }
  const diff = compare(figures, reference);
  console.log(
    `Python reference:  ${reference.seconds.toFixed(3)} s (CPU ${reference.cpuSeconds.toFixed(3)} s) for the same ${diff.figures} figures (numpy/sklearn/statsmodels, ${PYTHON}, median of ${ROUNDS})`,
  );
  console.log(
    `ratio:             ${(ours / reference.seconds).toFixed(2)} (LangLens / Python, wall; CPU ${(median(cpuSeconds) / reference.cpuSeconds).toFixed(2)}; below 1 is faster)`,
  );
  if (availableParallelism() < 4)
    console.log(
      `(${availableParallelism()} cores here: other processes inflate wall times; the CPU times are steadier)`,
    );
  console.log(
    `point estimates:   largest difference ${diff.value.toExponential(1)} over ${diff.figures} figures   (${verdict(diff.value < 1e-9 && diff.missing.length === 0)})`,
  );
  const sortedBounds = [...diff.bounds].sort((a, b) => a - b);
  console.log(
    `interval bounds:   median difference ${median(sortedBounds).toFixed(4)}, largest ${(sortedBounds.at(-1) ?? 0).toFixed(4)} (different random draws: Monte Carlo error only)`,
  );
  if (diff.missing.length || diff.extra.length)
    console.log(`not compared: ${[...diff.missing, ...diff.extra].slice(0, 10).join(', ')}`);
}

if (require.main === module) {
  benchAgreementTable().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
