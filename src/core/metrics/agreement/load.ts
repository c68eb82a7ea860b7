import type { DataFilter, Store } from '../../store/store';
import { namePattern } from '../../util/pattern';
import { buildPairwiseItems, type PairwiseItem } from './pairwiseItems';

export interface PairwiseSelection extends DataFilter {
  /** Judges by name; all when absent. */
  readonly judges?: readonly string[];
  /** Annotators by pattern ("expert_*", "!author_*"); all when absent. */
  readonly annotatorPattern?: string;
}

/** The pairwise items of a slice of the database, with the chosen judges' verdicts and annotators' votes. */
export async function loadPairwiseItems(store: Store, selection: PairwiseSelection): Promise<PairwiseItem[]> {
  const { annotatorPattern, ...filter } = selection;
  const judgeRows = await store.judgeVerdicts(filter);
  const matches = annotatorPattern ? namePattern(annotatorPattern) : () => true;
  const humanRows = (await store.humanPairwiseLabels(filter)).filter((r) => matches(r.annotator));
  return buildPairwiseItems(judgeRows, humanRows);
}
