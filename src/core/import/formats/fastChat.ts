// FastChat's llm_judge layout: data/<bench>/question.jsonl, model_answer/<model>.jsonl and
// model_judgment/<judge>_pair.jsonl (each pair judged in both orders) or <judge>_single.jsonl (1-10 scores).
import type { CanonicalRecord, PairVerdict } from '../../model/records';
import { FieldError } from '../errors';
import * as f from '../fields';
import type { Row } from '../fields';
import { defaultLanguage, type FormatContext, type ImportFormat } from './format';
import { KNOWN_SCALES } from './canonical';

const keyOf = (row: Row, context: FormatContext) => ({
  run: context.options.run ?? 'mt-bench',
  group: f.text(row, 'question_id'),
  lang: defaultLanguage(context),
  turn: f.optionalInteger(row, 'turn', 1),
});

function judgeName(row: Row): string {
  const judge = row.judge;
  if (Array.isArray(judge) && typeof judge[0] === 'string') return judge.length > 1 ? `${judge[0]} (${judge[1]})` : judge[0];
  return f.text(row, 'judge');
}

export const fastChatQuestionFormat: ImportFormat = {
  name: 'fastchat-question',
  description: 'FastChat llm_judge question.jsonl (prompts with one or more turns)',
  syntaxes: ['jsonl'],
  matches: (_name, first) => 'question_id' in first && Array.isArray(first.turns),
  open: (context) => ({
    convert(row, source) {
      const turns = row.turns;
      if (!Array.isArray(turns) || turns.some((t) => typeof t !== 'string')) throw new FieldError('turns', 'expected a list of texts');
      return (turns as string[]).map((text, i) => ({
        kind: 'prompt' as const, ...keyOf(row, context), turn: i + 1, text, source,
      }));
    },
  }),
};

export const fastChatAnswerFormat: ImportFormat = {
  name: 'fastchat-answer',
  description: 'FastChat llm_judge model_answer/<model>.jsonl (one answer per question, per turn and per choice)',
  syntaxes: ['jsonl'],
  matches: (_name, first) => 'question_id' in first && 'model_id' in first && Array.isArray(first.choices),
  open: (context) => ({
    convert(row, source) {
      const system = f.text(row, 'model_id');
      const choices = row.choices;
      if (!Array.isArray(choices)) throw new FieldError('choices', 'expected a list');
      const out: CanonicalRecord[] = [];
      choices.forEach((choice, c) => {
        const turns = (choice as { turns?: unknown })?.turns;
        if (!Array.isArray(turns)) throw new FieldError(`choices[${c}].turns`, 'expected a list of texts');
        const seed = typeof (choice as { index?: unknown }).index === 'number' ? (choice as { index: number }).index : c;
        turns.forEach((text, t) => {
          if (typeof text !== 'string') throw new FieldError(`choices[${c}].turns[${t}]`, 'expected text');
          out.push({ kind: 'response', ...keyOf(row, context), turn: t + 1, system, seed, text, source });
        });
      });
      return out;
    },
  }),
};

export const fastChatPairFormat: ImportFormat = {
  name: 'fastchat-pair',
  description: 'FastChat llm_judge model_judgment/*_pair.jsonl (each pair judged in both orders)',
  syntaxes: ['jsonl'],
  matches: (_name, first) => ['question_id', 'model_1', 'model_2', 'g1_winner', 'g2_winner'].every((k) => k in first),
  open: (context) => ({
    convert(row, source) {
      const key = keyOf(row, context);
      const judge = judgeName(row);
      const systemA = f.text(row, 'model_1');
      const systemB = f.text(row, 'model_2');
      if (systemA === systemB) throw new FieldError('model_2', `is the same model as model_1 ("${systemA}")`);
      // g1: model_1 shown first; g2: model_2 shown first. Both winners are named in model terms.
      return (['g1', 'g2'] as const).map((g) => {
        const raw = f.text(row, `${g}_winner`);
        return {
          kind: 'pairwise-judgment' as const, ...key, judge, systemA, systemB, order: g === 'g1' ? 'AB' as const : 'BA' as const,
          verdict: fastChatWinner(raw), raw: f.optionalText(row, `${g}_judgment`) ?? raw, source,
        };
      });
    },
  }),
};

export const fastChatSingleFormat: ImportFormat = {
  name: 'fastchat-single',
  description: 'FastChat llm_judge model_judgment/*_single.jsonl (a 1-10 score per answer; -1 when unparsable)',
  syntaxes: ['jsonl'],
  matches: (_name, first) => ['question_id', 'model', 'score', 'judgment'].every((k) => k in first),
  open: (context) => ({
    convert(row, source) {
      const score = f.number(row, 'score');
      const scale = KNOWN_SCALES['mt-bench-10']!;
      if (score !== -1 && (score < scale.min || score > scale.max)) throw new FieldError('score', `${score} is outside 1 to 10 (or -1)`);
      return [{
        kind: 'pointwise-judgment', ...keyOf(row, context), system: f.text(row, 'model'), seed: 0, judge: judgeName(row), scale,
        score: score === -1 ? null : score, raw: f.textAllowEmpty(row, 'judgment'), source,
      }];
    },
  }),
};

function fastChatWinner(winner: string): PairVerdict {
  if (winner === 'model_1') return 'A';
  if (winner === 'model_2') return 'B';
  if (winner === 'tie') return 'tie';
  return 'invalid'; // "error": the judge's answer could not be parsed
}
