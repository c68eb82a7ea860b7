// What a table's options select in the database: the filter every query takes (systems by pattern resolved to
// names, criteria, labels as of a time or round), and the breakdown a table uses.
import { tableGrouping, type GroupField, type GroupValues } from '../metrics/grouping';
import type { ResponseFilter } from '../store/languageQueries';
import type { LabelsAsOf, Store } from '../store/store';
import { namePattern } from '../util/pattern';
import type { TableOptions } from './tableSource';
import { CoreError, msg } from '../util/message';

export interface Selection {
  readonly filter: ResponseFilter & LabelsAsOf;
  /** The systems chosen by --system, by name; undefined: all. */
  readonly systems?: ReadonlySet<string>;
}

/** Resolves the options against the database; a --system pattern that matches no system is an error. */
export async function selectionOf(store: Store, o: TableOptions): Promise<Selection> {
  const systems = o.systems ? await resolveSystems(store, o.systems, o.run) : undefined;
  return {
    filter: {
      ...(o.run !== undefined ? { run: o.run } : {}),
      ...(o.languages ? { languages: o.languages } : {}),
      ...(o.turns ? { turns: o.turns } : {}),
      ...(systems ? { systems } : {}),
      ...(o.criteria ? { criteria: o.criteria } : {}),
      ...(o.asOf !== undefined ? { asOf: o.asOf } : {}),
      ...(o.round !== undefined ? { round: o.round } : {}),
    },
    ...(systems ? { systems: new Set(systems) } : {}),
  };
}

async function resolveSystems(store: Store, patterns: readonly string[], run: string | undefined): Promise<string[]> {
  const known = await store.systemNames(run);
  for (const pattern of patterns) {
    if (!pattern.startsWith('!') && !known.some(namePattern(pattern))) {
      throw new CoreError(
        run === undefined
          ? msg('--system "{0}" matches no system (known: {1})', pattern, known.join(', ') || 'none')
          : msg('--system "{0}" matches no system of run {1} (known: {2})', pattern, run, known.join(', ') || 'none'),
      );
    }
  }
  const chosen = namePattern(patterns.join(','));
  return known.filter(chosen);
}

/** Whether a pair of systems is among those chosen. */
export function pairChosen(selection: Selection, pair: { systemA: string; systemB: string }): boolean {
  return !selection.systems || (selection.systems.has(pair.systemA) && selection.systems.has(pair.systemB));
}

/** The breakdown of a table over its data's values: the user's --by, or the default (see tableGrouping). */
export function groupingOf(o: TableOptions, values: readonly GroupValues[]): GroupField[] {
  return tableGrouping(o.byDefault ? undefined : o.by, values);
}
