// Generates a run at the scale of Shaham et al. (12 languages × 617 prompts × 12 systems, responses of about
// 1,500 characters, 11 systems judged against a baseline in both orders, two annotators on 50 prompts per
// language) as canonical JSONL files, written as a stream so that generating takes little memory.
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';

export const SCALE = {
  languages: 12,
  prompts: 617,
  systems: 12,
  responseChars: 1500,
  labelledPrompts: 50,
  annotators: 2,
};
export const LANGUAGES = ['en', 'es', 'fr', 'de', 'ru', 'he', 'ar', 'zh', 'ja', 'hi', 'fi', 'sw'];

const WORDS: Record<string, string[]> = {
  en: 'the model answers the question with a short clear explanation and an example'.split(' '),
  es: 'el modelo responde la pregunta con una explicación breve y clara y un ejemplo'.split(' '),
  ru: 'модель отвечает на вопрос кратким ясным объяснением и примером'.split(' '),
  zh: '模型 用 简短 清楚 的 解释 和 一个 例子 回答 这个 问题'.split(' '),
};

/** Filler text in a language's script, of about the given length (the same salt, the same text). */
export function text(lang: string, length: number, salt: number): string {
  const words = WORDS[lang] ?? WORDS.en!;
  const out: string[] = [];
  let n = 0;
  for (let i = salt; n < length; i++) {
    const w = words[(i * 7 + salt) % words.length]!;
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ').slice(0, length);
}

export async function write(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(line + '\n')) await once(stream, 'drain');
}

export async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

export interface GeneratedRun {
  readonly files: readonly string[];
  readonly rows: number;
  readonly bytes: number;
}

export async function generateRun(folder: string): Promise<GeneratedRun> {
  const systems = Array.from({ length: SCALE.systems }, (_, i) => (i === 0 ? 'baseline' : `system-${i}`));
  const languages = LANGUAGES.slice(0, SCALE.languages);
  const files = ['prompts.jsonl', 'responses.jsonl', 'judgments.jsonl', 'labels.jsonl'].map((f) => join(folder, f));
  const [prompts, responses, judgments, labels] = files.map((f) => createWriteStream(f)) as [
    WriteStream,
    WriteStream,
    WriteStream,
    WriteStream,
  ];
  let rows = 0;
  let bytes = 0;
  const emit = async (stream: WriteStream, record: object) => {
    const line = JSON.stringify(record);
    rows++;
    bytes += Buffer.byteLength(line) + 1;
    await write(stream, line);
  };
  for (const lang of languages) {
    for (let p = 0; p < SCALE.prompts; p++) {
      const group = `p${p}`;
      await emit(prompts, { kind: 'prompt', run: 'bench', group, lang, text: text(lang, 120, p) });
      for (const [s, system] of systems.entries()) {
        await emit(responses, {
          kind: 'response',
          run: 'bench',
          group,
          lang,
          system,
          text: text(lang, SCALE.responseChars, p * 31 + s),
        });
      }
      for (const system of systems.slice(1)) {
        for (const order of ['AB', 'BA']) {
          const verdict = (p + system.length + order.length) % 3 === 0 ? 'tie' : p % 2 ? 'A' : 'B';
          await emit(judgments, {
            kind: 'pairwise-judgment',
            run: 'bench',
            group,
            lang,
            judge: 'gpt-judge',
            system_a: system,
            system_b: 'baseline',
            order,
            verdict,
            raw: `After comparing both answers, the better one is ${verdict}.`,
          });
        }
      }
      if (p < SCALE.labelledPrompts) {
        for (let a = 0; a < SCALE.annotators; a++) {
          for (const system of systems.slice(1)) {
            await emit(labels, {
              kind: 'pairwise-label',
              run: 'bench',
              group,
              lang,
              annotator: `${lang}-annotator-${a}`,
              system_a: system,
              system_b: 'baseline',
              verdict: (p + a) % 3 === 0 ? 'tie' : 'A',
              order: (p + a) % 2 ? 'AB' : 'BA',
              labelled_at: '2024-06-01T10:00:00Z',
            });
          }
        }
      }
    }
  }
  await Promise.all([prompts, responses, judgments, labels].map(close));
  return { files, rows, bytes };
}
