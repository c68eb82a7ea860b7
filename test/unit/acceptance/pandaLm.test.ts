// PandaLM (WeOpenML/PandaLM README): Cohen's kappa between its three annotators, and gpt-3.5-turbo and
// PandaLM-7B against the annotators' majority, reproduced from the published files.
import { openTestStore } from '../../support/testDatabase';
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import {
  judgeVsMajority,
  loadPairwiseItems,
  raterKappa,
  type MajorityRow,
  type PairwiseItem,
} from '../../../src/core/metrics/agreement';
import { Store } from '../../../src/core/store/store';
import { requireSharedData, temporaryFolder } from '../../support/paths';

describe('acceptance: PandaLM test set', function () {
  let folder: ReturnType<typeof temporaryFolder>;
  let store: Store;
  let items: PairwiseItem[];
  /** Both judges against the majority, unparsable answers as ties (as PandaLM counts them). */
  let withTies: MajorityRow[];

  before(async function () {
    const data = requireSharedData(this, 'pandalm');
    folder = temporaryFolder();
    store = await openTestStore(join(folder.path, 'langlens.db'));
    for (const file of ['testset-v1.json', 'gpt-3.5-turbo-testset-v1.json', 'pandalm-7b-testset-v1.json']) {
      await importFile(store, join(data, file));
    }
    items = await loadPairwiseItems(store, { run: 'pandalm' });
    withTies = judgeVsMajority(items, { by: [], invalidAs: 'tie' });
  });

  after(async () => {
    await store?.close();
    folder?.remove();
  });

  it('imports 999 items with three labels each, and counts 25 unparsable gpt-3.5-turbo answers', async () => {
    assert.equal(items.length, 999);
    assert.ok(items.every((i) => i.humans.length === 3));
    assert.equal(items.filter((i) => i.judges.get('gpt-3.5-turbo') === 'invalid').length, 25);
    const [summary] = await store.summary();
    assert.deepEqual(summary!.pairwiseJudgments, [
      { judge: 'gpt-3.5-turbo', count: 999, invalid: 25 },
      { judge: 'pandalm-7b', count: 999, invalid: 0 },
    ]);
  });

  it("reproduces Cohen's kappa between the annotators: 0.852, 0.879, 0.862", () => {
    const { rows } = raterKappa(items, { by: [], invalidAs: 'exclude', minItems: 1 });
    const kappa = (a: string, b: string) => rows.find((r) => r.raterA === a && r.raterB === b)!.kappa;
    assert.equal(kappa('annotator1', 'annotator2').value.toFixed(3), '0.852');
    assert.equal(kappa('annotator1', 'annotator3').value.toFixed(3), '0.879');
    assert.equal(kappa('annotator2', 'annotator3').value.toFixed(3), '0.862');
    assert.equal(kappa('annotator1', 'annotator2').n, 999);
  });

  it('reproduces gpt-3.5-turbo against the majority with unparsable answers as ties: accuracy 71.07, macro F1 57.55', () => {
    const gpt = withTies.find((r) => r.judge === 'gpt-3.5-turbo')!;
    assert.equal((gpt.accuracy.value * 100).toFixed(2), '71.07');
    assert.equal((gpt.macroPrecision.value * 100).toFixed(2), '58.79');
    assert.equal((gpt.macroRecall.value * 100).toFixed(2), '57.36');
    assert.equal((gpt.macroF1.value * 100).toFixed(2), '57.55');
    assert.equal(gpt.accuracy.n, 999);
    assert.equal(gpt.invalid, 0);
    assert.equal(gpt.noMajority, 0);
  });

  it('reproduces PandaLM-7B against the majority: accuracy 66.77, macro F1 57.43', () => {
    const panda = withTies.find((r) => r.judge === 'pandalm-7b')!;
    assert.equal((panda.accuracy.value * 100).toFixed(2), '66.77');
    assert.equal((panda.macroPrecision.value * 100).toFixed(2), '57.38');
    assert.equal((panda.macroRecall.value * 100).toFixed(2), '57.50');
    assert.equal((panda.macroF1.value * 100).toFixed(2), '57.43');
  });

  it('leaves unparsable answers out, and counts them, unless asked to map them to tie', () => {
    const rows = judgeVsMajority(items, { by: [], invalidAs: 'exclude' });
    const gpt = rows.find((r) => r.judge === 'gpt-3.5-turbo')!;
    assert.equal(gpt.invalid, 25);
    assert.equal(gpt.accuracy.n, 974);
    // 697 of the 974 parsable answers match the majority: 71.56, not the published 71.07 (which counts them as ties).
    assert.equal(gpt.accuracy.value, 697 / 974);
  });
});
