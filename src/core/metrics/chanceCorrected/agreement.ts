// Chance-corrected agreement for any number of raters with missing labels (protocols.md §3), per group (language by
// default), every figure with a cluster-bootstrap interval over prompt groups:
// - among the humans (and among the judges, when there are two or more): Fleiss' kappa, Krippendorff's alpha
//   (nominal; ordinal and interval for ordered scales), observed agreement over every two labels of a unit, and
//   Cohen's kappa when exactly two raters are involved;
// - each judge against the humans: the judge's label paired with every human label on the unit ([MT]'s pairing);
// - leave-one-out: each rater against the majority (strictly most frequent label) of the *other* humans (for an
//   annotator only when there are three or more: with two, it is the human–human figure again).
// The last two are sets of two-label units: there Fleiss' kappa is Scott's pi and alpha the two-rater alpha.
import type { AlphaLevel } from '../stats';
import { alphaFromCoincidences, alphaScale, fleissKappaFromTotals, kappaFromCounts, type KappaWeighting } from '../stats';
import { addUnitCoincidences } from '../stats/krippendorffAlpha';
import type { Estimate, IntervalSettings } from '../estimate';
import { groupBy, type GroupField, type GroupValues } from '../grouping';
import { ClusterTally, ratio, type Figure } from '../scores/tally';
import type { AgreementScale, RatedUnit, RaterLabel } from './units';

export type ComparisonKind = 'human-human' | 'judge-judge' | 'judge-human' | 'leave-one-out';

export interface ChanceCorrectedRow {
  readonly group: GroupValues;
  readonly kind: ComparisonKind;
  /** "humans", "judges", "<judge> vs humans", "<rater> vs majority of other humans". */
  readonly comparison: string;
  readonly raters: number;
  /** Units that contributed (two or more labels; for pair rows, at least one pair). */
  readonly units: number;
  /** Share of agreeing label pairs (n = label pairs). */
  readonly agreement: Estimate;
  /** Cohen's kappa, quadratic-weighted on ordered scales (n = label pairs); NaN unless two raters are involved. */
  readonly cohen: Estimate;
  /** Fleiss' kappa over the units with exactly `fleissRaters` labels (n = those units). */
  readonly fleiss: Estimate;
  readonly fleissRaters: number;
  readonly alpha: Readonly<Partial<Record<AlphaLevel, Estimate>>>;
  /**
   * Units left out: with one label only (human–human, judge–judge), a judge's label without any human one
   * (judge–human), or others without a strict majority (leave-one-out).
   */
  readonly leftOut: number;
}

export interface ChanceCorrectedOptions {
  readonly by: readonly GroupField[];
  /** Pair and leave-one-out rows resting on fewer units are not shown (and counted). */
  readonly minItems: number;
  readonly intervals?: IntervalSettings;
}

export interface ChanceCorrectedTable {
  readonly rows: readonly ChanceCorrectedRow[];
  /** Judge–human and leave-one-out rows with fewer than minItems units. */
  readonly skippedRows: number;
}

export function alphaLevels(scale: AgreementScale): AlphaLevel[] {
  return scale.ordered ? ['nominal', 'ordinal', 'interval'] : ['nominal'];
}

/** Offsets of the per-group sums: agreement counts, the Cohen table, Fleiss' totals, the coincidence matrix. */
class Layout {
  readonly k: number;
  readonly agree = 0;
  readonly pairs = 1;
  readonly cohen = 2;
  readonly fleiss: number;
  readonly coincidences: number;
  readonly dimension: number;

  constructor(readonly scale: AgreementScale) {
    this.k = scale.values.length;
    this.fleiss = this.cohen + this.k * this.k;
    this.coincidences = this.fleiss + 2 + this.k;
    this.dimension = this.coincidences + this.k * this.k;
  }

  /** Adds one unit of labels (positions). `cohen`: the two raters' positions, when Cohen's kappa applies. */
  add(sums: Float64Array, positions: readonly number[], fleissRaters: number, cohen?: readonly [number, number]): void {
    const k = this.k;
    for (let i = 0; i < positions.length; i++) {
      for (let j = i + 1; j < positions.length; j++) {
        sums[this.pairs] += 1;
        if (positions[i] === positions[j]) sums[this.agree] += 1;
      }
    }
    if (cohen) sums[this.cohen + cohen[0] * k + cohen[1]] += 1;
    if (positions.length === fleissRaters) {
      sums[this.fleiss] += 1;
      for (let c = 0; c < k; c++) {
        const n = positions.filter((p) => p === c).length;
        sums[this.fleiss + 1] += n * n;
        sums[this.fleiss + 2 + c] += n;
      }
    }
    addUnitCoincidences(positions, k, sums.subarray(this.coincidences, this.coincidences + k * k));
  }

