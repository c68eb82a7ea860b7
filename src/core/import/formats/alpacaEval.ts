// alpaca_eval's model_outputs.json: [{"instruction", "output", "generator", "dataset"?}, ...]. It has no ids, so
// an instruction is identified by a hash of its text: the same instruction groups across systems' files.
import { createHash } from 'node:crypto';
import * as f from '../fields';
import { defaultLanguage, type ImportFormat } from './format';

export function instructionGroup(instruction: string): string {
  return `ae-${createHash('sha1').update(instruction.trim()).digest('hex').slice(0, 12)}`;
}

export const alpacaEvalFormat: ImportFormat = {
  name: 'alpaca-eval',
  description: 'alpaca_eval model_outputs.json (instruction, output, generator)',
  syntaxes: ['json', 'jsonl'],
  matches: (_name, first) => ['instruction', 'output', 'generator'].every((k) => k in first),
  open: (context) => ({
    convert(row, source) {
      const instruction = f.text(row, 'instruction');
      const key = {
        run: context.options.run ?? 'alpaca-eval',
        group: instructionGroup(instruction),
        lang: f.has(row, 'lang') ? f.language(row, 'lang') : defaultLanguage(context),
        turn: 1,
      };
      return [
        { kind: 'prompt', ...key, text: instruction, source },
        {
          kind: 'response',
          ...key,
          system: context.options.system ?? f.text(row, 'generator'),
          seed: 0,
          text: f.textAllowEmpty(row, 'output'),
          source,
        },
      ];
    },
  }),
};
