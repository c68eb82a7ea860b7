// "The latest label wins" has one definition (src/core/store/latest.ts): the released views that apply it must say
// the same, and on a database the latest labelled_at wins, a later-recorded row breaking a tie.
import { openTestStore } from '../../support/testDatabase';
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { loadPairwiseItems } from '../../../src/core/metrics/agreement';
import { latestPerTarget } from '../../../src/core/store/latest';
import { MIGRATIONS } from '../../../src/core/store/migrations';
import { temporaryFolder } from '../../support/paths';

/** The SELECT of a CREATE VIEW in the migrations, spaces normalised. */
function viewBody(name: string): string {
  const sql = MIGRATIONS.map((m) => m.sql).join('\n');
  const match = new RegExp(`CREATE VIEW ${name} AS\\s+([\\s\\S]*?WHERE recency = 1);`).exec(sql);
  assert.ok(match, `no view ${name}`);
  return normalised(match[1]!);
}
const normalised = (sql: string) => sql.replace(/\s+/g, ' ').replace(/\( /g, '(').trim();

describe('labels: the latest wins, defined once', () => {
  it('is what the current_labels and current_language_flags views say', () => {
    assert.equal(
      viewBody('current_labels'),
      normalised(
        latestPerTarget({ from: 'labels', alias: 'l', target: ['prompt_id', 'kind', 'target', 'annotator_id'] }),
      ),
    );
    assert.equal(
      viewBody('current_language_flags'),
      normalised(
        latestPerTarget({
          from: 'language_flags',
          alias: 'f',
          target: ['prompt_id', 'system_id', 'seed', 'annotator_id'],
        }),
      ),
    );
  });

  it('takes the label given last, whatever the order of the file, and the one recorded last on equal times', async () => {
    const folder = temporaryFolder();
    const store = await openTestStore(join(folder.path, 'langlens.db'));
    try {
      const label = (group: string, verdict: string, at: string) => ({
        kind: 'pairwise-label',
        run: 'r',
        group,
        lang: 'es',
        annotator: 'ana',
        system_a: 'x',
        system_b: 'y',
        verdict,
        labelled_at: at,
      });
      const file = join(folder.path, 'labels.jsonl');
      writeFileSync(
        file,
        [
          label('g1', 'B', '2024-05-02T00:00:00Z'),
          label('g1', 'A', '2024-05-01T00:00:00Z'), // later time first in the file
          label('g2', 'A', '2024-05-01T00:00:00Z'),
          label('g2', 'tie', '2024-05-01T00:00:00Z'), // equal times: the later row
        ]
          .map((r) => JSON.stringify(r))
          .join('\n') + '\n',
      );
      await importFile(store, file);
      const items = await loadPairwiseItems(store, { run: 'r' });
      assert.deepEqual(
        items.map((i) => [i.group, i.humans.map((h) => h.verdict)]),
        [
          ['g1', ['B']],
          ['g2', ['tie']],
        ],
      );
    } finally {
      await store.close();
      folder.remove();
    }
  });
});
