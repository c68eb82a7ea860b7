// `langlens agreement` builds its tables in one call, sharing what they have in common (TableLoads: the items read
// once for both scopes, the agreement rows the agreement, by-language and dashboard tables all show, computed once):
// every table must be exactly what building it alone gives, on MT-bench's published files.
import { strict as assert } from 'node:assert';
import { AGREEMENT_SOURCES } from '../../../src/core/report/agreementSources';
import { TableLoads } from '../../../src/core/report/tableLoads';
import type { TableOptions } from '../../../src/core/report/tableSource';
import { MT_BENCH, storeOfSharedData, type TemporaryStore } from '../../support/sharedStores';

describe('acceptance: the agreement tables of one call', function () {
  this.timeout(120_000);
  let database: TemporaryStore | undefined;
  after(async () => database?.close());

  it('are each what building the table alone gives, the shared loads and rows made once', async function () {
    database = await storeOfSharedData(this, ...MT_BENCH);
    const options: TableOptions = {
      by: ['lang'],
      byDefault: true,
      judges: ['gpt-4'],
      invalidAs: 'exclude',
      minItems: 1,
      intervals: { resamples: 200, seed: 7, level: 0.95 },
    };
    const loads = new TableLoads().expect(AGREEMENT_SOURCES.flatMap((source) => source.shares ?? []));
    const withRows: string[] = [];
    for (const source of AGREEMENT_SOURCES) {
      const together = await source.build(database.store, options, loads);
      const alone = await source.build(database.store, options);
      assert.deepEqual(together, alone, source.id);
      if (together.rows.length > 0) withRows.push(source.id);
    }
    // MT-bench's items have a vote or two each: no human majority for judge-vs-majority to compare with.
    assert.deepEqual(withRows, ['agreement', 'agreement-by-language', 'kappa', 'agreement-dashboard']);
  });
});
