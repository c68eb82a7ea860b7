// The lead's review list for rating tasks: the rated responses (prompt × language × turn × system × seed, and
// criterion) where two annotators' current ratings differ, or a judge's score goes against some annotator's
// rating, with every rating and comment, each judge's score and reasoning, and the adjudicated rating if the lead
// gave one (an ordinary rating of an `adjudicator`, migration 0013). A judge's score stands beside a human rating
// only on the same scale (name and bounds, as chance-ratings joins them): judges score on numeric scales, so an
// ordinal scale (lima-3, a declared list of levels) has human-human disagreements only.
import { LIMA_SCALE, type LabelScale, type ResponseKey, type ScaleReference } from '../../model/records';
import type { PointwiseScoreRow, RatingVoteRow } from '../../store/scoreQueries';
import { responseKey } from '../judging/judgeScores';
import { judgeLabels } from '../judgeLabels';
import { judgeScaleOf, resolveRatings, scaleKey } from '../ratings/humanRatings';
import { collect } from '../scores/slices';
import { voteDetails, type DisagreementReason, type VoteDetails } from './disagreements';

export interface RatingDisagreementVote extends VoteDetails {
  /** The rating as given: a level's name, or a number's text. */
  readonly label: string;
}

export interface RatingDisagreementJudge {
  readonly judge: string;
  /** The judge's score as text, on the item's scale. */
  readonly label: string;
  readonly reasoning: readonly string[];
}

export interface RatingDisagreement extends ResponseKey {
  /** '' for none. */
  readonly criterion: string;
  /** The scale the annotators rated on (the first rating's, when they used several). */
  readonly scale: LabelScale;
  readonly votes: readonly RatingDisagreementVote[];
  readonly judges: readonly RatingDisagreementJudge[];
  /** annotators: two ratings differ; judge: a judge's score differs from some rating. */
  readonly reasons: readonly DisagreementReason[];
  /** The adjudicated rating, when the lead gave one (the latest adjudicator's). */
  readonly adjudicated: string | null;
}

/**
 * The rating items to adjudicate. votes and adjudicated are current ratings (raw and of the adjudicator role);
 * ratings not on their scale (an undeclared scale, a level it lacks) are left out, as every rating table does.
 */
export function ratingDisagreements(
  votes: readonly RatingVoteRow[],
  scored: readonly PointwiseScoreRow[],
  adjudicated: readonly RatingVoteRow[],
  scales: ReadonlyMap<string, LabelScale>,
): RatingDisagreement[] {
  const byItem = new Map<string, { row: RatingVoteRow; scale: LabelScale; value: number }[]>();
  for (const row of votes) {
    const [rating] = resolveRatings([row], scales).ratings;
    if (rating) collect(byItem, responseKey(row), () => []).push({ row, scale: rating.scale, value: rating.value });
  }
  const label = judgeLabels(scored);
  const scores = new Map<string, PointwiseScoreRow[]>();
  for (const s of scored) if (s.score !== null) collect(scores, responseKey(s), () => []).push(s);
  const settled = new Map(adjudicated.map((a) => [responseKey(a), a.rating]));
  const out: RatingDisagreement[] = [];
  for (const [key, rated] of byItem) {
    const first = rated[0]!;
    const onScale = scaleKey(first.scale);
    const judges = (scores.get(key) ?? [])
      .filter((s) => scaleKey(judgeScaleOf(s)) === onScale)
      .map((s) => ({
        judge: label(s),
        value: s.score!,
        label: String(s.score),
        reasoning: s.reasoning ? [s.reasoning] : [],
      }));
    const distinct = new Set(rated.map((r) => `${scaleKey(r.scale)}\u0000${r.value}`));
    const reasons: DisagreementReason[] = [
      ...(distinct.size > 1 ? ['annotators' as const] : []),
      ...(judges.some((j) => rated.some((r) => r.value !== j.value)) ? ['judge' as const] : []),
    ];
    if (reasons.length === 0) continue;
    const { run, group, lang, turn, system, seed, criterion } = first.row;
    out.push({
      run,
      group,
      lang,
      turn,
      system,
      seed,
      criterion,
      scale: first.scale,
      votes: rated.map(({ row }) => ({ ...voteDetails(row), label: row.rating })),
      judges: judges.map(({ judge, label: given, reasoning }) => ({ judge, label: given, reasoning })),
      reasons,
      adjudicated: settled.get(key) ?? null,
    });
  }
  return out;
}

/**
 * How an adjudicated rating names its scale, as the raw ratings of the item were stored: lima-3 by no name, a
 * numeric scale with its bounds, a declared ordinal scale by name.
 */
export function scaleReferenceOf(scale: LabelScale): ScaleReference | undefined {
  if (scale.kind === 'numeric') return { name: scale.name, min: scale.min, max: scale.max };
  return scale.name === LIMA_SCALE.name ? undefined : { name: scale.name };
}
