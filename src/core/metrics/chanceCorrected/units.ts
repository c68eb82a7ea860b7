// Units of chance-corrected agreement: one thing several raters labelled (a pair of responses, a response), with
// each rater's label as a position on the scale. Built from pairwise items (A / B / tie), human excellent / pass /
// fail ratings, or pointwise judge scores (Likert 1–6, 1–3).
import { countedVerdict } from '../../model/verdicts';
import { RATINGS, type LabelScale } from '../../model/records';
import { scaleChoices } from '../../model/scales';
import type { ResponseKeyRow } from '../../store/languageQueries';
import type { HumanRatingRow, PointwiseScoreRow } from '../../store/scoreQueries';
import { inReferenceOrder, itemGroupValues, type PairwiseItem } from '../agreement/pairwiseItems';
import { judgeLabels } from '../judgeLabels';
import type { GroupValues } from '../grouping';
import { judgeScaleOf, scaleKey, type HumanRatingSet } from '../ratings/humanRatings';
import type { InvalidPolicy } from '../scores/judgedPairs';
import { collect } from '../scores/slices';

/** A scale of labels. Positions 0..k-1 index `values`, which interval alpha reads as numbers. */
export interface AgreementScale {
  readonly id: string;
  readonly title: string;
  readonly names: readonly string[];
  readonly values: readonly number[];
  /** Ordered scales get ordinal and interval alpha and quadratic-weighted kappa; unordered ones nominal only. */
  readonly ordered: boolean;
}

export const PAIRWISE_SCALE: AgreementScale = {
  id: 'pairwise',
  title: 'pairwise verdicts (A / B / tie)',
  names: ['A', 'B', 'tie'],
  values: [0, 1, 2],
  ordered: false,
};

export const RATING_SCALE: AgreementScale = {
  id: 'ratings',
  title: 'excellent / pass / fail ratings',
  names: [...RATINGS],
  values: [0, 1, 2],
  ordered: true,
};

/** An integer scale min..max of pointwise judge scores, e.g. likert-6 (1–6) or rating-3 (1–3). */
export function integerScale(id: string, min: number, max: number): AgreementScale {
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return { id, title: `${id} scores (${min}–${max})`, names: values.map(String), values, ordered: true };
}

export interface RaterLabel {
  readonly rater: string;
  readonly human: boolean;
  /** Position on the scale. */
  readonly position: number;
}

export interface RatedUnit {
  readonly run: string;
  readonly group: string;
  readonly values: GroupValues;
  readonly labels: readonly RaterLabel[];
}

export interface UnitSet {
  readonly scale: AgreementScale;
  readonly units: readonly RatedUnit[];
  /** Labels left out before any figure: unparsable judge answers, values off the scale. */
  readonly leftOut: number;
  readonly leftOutReason: string;
}

/** Pairwise items as units: human votes and each judge's combined verdict, in the item's first-shown order. */
export function pairwiseUnits(items: readonly PairwiseItem[], invalidAs: InvalidPolicy): UnitSet {
  let invalid = 0;
  const position = (v: 'A' | 'B' | 'tie') => PAIRWISE_SCALE.names.indexOf(v);
  const units = items.map((item) => {
    const labels: RaterLabel[] = item.humans.map((h) => ({
      rater: h.annotator,
      human: true,
      position: position(inReferenceOrder(item, h.verdict)),
    }));
    for (const [judge, verdict] of item.judges) {
      const counted = countedVerdict(verdict, invalidAs);
      if (counted === undefined) {
        invalid++;
        continue;
      }
      const mapped = inReferenceOrder(item, counted);
      labels.push({ rater: judge, human: false, position: position(mapped) });
    }
    return { run: item.run, group: item.group, values: itemGroupValues(item), labels };
  });
  return { scale: PAIRWISE_SCALE, units, leftOut: invalid, leftOutReason: 'unparsable judge verdicts' };
}

/** Groups per-response labels into units, one per response. */
function responseUnits<R extends ResponseKeyRow>(
  rows: readonly R[],
  labelOf: (row: R) => RaterLabel | undefined,
): { units: RatedUnit[]; skipped: number } {
  const units = new Map<string, { run: string; group: string; values: GroupValues; labels: RaterLabel[] }>();
  let skipped = 0;
  for (const row of rows) {
    const label = labelOf(row);
    if (!label) {
      skipped++;
      continue;
    }
    const criterion = (row as { criterion?: string }).criterion ?? '';
    const key = [row.run, row.group, row.lang, row.turn, row.system, row.seed, criterion].join('\u0000');
    collect(units, key, () => ({
      run: row.run,
      group: row.group,
      values: { run: row.run, lang: row.lang, turn: row.turn, system: row.system, criterion },
      labels: [],
    })).labels.push(label);
  }
  return { units: [...units.values()], skipped };
}

