// "The latest label wins", defined once: among the rows of one target, the one labelled last, and on equal times
// the one recorded last. The current_labels and current_language_flags views (migrations 0001 and 0003, released
// and so never edited) were written with this definition; test/unit/labels/latest.test.ts checks that they still
// say the same as latestPerTarget, and the queries here build their own "latest" from it.

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

/** A SELECT of the winning row of every target (its rank as `recency`, always 1). */
export function latestPerTarget(spec: LatestSpec): string {
  const a = spec.alias;
  const partition = spec.target.map((c) => `${a}.${c}`).join(', ');
  return `SELECT * FROM (
      SELECT ${spec.columns ?? `${a}.*`}, ROW_NUMBER() OVER (
        PARTITION BY ${partition} ORDER BY ${latestFirst(a)}) AS recency
      FROM ${spec.from} ${a}${spec.where ? ` WHERE ${spec.where}` : ''})
    WHERE recency = 1`;
}
