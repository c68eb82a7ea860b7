// A score belongs to one scale, and a scale name to one range: otherwise scores of different ranges would be
// mixed in that scale's tables. Checked on every pointwise record, whatever layout it came from.
import type { CanonicalRecord } from '../model/records';
import { FieldError } from './errors';
import { KNOWN_SCALES } from './formats/canonical';
import { msg } from '../util/message';

/** Refuses a score outside its scale and a known scale name given with other bounds. */
export function checkScale(record: CanonicalRecord): void {
  if (record.kind !== 'pointwise-judgment') return;
  const { scale, score } = record;
  const known = KNOWN_SCALES[scale.name];
  if (known && (known.min !== scale.min || known.max !== scale.max)) {
    throw new FieldError(
      known.min !== scale.min ? 'scale_min' : 'scale_max',
      msg(
        'the scale "{0}" runs from {1} to {2}, not {3} to {4}: name a scale of other bounds differently',
        scale.name,
        known.min,
        known.max,
        scale.min,
        scale.max,
      ),
    );
  }
  if (score !== null && !(score >= scale.min && score <= scale.max)) {
    throw new FieldError(
      'score',
      msg('{0} is outside the scale {1} ({2} to {3})', score, scale.name, scale.min, scale.max),
    );
  }
}
