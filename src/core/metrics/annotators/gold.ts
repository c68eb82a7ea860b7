// The known answer of a pairwise item: the lead's adjudicated label, or an imported gold label (annotator roles,
// migration 0013). Which of them counts as gold is the user's choice (--gold), defined once here.
import type { HumanPairwiseRow } from '../../store/store';
import { pairItemKey, type HumanVerdict } from '../agreement/pairwiseItems';

export const GOLD_SOURCES = ['both', 'adjudicated', 'gold'] as const;
/** both: an item's adjudicated label where it has one, else its gold label; or only one of the two. */
export type GoldSource = (typeof GOLD_SOURCES)[number];

export interface GoldVerdicts {
  /** By pairItemKey. */
  readonly verdicts: ReadonlyMap<string, HumanVerdict>;
  /** Items whose labels of the chosen role disagree with each other (two adjudicators, two gold files): no gold. */
  readonly conflicting: number;
}

function agreed(rows: readonly HumanPairwiseRow[]): { verdicts: Map<string, HumanVerdict>; conflicts: Set<string> } {
  const verdicts = new Map<string, HumanVerdict>();
  const conflicts = new Set<string>();
  for (const row of rows) {
    const key = pairItemKey(row);
    const known = verdicts.get(key);
    if (known !== undefined && known !== row.verdict) conflicts.add(key);
    verdicts.set(key, row.verdict);
  }
  for (const key of conflicts) verdicts.delete(key);
  return { verdicts, conflicts };
}

export function goldVerdicts(
  adjudicated: readonly HumanPairwiseRow[],
  gold: readonly HumanPairwiseRow[],
  source: GoldSource,
): GoldVerdicts {
  const fromLead = agreed(source === 'gold' ? [] : adjudicated);
  const fromGold = agreed(source === 'adjudicated' ? [] : gold);
  const verdicts = new Map(fromGold.verdicts);
  for (const key of fromLead.conflicts) verdicts.delete(key);
  for (const [key, verdict] of fromLead.verdicts) verdicts.set(key, verdict);
  // A gold conflict no adjudication settles stays a conflict; an adjudicated conflict hides any gold label.
  const conflicting = new Set([...fromLead.conflicts, ...[...fromGold.conflicts].filter((k) => !verdicts.has(k))]);
  return { verdicts, conflicting: conflicting.size };
}
