// The lead's review list: the pairwise items where the annotators disagree with each other, or a judge with some
// annotator, with every vote and comment, each judge's verdicts and reasoning, and the adjudicated label if the
// lead gave one. What the adjudication view shows side by side; the adjudicated label itself is an ordinary label
// of an `adjudicator` (annotator roles, migration 0013).
import type { PairKey, PairVerdict } from '../../model/records';
import { itemVerdict } from '../../model/verdicts';
import type { HumanPairwiseRow, JudgeVerdictRow } from '../../store/store';
import { collect } from '../scores/slices';
import { pairItemKey, type HumanVerdict } from '../agreement/pairwiseItems';
import { judgeLabels } from '../judgeLabels';

/** What the review shows of every vote beside its verdict or rating. */
export interface VoteDetails {
  readonly annotator: string;
  readonly comment: string | null;
  /** When it was given (ISO 8601), and its focus time in ms; null when not known. */
  readonly labelledAt: string | null;
  readonly timeOnItemMs: number | null;
}

/** A label row's details as the review shows them. */
export function voteDetails(row: {
  readonly annotator: string;
  readonly comment?: string | null;
  readonly labelledAt?: string | null;
  readonly timeOnItemMs?: number | null;
}): VoteDetails {
  return {
    annotator: row.annotator,
    comment: row.comment ?? null,
    labelledAt: row.labelledAt ?? null,
    timeOnItemMs: row.timeOnItemMs ?? null,
  };
}

export interface DisagreementVote extends VoteDetails {
  readonly verdict: HumanVerdict;
}

export interface DisagreementJudge {
  readonly judge: string;
  /** Both orders combined (protocols.md §1). */
  readonly verdict: PairVerdict;
  readonly reasoning: readonly string[];
}

export interface Disagreement extends PairKey {
  /** '' for none. */
  readonly criterion: string;
  readonly votes: readonly DisagreementVote[];
  readonly judges: readonly DisagreementJudge[];
  /** annotators: two votes differ; judge: a judge's combined verdict differs from some vote. */
  readonly reasons: readonly DisagreementReason[];
  /** The adjudicated verdict, when the lead gave one (the latest adjudicator's). */
  readonly adjudicated: HumanVerdict | null;
}

/** Why an item is to adjudicate: two annotators differ, or a judge differs from some annotator. */
export type DisagreementReason = 'annotators' | 'judge';

/** human-human: two annotators' votes differ; human-judge: a judge's combined verdict differs from some vote. */
export const DISAGREEMENT_KINDS = ['human-human', 'human-judge'] as const;
export type DisagreementKind = (typeof DISAGREEMENT_KINDS)[number];

/** Whether an item is of a kind (absent: every kind). */
export function isOfKind(
  d: { readonly reasons: readonly DisagreementReason[] },
  kind: DisagreementKind | undefined,
): boolean {
  if (kind === undefined) return true;
  return d.reasons.includes(kind === 'human-human' ? 'annotators' : 'judge');
}

export function disagreements(
  votes: readonly HumanPairwiseRow[],
  judged: readonly JudgeVerdictRow[],
  adjudicated: readonly HumanPairwiseRow[],
): Disagreement[] {
  const byItem = new Map<string, HumanPairwiseRow[]>();
  for (const v of votes) collect(byItem, pairItemKey(v), () => []).push(v);
  const label = judgeLabels(judged);
  const verdicts = new Map<string, Map<string, JudgeVerdictRow[]>>();
  for (const j of judged) {
    const perJudge = collect(verdicts, pairItemKey(j), () => new Map<string, JudgeVerdictRow[]>());
    collect(perJudge, label(j), () => []).push(j);
  }
  const settled = new Map(adjudicated.map((a) => [pairItemKey(a), a.verdict]));
  const out: Disagreement[] = [];
  for (const [key, rows] of byItem) {
    const judges = [...(verdicts.get(key) ?? new Map<string, JudgeVerdictRow[]>())].flatMap(([judge, given]) => {
      const verdict = itemVerdict(given);
      if (verdict === undefined) return [];
      const reasoning = given.flatMap((g) => (g.reasoning ? [g.reasoning] : []));
      return [{ judge, verdict, reasoning }];
    });
    const distinct = new Set(rows.map((r) => r.verdict));
    const reasons = [
      ...(distinct.size > 1 ? ['annotators' as const] : []),
      ...(judges.some((j) => rows.some((r) => r.verdict !== j.verdict)) ? ['judge' as const] : []),
    ];
    if (reasons.length === 0) continue;
    const { run, group, lang, turn, systemA, systemB } = rows[0]!;
    out.push({
      run,
      group,
      lang,
      turn,
      systemA,
      systemB,
      criterion: rows[0]!.criterion ?? '',
      votes: rows.map((r) => ({ ...voteDetails(r), verdict: r.verdict })),
      judges,
      reasons,
      adjudicated: settled.get(key) ?? null,
    });
  }
  return out;
}
