// The numbers the runs explorer shows, per language and prompt group of one run: items the current annotator
// has labelled out of all items of their task, and responses in a language other than their prompt's.
import {
  detectionCounts,
  flagCounts,
  itemTotals,
  labelledCounts,
  type ItemTotalRow,
} from '../../core/store/explorerProgress';
import type { Store } from '../../core/store/store';
import type { AnnotationTask } from '../../../shared/protocol/annotate';
import { isMismatch } from '../languages';

export interface Counts {
  total: number;
  labelled: number;
  /** Responses whose detected language differs from the prompt's. */
  mismatched: number;
  /** Responses an annotator flags as not in the prompt's language. */
  flagged: number;
}

export interface RunStats {
  readonly run: string;
  readonly all: Counts;
  readonly languages: ReadonlyMap<string, Counts>;
  /** Per language, per group. */
  readonly groups: ReadonlyMap<string, ReadonlyMap<string, Counts>>;
}

const empty = (): Counts => ({ total: 0, labelled: 0, mismatched: 0, flagged: 0 });

/** `totals`: the run's item totals when the caller kept them (they change with imports, not with labels). */
export async function runStats(
  store: Store,
  run: string,
  annotator: string,
  task: AnnotationTask,
  totals: Promise<readonly ItemTotalRow[]> = itemTotals(store, run, annotator, task),
): Promise<RunStats> {
  const [itemCounts, labelled, detections, flags] = await Promise.all([
    totals,
    labelledCounts(store, run, annotator, task),
    detectionCounts(store, run),
    flagCounts(store, run),
  ]);
  const all = empty();
  const languages = new Map<string, Counts>();
  const groups = new Map<string, Map<string, Counts>>();
  const countsOf = (lang: string, group: string): Counts[] => {
    if (!languages.has(lang)) languages.set(lang, empty());
    if (!groups.has(lang)) groups.set(lang, new Map());
    const byGroup = groups.get(lang)!;
    if (!byGroup.has(group)) byGroup.set(group, empty());
    return [all, languages.get(lang)!, byGroup.get(group)!];
  };
  // Added apart, not joined row by row: the totals have a row per prompt group of the run, the labels few.
  for (const row of itemCounts) for (const c of countsOf(row.lang, row.group)) c.total += row.total;
  for (const row of labelled) for (const c of countsOf(row.lang, row.group)) c.labelled += row.labelled;
  for (const row of detections) {
    if (!isMismatch(row.lang, row.detected)) continue;
    for (const c of countsOf(row.lang, row.group)) c.mismatched += row.responses;
  }
  for (const row of flags) {
    for (const c of countsOf(row.lang, row.group)) c.flagged += row.responses;
  }
  return { run, all, languages, groups };
}
