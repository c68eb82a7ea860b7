// hplt-project/monolingual-multilingual-instruction-tuning test-data/: one file per language, test_<lang>.jsonl,
// {"id", "prompt"}; the same id is the same prompt in every language.
import { basename } from 'node:path';
import { parseLanguageTag, type LanguageTag } from '../../model/language';
import { FieldError } from '../errors';
import * as f from '../fields';
import type { ImportFormat } from './format';
import { msg } from '../../util/message';

const FILE_NAME = /^(?:test|dev|prompts?)[_-]([A-Za-z]{2,3}(?:[_-][A-Za-z0-9]+)*)\.jsonl$/;

export function languageFromFileName(file: string): LanguageTag | undefined {
  const m = FILE_NAME.exec(basename(file));
  return m ? parseLanguageTag(m[1]!) : undefined;
}

export const hpltPromptsFormat: ImportFormat = {
  name: 'prompts-per-language',
  description: 'one prompt file per language (test_<lang>.jsonl with "id" and "prompt", as in HPLT\'s test-data)',
  syntaxes: ['jsonl'],
  matches: (name, first) => 'id' in first && 'prompt' in first && languageFromFileName(name) !== undefined,
  open: (context) => {
    const lang = context.options.language ?? languageFromFileName(context.file);
    if (!lang)
      throw new FieldError(
        '',
        msg('the file name does not say the language (expected test_<lang>.jsonl): pass --lang'),
      );
    return {
      convert: (row, source) => [
        {
          kind: 'prompt',
          run: context.options.run ?? 'hplt-prompts',
          group: f.text(row, 'id'),
          lang,
          turn: 1,
          text: f.text(row, 'prompt'),
          source,
        },
      ],
    };
  },
};
