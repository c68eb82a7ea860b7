import { alpacaEvalFormat } from './alpacaEval';
import { canonicalFormat } from './canonical';
import { fastChatAnswerFormat, fastChatPairFormat, fastChatQuestionFormat, fastChatSingleFormat } from './fastChat';
import type { ImportFormat } from './format';
import { hpltPromptsFormat } from './hpltPrompts';
import { mtBenchFormat } from './mtBench';
import { pandaLmJudgeFormat, pandaLmTestSetFormat } from './pandaLm';
import { schemaFileFormat } from './schemaFile';

export type { ImportFormat, ImportOptions } from './format';

/** Every layout LangLens recognises, tried in this order on a file's first record. */
export const FORMATS: readonly ImportFormat[] = [
  canonicalFormat,
  mtBenchFormat,
  fastChatPairFormat,
  fastChatSingleFormat,
  fastChatAnswerFormat,
  fastChatQuestionFormat,
  pandaLmTestSetFormat,
  pandaLmJudgeFormat,
  alpacaEvalFormat,
  hpltPromptsFormat,
  schemaFileFormat,
];

export function formatNamed(name: string): ImportFormat | undefined {
  return FORMATS.find((f) => f.name === name);
}
