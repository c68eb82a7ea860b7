// The rater-kappa and judge-vs-majority tables on a committed fixture (test/fixtures/agreement, generate.py: the
// figures from sklearn, one worked by hand), so that they are checked without ../shared too. Half the items are
// shown y first, so a verdict not taken in its item's reference order gives other figures.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { judgeVsMajority, loadPairwiseItems, raterKappa, type PairwiseItem } from '../../../src/core/metrics/agreement';
import type { InvalidPolicy } from '../../../src/core/model/verdicts';
import { renderTable } from '../../../src/core/report/render';
import { tableSource } from '../../../src/core/report/sources';
import type { TableOptions } from '../../../src/core/report/tableSource';
import { PROJECT_ROOT } from '../../support/paths';
import { close, openTestStore, type TestStore } from './support';

const DIR = join(PROJECT_ROOT, 'test/fixtures/agreement');

interface KappaReference {
  readonly n: number;
  readonly kappa: number;
  readonly agreement: number;
}
interface MajorityReference {
  readonly n: number;
  readonly noMajority: number;
  readonly invalid: number;
  readonly accuracy: number;
  readonly macroPrecision: number;
  readonly macroRecall: number;
  readonly macroF1: number;
  readonly kappa: number;
}
const REFERENCE = JSON.parse(readFileSync(join(DIR, 'reference.json'), 'utf8')) as {
  raterKappa: Record<InvalidPolicy, Record<string, KappaReference>>;
  judgeVsMajority: Record<InvalidPolicy, MajorityReference>;
};
const POLICIES: readonly InvalidPolicy[] = ['exclude', 'tie'];

describe('rater kappa and judge vs majority against sklearn (committed fixture)', () => {
  let test: TestStore;
  let items: PairwiseItem[];

  before(async () => {
    test = await openTestStore();
    await importFile(test.store, join(DIR, 'run.jsonl'));
    items = await loadPairwiseItems(test.store, { run: 'agree' });
  });
  after(async () => test?.close());

  it('loads 12 items, half of them first shown y first', () => {
    assert.equal(items.length, 12);
    assert.deepEqual(items.map((i) => i.reference).filter((r) => r === 'BA').length, 6);
  });

  for (const invalidAs of POLICIES) {
    it(`gives every rater pair's kappa, agreement and n (unparsable answers: ${invalidAs})`, () => {
      const { rows, skippedPairs } = raterKappa(items, { by: [], invalidAs, minItems: 1 });
      const expected = REFERENCE.raterKappa[invalidAs];
      assert.deepEqual(
        rows.map((r) => `${r.raterA}|${r.raterB}`),
        Object.keys(expected),
      );
      for (const row of rows) {
        const pair = `${row.raterA}|${row.raterB}`;
        const reference = expected[pair]!;
        close(row.kappa.value, reference.kappa, `${pair} kappa`, 1e-12);
        close(row.agreement.value, reference.agreement, `${pair} agreement`, 1e-12);
        assert.deepEqual([row.kappa.n, row.agreement.n], [reference.n, reference.n], pair);
      }
      assert.equal(skippedPairs, 0);
    });

    it(`gives the judge against the majority (unparsable answers: ${invalidAs})`, () => {
      const [row, ...others] = judgeVsMajority(items, { by: [], invalidAs });
      assert.deepEqual(others, []);
      const reference = REFERENCE.judgeVsMajority[invalidAs];
      for (const figure of ['accuracy', 'macroPrecision', 'macroRecall', 'macroF1', 'kappa'] as const) {
        close(row![figure].value, reference[figure], figure, 1e-12);
        assert.equal(row![figure].n, reference.n, `${figure} n`);
      }
      assert.deepEqual([row!.judge, row!.noMajority, row!.invalid], ['j', reference.noMajority, reference.invalid]);
    });
  }

  it('keeps a rater pair sharing exactly --min-items items and leaves out, counted, one sharing fewer', () => {
    // ann3 shares 8 items with ann1, ann2 and the judge; every other pair shares 11 or 12.
    const atEight = raterKappa(items, { by: [], invalidAs: 'exclude', minItems: 8 });
    assert.equal(atEight.rows.length, 6);
    assert.equal(atEight.skippedPairs, 0);
    const atNine = raterKappa(items, { by: [], invalidAs: 'exclude', minItems: 9 });
    assert.deepEqual(
      atNine.rows.map((r) => `${r.raterA}|${r.raterB}`),
      ['ann1|ann2', 'ann1|judge:j', 'ann2|judge:j'],
    );
    assert.equal(atNine.skippedPairs, 3);
  });

  it('builds the kappa and judge-vs-majority tables with these figures and their notes', async () => {
    const options: TableOptions = { by: [], invalidAs: 'exclude', minItems: 9, run: 'agree' };
    const kappa = await tableSource('kappa')!.build(test.store, options);
    assert.deepEqual(renderTable(kappa, 'csv').split('\n').slice(0, 2), [
      'raterA,raterB,kappa,kappa_lower,kappa_upper,kappa_n,agreement,agreement_lower,agreement_upper,agreement_n,n',
      'ann1,ann2,0.6,,,12,0.75,,,12,12',
    ]);
    assert.ok(kappa.notes.includes('3 rater pair(s) sharing fewer than 9 items are not shown.'));
    const majority = await tableSource('judge-vs-majority')!.build(test.store, options);
    const [row, ...others] = majority.rows;
    assert.deepEqual(others, []);
    assert.deepEqual([row!.judge, (row!.accuracy as { value: number }).value, row!.n], ['j', 0.7, 10]);
    assert.ok(majority.notes.includes('1 unparsable judge answer(s) were left out.'));
    assert.ok(majority.notes.includes('1 item(s) without a human majority were left out.'));
  });
});
