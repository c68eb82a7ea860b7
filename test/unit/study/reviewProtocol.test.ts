// The review panel's messages are parsed at the boundary: the rating task's requests (ratingTexts,
// adjudicateRating) with their keys checked field by field, and the filters naming their task.
import { strict as assert } from 'node:assert';
import { parseReviewMessage } from '../../../shared/protocol/adjudicate';
import { ProtocolError } from '../../../shared/protocol/fields';

const key = { run: 'rt', group: 'p1', lang: 'he', turn: 1, system: 'x', seed: 0, criterion: '' };

describe('review panel protocol: ratings', () => {
  it('parses the rating requests and the filters with their task', () => {
    assert.deepEqual(parseReviewMessage({ type: 'request', id: 3, method: 'ratingTexts', params: key }), {
      type: 'request',
      id: 3,
      method: 'ratingTexts',
      params: key,
    });
    assert.deepEqual(
      parseReviewMessage({
        type: 'request',
        id: 4,
        method: 'adjudicateRating',
        params: { key: { ...key, extra: 'dropped' }, label: 'pass' },
      }),
      { type: 'request', id: 4, method: 'adjudicateRating', params: { key, label: 'pass' } },
    );
    const filters = { task: 'rating', kind: 'human-human', lang: null, criterion: null };
    assert.deepEqual(parseReviewMessage({ type: 'request', id: 5, method: 'list', params: filters }), {
      type: 'request',
      id: 5,
      method: 'list',
      params: filters,
    });
  });

  it('refuses a rating key without its seed, a label that is not text, a task it does not know', () => {
    const { seed: _seed, ...noSeed } = key;
    assert.throws(
      () => parseReviewMessage({ type: 'request', id: 1, method: 'ratingTexts', params: noSeed }),
      ProtocolError,
    );
    assert.throws(
      () => parseReviewMessage({ type: 'request', id: 1, method: 'adjudicateRating', params: { key, label: 3 } }),
      ProtocolError,
    );
    assert.throws(
      () =>
        parseReviewMessage({
          type: 'request',
          id: 1,
          method: 'list',
          params: { task: 'ratings', kind: 'all', lang: null, criterion: null },
        }),
      ProtocolError,
    );
  });
});
