// MT-bench (Zheng et al. 2023, Table 2): agreement of GPT-4 with expert humans and between experts,
// reproduced from the published files through the real import, store and metrics.
import { strict as assert } from 'node:assert';
import {
  loadPairwiseItems,
  loadPairwiseItemsOfBothScopes,
  raterAgreement,
  type AgreementRow,
} from '../../../src/core/metrics/agreement';
import type { Store } from '../../../src/core/store/store';
import { MT_BENCH, storeOfSharedData, type TemporaryStore } from '../../support/sharedStores';

describe('acceptance: MT-bench human judgments', function () {
  let database: TemporaryStore | undefined;
  let store: Store;
  let rows: AgreementRow[];

  before(async function () {
    database = await storeOfSharedData(this, ...MT_BENCH);
    store = database.store;
    const items = await loadPairwiseItems(store, { annotatorPattern: 'expert_*' });
    rows = raterAgreement(items, { by: ['turn'], invalidAs: 'exclude' });
  });

  after(async () => {
    await database?.close();
  });

  const find = (turn: number, kind: AgreementRow['kind']) => {
    const row = rows.find((r) => r.group.turn === turn && r.kind === kind);
    assert.ok(row, `no ${kind} row for turn ${turn}`);
    return row;
  };

  const published = [
    // turn, GPT-4 vs expert with tie (value, n), without tie, expert vs expert with tie, without tie
    { turn: 1, judge: [0.66, 1343, 0.846, 859], human: [0.63, 721, 0.81, 479] },
    { turn: 2, judge: [0.657, 1325, 0.846, 864], human: [0.666, 707, 0.819, 474] },
  ] as const;

  for (const { turn, judge, human } of published) {
    it(`turn ${turn}: GPT-4 vs experts ${judge[0]} over ${judge[1]} pairs with ties, ${judge[2]} over ${judge[3]} without`, () => {
      const row = find(turn, 'judge-human');
      assert.equal(row.comparison, 'gpt4_pair');
      assert.equal(row.withTie.n, judge[1]);
      assert.equal(row.withTie.value.toFixed(3), judge[0].toFixed(3));
      assert.equal(row.withoutTie.n, judge[3]);
      assert.equal(row.withoutTie.value.toFixed(3), judge[2].toFixed(3));
    });
    it(`turn ${turn}: expert vs expert ${human[0]} over ${human[1]} pairs with ties, ${human[2]} over ${human[3]} without`, () => {
      const row = find(turn, 'human-human');
      assert.equal(row.withTie.n, human[1]);
      assert.equal(row.withTie.value.toFixed(3), human[0].toFixed(3));
      assert.equal(row.withoutTie.n, human[3]);
      assert.equal(row.withoutTie.value.toFixed(3), human[2].toFixed(3));
    });
  }

  it('gives every figure a bootstrap interval around it that the same seed reproduces', async () => {
    const items = await loadPairwiseItems(store, { annotatorPattern: 'expert_*', turns: [1] });
    const intervals = { resamples: 200, seed: 7, level: 0.95 };
    const first = raterAgreement(items, { by: [], invalidAs: 'exclude', intervals });
    const again = raterAgreement(items, { by: [], invalidAs: 'exclude', intervals });
    const other = raterAgreement(items, { by: [], invalidAs: 'exclude', intervals: { ...intervals, seed: 8 } });
    const judge = first.find((r) => r.kind === 'judge-human')!;
    assert.ok(judge.withTie.lower! < judge.withTie.value && judge.withTie.value < judge.withTie.upper!);
    assert.ok(
      judge.withTie.upper! - judge.withTie.lower! < 0.1,
      'an interval over 80 prompts should be narrower than 10 points',
    );
    assert.deepEqual(again, first);
    assert.notDeepEqual(other.find((r) => r.kind === 'judge-human')!.withTie, judge.withTie);
  });

  it('counts the LIMA score of GPT-4 against the experts on turn 1: (886 + 325 / 2) / 1343', () => {
    // Counted from the two files with a few lines of Python (experts, turn 1, GPT-4's verdict paired with every
    // expert vote on the item): 886 of the 1343 vote pairs agree (the published 66%), 325 have exactly one tie.
    const row = find(1, 'judge-human');
    assert.equal(row.lima.value, (886 + 325 / 2) / 1343);
    assert.equal(row.lima.n, 1343);
  });

  it('one read for both scopes gives each scope the items of its own read, in the same order', async () => {
    for (const selection of [{ annotatorPattern: 'expert_*' }, { turns: [2] }]) {
      const both = await loadPairwiseItemsOfBothScopes(store, selection);
      const humans = await loadPairwiseItems(store, selection, { only: 'humans' });
      const twoRaters = await loadPairwiseItems(store, selection, { only: 'two-raters' });
      assert.deepEqual(both.humans, humans);
      assert.deepEqual(both.twoRaters, twoRaters);
      assert.ok(humans.length > 500 && twoRaters.length > 500, `${humans.length}, ${twoRaters.length} items`);
    }
  });
});
