// Loads ../shared/data/hplt-prompts (see ../shared/data/README.md): 50 OpenAssistant prompts translated by native
// speakers into 11 languages, one `test_<lang>.jsonl` file per language, lines `{"id", "prompt"}`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseLanguageTag } from '../../../src/core/model/language';
import type { LabelledText } from '../../../src/core/langid/evaluation';

/** ../shared/data next to the project root (this file is test/unit/langid/). */
export const SHARED_DATA_DIR = path.resolve(__dirname, '../../..', '../shared/data');
export const HPLT_PROMPTS_DIR = path.join(SHARED_DATA_DIR, 'hplt-prompts');

export interface HpltPrompts {
  readonly samples: LabelledText[];
  /** Lines that are not valid JSON, kept out (test_hi.jsonl has one with a doubled closing quote). */
  readonly malformed: { readonly file: string; readonly line: number }[];
}

/** The prompts, or undefined when the shared data is absent (a fresh clone has no ../shared). */
export function loadHpltPrompts(dir: string = HPLT_PROMPTS_DIR): HpltPrompts | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const samples: LabelledText[] = [];
  const malformed: HpltPrompts['malformed'] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => /\.jsonl$/.test(f))
    .sort()) {
    const lang = parseLanguageTag(file.replace(/^test_/, '').replace(/\.jsonl$/, ''));
    if (!lang) continue;
    fs.readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (!line.trim()) return;
        try {
          const row = JSON.parse(line) as { id?: unknown; prompt?: unknown };
          if (typeof row.prompt === 'string') samples.push({ lang, id: String(row.id), text: row.prompt });
          else malformed.push({ file, line: index + 1 });
        } catch {
          malformed.push({ file, line: index + 1 });
        }
      });
  }
  return { samples, malformed };
}
