// Language identification on hplt-prompts: accuracy among determined answers and coverage (share not "und") per
// language at 50, 100 and 300 characters, and throughput. Run alone with `npx tsx bench/langid.ts`.
import { createLanguageIdentifier, neighboursOf, type LanguageIdentifierOptions } from '../src/core/langid';
import {
  cutAtWordBoundary,
  evaluateIdentifier,
  type EvaluationResult,
  type LabelledText,
  type LengthStats,
} from '../src/core/langid/evaluation';
import { sameLanguage, UNDETERMINED, type LanguageTag } from '../src/core/model/language';
import { HPLT_PROMPTS_DIR, loadHpltPrompts } from '../test/unit/langid/hpltPrompts';
import { benchLongResponses } from './langidLong';

export const BENCH_LENGTHS = [50, 100, 300] as const;

const pct = (x: number) => `${(100 * x).toFixed(1)}`.padStart(5);
const cell = (s: LengthStats) => `${pct(s.accuracy)} ${pct(s.coverage)}`;

/** The table as text: one line per language, accuracy and coverage (in %) per length, then all languages. */
export function formatEvaluation(result: EvaluationResult, lengths: readonly number[]): string {
  const langs = [...new Set(result.rows.map((r) => r.lang))];
  const lines = [
    `lang  ${lengths.map((l) => `${`≤${l} chars`.padEnd(11)}`).join(' | ')}`,
    `      ${lengths.map(() => '  acc   cov').join(' | ')}`,
  ];
  for (const lang of langs) {
    const cells = lengths.map((length) => cell(result.rows.find((r) => r.lang === lang && r.length === length)!));
    lines.push(`${lang.padEnd(5)} ${cells.join(' | ')}`);
  }
  lines.push(`all   ${lengths.map((length) => cell(result.overall.get(length)!)).join(' | ')}`);
  for (const length of lengths) {
    const reasons = [...(result.undReasons.get(length) ?? new Map<string, number>())]
      .map(([r, n]) => `${r} ${n}`)
      .join(', ');
    lines.push(`und at ≤${length}: ${reasons || 'none'}`);
  }
  return lines.join('\n');
}

type Tuning = Omit<LanguageIdentifierOptions, 'languages'>;

/** Overall accuracy / coverage per length with other settings: what each safeguard and threshold buys. */
function sensitivity(samples: readonly LabelledText[], languages: readonly LanguageTag[]): string[] {
  const variants: [string, Tuning][] = [
    ['defaults', {}],
    [
      'franc only (no prior, alphabet, English words)',
      { runLanguagePrior: 0, alphabetPenalty: 0, englishWordWeight: 0 },
    ],
    ['no run-language prior', { runLanguagePrior: 0 }],
    ['no alphabet penalty', { alphabetPenalty: 0 }],
    ['no English function words', { englishWordWeight: 0 }],
    ['no neighbours', { neighbours: false }],
    ['minMargin 0 (no "ambiguous")', { minMargin: 0 }],
    ['minMargin 0.02', { minMargin: 0.02 }],
    ['minMargin 0.06', { minMargin: 0.06 }],
    ['minLetters 15', { minLetters: 15 }],
    ['minLetters 40', { minLetters: 40 }],
    ['minLetters 50', { minLetters: 50 }],
  ];
  return variants.map(([name, tuning]) => {
    const result = evaluateIdentifier(createLanguageIdentifier({ languages, ...tuning }), samples, BENCH_LENGTHS);
    const worst = BENCH_LENGTHS.map((length) =>
      Math.min(...result.rows.filter((r) => r.length === length).map((r) => r.accuracy)),
    );
    return `${name.padEnd(48)} ${BENCH_LENGTHS.map((l) => cell(result.overall.get(l)!)).join(' | ')}   worst language acc ${worst.map(pct).join(' ')}`;
  });
}

/**
 * Wrong-language answers, simulated: texts in language X given to an identifier for a run in language Y, where X is a
 * neighbour of Y or English (what models drift into). Caught: detected as X; missed: detected as Y (the answer would
 * count as agreeing with the prompt); the rest are other languages or "und".
 */
