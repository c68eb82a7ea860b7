// Realistic long answers for the speed bench and the pool's test: 1,500-character responses built from the
// hplt-prompts texts of each language (native-speaker text) in an assistant's shape: paragraphs, a list, a heading,
// inline code, a link, numbers, and in every fourth response a fenced code block.
import type { LabelledText } from '../../../src/core/langid/evaluation';

export const RESPONSE_CHARS = 1500;

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
