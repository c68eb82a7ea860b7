// The dashboard's judge filter offers the judges that have a judge-vs-humans figure: a pairwise verdict on an item
// a human voted on (src/core/metrics/audit/dashboard.ts judgesWithFigures).
import { strict as assert } from 'node:assert';
import { parseLanguageTag } from '../../../src/core/model/language';
import type { PairVerdict } from '../../../src/core/model/records';
import type { PairwiseItem } from '../../../src/core/metrics/agreement';
import { judgesWithFigures } from '../../../src/core/metrics/audit';

function item(group: string, judges: Record<string, PairVerdict>, humans: string[]): PairwiseItem {
  return {
    run: 'r',
    group,
    lang: parseLanguageTag('he')!,
    turn: 1,
    systemA: 'a',
    systemB: 'b',
    judges: new Map(Object.entries(judges)),
    humans: humans.map((annotator) => ({ annotator, verdict: 'A' })),
    reference: 'AB',
  };
}

describe('dashboard: the judges its filter offers', () => {
  it('lists a judge with a verdict on a voted item, not one whose verdicts no human voted on', () => {
    const items = [
      item('g1', { 'judge-b': 'A', 'judge-a': 'tie' }, ['ann1']),
      item('g2', { 'judge-a': 'B', unvoted: 'A' }, []),
      item('g3', { 'invalid-only': 'invalid' }, ['ann2']),
    ];
    assert.deepEqual(judgesWithFigures(items), ['invalid-only', 'judge-a', 'judge-b']);
  });

  it('offers no judge where no human voted', () => {
    assert.deepEqual(judgesWithFigures([item('g1', { j: 'A' }, [])]), []);
  });
});