function drift(samples: readonly LabelledText[], tuning: Tuning = {}): string[] {
  const present = [...new Set(samples.map((s) => s.lang))];
  const runs = [
    'bg',
    'ru',
    'uk',
    'mk',
    'sr',
    'be',
    'da',
    'sv',
    'et',
    'ca',
    'gl',
    'pt',
    'oc',
    'sk',
    'mr',
    'ne',
    'es',
    'fr',
    'cs',
    'fi',
    'no',
  ] as LanguageTag[];
  const lines: string[] = [];
  const total = { n: 0, caught: 0, missed: 0 };
  const english = { n: 0, caught: 0, missed: 0 };
  for (const run of runs) {
    const identifier = createLanguageIdentifier({ languages: [run], ...tuning });
    for (const x of present.filter(
      (l) => !sameLanguage(l, run) && (l === 'en' || neighboursOf(run).some((n) => sameLanguage(n, l))),
    )) {
      let n = 0;
      let caught = 0;
      let missed = 0;
      for (const sample of samples.filter((s) => s.lang === x)) {
        for (const length of BENCH_LENGTHS) {
          const d = identifier.detect(cutAtWordBoundary(sample.text, length));
          n++;
          if (d.lang !== UNDETERMINED && sameLanguage(d.lang, x)) caught++;
          if (d.lang !== UNDETERMINED && sameLanguage(d.lang, run)) missed++;
        }
      }
      for (const sum of x === 'en' ? [total, english] : [total]) {
        sum.n += n;
        sum.caught += caught;
        sum.missed += missed;
      }
      if (x !== 'en')
        lines.push(`  ${x} text, ${run} run: caught ${pct(caught / n)}  missed ${pct(missed / n)}  (n=${n})`);
    }
  }
  lines.push(
    `  en text, in each of the ${runs.length} runs: caught ${pct(english.caught / english.n)}  missed ${pct(english.missed / english.n)}  (n=${english.n})`,
  );
  lines.push(
    `  all pairs (with English text in every run): caught ${pct(total.caught / total.n)}  missed ${pct(total.missed / total.n)}  (n=${total.n})`,
  );
  return lines;
}

export async function benchLanguageIdentification(): Promise<void> {
  const data = loadHpltPrompts();
  if (!data) {
    console.log(`langid: skipped, ${HPLT_PROMPTS_DIR} is absent`);
    return;
  }
  const languages = [...new Set(data.samples.map((s) => s.lang))];
  const identifier = createLanguageIdentifier({ languages });
  const result = evaluateIdentifier(identifier, data.samples, BENCH_LENGTHS);
  console.log(
    `langid on hplt-prompts: ${data.samples.length} prompts in ${languages.length} languages` +
      (data.malformed.length
        ? ` (${data.malformed.length} malformed line(s) skipped: ${data.malformed.map((m) => `${m.file}:${m.line}`).join(', ')})`
        : ''),
  );
  console.log(
    'each prompt cut at a word boundary to at most N characters (shorter prompts whole); acc = accuracy among determined answers, cov = share not "und", in %',
  );
  const cut = BENCH_LENGTHS.map((l) => `≤${l}: ${data.samples.filter((s) => Array.from(s.text).length > l).length}`);
  console.log(`prompts longer than N (cut), of ${data.samples.length}: ${cut.join(', ')}`);
  console.log(formatEvaluation(result, BENCH_LENGTHS));
  const errors = result.errors.map(
    (e) => `  ≤${e.length} ${e.sample.lang}→${e.detection.lang} ${JSON.stringify(e.cut.slice(0, 70))}`,
  );
  console.log(`wrong answers (${errors.length}):\n${errors.join('\n')}`);

  console.log('\nsensitivity (overall acc cov per length, as above):');
  for (const line of sensitivity(data.samples, languages)) console.log(line);
  console.log(
    "\nwrong-language answers, simulated (all three lengths; caught = detected as the text's language, missed = as the run's):",
  );
  for (const line of drift(data.samples)) console.log(line);
  console.log('without the run-language prior:');
  console.log(drift(data.samples, { runLanguagePrior: 0 }).at(-1));

  // Throughput on the 300-character cuts, after a warm-up pass.
  const texts = data.samples.map((s) => s.text.slice(0, 300));
  for (const t of texts) identifier.detect(t);
  let calls = 0;
  const started = performance.now();
  while (performance.now() - started < 1000) {
    for (const t of texts) identifier.detect(t);
    calls += texts.length;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nthroughput: ${Math.round(calls / seconds)} snippets/s (≤300 characters, ${calls} calls in ${seconds.toFixed(2)} s)`,
  );
  await benchLongResponses(data.samples);
}

if (require.main === module) {
  benchLanguageIdentification().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
