// Reading a judge's answer to a task: the verdict or score records for every target of the task, an unreadable
// answer kept as invalid with the reason (parse.ts finds the value in the text).
import type { CanonicalRecord, PairVerdict, SourceRef } from '../model/records';
import { flipVerdict } from '../model/verdicts';
import type { JudgeDefinition, JudgeProtocol } from './definition';
import { parseBracketRating, parseJsonScore, parsePairwiseAnswer, type PairChoice } from './parse';
import type { JudgeTask } from './tasks';

/** What one answer says: the verdict records for every target of the task, and whether it could be read. */
export interface Interpretation {
  readonly records: readonly CanonicalRecord[];
  readonly valid: boolean;
}

/** The verdicts are recorded as coming from the definition file (JudgeResultWriter registers it as their source). */
export function interpretAnswer(definition: JudgeDefinition, task: JudgeTask, raw: string): Interpretation {
  const read = readAnswer(definition.protocol, raw);
  const source: SourceRef = { file: definition.file, line: 0 };
  const common = {
    judge: definition.name,
    judgeHash: definition.hash,
    ...(definition.criterion ? { criterion: definition.criterion.name } : {}),
    raw,
    source,
  };
  const reasoning = read.valid ? read.reasoning : `invalid: ${read.problem}`;
  const records = task.targets.map((target): CanonicalRecord => {
    if (target.kind === 'pair') {
      return {
        kind: 'pairwise-judgment',
        ...target.prompt,
        systemA: target.systemA,
        systemB: target.systemB,
        order: target.order,
        verdict: read.valid ? verdictOf(read.choice!, target.order) : 'invalid',
        ...common,
        ...(reasoning === undefined ? {} : { reasoning }),
      };
    }
    const scale = definition.protocol.kind === 'pairwise' ? undefined : definition.protocol.scale;
    return {
      kind: 'pointwise-judgment',
      ...target.response,
      scale: scale!,
      score: read.valid ? read.score! : null,
      ...common,
      ...(reasoning === undefined ? {} : { reasoning }),
    };
  });
  return { records, valid: read.valid };
}

/** A choice between the responses as shown, turned into a verdict on the systems (A = systemA). */
export function verdictOf(choice: PairChoice, order: 'AB' | 'BA'): PairVerdict {
  const onFirst: PairVerdict = choice === 'tie' ? 'tie' : choice === 'first' ? 'A' : 'B';
  return order === 'AB' ? onFirst : flipVerdict(onFirst);
}

interface ReadAnswer {
  readonly valid: boolean;
  readonly choice?: PairChoice;
  readonly score?: number;
  readonly reasoning?: string;
  readonly problem?: string;
}

export function readAnswer(protocol: JudgeProtocol, raw: string): ReadAnswer {
  if (protocol.kind === 'pairwise') {
    const parsed = parsePairwiseAnswer(raw, protocol.answers, protocol.allowTie);
    return parsed.ok ? { valid: true, choice: parsed.choice } : { valid: false, problem: parsed.problem };
  }
  const parsed =
    protocol.kind === 'likert' ? parseJsonScore(raw, protocol.scale) : parseBracketRating(raw, protocol.scale);
  return parsed.ok
    ? { valid: true, score: parsed.score, ...(parsed.reasoning === undefined ? {} : { reasoning: parsed.reasoning }) }
    : { valid: false, problem: parsed.problem };
}
