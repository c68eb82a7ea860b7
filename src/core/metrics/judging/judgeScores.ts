// Pointwise judge scores on every scale in the selection, as numbers on their declared scale (before any language
// gate: these statistics are about the judging).
import type { ResponseFilter, ResponseKeyRow } from '../../store/languageQueries';
import { pointwiseScaleNames } from '../../store/judgingQueries';
import { pointwiseScores } from '../../store/scoreQueries';
import type { Store } from '../../store/store';
import { judgeLabels } from '../judgeLabels';
import type { NumericScale } from './humanScores';

export interface JudgeScore extends ResponseKeyRow {
  /** The judge's name, or name@hash when one name has results from several definitions. */
  readonly judge: string;
  /** null: the judge's answer could not be parsed. */
  readonly value: number | null;
  /** '' when the score has no criterion. */
  readonly criterion: string;
  readonly scale: NumericScale;
}

export async function loadJudgeScores(
  store: Store,
  filter: ResponseFilter & { readonly judges?: readonly string[] } = {},
): Promise<JudgeScore[]> {
  const out: JudgeScore[] = [];
  for (const scale of await pointwiseScaleNames(store, filter)) {
    const rows = await pointwiseScores(store, { ...filter, scale });
    const label = judgeLabels(rows);
    for (const row of rows) {
      const { run, group, lang, turn, system, seed } = row;
      out.push({
        run,
        group,
        lang,
        turn,
        system,
        seed,
        judge: label(row),
        criterion: row.criterion,
        value: row.score,
        scale: { id: row.scale, min: row.scaleMin, max: row.scaleMax },
      });
    }
  }
  return out;
}

/** A response's identity, and the criterion it is rated on, as a map key: criteria are never pooled. */
export function responseKey(row: ResponseKeyRow & { readonly criterion?: string }): string {
  return [row.run, row.group, row.lang, row.turn, row.system, row.seed, row.criterion ?? ''].join('\u0000');
}
