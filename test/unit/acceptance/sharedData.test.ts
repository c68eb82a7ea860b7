// The published-figure tests skip without ../shared/data only outside CI: under CI=true a missing data set fails.
import { strict as assert } from 'node:assert';
import { requireSharedData } from '../../support/paths';

describe('acceptance: the published data sets are required in CI', () => {
  const saved = process.env.CI;
  afterEach(() => {
    if (saved === undefined) delete process.env.CI;
    else process.env.CI = saved;
  });

  /** A suite context that records whether it was asked to skip. */
  const context = () => {
    const seen = { skipped: false };
    return { seen, mocha: { skip: () => void (seen.skipped = true) } as unknown as Mocha.Context };
  };

  it('fails under CI=true when a data set is absent', () => {
    process.env.CI = 'true';
    const { seen, mocha } = context();
    assert.throws(() => requireSharedData(mocha, 'no-such-data-set'), /CI=true: .*no-such-data-set is absent/);
    assert.equal(seen.skipped, false);
  });

  it('skips, saying why, outside CI', () => {
    delete process.env.CI;
    const { seen, mocha } = context();
    const warn = console.warn;
    console.warn = () => {};
    try {
      requireSharedData(mocha, 'no-such-data-set');
    } finally {
      console.warn = warn;
    }
    assert.equal(seen.skipped, true);
  });
});
