// The known answer of a pairwise item: the lead's adjudicated label, or an imported gold label (annotator roles,
// migration 0013). Which of them counts as gold is the user's choice (--gold), defined once here.
import type { HumanPairwiseRow } from '../../store/store';
import { pairItemKey, type HumanVerdict } from '../agreement/pairwiseItems';

export const GOLD_SOURCES = ['both', 'adjudicated', 'gold'] as const;
/** both: an item's adjudicated label where it has one, else its gold label; or only one of the two. */
export type GoldSource = (typeof GOLD_SOURCES)[number];

/** Pairwise known answers, by pairItemKey. */
export type GoldVerdicts = KnownAnswers<HumanVerdict>;

/** The known answers of one kind of item (pairwise verdicts, ratings), by item key. */
export interface KnownAnswers<V> {
  readonly verdicts: ReadonlyMap<string, V>;
  /** Items whose labels of the chosen role disagree with each other (two adjudicators, two gold files): no gold. */
  readonly conflicting: number;
}

function agreed<R, V>(rows: readonly R[], keyOf: (row: R) => string, valueOf: (row: R) => V) {
  const verdicts = new Map<string, V>();
  const conflicts = new Set<string>();
  for (const row of rows) {
    const key = keyOf(row);
    const known = verdicts.get(key);
    if (known !== undefined && known !== valueOf(row)) conflicts.add(key);
    verdicts.set(key, valueOf(row));
  }
  for (const key of conflicts) verdicts.delete(key);
  return { verdicts, conflicts };
}

/** The rule of --gold, for any kind of item: an adjudicated label over gold ones, two that differ are none. */
export function knownAnswers<R, V>(
  adjudicated: readonly R[],
  gold: readonly R[],
  source: GoldSource,
  keyOf: (row: R) => string,
  valueOf: (row: R) => V,
): KnownAnswers<V> {
  const fromLead = agreed(source === 'gold' ? [] : adjudicated, keyOf, valueOf);
  const fromGold = agreed(source === 'adjudicated' ? [] : gold, keyOf, valueOf);
  const verdicts = new Map(fromGold.verdicts);
  for (const key of fromLead.conflicts) verdicts.delete(key);
  for (const [key, verdict] of fromLead.verdicts) verdicts.set(key, verdict);
  // A gold conflict no adjudication settles stays a conflict; an adjudicated conflict hides any gold label.
  const conflicting = new Set([...fromLead.conflicts, ...[...fromGold.conflicts].filter((k) => !verdicts.has(k))]);
  return { verdicts, conflicting: conflicting.size };
}

export function goldVerdicts(
  adjudicated: readonly HumanPairwiseRow[],
  gold: readonly HumanPairwiseRow[],
  source: GoldSource,
): GoldVerdicts {
  return knownAnswers(adjudicated, gold, source, pairItemKey, (r) => r.verdict);
}
