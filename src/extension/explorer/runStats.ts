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

function add(to: Counts, counts: Counts): void {
  to.total += counts.total;
  to.labelled += counts.labelled;
  to.mismatched += counts.mismatched;
  to.flagged += counts.flagged;
}

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
  // Added per group, then summed into the languages and the run: the totals have a row per prompt group of the
  // run (29,616 at 4× Shaham et al.'s), the labels few; neither is joined to the other row by row.
  const groups = new Map<string, Map<string, Counts>>();
  const countsOf = (lang: string, group: string): Counts => {
    let byGroup = groups.get(lang);
    if (byGroup === undefined) groups.set(lang, (byGroup = new Map()));
    let counts = byGroup.get(group);
    if (counts === undefined) byGroup.set(group, (counts = empty()));
    return counts;
  };
  for (const row of itemCounts) countsOf(row.lang, row.group).total += row.total;
  for (const row of labelled) countsOf(row.lang, row.group).labelled += row.labelled;
  for (const row of detections) {
    if (isMismatch(row.lang, row.detected)) countsOf(row.lang, row.group).mismatched += row.responses;
  }
  for (const row of flags) countsOf(row.lang, row.group).flagged += row.responses;
  const all = empty();
  const languages = new Map<string, Counts>();
  for (const [lang, byGroup] of groups) {
    const language = empty();
    for (const counts of byGroup.values()) add(language, counts);
    languages.set(lang, language);
    add(all, language);
  }
  return { run, all, languages, groups };
}
