// WeOpenML/PandaLM data/: testset-v1.json (two responses, three human labels per item) and one file per judge
// (gpt-3.5-turbo-testset-v1.json, pandalm-7b-testset-v1.json) aligned with the test set by idx.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { CanonicalRecord, PairVerdict, PromptKey } from '../../model/records';
import { FieldError } from '../errors';
import * as f from '../fields';
import type { Row } from '../fields';
import { readCompanion } from '../companion';
import { defaultLanguage, type FormatContext, type ImportFormat, type RowConverter } from './format';
import { msg } from '../../util/message';

const ANNOTATORS = ['annotator1', 'annotator2', 'annotator3'];

/** PandaLM's labels: 0 = tie, 1 = response1 better, 2 = response2 better. */
function labelVerdict(row: Row, field: string): 'A' | 'B' | 'tie' {
  const v = f.integer(row, field);
  if (v === 0) return 'tie';
  if (v === 1) return 'A';
  if (v === 2) return 'B';
  throw new FieldError(field, msg('{0} is not 0 (tie), 1 (response1) or 2 (response2)', v));
}

function systemsOf(row: Row): [string, string] {
  const key = f.text(row, 'cmp_key');
  const parts = key.split('_');
  if (parts.length !== 2 || !parts[0] || !parts[1] || parts[0] === parts[1]) {
    throw new FieldError('cmp_key', msg('"{0}" is not two different systems joined by "_"', key));
  }
  return [parts[0], parts[1]];
}

function keyOf(row: Row, context: FormatContext): PromptKey {
  return { run: context.options.run ?? 'pandalm', group: f.text(row, 'idx'), lang: defaultLanguage(context), turn: 1 };
}

export const pandaLmTestSetFormat: ImportFormat = {
  name: 'pandalm-testset',
  description: "PandaLM test set: instruction, two responses and three annotators' labels per item",
  syntaxes: ['json', 'jsonl'],
  matches: (_name, first) => ['idx', 'cmp_key', 'instruction', 'response1', 'response2'].every((k) => k in first),
  open: (context) => ({
    convert(row, source) {
      const key = keyOf(row, context);
      const [systemA, systemB] = systemsOf(row);
      const input = f.optionalText(row, 'input');
      const prompt = f.text(row, 'instruction') + (input ? `\n\n${input}` : '');
      const records: CanonicalRecord[] = [
        { kind: 'prompt', ...key, text: prompt, source },
        { kind: 'response', ...key, system: systemA, seed: 0, text: f.scalarText(row, 'response1'), source },
        { kind: 'response', ...key, system: systemB, seed: 0, text: f.scalarText(row, 'response2'), source },
      ];
      for (const annotator of ANNOTATORS.filter((a) => f.has(row, a))) {
        records.push({
          kind: 'pairwise-label',
          ...key,
          annotator,
          systemA,
          systemB,
          verdict: labelVerdict(row, annotator),
          order: 'AB',
          source,
        });
      }
      return records;
    },
  }),
};

export const pandaLmJudgeFormat: ImportFormat = {
  name: 'pandalm-judge',
  description: 'PandaLM judge verdicts (<judge>-testset-v1.json: idx and <x>_result), systems taken from the test set',
  syntaxes: ['json', 'jsonl'],
  matches: (_name, first) =>
    'idx' in first && !('cmp_key' in first) && Object.keys(first).some((k) => k.endsWith('_result')),
  open: openJudgeFile,
};

async function openJudgeFile(context: FormatContext): Promise<RowConverter> {
  const testSet = context.options.pairsFrom ?? siblingTestSet(context.file);
  if (!testSet || !existsSync(testSet)) {
    throw new FieldError(
      '',
      testSet
        ? msg(
            'a PandaLM judge file names no systems; they come from the test set (testset-v1.json) expected at {0}: pass its path with --pairs-from',
            testSet,
          )
        : msg(
            'a PandaLM judge file names no systems; they come from the test set (testset-v1.json) beside it: pass its path with --pairs-from',
          ),
    );
  }
  const pairs = new Map<string, [string, string]>();
  await readCompanion(testSet, context.file, msg('the test set'), (row) =>
    pairs.set(f.text(row, 'idx'), systemsOf(row)),
  );
  const judge = basename(context.file, extname(context.file)).replace(/-?testset.*$/i, '') || 'judge';
  return {
    convert(row, source) {
      const resultField = Object.keys(row).find((k) => k.endsWith('_result'))!;
      const key = keyOf(row, context);
      const pair = pairs.get(key.group);
      if (!pair) throw new FieldError('idx', msg('{0} is not in the test set {1}', key.group, testSet));
      const raw = row[resultField] === null || row[resultField] === undefined ? '' : String(row[resultField]);
      const reasonField = resultField.replace(/_result$/, '_reason');
      return [
        {
          kind: 'pairwise-judgment',
          ...key,
          judge,
          systemA: pair[0],
          systemB: pair[1],
          order: 'AB',
          verdict: judgeVerdict(raw),
          raw,
          ...(f.has(row, reasonField) ? { reasoning: f.text(row, reasonField) } : {}),
          source,
        },
      ];
    },
  };
}

/** "1"/"2"/"Tie" (gpt-3.5-turbo) or 1/2/0 (PandaLM-7B); anything else ("garbage") is invalid. */
function judgeVerdict(raw: string): PairVerdict {
  const v = raw.trim().toLowerCase();
  if (v === '1') return 'A';
  if (v === '2') return 'B';
  if (v === '0' || v === 'tie') return 'tie';
  return 'invalid';
}

function siblingTestSet(file: string): string | undefined {
  const name = basename(file);
  const at = name.toLowerCase().indexOf('testset');
  return at > 0 ? join(dirname(file), name.slice(at)) : undefined;
}
