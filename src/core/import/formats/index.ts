import { alpacaEvalFormat } from './alpacaEval';
import { alpacaEvalAnnotationsFormat } from './alpacaEvalAnnotations';
import { arenaHardAnswerFormat, arenaHardJudgmentFormat, arenaHardQuestionFormat } from './arenaHard';
import { canonicalFormat } from './canonical';
import {
  fastChatAnswerFormat,
  fastChatPairFormat,
  fastChatQuestionFormat,
  fastChatReferenceFormat,
  fastChatSingleFormat,
} from './fastChat';
import type { ImportFormat } from './format';
import { hpltPromptsFormat } from './hpltPrompts';
import { inspectFormat } from './inspect';
import { kewJudgeFormat, kewOutputsFormat } from './kew';
import { llmComparatorFormat } from './llmComparator';
import { mtBenchFormat } from './mtBench';
import { pandaLmJudgeFormat, pandaLmTestSetFormat } from './pandaLm';
import { promptfooFormat, promptfooGradingFormat } from './promptfoo';
import { schemaFileFormat } from './schemaFile';

export type { ImportFormat, ImportOptions } from './format';

/** Every layout LangLens recognises, tried in this order on a file's first record. */
export const FORMATS: readonly ImportFormat[] = [
  canonicalFormat,
  mtBenchFormat,
  fastChatPairFormat,
  fastChatSingleFormat,
  arenaHardJudgmentFormat,
  fastChatReferenceFormat,
  arenaHardQuestionFormat,
  arenaHardAnswerFormat,
  fastChatAnswerFormat,
  fastChatQuestionFormat,
  pandaLmTestSetFormat,
  pandaLmJudgeFormat,
  alpacaEvalAnnotationsFormat,
  alpacaEvalFormat,
  inspectFormat,
  llmComparatorFormat,
  promptfooFormat,
  promptfooGradingFormat,
  kewJudgeFormat,
  kewOutputsFormat,
  hpltPromptsFormat,
  schemaFileFormat,
];

export function formatNamed(name: string): ImportFormat | undefined {
  return FORMATS.find((f) => f.name === name);
}
