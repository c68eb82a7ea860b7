// Kew et al. (2023, ZurichNLP/multilingual-instruction-tuning) data/alpaca_eval_outputs/<model>/
// alpaca_eval_instructions_<lang>-none-guanaco_prompt-s<seed>-k50-p0.9-t0.8-b8.jsonl: one generation per line,
// {"prompt" (the templated input), "system" (the response), "source" (the instruction), "source_lang",
// "system_lang" (OpenLID codes such as rus_Cyrl), "finish_reason", "secs"}; their judge files add "eval_score"
// (1-6 helpfulness) and "eval_reasoning". The folder names the system and the file name the language and seed;
// the instructions are alpaca_eval's in the same order in every language, so the line's position is the group.
import { basename, dirname } from 'node:path';
import { francCodeToTag } from '../../langid/iso639';
import { parseLanguageTag, type LanguageTag } from '../../model/language';
import type { CanonicalRecord } from '../../model/records';
import { FieldError } from '../errors';
import * as f from '../fields';
import type { Row } from '../fields';
import { KNOWN_SCALES } from './canonical';
import type { FormatContext, ImportFormat, RowConverter } from './format';
import { msg } from '../../util/message';

const OUTPUT_FIELDS = ['prompt', 'system', 'source', 'source_lang', 'system_lang'];
const FILE_NAME = /_([a-z]{2,3})-(?:.*-)?s(\d+)-k[\d.]+-p[\d.]+-t[\d.]+-b\d+(?:-(.+))?\.jsonl$/;

/** The language, seed and (for a judge file) judge that a Kew et al. file name carries. */
export function kewFileName(file: string): { lang?: LanguageTag; seed: number; judge?: string } {
  const m = FILE_NAME.exec(basename(file));
  if (!m) return { seed: 0 };
  return { lang: parseLanguageTag(m[1]!), seed: Number(m[2]), ...(m[3] ? { judge: m[3] } : {}) };
}

// Languages whose script says more than the language does; any other OpenLID script is the language's usual one.
const SCRIPT_MATTERS = new Set(['zh', 'sr', 'bs', 'uz', 'az', 'pa', 'sd', 'ks', 'mn', 'ku', 'tg', 'ms']);

// OpenLID labels some languages by their macrolanguage code, which franc's table (individual languages) lacks.
const MACROLANGUAGES: Readonly<Record<string, string>> = {
  zho: 'zh',
  ara: 'ar',
  fas: 'fa',
  msa: 'ms',
  est: 'et',
  lav: 'lv',
  nor: 'no',
  swa: 'sw',
  sqi: 'sq',
  aze: 'az',
  uzb: 'uz',
  mon: 'mn',
  yid: 'yi',
  kur: 'ku',
  pus: 'ps',
  ori: 'or',
  orm: 'om',
  grn: 'gn',
  que: 'qu',
  kon: 'kg',
};

/** An OpenLID label (rus_Cyrl, zho_Hans) as a BCP-47 tag (ru, zh-Hans). */
export function openLidTag(code: string): LanguageTag | undefined {
  const m = /^([a-z]{3})_([A-Z][a-z]{3})$/.exec(code.trim());
  if (!m) return undefined;
  const macro = MACROLANGUAGES[m[1]!];
  const tag = macro ? parseLanguageTag(macro)! : francCodeToTag(m[1]!);
  return SCRIPT_MATTERS.has(tag) ? parseLanguageTag(`${tag}-${m[2]}`) : tag;
}

function openLid(row: Row, field: string): LanguageTag {
  const tag = openLidTag(f.text(row, field));
  if (!tag) throw new FieldError(field, msg('"{0}" is not an OpenLID label such as rus_Cyrl', row[field]));
  return tag;
}

function openFile(context: FormatContext, judged: boolean): RowConverter {
  const name = kewFileName(context.file);
  const lang = context.options.language ?? name.lang;
  if (!lang)
    throw new FieldError('', msg('the file name does not say the language (…_<lang>-…-s<seed>-….jsonl): pass --lang'));
  const system = context.options.system ?? basename(dirname(context.file));
  const judge = name.judge ?? 'kew-judge';
  let position = 0;
  return {
    convert(row, source): CanonicalRecord[] {
      position++;
      // The detections in the file are checked, not stored: LangLens detects every response itself (langlens langid).
      openLid(row, 'source_lang');
      openLid(row, 'system_lang');
      const key = { run: context.options.run ?? 'kew', group: String(position), lang, turn: 1 };
      const records: CanonicalRecord[] = [
        { kind: 'prompt', ...key, text: f.text(row, 'source'), source },
        { kind: 'response', ...key, system, seed: name.seed, text: f.textAllowEmpty(row, 'system'), source },
      ];
      if (judged) records.push(kewScore(row, key, system, name.seed, judge, source));
      return records;
    },
  };
}

function kewScore(
  row: Row,
  key: { run: string; group: string; lang: LanguageTag; turn: number },
  system: string,
  seed: number,
  judge: string,
  source: { file: string; line: number },
): CanonicalRecord {
  const scale = KNOWN_SCALES['likert-6']!;
  const score = f.has(row, 'eval_score') ? f.number(row, 'eval_score') : null;
  if (score !== null && (score < scale.min || score > scale.max || !Number.isInteger(score))) {
    throw new FieldError('eval_score', msg('{0} is not a score from 1 to 6', score));
  }
  return {
    kind: 'pointwise-judgment',
    ...key,
    system,
    seed,
    judge,
    scale,
    score,
    ...(f.has(row, 'eval_reasoning') ? { reasoning: f.text(row, 'eval_reasoning') } : {}),
    source,
  };
}

export const kewJudgeFormat: ImportFormat = {
  name: 'kew-judge',
  description: 'Kew et al. judge files: their output lines with eval_score (1–6) and eval_reasoning',
  syntaxes: ['jsonl'],
  matches: (_name, first) => [...OUTPUT_FIELDS, 'eval_score'].every((k) => k in first),
  open: (context) => openFile(context, true),
};

export const kewOutputsFormat: ImportFormat = {
  name: 'kew-outputs',
  description:
    'Kew et al. output files (<model>/…_<lang>-…-s<seed>-….jsonl: prompt, system, source, source_lang, system_lang)',
  syntaxes: ['jsonl'],
  matches: (_name, first) => OUTPUT_FIELDS.every((k) => k in first),
  open: (context) => openFile(context, false),
};
