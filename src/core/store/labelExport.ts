// Human labels and language flags as canonical records (docs/formats.md), for `langlens export-labels`: each
// keeps its id, time and presentation order, so that importing the file elsewhere reproduces the same labels,
// and importing it again, or a later export of the same database, adds nothing twice.
import type { Store } from './store';
import { connectionOf } from './connection';

export interface LabelExportFilter {
  readonly run?: string;
  /** Only each annotator's current label and flag per target (default: the whole history, undos included). */
  readonly currentOnly?: boolean;
}

/** A canonical record as it is written to a file: snake_case fields, absent values left out. */
export type CanonicalRow = Record<string, string | number | boolean>;

interface LabelRow {
  label_id: string;
  kind: 'pairwise' | 'rating' | 'language';
  run: string;
  grp: string;
  lang: string;
  turn: number;
  annotator: string;
  system_a: string | null;
  system_b: string | null;
  system: string | null;
  seed: number | null;
  value: string | null;
  presentation: string | null;
  comment: string | null;
  labelled_at: string;
  criterion: string;
  scale: string | null;
  scale_min: number | null;
  scale_max: number | null;
  round: number | null;
  time_on_item_ms: number | null;
}

interface FlagRow {
  label_id: string;
  run: string;
  grp: string;
  lang: string;
  turn: number;
  annotator: string;
  system: string;
  seed: number;
  flagged: number;
  labelled_at: string;
}

export async function labelRecords(store: Store, filter: LabelExportFilter = {}): Promise<CanonicalRow[]> {
  const where = filter.run === undefined ? '' : 'WHERE r.name = ?';
  const params = filter.run === undefined ? [] : [filter.run];
  const labels = await connectionOf(store).all<LabelRow>(
    `
    SELECT l.fingerprint AS label_id, l.kind, r.name AS run, p.group_key AS grp, p.lang, p.turn, a.name AS annotator,
           sa.name AS system_a, sb.name AS system_b, s.name AS system, l.seed, l.value, l.presentation, l.comment, l.labelled_at,
           l.criterion, l.scale, l.scale_min, l.scale_max, l.round, l.time_on_item_ms
    FROM ${filter.currentOnly ? 'current_labels' : 'labels'} l
    JOIN prompts p ON p.id = l.prompt_id JOIN runs r ON r.id = p.run_id JOIN annotators a ON a.id = l.annotator_id
    LEFT JOIN systems sa ON sa.id = l.system_a_id LEFT JOIN systems sb ON sb.id = l.system_b_id
    LEFT JOIN systems s ON s.id = l.system_id
    ${where} ORDER BY l.labelled_at, l.id`,
    params,
  );
  const flags = await connectionOf(store).all<FlagRow>(
    `
    SELECT f.fingerprint AS label_id, r.name AS run, p.group_key AS grp, p.lang, p.turn, a.name AS annotator,
           s.name AS system, f.seed, f.flagged, f.labelled_at
    FROM ${filter.currentOnly ? 'current_language_flags' : 'language_flags'} f
    JOIN prompts p ON p.id = f.prompt_id JOIN runs r ON r.id = p.run_id JOIN annotators a ON a.id = f.annotator_id
    JOIN systems s ON s.id = f.system_id
    ${where} ORDER BY f.labelled_at, f.id`,
    params,
  );
  return [...labels.filter((l) => !(filter.currentOnly && l.value === null)).map(labelRow), ...flags.map(flagRow)];
}

function common(row: {
  label_id: string;
  run: string;
  grp: string;
  lang: string;
  turn: number;
  annotator: string;
  labelled_at: string;
}) {
  return {
    run: row.run,
    group: row.grp,
    lang: row.lang,
    turn: row.turn,
    annotator: row.annotator,
    label_id: row.label_id,
    labelled_at: row.labelled_at,
  };
}

/** Criterion, scale and round, only when the label has them (an older label exports exactly as before). */
function dimensions(row: LabelRow): CanonicalRow {
  return {
    ...(row.criterion ? { criterion: row.criterion } : {}),
    ...(row.scale !== null ? { scale: row.scale } : {}),
    ...(row.scale_min !== null && row.scale_max !== null ? { scale_min: row.scale_min, scale_max: row.scale_max } : {}),
    ...(row.round !== null ? { round: row.round } : {}),
    ...(row.time_on_item_ms !== null ? { time_on_item_ms: row.time_on_item_ms } : {}),
  };
}

function labelRow(row: LabelRow): CanonicalRow {
  const note: CanonicalRow = { ...dimensions(row), ...(row.comment === null ? {} : { comment: row.comment }) };
  const value = (field: string): CanonicalRow => (row.value === null ? { cleared: true } : { [field]: row.value! });
  switch (row.kind) {
    case 'pairwise':
      return {
        kind: 'pairwise-label',
        ...common(row),
        system_a: row.system_a!,
        system_b: row.system_b!,
        ...value('verdict'),
        ...(row.presentation ? { order: row.presentation } : {}),
        ...note,
      };
    case 'rating':
      return {
        kind: 'rating-label',
        ...common(row),
        system: row.system!,
        seed: row.seed!,
        ...(row.value !== null && row.scale_min !== null ? { rating: Number(row.value) } : value('rating')),
        ...note,
      };
    case 'language':
      return {
        kind: 'language-label',
        ...common(row),
        system: row.system!,
        seed: row.seed!,
        language: row.value!,
        ...note,
      };
  }
}

function flagRow(row: FlagRow): CanonicalRow {
  return { kind: 'language-flag', ...common(row), system: row.system, seed: row.seed, flagged: row.flagged === 1 };
}
