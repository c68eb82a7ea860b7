// Language identification speed on realistic answers: 1,500-character responses built from the hplt-prompts texts
// of each language (native-speaker text) in an assistant's shape: paragraphs, a list, a heading, inline code, a
// link, numbers, and in every fourth response a fenced code block. Prints responses/s and characters/s on one
// thread and the wall time of an [SH]-scale run (88,848 responses of ~1,500 characters, Shaham et al.).
import type { LabelledText } from '../src/core/langid/evaluation';

export const RESPONSE_CHARS = 1500;
export const SH_SCALE_RESPONSES = 88_848;

const CODE = '```python\ndef mean(values):\n    return sum(values) / len(values)\n```';

/** One response in `lang`: the language's prompts in turn from `start`, shaped as an answer, cut to 1,500 chars. */
function response(prompts: readonly string[], start: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = start; length < RESPONSE_CHARS + 200; i++) {
    const text = prompts[i % prompts.length]!;
    const k = i - start;
    const piece =
      k === 0
        ? `## ${text.split(/\s+/).slice(0, 6).join(' ')}\n\n${text}`
        : k % 5 === 2
          ? `1. ${text}\n2. ${prompts[(i + 7) % prompts.length]!} (\`config.json\`, 3.5 GB)`
          : k % 5 === 4 && start % 4 === 0
            ? `${CODE}\n\n${text}`
            : k % 7 === 3
              ? `${text} [docs](https://example.com/docs/${k})`
              : text;
    parts.push(piece);
    length += piece.length + 2;
  }
  return Array.from(parts.join('\n\n')).slice(0, RESPONSE_CHARS).join('');
}

/** `perLanguage` responses of 1,500 characters for each language of `samples`. */
export function realisticResponses(samples: readonly LabelledText[], perLanguage: number): LabelledText[] {
  const byLang = new Map<string, string[]>();
  for (const s of samples) byLang.set(s.lang, [...(byLang.get(s.lang) ?? []), s.text]);
  const out: LabelledText[] = [];
  for (const [lang, prompts] of byLang) {
    for (let i = 0; i < perLanguage; i++)
      out.push({ lang: lang as LabelledText['lang'], id: `${lang}-${i}`, text: response(prompts, i * 3) });
  }
  return out;
}

/** Responses/s and characters/s on one thread and on the detection pool, and the [SH]-scale wall time. */
export async function benchLongResponses(samples: readonly LabelledText[]): Promise<void> {
  const { createLanguageIdentifier } = await import('../src/core/langid');
  const { DetectionPool } = await import('../src/core/languages/detectPool');
  const { sameLanguage, UNDETERMINED } = await import('../src/core/model/language');
  const { availableParallelism } = await import('node:os');
  const responses = realisticResponses(samples, 50);
  const languages = [...new Set(responses.map((r) => r.lang))];
  const identifier = createLanguageIdentifier({ languages });
  const texts = responses.map((r) => r.text);
  const chars = texts.reduce((sum, t) => sum + t.length, 0);
  let right = 0;
  let und = 0;
  let mixed = 0;
  for (const r of responses) {
    const d = identifier.detect(r.text);
    if (sameLanguage(d.lang, r.lang)) right++;
    if (d.lang === UNDETERMINED) und++;
    if (d.lang === 'mul') mixed++;
  }
  console.log(
    `\nlong responses: ${responses.length} of ${RESPONSE_CHARS} characters (${languages.length} languages, hplt text in an answer's shape):` +
      ` ${right} right, ${und} und, ${mixed} mul`,
  );

  let calls = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  while (performance.now() - started < 2000) {
    for (const t of texts) identifier.detect(t);
    calls += texts.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const perSecond = calls / seconds;
  console.log(
    `one thread: ${Math.round(perSecond)} responses/s, ${((perSecond * chars) / texts.length / 1e6).toFixed(2)} M characters/s` +
      ` (${Math.round(calls / ((used.user + used.system) / 1e6))} responses per CPU second)`,
  );

  const threads = availableParallelism();
  const pool = new DetectionPool(identifier, languages, threads);
  const batch = Array.from({ length: 6 }, () => texts).flat();
  await pool.detect(batch.slice(0, 400)); // warm-up: workers start and compile
  const poolStarted = performance.now();
  let done = 0;
  while (performance.now() - poolStarted < 3000) {
    await pool.detect(batch);
    done += batch.length;
  }
  const poolSeconds = (performance.now() - poolStarted) / 1000;
  await pool.close();
  const poolRate = done / poolSeconds;
  console.log(
    `${pool.threads} worker thread(s): ${Math.round(poolRate)} responses/s, ${((poolRate * chars) / texts.length / 1e6).toFixed(2)} M characters/s`,
  );
  console.log(
    `[SH]-scale run (${SH_SCALE_RESPONSES.toLocaleString('en')} responses of ~${RESPONSE_CHARS.toLocaleString('en')} characters):` +
      ` ${(SH_SCALE_RESPONSES / poolRate).toFixed(1)} s on the pool, ${(SH_SCALE_RESPONSES / perSecond).toFixed(1)} s on one thread`,
  );
}
