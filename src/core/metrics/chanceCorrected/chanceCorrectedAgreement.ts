// Chance-corrected agreement for any number of raters with missing labels (protocols.md §3), per group (language by
// default), every figure with a cluster-bootstrap interval over prompt groups:
// - among the humans (and among the judges, when there are two or more): Fleiss' kappa, Krippendorff's alpha
//   (nominal; ordinal and interval for ordered scales), observed agreement over every two labels of a unit, and
//   Cohen's kappa when exactly two raters are involved;
// - each judge against the humans: the judge's label paired with every human label on the unit ([MT]'s pairing);
// - leave-one-out: each rater against the majority (strictly most frequent label) of the *other* humans (for an
//   annotator only when there are three or more: with two, it is the human–human figure again).
// The last two are sets of two-label units: there Fleiss' kappa is Scott's pi and alpha the two-rater alpha.
import { strictMajority, type AlphaLevel } from '../stats';
import type { Estimate, IntervalSettings } from '../estimate';
import { groupBy, type GroupField, type GroupValues } from '../grouping';
import { ClusterTally } from '../clusterTally';
import { alphaLevels, multiRaterLayout, pairLayout, type Contribution } from './layouts';
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

/** What one row sums: for each unit, the labels to compare (and the pair for Cohen's kappa). */
interface RowSpec {
  readonly kind: ComparisonKind;
  readonly comparison: string;
  /** Fixed for pair rows (2); the most common number of labels for multi-rater rows. */
  readonly fleissRaters: number;
  readonly contributions: readonly (Contribution & { readonly unit: RatedUnit })[];
  readonly raters: number;
  readonly leftOut: number;
}

const isPairRow = (spec: RowSpec) => spec.kind === 'judge-human' || spec.kind === 'leave-one-out';

export function chanceCorrectedAgreement(
  units: readonly RatedUnit[],
  scale: AgreementScale,
  options: ChanceCorrectedOptions,
): ChanceCorrectedTable {
  const rows: ChanceCorrectedRow[] = [];
  let skippedRows = 0;
  for (const group of groupBy(units, (u) => u.values, options.by)) {
    const specs = rowSpecs(group.items).filter((spec) => spec.contributions.length > 0);
    const shown = specs.filter((spec) => !isPairRow(spec) || spec.contributions.length >= options.minItems);
    skippedRows += specs.length - shown.length;
    rows.push(...groupRows(group.values, shown, scale, options.intervals));
  }
  return { rows, skippedRows };
}

/**
 * The rows of one group. They share one bootstrap: each resample draws the group's prompt groups once and every
 * row's figures are computed on that draw, so the rows' intervals are consistent with each other.
 */
function groupRows(
  group: GroupValues,
  specs: readonly RowSpec[],
  scale: AgreementScale,
  intervals: IntervalSettings | undefined,
): ChanceCorrectedRow[] {
  let dimension = 0;
  const blocks = specs.map((spec) => {
    const layout = isPairRow(spec) ? pairLayout(scale) : multiRaterLayout(scale, spec.fleissRaters);
    const block = { spec, layout, offset: dimension, units: new Set<RatedUnit>() };
    dimension += layout.dimension;
    return block;
  });
  const tally = new ClusterTally(dimension);
  for (const block of blocks) {
    for (const contribution of block.spec.contributions) {
      block.layout.add(tally.of(contribution.unit), block.offset, contribution);
      block.units.add(contribution.unit);
    }
  }
  const figures = blocks.map((b) => b.layout.figures(b.offset));
  const estimates = tally.estimates(figures.flat(), intervals);
  const levels = alphaLevels(scale);
  let next = 0;
  return blocks.map(({ spec, units }, i) => {
    const [agreement, cohen, fleiss, ...alphas] = estimates.slice(next, (next += figures[i]!.length));
    return {
      group,
      kind: spec.kind,
      comparison: spec.comparison,
      raters: spec.raters,
      units: units.size,
      agreement: agreement!,
      cohen: cohen!,
      fleiss: fleiss!,
      fleissRaters: spec.fleissRaters,
      alpha: Object.fromEntries(levels.map((level, l) => [level, alphas[l]!])),
      leftOut: spec.leftOut,
    };
  });
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
function multiRaterSpec(
  units: readonly RatedUnit[],
  human: boolean,
  kind: ComparisonKind,
  comparison: string,
): RowSpec {
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
    kind,
    comparison,
    fleissRaters: modalCount(pairable.map((u) => u.labels.length)),
    contributions,
    raters: names.length,
    leftOut: labelled.filter((u) => u.labels.length === 1).length,
  };
}

/** The judge's label paired with every human label on each unit. */
function judgeVsHumansSpec(units: readonly RatedUnit[], judge: string): RowSpec {
  const contributions: (Contribution & { unit: RatedUnit })[] = [];
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
  return {
    kind: 'judge-human',
    comparison: `${judge} vs humans`,
    fleissRaters: 2,
    contributions,
    raters: humans.size + 1,
    leftOut,
  };
}

/** One rater against the strict majority of the other humans on each unit. */
function leaveOneOutSpec(units: readonly RatedUnit[], rater: Pick<RaterLabel, 'rater' | 'human'>): RowSpec {
  const contributions: (Contribution & { unit: RatedUnit })[] = [];
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
    kind: 'leave-one-out',
    comparison: `${rater.rater} vs majority of other humans`,
    fleissRaters: 2,
    contributions,
    raters: others.size + 1,
    leftOut,
  };
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
