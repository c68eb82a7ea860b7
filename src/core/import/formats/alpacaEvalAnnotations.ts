// alpaca_eval's annotations.json (results/<model>/<annotator>/annotations.json): one judged pair per instruction,
// {"instruction", "output_1", "generator_1", "output_2", "generator_2", "annotator", "preference", ...}.
// generator_1 is the baseline. preference is 1 (output_1 better) or 2 (output_2 better); 0 and 1.5 are draws; the
// weighted annotators give a continuous preference in [1, 2], kept as it is (minus 1) beside its rounded verdict.
// alpaca_eval shuffles the order before asking and stores the preference in generator terms, so the verdict is
// one per pair (order "combined").
import { basename, dirname } from 'node:path';
import type { CanonicalRecord, PairVerdict } from '../../model/records';
import { FieldError } from '../errors';
import * as f from '../fields';
import type { Row } from '../fields';
import { instructionGroup } from './alpacaEval';
import { defaultLanguage, type ImportFormat } from './format';
import { msg } from '../../util/message';

const FIELDS = ['instruction', 'output_1', 'generator_1', 'output_2', 'generator_2', 'preference'];

/** The verdict and the continuous preference for generator_2 (0..1) of alpaca_eval's preference. */
export function alpacaPreference(row: Row): { verdict: PairVerdict; preference?: number; raw: string } {
  const v = row.preference;
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)))
    return { verdict: 'invalid', raw: String(v) };
  const p = f.number(row, 'preference');
  if (p === 0 || p === 1.5) return { verdict: 'tie', preference: 0.5, raw: String(p) };
  if (p < 1 || p > 2)
    throw new FieldError('preference', msg('{0} is not 1 (output_1), 2 (output_2), a draw (0, 1.5) or in between', p));
  return { verdict: p < 1.5 ? 'A' : p > 1.5 ? 'B' : 'tie', preference: p - 1, raw: String(p) };
}

export const alpacaEvalAnnotationsFormat: ImportFormat = {
  name: 'alpaca-eval-annotations',
  description:
    "alpaca_eval annotations.json (two generators' outputs and the annotator's preference; generator_1 is the baseline)",
  syntaxes: ['json', 'jsonl'],
  matches: (_name, first) => FIELDS.every((k) => k in first),
  open: (context) => {
    // results/<model>/<annotator>/annotations.json: the folder names the annotator when the rows do not.
    const folderJudge = basename(dirname(context.file));
    return {
      convert(row, source): CanonicalRecord[] {
        const instruction = f.text(row, 'instruction');
        const key = {
          run: context.options.run ?? 'alpaca-eval',
          group: instructionGroup(instruction),
          lang: defaultLanguage(context),
          turn: 1,
        };
        const systemA = f.text(row, 'generator_1');
        const systemB = f.text(row, 'generator_2');
        if (systemA === systemB)
          throw new FieldError('generator_2', msg('is the same generator as generator_1 ("{0}")', systemA));
        const judged = alpacaPreference(row);
        return [
          { kind: 'prompt', ...key, text: instruction, source },
          { kind: 'response', ...key, system: systemA, seed: 0, text: f.textAllowEmpty(row, 'output_1'), source },
          { kind: 'response', ...key, system: systemB, seed: 0, text: f.textAllowEmpty(row, 'output_2'), source },
          {
            kind: 'pairwise-judgment',
            ...key,
            judge: f.optionalText(row, 'annotator') ?? folderJudge,
            systemA,
            systemB,
            order: 'combined',
            ...judged,
            ...(f.has(row, 'raw_completion') ? { reasoning: rawCompletion(row) } : {}),
            source,
          },
        ];
      },
    };
  },
};

/** The annotator's answer: text, or the JSON it returned (the weighted annotators return logprobs). */
function rawCompletion(row: Row): string {
  const v = row.raw_completion;
  return typeof v === 'string' ? v : JSON.stringify(v);
}
