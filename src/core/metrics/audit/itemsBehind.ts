// The items behind an agreement figure (protocols.md §7: "click from any number to the items behind it"): for
// one comparison (a judge against the humans, or the humans among themselves) in one group (a language, a turn),
// every item with the votes paired as raterAgreement pairs them, each pair and each item marked. Summing the
// marks gives back the figure: (agree pairs) / (pairs) is the agreement with ties, exactly.
import { countedVerdict, type InvalidPolicy } from '../../model/verdicts';
import { naturalCompare } from '../../util/naturalCompare';
import type { PairKey, PairVerdict } from '../../model/records';
import { groupKey, type GroupField, type GroupValues } from '../grouping';
import { itemGroupValues, type HumanVerdict, type PairwiseItem } from '../agreement/pairwiseItems';

/** A judge against every human vote ([MT]'s pairing), or every two human votes on an item. */
export type Comparison = { readonly kind: 'judge-human'; readonly judge: string } | { readonly kind: 'human-human' };

/** Two labels of one item: the same label (tie = tie), one tie and one choice, or opposite choices. */
export type PairOutcome = 'agree' | 'tie-involved' | 'opposite';

/**
 * An item as a whole: every pair agrees; some pair names opposite responses (disagree); otherwise some pair has
 * one tie (tie-involved); or the judge's verdict was unparsable and the item is left out of the figure (invalid).
 */
export type ItemOutcome = 'agree' | 'disagree' | 'tie-involved' | 'invalid';

export interface VotePair {
  readonly raterX: string;
  readonly x: PairVerdict;
  readonly raterY: string;
  readonly y: HumanVerdict;
  readonly outcome: PairOutcome;
}

export interface PairTally {
  /** Pairs with the same label, of which bothTie are tie = tie. */
  readonly agree: number;
  readonly bothTie: number;
  readonly tieInvolved: number;
  readonly opposite: number;
}

export interface ItemBehind extends PairKey {
  /** The judge's verdict as stored (null for human–human); relative to systemA / systemB. */
  readonly judgeVerdict: PairVerdict | null;
  readonly humans: readonly { readonly annotator: string; readonly verdict: HumanVerdict }[];
  /** The pairs that count in the figure (none for an invalid item). */
  readonly pairs: readonly VotePair[];
  readonly tally: PairTally;
  readonly outcome: ItemOutcome;
}

export interface BehindOptions {
  /** As in raterAgreement: an unparsable judge verdict leaves the item out (shown as invalid), or counts as a tie. */
  readonly invalidAs: InvalidPolicy;
}

export function pairOutcome(x: PairVerdict, y: PairVerdict): PairOutcome {
  if (x === y) return 'agree';
  return x === 'tie' || y === 'tie' ? 'tie-involved' : 'opposite';
}

/** Items whose grouping fields (language, turn, run) equal the group's; fields the group lacks are not compared. */
export function itemsInGroup(
  items: readonly PairwiseItem[],
  group: GroupValues,
  by: readonly GroupField[],
): PairwiseItem[] {
  return items.filter((item) => {
    const values = itemGroupValues(item);
    return by.every((f) => group[f] === undefined || values[f] === group[f]);
  });
}

/** The items of every group at once (each item's group worked out once): itemsInGroup for a whole table. */
export class ItemsByGroup {
  private readonly groups = new Map<string, PairwiseItem[]>();

  constructor(
    items: readonly PairwiseItem[],
    private readonly by: readonly GroupField[],
  ) {
    for (const item of items) {
      const key = groupKey(itemGroupValues(item), by);
      (this.groups.get(key) ?? this.groups.set(key, []).get(key)!).push(item);
    }
  }

  /** The items of a group of the table (one with a value for every field of its breakdown). */
  of(group: GroupValues): readonly PairwiseItem[] {
    return this.groups.get(groupKey(group, this.by)) ?? [];
  }
}

const OUTCOME_RANK: Record<ItemOutcome, number> = { disagree: 0, 'tie-involved': 1, invalid: 2, agree: 3 };

/**
 * The items a figure of raterAgreement rests on, disagreements first, then in the prompt groups' natural order.
 * Judge–human: items with the judge's verdict and at least one human vote; human–human: items with two or more votes.
 */
export function itemsBehind(
  items: readonly PairwiseItem[],
  comparison: Comparison,
  options: BehindOptions,
): ItemBehind[] {
  const out: ItemBehind[] = [];
  for (const item of items) {
    const entry = comparison.kind === 'judge-human' ? judgeItem(item, comparison.judge, options) : humanItem(item);
    if (entry) out.push(entry);
  }
  return out.sort((a, b) => OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome] || compareItems(a, b));
}

