// lmsys/mt_bench_human_judgments: one pairwise vote per line, by a human (expert_N, author_N) or by GPT-4.
// {"judge":"expert_17","model_a":"alpaca-13b","model_b":"gpt-3.5-turbo","question_id":81,"turn":1,"winner":"model_b"}
import type { CanonicalRecord, PairVerdict, SourceRef } from '../../model/records';
import { FieldError } from '../errors';
import * as f from '../fields';
import type { Row } from '../fields';
import { defaultLanguage, type FormatContext, type ImportFormat } from './format';

/** Votes by these judges are human labels; any other judge (gpt4_pair, gpt4_single...) is an automatic judge. */
const HUMAN_JUDGE = /^(expert|author|human|annotator|crowd)/i;

export const mtBenchFormat: ImportFormat = {
  name: 'mt-bench',
  description: 'MT-bench human judgments and GPT-4 pair verdicts (lmsys/mt_bench_human_judgments)',
  syntaxes: ['jsonl', 'json', 'csv'],
  matches: (_name, first) => ['judge', 'model_a', 'model_b', 'question_id', 'winner'].every((k) => k in first),
  open: (context) => ({ convert: (row, source) => convertVote(row, context, source) }),
};

function convertVote(row: Row, context: FormatContext, source: SourceRef): CanonicalRecord[] {
  const judge = f.text(row, 'judge');
  const systemA = f.text(row, 'model_a');
  const systemB = f.text(row, 'model_b');
  if (systemA === systemB) throw new FieldError('model_b', `is the same model as model_a ("${systemA}")`);
  const raw = f.text(row, 'winner');
  const key = {
    run: context.options.run ?? 'mt-bench',
    group: f.text(row, 'question_id'),
    lang: defaultLanguage(context),
    turn: f.optionalInteger(row, 'turn', 1),
  };
  const verdict = winnerVerdict(raw);
  if (HUMAN_JUDGE.test(judge)) {
    if (verdict === 'invalid') throw new FieldError('winner', `"${raw}" is not model_a, model_b or tie`);
    return [{ kind: 'pairwise-label', ...key, annotator: judge, systemA, systemB, verdict, source }];
  }
  // The published GPT-4 verdicts already merge both orders ("tie (inconsistent)" when they disagree).
  return [{ kind: 'pairwise-judgment', ...key, judge, systemA, systemB, order: 'combined', verdict, raw, source }];
}

function winnerVerdict(winner: string): PairVerdict {
  const w = winner.trim().toLowerCase();
  if (w === 'model_a') return 'A';
  if (w === 'model_b') return 'B';
  if (w === 'tie' || w.startsWith('tie ') || w.startsWith('tie(')) return 'tie';
  return 'invalid';
}
