// FastChat's llm_judge layout, read as FastChat reads it: data/<bench>/question.jsonl, model_answer/<model>.jsonl,
// reference_answer/<model>.jsonl and model_judgment/<judge>_pair.jsonl (each pair judged in both orders) or
// <judge>_single.jsonl (1-10 scores). FastChat names a system by its answer file's name, not by the model_id
// inside (common.py load_model_answers), and the bench by its folder; so does LangLens, so that a judgment never
// names a system its answers do not.
import { basename, dirname, extname } from 'node:path';
import type { CanonicalRecord, PairVerdict } from '../../model/records';
import { FieldError } from '../errors';
import * as f from '../fields';
import type { Row } from '../fields';
import { defaultLanguage, type FormatContext, type ImportFormat } from './format';
import { KNOWN_SCALES } from './canonical';
import { msg } from '../../util/message';

const FASTCHAT_FOLDERS = new Set(['model_answer', 'reference_answer', 'model_judgment']);

/**
 * The bench a FastChat file belongs to: the folder holding question.jsonl, model_answer/ and the rest
 * (data/<bench>/). FastChat's `mt_bench` is the run `mt-bench`, the name lmsys's MT-bench human judgments import
 * into, so that the two meet; any other bench keeps its folder's name. Undefined outside that layout.
 */
export function fastChatBench(file: string): string | undefined {
  let dir = dirname(file);
  // arena-hard-auto keeps judgments one level deeper: model_judgment/<judge>/<model>.jsonl.
  if (basename(dirname(dir)) === 'model_judgment') dir = dirname(dir);
  const bench = FASTCHAT_FOLDERS.has(basename(dir))
    ? basename(dirname(dir))
    : basename(file) === 'question.jsonl'
      ? basename(dir)
      : undefined;
  if (!bench || bench === '.' || bench === '/') return undefined;
  return bench === 'mt_bench' ? 'mt-bench' : bench;
}

export function fastChatRun(context: FormatContext, fallback = 'mt-bench'): string {
  return context.options.run ?? fastChatBench(context.file) ?? fallback;
}

/** A model_answer/ (or reference_answer/) file's system: its name without .jsonl, as FastChat takes it. */
export function systemOfAnswerFile(file: string): string {
  return basename(file, extname(file));
}

export function inReferenceFolder(file: string): boolean {
  return basename(dirname(file)) === 'reference_answer';
}

const keyOf = (row: Row, run: string, context: FormatContext) => ({
  run,
  group: f.text(row, 'question_id'),
  lang: defaultLanguage(context),
  turn: f.optionalInteger(row, 'turn', 1),
});

/** FastChat's judge: ["gpt-4", "pair-v2"] is the judge gpt-4 with its prompt pair-v2 (a variant, kept). */
export function judgeOf(row: Row): { judge: string; promptVariant?: string } {
  const judge = row.judge;
  if (Array.isArray(judge)) {
    if (typeof judge[0] !== 'string' || judge[0] === '')
      throw new FieldError('judge', msg('expected [judge model, prompt name]'));
    return typeof judge[1] === 'string' && judge[1] !== ''
      ? { judge: judge[0], promptVariant: judge[1] }
      : { judge: judge[0] };
  }
  return { judge: f.text(row, 'judge') };
}

/** The turns of a FastChat or Arena-Hard question or answer: texts, or {content} objects (Arena-Hard). */
export function turnTexts(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw new FieldError(field, msg('expected a list of turns'));
  return value.map((turn, t) => {
    if (typeof turn === 'string') return turn;
    const content = (turn as { content?: unknown } | null)?.content;
    if (typeof content === 'string') return content;
    throw new FieldError(
      `${field}[${t}]`,
      typeof turn === 'object' && turn !== null ? msg('expected a "content" text') : msg('expected text'),
    );
  });
}

export const fastChatQuestionFormat: ImportFormat = {
  name: 'fastchat-question',
  description: 'FastChat llm_judge or Arena-Hard question.jsonl (prompts with one or more turns)',
  syntaxes: ['jsonl'],
  matches: (_name, first) => 'question_id' in first && Array.isArray(first.turns),
  open: (context) => {
    const run = fastChatRun(context);
    return {
      convert: (row, source) =>
        turnTexts(row.turns, 'turns').map((text, i) => ({
          kind: 'prompt' as const,
          ...keyOf(row, run, context),
          turn: i + 1,
          text,
          source,
        })),
    };
  },
};