export function compareItems(a: PairKey, b: PairKey): number {
  return (
    a.run.localeCompare(b.run) ||
    a.lang.localeCompare(b.lang) ||
    a.turn - b.turn ||
    naturalCompare(a.group, b.group) ||
    a.systemA.localeCompare(b.systemA) ||
    a.systemB.localeCompare(b.systemB)
  );
}

function keyOf(item: PairwiseItem): PairKey {
  const { run, group, lang, turn, systemA, systemB } = item;
  return { run, group, lang, turn, systemA, systemB };
}

function judgeItem(item: PairwiseItem, judge: string, options: BehindOptions): ItemBehind | undefined {
  const verdict = item.judges.get(judge);
  if (verdict === undefined || item.humans.length === 0) return undefined;
  const humans = item.humans;
  const counted = countedVerdict(verdict, options.invalidAs);
  if (counted === undefined) {
    return { ...keyOf(item), judgeVerdict: verdict, humans, pairs: [], tally: tally([]), outcome: 'invalid' };
  }
  const pairs = humans.map((h) => ({
    raterX: judge,
    x: counted,
    raterY: h.annotator,
    y: h.verdict,
    outcome: pairOutcome(counted, h.verdict),
  }));
  return { ...keyOf(item), judgeVerdict: verdict, humans, pairs, tally: tally(pairs), outcome: itemOutcome(pairs) };
}

function humanItem(item: PairwiseItem): ItemBehind | undefined {
  const votes = item.humans;
  if (votes.length < 2) return undefined;
  const pairs: VotePair[] = [];
  for (let i = 0; i < votes.length; i++) {
    for (let j = i + 1; j < votes.length; j++) {
      const [x, y] = [votes[i]!, votes[j]!];
      pairs.push({
        raterX: x.annotator,
        x: x.verdict,
        raterY: y.annotator,
        y: y.verdict,
        outcome: pairOutcome(x.verdict, y.verdict),
      });
    }
  }
  return { ...keyOf(item), judgeVerdict: null, humans: votes, pairs, tally: tally(pairs), outcome: itemOutcome(pairs) };
}

function tally(pairs: readonly VotePair[]): PairTally {
  let agree = 0,
    bothTie = 0,
    tieInvolved = 0,
    opposite = 0;
  for (const p of pairs) {
    if (p.outcome === 'agree') {
      agree++;
      if (p.x === 'tie') bothTie++;
    } else if (p.outcome === 'tie-involved') tieInvolved++;
    else opposite++;
  }
  return { agree, bothTie, tieInvolved, opposite };
}

function itemOutcome(pairs: readonly VotePair[]): ItemOutcome {
  if (pairs.some((p) => p.outcome === 'opposite')) return 'disagree';
  if (pairs.some((p) => p.outcome === 'tie-involved')) return 'tie-involved';
  return 'agree';
}

export interface BehindSummary extends PairTally {
  readonly items: number;
  /** Items left out of the figure for an unparsable judge verdict. */
  readonly invalid: number;
  /** Vote pairs: the n of the agreement with ties and of the LIMA score. */
  readonly pairs: number;
  /** Pairs where neither says tie: the n of the agreement without ties. */
  readonly pairsWithoutTie: number;
  /** Of those, the pairs that agree: withoutTie = agreeWithoutTie / pairsWithoutTie. */
  readonly agreeWithoutTie: number;
  readonly byOutcome: Readonly<Record<ItemOutcome, number>>;
}

/** The counts of a list of items; the figures follow: withTie = agree / pairs, lima = (agree + tieInvolved / 2) / pairs. */
export function summarise(items: readonly ItemBehind[]): BehindSummary {
  const byOutcome: Record<ItemOutcome, number> = { agree: 0, disagree: 0, 'tie-involved': 0, invalid: 0 };
  let agree = 0,
    bothTie = 0,
    tieInvolved = 0,
    opposite = 0;
  for (const item of items) {
    byOutcome[item.outcome]++;
    agree += item.tally.agree;
    bothTie += item.tally.bothTie;
    tieInvolved += item.tally.tieInvolved;
    opposite += item.tally.opposite;
  }
  return {
    items: items.length - byOutcome.invalid,
    invalid: byOutcome.invalid,
    agree,
    bothTie,
    tieInvolved,
    opposite,
    pairs: agree + tieInvolved + opposite,
    pairsWithoutTie: agree - bothTie + opposite,
    agreeWithoutTie: agree - bothTie,
    byOutcome,
  };
}