/** Annotators' excellent / pass / fail ratings as units, one per response. */
export function ratingUnits(rows: readonly HumanRatingRow[]): UnitSet {
  const { units, skipped } = responseUnits(rows, (row) => {
    const position = RATING_SCALE.names.indexOf(row.rating);
    return position < 0 ? undefined : { rater: row.annotator, human: true, position };
  });
  return {
    scale: RATING_SCALE,
    units,
    leftOut: skipped,
    leftOutReason: 'stored ratings that are not excellent, pass or fail',
  };
}

/**
 * Judges' scores on one integer scale as units, one per response. The scores are the judges' own, before any
 * language gate: agreement is about the judging.
 */
export function scoreUnits(rows: readonly PointwiseScoreRow[], scale: AgreementScale): UnitSet {
  const label = judgeLabels(rows);
  const { units, skipped } = responseUnits(rows, (row) => {
    const position = row.score === null ? -1 : scale.values.indexOf(row.score);
    return position < 0 ? undefined : { rater: label(row), human: false, position };
  });
  return { scale, units, leftOut: skipped, leftOutReason: 'unparsable or off-scale judge scores' };
}

/**
 * A label scale for agreement: lima-3 is RATING_SCALE; an ordinal scale's levels are ranked from 1; a numeric
 * scale's positions are its whole numbers and any other value given, which interval alpha reads as numbers.
 */
export function agreementScaleOf(scale: LabelScale, observed: readonly number[]): AgreementScale {
  if (scale.name === 'lima-3' && scale.kind === 'ordinal') return RATING_SCALE;
  if (scale.kind === 'ordinal') {
    return {
      id: scale.name,
      title: `${scale.name} ratings (${scale.levels.join(' < ')})`,
      names: [...scale.levels],
      values: scale.levels.map((_, i) => i + 1),
      ordered: true,
    };
  }
  const values = [...new Set([...scaleChoices(scale).map(Number), ...observed])].sort((a, b) => a - b);
  return {
    id: scale.name,
    title: `${scale.name} (${scale.min}–${scale.max})`,
    names: values.map(String),
    values,
    ordered: true,
  };
}

/** A unit set per scale, named by its scale. */
export interface ScaleUnitSet extends UnitSet {
  readonly scaleName: string;
}

/**
 * Human ratings and judge scores on the same scales as units, one set per scale: "ratings" takes every scale
 * humans rated on (judges join where their scale is the same), "scores" every scale judges scored on (humans join
 * likewise). A judge's score and a human's rating of one response on one criterion are labels of one unit.
 */
export function scaleUnitSets(
  humans: HumanRatingSet,
  judgeRows: readonly PointwiseScoreRow[],
  from: 'ratings' | 'scores',
): ScaleUnitSet[] {
  const scales = new Map<string, LabelScale>();
  if (from === 'ratings') for (const r of humans.ratings) scales.set(scaleKey(r.scale), r.scale);
  else for (const row of judgeRows) scales.set(scaleKey(judgeScaleOf(row)), judgeScaleOf(row));
  const label = judgeLabels(judgeRows);
  return [...scales.entries()]
    .sort(([, a], [, b]) => a.name.localeCompare(b.name))
    .map(([key, labelScale]) => {
      const ratings = humans.ratings.filter((r) => scaleKey(r.scale) === key);
      const judges = judgeRows.filter((row) => scaleKey(judgeScaleOf(row)) === key);
      const scale = agreementScaleOf(labelScale, [
        ...ratings.map((r) => r.value),
        ...judges.flatMap((j) => (j.score === null ? [] : [j.score])),
      ]);
      type Row = ResponseKeyRow & { criterion: string; label: RaterLabel | undefined };
      const rows: Row[] = [
        // An ordinal rating's value is its rank from 1; a numeric one's its value.
        ...ratings.map((r) => ({
          ...r,
          label: {
            rater: r.annotator,
            human: true,
            position: r.scale.kind === 'ordinal' ? r.value - 1 : scale.values.indexOf(r.value),
          },
        })),
        ...judges.map((j) => ({
          ...j,
          label:
            j.score === null || scale.values.indexOf(j.score) < 0
              ? undefined
              : { rater: label(j), human: false, position: scale.values.indexOf(j.score) },
        })),
      ];
      const { units, skipped } = responseUnits(rows, (row) => row.label);
      const offScale = humans.offScale.filter((o) => (o.row.scale ?? 'lima-3') === labelScale.name).length;
      return {
        scale,
        scaleName: labelScale.name,
        units,
        leftOut: skipped + offScale,
        leftOutReason: 'unparsable or off-scale judge scores and human ratings not on the scale',
      };
    });
}
