import assert from 'node:assert/strict';
import { accuracy, classificationReport, confusionMatrix } from '../../../src/core/metrics/stats';
import { assertClose, reference } from './reference';

describe('stats/classification', () => {
  describe('matches sklearn.metrics (zero_division=0)', () => {
    for (const c of reference.classification) {
      it(c.name, () => {
        const labels = c.labels ?? undefined;
        const report = classificationReport(c.truth, c.predicted, labels);
        const e = c.expected;
        assertClose(report.accuracy, e.accuracy, 'accuracy');
        assertClose(accuracy(c.truth, c.predicted), e.accuracy, 'accuracy()');
        assert.deepEqual(
          report.perClass.map((s) => s.label),
          e.labels,
        );
        report.perClass.forEach((s, i) => {
          assertClose(s.precision, e.precision[i]!, `precision of ${s.label}`);
          assertClose(s.recall, e.recall[i]!, `recall of ${s.label}`);
          assertClose(s.f1, e.f1[i]!, `f1 of ${s.label}`);
          assert.equal(s.support, e.support[i]);
        });
        assertClose(report.macro.precision, e.macro.precision, 'macro precision');
        assertClose(report.macro.recall, e.macro.recall, 'macro recall');
        assertClose(report.macro.f1, e.macro.f1, 'macro f1');
        const matrix = confusionMatrix(c.truth, c.predicted, labels);
        assert.deepEqual(matrix.counts, e.confusion);
        assert.deepEqual(matrix.labels, e.labels);
      });
    }
  });

  it('a small hand-checked case: precision, recall and F1 per class', () => {
    // truth A A A B B tie; predicted A A B B A A.
    const report = classificationReport(['A', 'A', 'A', 'B', 'B', 'tie'], ['A', 'A', 'B', 'B', 'A', 'A']);
    const [a, b, tie] = report.perClass;
    assert.deepEqual([a!.precision, a!.recall], [2 / 4, 2 / 3]);
    assertClose(a!.f1, (2 * (1 / 2) * (2 / 3)) / (1 / 2 + 2 / 3));
    assert.deepEqual([b!.precision, b!.recall, b!.f1], [1 / 2, 1 / 2, 1 / 2]);
    // tie is never predicted: precision 0 by zero_division=0, not NaN.
    assert.deepEqual([tie!.precision, tie!.recall, tie!.f1, tie!.support], [0, 0, 0, 1]);
    assertClose(report.accuracy, 3 / 6);
    assert.equal(report.n, 6);
  });

  it('counts and reports pairs a restricted confusion matrix leaves out', () => {
    const matrix = confusionMatrix(['A', 'B', 'tie'], ['A', 'tie', 'B'], ['A', 'B']);
    assert.deepEqual(matrix.counts, [
      [1, 0],
      [0, 0],
    ]);
    assert.equal(matrix.excluded, 2);
  });

  it('refuses lists of different lengths', () => {
    assert.throws(() => accuracy(['A'], []), RangeError);
    assert.throws(() => classificationReport(['A'], ['A', 'B']), RangeError);
  });
});
