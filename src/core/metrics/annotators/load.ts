// The known answers of a slice of the database: adjudicated and gold labels, which the store keeps apart from the
// raw labels (annotator roles, migration 0013).
import type { DataFilter, HumanPairwiseRow, LabelsAsOf, Store } from '../../store/store';
import { pairItemKey } from '../agreement/pairwiseItems';
import { ratingVotes } from '../../store/scoreQueries';
import { responseKey } from '../judging/judgeScores';
import { goldVerdicts, knownAnswers, type GoldSource, type GoldVerdicts, type KnownAnswers } from './gold';

export async function loadGoldVerdicts(
  store: Store,
  filter: DataFilter & LabelsAsOf,
  source: GoldSource,
): Promise<GoldVerdicts> {
  const [adjudicated, gold] = await Promise.all([
    store.humanPairwiseLabels({ ...filter, roles: ['adjudicator'] }),
    store.humanPairwiseLabels({ ...filter, roles: ['gold'] }),
  ]);
  return goldVerdicts(adjudicated, gold, source);
}

/**
 * The known ratings of a slice of the database, by responseKey (response and criterion): the adjudicated ratings
 * (the review panel's, `--task rating`), the gold ones, or both, by the rule of the pairwise known answers.
 */
export async function loadGoldRatings(
  store: Store,
  filter: DataFilter & LabelsAsOf,
  source: GoldSource,
): Promise<KnownAnswers<string>> {
  const [adjudicated, gold] = await Promise.all([
    ratingVotes(store, filter, ['adjudicator']),
    ratingVotes(store, filter, ['gold']),
  ]);
  return knownAnswers(adjudicated, gold, source, responseKey, (r) => r.rating);
}

/** The words --gold takes for known answers, and which labels each means. */
export const GOLD_WORDS: Readonly<Record<string, GoldSource>> = {
  adjudicated: 'adjudicated',
  gold: 'gold',
  known: 'both',
};

/**
 * The known answers as the rows of one reference rater called `name` (for --gold): the adjudicated labels, the gold
 * labels, or both, where an item's adjudicated label replaces its gold ones.
 */
export async function goldRows(
  store: Store,
  filter: DataFilter & LabelsAsOf,
  source: GoldSource,
  name: string,
): Promise<HumanPairwiseRow[]> {
  const [adjudicated, gold] = await Promise.all([
    source === 'gold' ? [] : store.humanPairwiseLabels({ ...filter, roles: ['adjudicator'] }),
    source === 'adjudicated' ? [] : store.humanPairwiseLabels({ ...filter, roles: ['gold'] }),
  ]);
  const settled = new Set(adjudicated.map(pairItemKey));
  return [...adjudicated, ...gold.filter((r) => !settled.has(pairItemKey(r)))].map((r) => ({ ...r, annotator: name }));
}
