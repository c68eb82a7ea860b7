// The runs explorer's counts (issue 11: "the explorer's progress counts ≤ 100 ms at 4×"): the item totals, a scan
// of every prompt of a run, are kept while labels come and only the annotator's labels are counted again; the
// counts with kept totals are those computed from scratch, and progressOf (the totals and labels joined) agrees.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { appendLabel, queueResponses } from '../../../src/core/store/annotation';
import { itemTotals, progressOf } from '../../../src/core/store/explorerProgress';
import type { Store } from '../../../src/core/store/store';
import { runStats, type RunStats } from '../../../src/extension/explorer/runStats';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';
import { openTestStore } from '../../support/testDatabase';
import { ratingLabelOn } from '../../support/ratingLabel';

function flat(stats: RunStats): unknown {
  return {
    all: stats.all,
    languages: [...stats.languages].sort(),
    groups: [...stats.groups].map(([lang, groups]) => [lang, [...groups].sort()]).sort(),
  };
}

describe('explorer counts with kept totals', () => {
  const folder = temporaryFolder('langlens-explorer-');
  let store: Store;
  before(async () => {
    store = await openTestStore(join(folder.path, 'explorer.db'));
    for (const file of ['prompts.jsonl', 'responses.jsonl']) await importFile(store, join(PROJECT_ROOT, 'demo', file));
  });
  after(async () => {
    await store.close();
    folder.remove();
  });

  it('counts a new label against totals kept from before it, as a count from scratch does', async () => {
    const kept = itemTotals(store, 'demo', 'mei', 'rating');
    const before = await runStats(store, 'demo', 'mei', 'rating', kept);
    assert.equal(before.all.total, 72);
    assert.equal(before.all.labelled, 0);
    const [first, second] = await queueResponses(store, 'demo', ['es' as never]);
    for (const [i, r] of [first!, second!].entries()) {
      await appendLabel(store, ratingLabelOn(r, { annotator: 'mei', fingerprint: `mei-${i}`, value: 'pass' }));
    }
    const refreshed = await runStats(store, 'demo', 'mei', 'rating', kept);
    const fresh = await runStats(store, 'demo', 'mei', 'rating');
    assert.deepEqual(flat(refreshed), flat(fresh));
    assert.equal(refreshed.all.labelled, 2);
    assert.equal(refreshed.languages.get('es')?.labelled, 2);
    assert.equal(refreshed.languages.get('es')?.total, 12);
    assert.equal(refreshed.groups.get('es')?.get(first!.group)?.labelled, first!.group === second!.group ? 2 : 1);
    // progressOf's rows say the same per language and group.
    const rows = await progressOf(store, 'demo', 'mei', 'rating');
    const es = rows.filter((r) => r.lang === 'es');
    assert.equal(
      es.reduce((s, r) => s + r.labelled, 0),
      2,
    );
    assert.equal(
      rows.reduce((s, r) => s + r.total, 0),
      72,
    );
  });
});
