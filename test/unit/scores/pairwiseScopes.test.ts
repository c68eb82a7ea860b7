// The items of both load scopes from one read (loadPairwiseItemsOfBothScopes, what `langlens agreement` does when it
// builds the kappa table beside the tables of judges against humans): each scope gets exactly the items of its own
// read, on a study with items voted on by one human alone, and judged by two judges with no vote.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { loadPairwiseItems, loadPairwiseItemsOfBothScopes } from '../../../src/core/metrics/agreement';
import { openTestStore } from '../../support/testDatabase';
import { temporaryFolder } from '../../support/paths';

const pair = { run: 'r', lang: 'es', system_a: 'x', system_b: 'y' };
const verdict = (group: string, judge: string, order: string, v: string) => ({
  kind: 'pairwise-judgment',
  ...pair,
  group,
  judge,
  order,
  verdict: v,
  raw: v,
});
const vote = (group: string, annotator: string, v: string) => ({
  kind: 'pairwise-label',
  ...pair,
  group,
  annotator,
  verdict: v,
  labelled_at: '2024-05-01T00:00:00Z',
});

describe('agreement loads: both scopes from one read', () => {
  it('give the items with votes and the items with two raters exactly as their own reads do', async () => {
    const folder = temporaryFolder();
    const store = await openTestStore(join(folder.path, 'langlens.db'));
    try {
      const records = [
        vote('alone', 'ana', 'A'), // one vote, no verdict: a vote's item, not two raters'
        verdict('judged', 'j1', 'AB', 'A'), // two judges, no vote: two raters' item only
        verdict('judged', 'j2', 'BA', 'B'),
        verdict('once', 'j1', 'AB', 'tie'), // one judge alone: neither
        vote('both', 'ana', 'B'), // a vote and a verdict in the other order: both scopes
        verdict('both', 'j2', 'BA', 'A'),
        vote('two', 'ana', 'A'),
        vote('two', 'ben', 'tie'),
      ];
      const file = join(folder.path, 'study.jsonl');
      writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
      await importFile(store, file);
      const both = await loadPairwiseItemsOfBothScopes(store, { run: 'r' });
      const humans = await loadPairwiseItems(store, { run: 'r' }, { only: 'humans' });
      const twoRaters = await loadPairwiseItems(store, { run: 'r' }, { only: 'two-raters' });
      assert.deepEqual(both.humans, humans);
      assert.deepEqual(both.twoRaters, twoRaters);
      assert.deepEqual(
        humans.map((i) => i.group),
        ['alone', 'both', 'two'],
      );
      assert.deepEqual(
        twoRaters.map((i) => i.group),
        ['both', 'two', 'judged'],
      );
    } finally {
      await store.close();
      folder.remove();
    }
  });
});
