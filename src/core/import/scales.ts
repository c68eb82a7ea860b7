// A score belongs to one scale, and a scale name to one range: otherwise scores of different ranges would be
// mixed in that scale's tables. Checked on every pointwise record, whatever layout it came from.
import type { CanonicalRecord } from '../model/records';
import { FieldError } from './errors';
import { KNOWN_SCALES } from './formats/canonical';

/** Refuses a score outside its scale and a known scale name given with other bounds. */
export function checkScale(record: CanonicalRecord): void {
  if (record.kind !== 'pointwise-judgment') return;
  const { scale, score } = record;
  const known = KNOWN_SCALES[scale.name];
  if (known && (known.min !== scale.min || known.max !== scale.max)) {
    throw new FieldError(
      known.min !== scale.min ? 'scale_min' : 'scale_max',
      `the scale "${scale.name}" runs from ${known.min} to ${known.max}, not ${scale.min} to ${scale.max}: name a scale of other bounds differently`,
    );
  }
  if (score !== null && !(score >= scale.min && score <= scale.max)) {
    throw new FieldError('score', `${score} is outside the scale ${scale.name} (${scale.min} to ${scale.max})`);
  }
}
