// A rating label on one response of a queue (a QueueResponse: group, language, turn, system, seed), as the tests of
// overlaps, explorer counts and concurrent annotators write them.
import type { QueueResponse } from '../../src/core/annotation/queue';
import type { LabelWrite } from '../../src/core/store/annotation';

export function ratingLabelOn(
  response: QueueResponse,
  label: { annotator: string; fingerprint: string; value: string; run?: string; labelledAt?: string },
): LabelWrite {
  return {
    kind: 'rating',
    fingerprint: label.fingerprint,
    annotator: label.annotator,
    comment: null,
    labelledAt: label.labelledAt ?? new Date().toISOString(),
    run: label.run ?? 'demo',
    group: response.group,
    lang: response.lang,
    turn: response.turn,
    system: response.system,
    seed: response.seed,
    value: label.value,
  };
}