  figures(fleissRaters: number): Figure[] {
    const k = this.k;
    const weights: KappaWeighting = this.scale.ordered ? 'quadratic' : 'none';
    const sum = (s: Float64Array, from: number, length: number) => s.subarray(from, from + length).reduce((a, b) => a + b, 0);
    const cohen: Figure = {
      finish: (s) => kappaFromCounts(s.subarray(this.cohen, this.cohen + k * k), k, weights).value,
      count: (s) => sum(s, this.cohen, k * k),
    };
    const fleiss: Figure = {
      finish: (s) => fleissKappaFromTotals({
        items: s[this.fleiss]!, raters: fleissRaters, sumOfSquares: s[this.fleiss + 1]!,
        categoryTotals: s.subarray(this.fleiss + 2, this.fleiss + 2 + k),
      }).value,
      count: (s) => s[this.fleiss]!,
    };
    const alphas = alphaLevels(this.scale).map((level): Figure => {
      const scale = alphaScale(level, this.scale.values, () => [...this.scale.values]);
      return {
        finish: (s) => alphaFromCoincidences(s.subarray(this.coincidences, this.coincidences + k * k), scale).value,
        count: (s) => Math.round(sum(s, this.coincidences, k * k)),
      };
    });
    return [ratio(this.agree, this.pairs), cohen, fleiss, ...alphas];
  }
}

/** What one row sums: for each unit, the labels to compare (and the pair for Cohen's kappa). */
interface RowSpec {
  readonly kind: ComparisonKind;
  readonly comparison: string;
  /** Fixed for pair rows (2); the most common number of labels for multi-rater rows. */
  readonly fleissRaters: number;
  readonly contributions: readonly { unit: RatedUnit; positions: readonly number[]; cohen?: readonly [number, number] }[];
  readonly raters: number;
  readonly leftOut: number;
}

export function chanceCorrectedAgreement(
  units: readonly RatedUnit[], scale: AgreementScale, options: ChanceCorrectedOptions,
): ChanceCorrectedTable {
  const layout = new Layout(scale);
  const rows: ChanceCorrectedRow[] = [];
  let skippedRows = 0;
  for (const group of groupBy(units, (u) => u.values, options.by)) {
    for (const spec of rowSpecs(group.items)) {
      const isPairRow = spec.kind === 'judge-human' || spec.kind === 'leave-one-out';
      if (spec.contributions.length === 0) continue;
      if (isPairRow && spec.contributions.length < options.minItems) {
        skippedRows++;
        continue;
      }
      rows.push(finishRow(group.values, spec, layout, options.intervals));
    }
  }
  return { rows, skippedRows };
}

function finishRow(group: GroupValues, spec: RowSpec, layout: Layout, intervals: IntervalSettings | undefined): ChanceCorrectedRow {
  const tally = new ClusterTally(layout.dimension);
  const units = new Set<RatedUnit>();
  for (const { unit, positions, cohen } of spec.contributions) {
    layout.add(tally.of(unit), positions, spec.fleissRaters, cohen);
    units.add(unit);
  }
  const [agreement, cohen, fleiss, ...alphas] = tally.estimates(layout.figures(spec.fleissRaters), intervals);
  const levels = alphaLevels(layout.scale);
  return {
    group, kind: spec.kind, comparison: spec.comparison, raters: spec.raters, units: units.size,
    agreement: agreement!, cohen: cohen!, fleiss: fleiss!, fleissRaters: spec.fleissRaters,
    alpha: Object.fromEntries(levels.map((level, i) => [level, alphas[i]!])), leftOut: spec.leftOut,
  };
}

