// The dashboard's filters and saved state come from a webview (or an older version's state after a reload): they
// are parsed at the boundary, and anything malformed is refused or falls back, never passed on half-read.
import { strict as assert } from 'node:assert';
import {
  DEFAULT_DASHBOARD_FILTERS,
  parseDashboardFilters,
  parseDashboardState,
} from '../../../shared/protocol/dashboard';

describe('dashboard messages', () => {
  it('reads filters, treating a blank pattern as everyone', () => {
    assert.deepEqual(parseDashboardFilters({ annotators: ' expert_* ', judges: ['gpt4_pair'], invalidAs: 'tie' }), {
      annotators: 'expert_*',
      judges: ['gpt4_pair'],
      invalidAs: 'tie',
    });
    assert.deepEqual(
      parseDashboardFilters({ annotators: '   ', judges: null, invalidAs: 'exclude' }),
      DEFAULT_DASHBOARD_FILTERS,
    );
  });

  it('refuses filters of the wrong shape', () => {
    assert.throws(() => parseDashboardFilters({ annotators: null, judges: null, invalidAs: 'maybe' }));
    assert.throws(() => parseDashboardFilters({ annotators: 3, judges: null, invalidAs: 'tie' }));
    assert.throws(() => parseDashboardFilters({ annotators: null, judges: [1], invalidAs: 'tie' }));
    assert.throws(() => parseDashboardFilters('expert_*'));
  });

  it('restores a saved state, falls back to default filters when they are unreadable, and gives up without a run', () => {
    const filters = { annotators: 'ivan,o*', judges: null, invalidAs: 'tie' };
    assert.deepEqual(parseDashboardState({ run: 'demo', filters }), { run: 'demo', filters });
    assert.deepEqual(parseDashboardState({ run: 'demo', filters: { invalidAs: 'sometimes' } }), {
      run: 'demo',
      filters: DEFAULT_DASHBOARD_FILTERS,
    });
    assert.deepEqual(parseDashboardState({ run: 'demo' }), { run: 'demo', filters: DEFAULT_DASHBOARD_FILTERS });
    assert.equal(parseDashboardState({ filters }), undefined);
    assert.equal(parseDashboardState(undefined), undefined);
  });
});
