// The SQL of the score tables (protocols.md §2, §4, §5): pointwise judge scores with the effective language of
// the response they grade, and the annotators' current excellent / pass / fail ratings.
import type { LanguageTag } from '../model/language';
import type { AnnotatorRole } from '../model/records';
import {
  addSystemFilter,
  EFFECTIVE_LANGUAGE_COLUMNS,
  HUMAN_LANGUAGE_CTES,
  humanLanguageJoins,
  type LanguageSource,
  type ResponseFilter,
  type ResponseKeyRow,
} from './languageQueries';
import { currentLabels, type LabelsAsOf } from './latest';
import { addCriterionFilter, filterClause, placeholders, type Store } from './store';
import { connectionOf } from './connection';

export interface PointwiseScoreRow extends ResponseKeyRow {
  readonly judge: string;
  readonly judgeHash: string;
  /** '' when the score has no criterion. */
  readonly criterion: string;
  readonly scale: string;
  readonly scaleMin: number;
  readonly scaleMax: number;
  /** null: the judge's answer could not be parsed. */
  readonly score: number | null;
  /** The judge's reasoning, when it gave one (absent in rows built by hand). */
  readonly reasoning?: string | null;
  /** The response's latest human language label, else its detection; null when neither exists. */
  readonly effective: LanguageTag | null;
  /** "flag": a human says it is not in the prompt's language (a mismatch whatever the detector says). */
  readonly source: LanguageSource | null;
}

/** Pointwise judgments on one scale (by name; every scale when absent), each with the effective language of the response it grades. */
export function pointwiseScores(
  store: Store,
  filter: ResponseFilter & { readonly scale?: string; readonly judges?: readonly string[] },
): Promise<PointwiseScoreRow[]> {
  const where = addCriterionFilter(addSystemFilter(filterClause(filter, 'p', 'r'), filter, 's'), filter, 'pw');
  if (filter.scale !== undefined) where.add('pw.scale = ?', [filter.scale]);
  if (filter.judges?.length) where.add(`j.name IN (${placeholders(filter.judges)})`, filter.judges);
  // The language is looked up by (prompt, system, seed): a judge file may be imported without its responses, and a
  // human may label the language of a response whose text is not in the database.
  return connectionOf(store).all<PointwiseScoreRow>(
    `
    WITH ${HUMAN_LANGUAGE_CTES}
    SELECT r.name AS run, p.group_key AS "group", p.lang, p.turn, s.name AS system, pw.seed, j.name AS judge,
           j.hash AS judgeHash, pw.criterion, pw.scale, pw.scale_min AS scaleMin, pw.scale_max AS scaleMax, pw.score, pw.reasoning,
           ${EFFECTIVE_LANGUAGE_COLUMNS}
    FROM pointwise_judgments pw JOIN prompts p ON p.id = pw.prompt_id JOIN runs r ON r.id = p.run_id
    JOIN systems s ON s.id = pw.system_id JOIN judges j ON j.id = pw.judge_id
    LEFT JOIN responses resp ON resp.prompt_id = pw.prompt_id AND resp.system_id = pw.system_id AND resp.seed = pw.seed
    LEFT JOIN language_detections d ON d.response_id = resp.id
    ${humanLanguageJoins('pw.prompt_id', 'pw.system_id', 'pw.seed')}
    ${where.sql()} ORDER BY pw.id`,
    where.params,
  );
}

export interface HumanRatingRow extends ResponseKeyRow {
  readonly annotator: string;
  /** '' when the rating has no criterion. */
  readonly criterion: string;
  /** A level of an ordinal scale, or a number (as text) on a numeric one. */
  readonly rating: string;
  /** null: lima-3 (excellent / pass / fail). */
  readonly scale: string | null;
  /** The bounds of a numeric scale, as the rating gave them; null for an ordinal one. */
  readonly scaleMin: number | null;
  readonly scaleMax: number | null;
}

/** Each annotator's current rating of each response per criterion, on any scale (cleared ratings are none). */
export function humanRatings(store: Store, filter: ResponseFilter & LabelsAsOf = {}): Promise<HumanRatingRow[]> {
  // Raw ratings only: adjudicated and gold labels are not an annotator's (migration 0013).
  return ratingRows<HumanRatingRow>(store, filter, ['annotator'], '');
}

/** A current rating with what the lead's review shows of it: the comment, when it was given, its focus time. */
export interface RatingVoteRow extends HumanRatingRow {
  readonly comment: string | null;
  readonly labelledAt: string | null;
  readonly timeOnItemMs: number | null;
}

/** The current ratings of the annotators of these roles (raw: annotator; known answers: adjudicator, gold). */
export function ratingVotes(
  store: Store,
  filter: ResponseFilter & LabelsAsOf,
  roles: readonly AnnotatorRole[],
): Promise<RatingVoteRow[]> {
  return ratingRows<RatingVoteRow>(
    store,
    filter,
    roles,
    ', l.comment, l.labelled_at AS labelledAt, l.time_on_item_ms AS timeOnItemMs',
  );
}

function ratingRows<Row>(
  store: Store,
  filter: ResponseFilter & LabelsAsOf,
  roles: readonly AnnotatorRole[],
  extraColumns: string,
): Promise<Row[]> {
  const where = addCriterionFilter(addSystemFilter(filterClause(filter, 'p', 'r'), filter, 's'), filter, 'l');
  where.add(`l.kind = 'rating'`, []);
  where.add('l.value IS NOT NULL', []);
  where.add(`a.role IN (${placeholders(roles)})`, roles);
  const current = currentLabels(filter);
  return connectionOf(store).all<Row>(
    `
    SELECT r.name AS run, p.group_key AS "group", p.lang, p.turn, s.name AS system, l.seed, a.name AS annotator,
           l.criterion, l.value AS rating, l.scale, l.scale_min AS scaleMin, l.scale_max AS scaleMax${extraColumns}
    FROM ${current.sql} l JOIN prompts p ON p.id = l.prompt_id JOIN runs r ON r.id = p.run_id
    JOIN systems s ON s.id = l.system_id JOIN annotators a ON a.id = l.annotator_id
    ${where.sql()} ORDER BY l.id`,
    [...current.params, ...where.params],
  );
}
