// Per-prompt-group sums behind every score: each figure is a function of a few sums, and summing them per prompt
// group first is what lets the bootstrap resample whole groups (all languages, seeds and pairs of a prompt move
// together) in O(groups) per resample.
import { estimatesOfRows, type Estimate, type Figure, type IntervalSettings } from './estimate';

/** Prompt groups are what the bootstrap resamples: all languages and pairs of one prompt move together. */
export function itemCluster(item: { run: string; group: string }): string {
  return `${item.run}\u0000${item.group}`;
}

/**
 * Each item's cluster numbered by first appearance (0, 1, ...), as the cluster bootstrap numbers them when it
 * groups items (groupByCluster), and how many there are.
 */
export function clusterNumbers(items: readonly { run: string; group: string }[]): {
  clusterOf: Uint32Array;
  count: number;
} {
  const numbers = new PromptGroupNumbers();
  const clusterOf = Uint32Array.from(items, (item) => numbers.of(item));
  return { clusterOf, count: numbers.count };
}

/**
 * Prompt groups numbered by first appearance (0, 1, ...), one item at a time (clusterNumbers numbers a list); found
 * by run and then group, so that no key is built per item.
 */
export class PromptGroupNumbers {
  private readonly byRun = new Map<string, Map<string, number>>();
  private numbered = 0;

  of(item: { readonly run: string; readonly group: string }): number {
    let byGroup = this.byRun.get(item.run);
    if (!byGroup) this.byRun.set(item.run, (byGroup = new Map()));
    let number = byGroup.get(item.group);
    if (number === undefined) byGroup.set(item.group, (number = this.numbered++));
    return number;
  }

  /** How many groups have been numbered. */
  get count(): number {
    return this.numbered;
  }
}

export class ClusterTally {
  private readonly clusters = new Map<string, Float64Array>();

  constructor(private readonly dimension: number) {}

  /** The vector of the prompt group `item` belongs to, to add into. */
  of(item: { readonly run: string; readonly group: string }): Float64Array {
    const cluster = itemCluster(item);
    let sums = this.clusters.get(cluster);
    if (!sums) this.clusters.set(cluster, (sums = new Float64Array(this.dimension)));
    return sums;
  }

  /** Estimates of all figures, sharing the same resampled groups (one seed), so that they are consistent. */
  estimates(figures: readonly Figure[], intervals: IntervalSettings | undefined): Estimate[] {
    return estimatesOfRows([{ clusterSums: this.sums(), figures }], intervals)[0]!;
  }

  /** The prompt groups' vectors, in order of first appearance. */
  sums(): Float64Array[] {
    return [...this.clusters.values()];
  }
}

/**
 * cell.tally.estimates(figures) of every cell of a table at once: the same estimates, the cells with as many prompt
 * groups drawing them once for all (what makes a table of a hundred cells cost little more than one).
 */
export function cellEstimates<C extends { readonly tally: ClusterTally }>(
  cells: readonly C[],
  figures: readonly Figure[] | ((cell: C) => readonly Figure[]),
  intervals: IntervalSettings | undefined,
): Estimate[][] {
  return estimatesOfRows(
    cells.map((cell) => ({
      clusterSums: cell.tally.sums(),
      figures: typeof figures === 'function' ? figures(cell) : figures,
    })),
    intervals,
  );
}

/** Adds 1 to a counter of a record, creating it at 0. */
export function increment<K extends string>(counts: Partial<Record<K, number>>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
