// The dashboard's "judge below humans" flag rests on intervals, not point estimates: a judge whose figure is lower
// but whose interval overlaps the humans' is not flagged; one whose whole interval lies below is.
import { strict as assert } from 'node:assert';
import { buildPairwiseItems, loadPairwiseItems } from '../../../src/core/metrics/agreement';
import { agreementDashboard, isBelow } from '../../../src/core/metrics/audit';
import type { Estimate } from '../../../src/core/metrics/estimate';
import type { LanguageTag } from '../../../src/core/model/language';
import type { HumanPairwiseRow, JudgeVerdictRow } from '../../../src/core/store/store';
import { openHandRun } from './handRun';

const estimate = (value: number, lower?: number, upper?: number): Estimate =>
  lower === undefined ? { value, n: 20 } : { value, n: 20, lower, upper: upper! };
const INTERVALS = { resamples: 200, seed: 1, level: 0.95 };

describe('audit: the judge below the humans', () => {
  it('compares the upper end of the judge with the lower end of the humans', () => {
    assert.equal(
      isBelow(estimate(0.5, 0.4, 0.62), estimate(0.6, 0.55, 0.7)),
      false,
      'lower point, overlapping intervals',
    );
    assert.equal(isBelow(estimate(0.5, 0.4, 0.55), estimate(0.6, 0.55, 0.7)), false, 'touching intervals');
    assert.equal(isBelow(estimate(0.3, 0.2, 0.4), estimate(0.6, 0.5, 0.7)), true);
    assert.equal(isBelow(estimate(0.3), estimate(0.6)), false, 'no intervals: nothing to compare');
    assert.equal(isBelow(estimate(0.3, 0.2, 0.4), undefined), false, 'no human figure');
  });

  it('does not flag Spanish in the hand run: the judge is lower (4/11 against 4/7) but the intervals overlap', async () => {
    const { folder, store } = await openHandRun();
    try {
      const dashboard = agreementDashboard(await loadPairwiseItems(store, { run: 'audit' }), {
        invalidAs: 'exclude',
        intervals: INTERVALS,
      });
      const es = dashboard.groups.find((g) => g.group.lang === 'es')!;
      assert.ok(es.judges[0]!.row.withTie.value < es.humans!.withTie.value);
      assert.deepEqual(es.judges[0]!.below, { withTie: false, withoutTie: false, lima: false });
      assert.equal(es.flagged, false);
    } finally {
      await store.close();
      folder.remove();
    }
  });

  it('flags a language where two annotators always agree and the judge always says the other response', () => {
    const key = (group: string) => ({
      run: 'r',
      group,
      lang: 'fi' as LanguageTag,
      turn: 1,
      systemA: 'x',
      systemB: 'y',
    });
    const groups = Array.from({ length: 12 }, (_, i) => `p${i + 1}`);
    const judged: JudgeVerdictRow[] = groups.map((g) => ({
      ...key(g),
      judge: 'j',
      judgeHash: 'h',
      order: 'combined',
      verdict: 'B',
      raw: null,
    }));
    const votes: HumanPairwiseRow[] = groups.flatMap((g) =>
      ['ann1', 'ann2'].map((annotator) => ({ ...key(g), annotator, verdict: 'A' as const, order: 'AB' as const })),
    );
    const dashboard = agreementDashboard(buildPairwiseItems(judged, votes), {
      invalidAs: 'exclude',
      intervals: INTERVALS,
    });
    const [fi] = dashboard.groups;
    // Judge: 0 of 24 vote pairs agree, interval [0, 0]; humans: 12 of 12, interval [1, 1].
    assert.deepEqual(
      [fi!.judges[0]!.row.withTie.value, fi!.judges[0]!.row.withTie.upper, fi!.humans!.withTie.lower],
      [0, 0, 1],
    );
    assert.deepEqual(fi!.judges[0]!.below, { withTie: true, withoutTie: true, lima: true });
    assert.equal(fi!.flagged, true);
  });
});
