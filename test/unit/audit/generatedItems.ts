// Pairwise items made up for the dashboard's tests: the figures are not the point, their equality is.
import type { PairwiseItem } from '../../../src/core/metrics/agreement';
import type { LanguageTag } from '../../../src/core/model/language';
import type { PairVerdict } from '../../../src/core/model/records';

const VERDICTS: PairVerdict[] = ['A', 'B', 'tie', 'invalid'];
const HUMAN_VERDICTS = ['A', 'B', 'tie'] as const;

/** Items of two languages, 60 prompt groups each, judged by two judges and voted on by two or three humans. */
export function generatedItems(count: number): PairwiseItem[] {
  return Array.from({ length: count }, (_, i) => {
    const votes = 2 + (i % 2);
    return {
      run: 'r',
      group: `g${i % 60}`,
      lang: (i % 3 === 0 ? 'he' : 'es') as LanguageTag,
      turn: 1,
      systemA: `s${i % 7}`,
      systemB: 'base',
      judges: new Map<string, PairVerdict>([
        ['gpt', VERDICTS[(i * 7) % 4]!],
        ['llama', VERDICTS[(i * 5 + 1) % 3]!],
      ]),
      humans: Array.from({ length: votes }, (_, h) => ({
        annotator: `${i % 3 === 0 ? 'he' : 'es'}-${h}`,
        verdict: HUMAN_VERDICTS[(i * (h + 2) + h) % 3]!,
      })),
      reference: i % 4 === 0 ? 'BA' : 'AB',
    };
  });
}
