// Rating scales: the built-in ones, and what a rating on a scale is as a number (its position for agreement).
import { LIMA_SCALE, type LabelScale, type LabelSchema } from './records';

/** Scales known by name without a schema. A numeric judge scale (pointwise-judgment) may use the same names. */
export const BUILT_IN_SCALES: readonly LabelScale[] = [
  LIMA_SCALE,
  { name: 'likert-5', kind: 'numeric', min: 1, max: 5 },
  { name: 'likert-6', kind: 'numeric', min: 1, max: 6 },
  { name: 'rating-3', kind: 'numeric', min: 1, max: 3 },
  { name: 'mt-bench-10', kind: 'numeric', min: 1, max: 10 },
];

/** The scales of a schema, then the built-in ones it does not redeclare, by name. */
export function scalesByName(schema: LabelSchema | undefined): Map<string, LabelScale> {
  const out = new Map<string, LabelScale>();
  for (const scale of schema?.scales ?? []) out.set(scale.name, scale);
  for (const scale of BUILT_IN_SCALES) if (!out.has(scale.name)) out.set(scale.name, scale);
  return out;
}

/**
 * A rating as a number: a numeric scale's value, or an ordinal level's rank from 1 (worst). undefined: not on the
 * scale (a level it does not have, a number outside its bounds).
 */
export function ratingValue(scale: LabelScale, rating: string | number): number | undefined {
  if (scale.kind === 'ordinal') {
    const rank = scale.levels.indexOf(String(rating));
    return rank < 0 ? undefined : rank + 1;
  }
  const value = typeof rating === 'number' ? rating : Number(rating);
  return Number.isFinite(value) && value >= scale.min && value <= scale.max ? value : undefined;
}

/** What a rater can choose, worst first: the levels, or the whole numbers of a numeric scale. */
export function scaleChoices(scale: LabelScale): string[] {
  if (scale.kind === 'ordinal') return [...scale.levels];
  const out: string[] = [];
  for (let v = Math.ceil(scale.min); v <= scale.max; v++) out.push(String(v));
  return out;
}

export function describeScale(scale: LabelScale): string {
  return scale.kind === 'ordinal'
    ? `${scale.name} (${scale.levels.join(' < ')})`
    : `${scale.name} (${scale.min}–${scale.max})`;
}
