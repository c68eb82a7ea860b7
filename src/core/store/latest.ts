// "The latest label wins", defined once: among the rows of one target, the one labelled last, and on equal times
// the one recorded last. Migration 0011 keeps each target's current row on write, in head tables moved by triggers
// in this order (label_heads, language_flag_heads, read through the current_labels and current_language_flags
// views); the queries here rank the append-only history the same way, for labels as of a time or a round, and
// test/unit/labels/latest.test.ts checks on data that the two agree.
import type { SqlValue } from './sqlite';

/** Which human labels count as current: the latest per annotator and target, as of a time or a round. */
export interface LabelsAsOf {
  /** ISO 8601: only labels given at or before it (labels are append-only, so the state then is recoverable). */
  readonly asOf?: string;
  /** Only labels of this round or earlier (labels without a round count as round 1). */
  readonly round?: number;
}

/** What makes two labels the same target (one current label each): the head table's key. */
export const LABEL_TARGET = ['prompt_id', 'kind', 'target', 'criterion', 'annotator_id'] as const;
export const FLAG_TARGET = ['prompt_id', 'system_id', 'seed', 'annotator_id'] as const;

/** The order that puts the winning row first. */
export function latestFirst(alias: string): string {
  return `${alias}.labelled_at DESC, ${alias}.id DESC`;
}

export interface LatestSpec {
  /** The table or view, and the alias its columns are named with. */
  readonly from: string;
  readonly alias: string;
  /** The columns that together name one target: the latest row per distinct value of these wins. */
  readonly target: readonly string[];
  /** The columns kept (default: all of the source's). */
  readonly columns?: string;
  /** Rows taken into account at all. */
  readonly where?: string;
}

/** A SELECT of the winning row of every target (its rank as `recency`, always 1), ranked over the rows. */
export function latestPerTarget(spec: LatestSpec): string {
  const a = spec.alias;
  const partition = spec.target.map((c) => `${a}.${c}`).join(', ');
  return `SELECT * FROM (
      SELECT ${spec.columns ?? `${a}.*`}, ROW_NUMBER() OVER (
        PARTITION BY ${partition} ORDER BY ${latestFirst(a)}) AS recency
      FROM ${spec.from} ${a}${spec.where ? ` WHERE ${spec.where}` : ''})
    WHERE recency = 1`;
}

/**
 * The current labels as a table expression: the current_labels view (kept on write, read by index), or, as of a
 * time or a round, the latest of the labels given by then, ranked over the history.
 */
export function currentLabels(asOf: LabelsAsOf): { sql: string; params: SqlValue[] } {
  if (asOf.asOf === undefined && asOf.round === undefined) return { sql: 'current_labels', params: [] };
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (asOf.asOf !== undefined) {
    where.push('l.labelled_at <= ?');
    params.push(asOf.asOf);
  }
  if (asOf.round !== undefined) {
    where.push('coalesce(l.round, 1) <= ?');
    params.push(asOf.round);
  }
  return {
    sql: `(${latestPerTarget({ from: 'labels', alias: 'l', target: LABEL_TARGET, where: where.join(' AND ') })})`,
    params,
  };
}