/** Every turn of every choice of an answer row: [choice index (the seed), turn, text]. */
export function answerTurns(row: Row): [number, number, string][] {
  const choices = row.choices;
  if (!Array.isArray(choices)) throw new FieldError('choices', msg('expected a list'));
  return choices.flatMap((choice, c) => {
    const index = (choice as { index?: unknown } | null)?.index;
    const seed = typeof index === 'number' ? index : c;
    return turnTexts((choice as { turns?: unknown } | null)?.turns, `choices[${c}].turns`).map(
      (text, t): [number, number, string] => [seed, t + 1, text],
    );
  });
}

export const fastChatReferenceFormat: ImportFormat = {
  name: 'fastchat-reference',
  description:
    "FastChat llm_judge reference_answer/<model>.jsonl (reference answers for judges, not a system's answers)",
  syntaxes: ['jsonl'],
  matches: (name, first) => inReferenceFolder(name) && 'question_id' in first && Array.isArray(first.choices),
  open: (context) => {
    const run = fastChatRun(context);
    const author = systemOfAnswerFile(context.file);
    return {
      convert: (row, source) =>
        answerTurns(row)
          .filter(([seed]) => seed === 0)
          .map(([, turn, text]) => ({
            kind: 'reference' as const,
            ...keyOf(row, run, context),
            turn,
            author,
            text,
            source,
          })),
    };
  },
};

export const fastChatAnswerFormat: ImportFormat = {
  name: 'fastchat-answer',
  description:
    "FastChat llm_judge or Arena-Hard model_answer/<model>.jsonl (the system is the file's name, as in FastChat)",
  syntaxes: ['jsonl'],
  matches: (_name, first) => 'question_id' in first && 'model_id' in first && Array.isArray(first.choices),
  open: (context) => {
    const run = fastChatRun(context);
    const system = context.options.system ?? systemOfAnswerFile(context.file);
    return {
      convert: (row, source) =>
        answerTurns(row).map(([seed, turn, text]) => ({
          kind: 'response' as const,
          ...keyOf(row, run, context),
          turn,
          system,
          seed,
          text,
          source,
        })),
    };
  },
};

export const fastChatPairFormat: ImportFormat = {
  name: 'fastchat-pair',
  description: 'FastChat llm_judge model_judgment/*_pair.jsonl (each pair judged in both orders)',
  syntaxes: ['jsonl'],
  matches: (_name, first) => ['question_id', 'model_1', 'model_2', 'g1_winner', 'g2_winner'].every((k) => k in first),
  open: (context) => {
    const run = fastChatRun(context);
    return {
      convert(row, source) {
        const key = keyOf(row, run, context);
        const judge = judgeOf(row);
        const systemA = f.text(row, 'model_1');
        const systemB = f.text(row, 'model_2');
        if (systemA === systemB) throw new FieldError('model_2', msg('is the same model as model_1 ("{0}")', systemA));
        // g1: model_1 shown first; g2: model_2 shown first. Both winners are named in model terms.
        return (['g1', 'g2'] as const).map((g) => {
          const raw = f.text(row, `${g}_winner`);
          return {
            kind: 'pairwise-judgment' as const,
            ...key,
            ...judge,
            systemA,
            systemB,
            order: g === 'g1' ? ('AB' as const) : ('BA' as const),
            verdict: fastChatWinner(raw),
            raw: f.optionalText(row, `${g}_judgment`) ?? raw,
            source,
          };
        });
      },
    };
  },
};

export const fastChatSingleFormat: ImportFormat = {
  name: 'fastchat-single',
  description: 'FastChat llm_judge model_judgment/*_single.jsonl (a 1-10 score per answer; -1 when unparsable)',
  syntaxes: ['jsonl'],
  matches: (_name, first) => ['question_id', 'model', 'score', 'judgment'].every((k) => k in first),
  open: (context) => {
    const run = fastChatRun(context);
    return {
      convert(row, source): CanonicalRecord[] {
        const score = f.number(row, 'score');
        const scale = KNOWN_SCALES['mt-bench-10']!;
        if (score !== -1 && (score < scale.min || score > scale.max))
          throw new FieldError('score', msg('{0} is outside 1 to 10 (or -1)', score));
        return [
          {
            kind: 'pointwise-judgment',
            ...keyOf(row, run, context),
            system: f.text(row, 'model'),
            seed: 0,
            ...judgeOf(row),
            scale,
            score: score === -1 ? null : score,
            raw: f.textAllowEmpty(row, 'judgment'),
            source,
          },
        ];
      },
    };
  },
};

function fastChatWinner(winner: string): PairVerdict {
  if (winner === 'model_1') return 'A';
  if (winner === 'model_2') return 'B';
  if (winner === 'tie') return 'tie';
  return 'invalid'; // "error": the judge's answer could not be parsed
}
