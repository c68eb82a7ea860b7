// The Charts panel's state for the serializer: what the webview saved comes back as the run and baseline to draw
// again after a window reload; anything else (an older version's state, none) is refused, never half-read.
import { strict as assert } from 'node:assert';
import { parseChartsState } from '../../../shared/protocol/charts';

describe('charts panel state after a reload', () => {
  it('reads the run and the baseline the webview saved', () => {
    assert.deepEqual(parseChartsState({ run: 'demo', baseline: 'mono-{lang}' }), {
      run: 'demo',
      baseline: 'mono-{lang}',
    });
    assert.deepEqual(parseChartsState({ run: 'demo', baseline: null }), { run: 'demo', baseline: null });
  });

  it('refuses a state without a run, or not an object', () => {
    for (const state of [undefined, null, 'demo', [], { baseline: 'x' }, { run: 7 }])
      assert.equal(parseChartsState(state), undefined, JSON.stringify(state));
  });
});