function rowSpecs(units: readonly RatedUnit[]): RowSpec[] {
  const humans = raterNames(units, true);
  const judges = raterNames(units, false);
  return [
    multiRaterSpec(units, true, 'human-human', 'humans'),
    multiRaterSpec(units, false, 'judge-judge', 'judges'),
    ...judges.map((judge) => judgeVsHumansSpec(units, judge)),
    // With two annotators, one against the "majority" of the other is the humans row again: not repeated.
    ...(humans.length > 2 ? humans.map((human) => leaveOneOutSpec(units, { rater: human, human: true })) : []),
    ...judges.map((judge) => leaveOneOutSpec(units, { rater: judge, human: false })),
  ];
}

function raterNames(units: readonly RatedUnit[], human: boolean): string[] {
  return [...new Set(units.flatMap((u) => u.labels.filter((l) => l.human === human).map((l) => l.rater)))].sort();
}

/** All raters of one kind together; Cohen's kappa only when there are exactly two of them. */
function multiRaterSpec(units: readonly RatedUnit[], human: boolean, kind: ComparisonKind, comparison: string): RowSpec {
  const names = raterNames(units, human);
  const labelled = units.map((unit) => ({ unit, labels: unit.labels.filter((l) => l.human === human) }));
  const pairable = labelled.filter((u) => u.labels.length >= 2);
  const contributions = pairable.map(({ unit, labels }) => {
    const first = labels.find((l) => l.rater === names[0]);
    const second = labels.find((l) => l.rater === names[1]);
    const cohen = names.length === 2 && first && second ? ([first.position, second.position] as const) : undefined;
    return { unit, positions: labels.map((l) => l.position), ...(cohen ? { cohen } : {}) };
  });
  return {
    kind, comparison, fleissRaters: modalCount(pairable.map((u) => u.labels.length)), contributions, raters: names.length,
    leftOut: labelled.filter((u) => u.labels.length === 1).length,
  };
}

/** The judge's label paired with every human label on each unit. */
function judgeVsHumansSpec(units: readonly RatedUnit[], judge: string): RowSpec {
  const contributions: RowSpec['contributions'][number][] = [];
  const humans = new Set<string>();
  let leftOut = 0;
  for (const unit of units) {
    const own = unit.labels.find((l) => !l.human && l.rater === judge);
    if (!own) continue;
    const votes = unit.labels.filter((l) => l.human);
    if (votes.length === 0) leftOut++;
    for (const vote of votes) {
      humans.add(vote.rater);
      contributions.push({ unit, positions: [own.position, vote.position], cohen: [own.position, vote.position] });
    }
  }
  return { kind: 'judge-human', comparison: `${judge} vs humans`, fleissRaters: 2, contributions, raters: humans.size + 1, leftOut };
}

/** One rater against the strict majority of the other humans on each unit. */
function leaveOneOutSpec(units: readonly RatedUnit[], rater: Pick<RaterLabel, 'rater' | 'human'>): RowSpec {
  const contributions: RowSpec['contributions'][number][] = [];
  const others = new Set<string>();
  let leftOut = 0;
  for (const unit of units) {
    const own = unit.labels.find((l) => l.human === rater.human && l.rater === rater.rater);
    if (!own) continue;
    const votes = unit.labels.filter((l) => l.human && !(rater.human && l.rater === rater.rater));
    if (votes.length === 0) continue;
    const majority = strictMajority(votes.map((v) => v.position));
    if (majority === undefined) {
      leftOut++;
      continue;
    }
    for (const v of votes) others.add(v.rater);
    contributions.push({ unit, positions: [own.position, majority], cohen: [own.position, majority] });
  }
  return {
    kind: 'leave-one-out', comparison: `${rater.rater} vs majority of other humans`, fleissRaters: 2, contributions,
    raters: others.size + 1, leftOut,
  };
}

/** The position with strictly more votes than any other; undefined when the top is shared. */
export function strictMajority(positions: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const p of positions) counts.set(p, (counts.get(p) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0]![1] === ranked[1]![1])) return undefined;
  return ranked[0]![0];
}

/** The most common number of labels per unit (the larger on a tie): Fleiss' kappa needs a fixed number. */
function modalCount(counts: readonly number[]): number {
  const frequency = new Map<number, number>();
  for (const c of counts) frequency.set(c, (frequency.get(c) ?? 0) + 1);
  let best = 2;
  let bestFrequency = 0;
  for (const [count, f] of frequency) {
    if (f > bestFrequency || (f === bestFrequency && count > best)) {
      best = count;
      bestFrequency = f;
    }
  }
  return best;
}
