// The demo run (demo/ and the demo's 1–3 judge) in a fresh database with languages detected, and every chart of
// it built from its table as `langlens plot` builds it.
import { openTestStore } from '../../support/testDatabase';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildChart, CHARTS, paperStyle, type BuiltChart, type ChartDefinition } from '../../../src/core/charts';
import { importFile } from '../../../src/core/import/importFile';
import { detectResponseLanguages } from '../../../src/core/languages';
import { DEFAULT_INTERVALS } from '../../../src/core/metrics/estimate';
import type { TableOptions } from '../../../src/core/report/tableSource';
import { Store } from '../../../src/core/store/store';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';

export const DEMO_OPTIONS: TableOptions = {
  run: 'demo',
  by: ['lang'],
  invalidAs: 'exclude',
  minItems: 30,
  intervals: DEFAULT_INTERVALS,
  baseline: 'mono-en',
};

export interface DemoCharts {
  readonly store: Store;
  readonly charts: ReadonlyMap<string, { definition: ChartDefinition; built: BuiltChart }>;
  close(): Promise<void>;
}

export async function demoCharts(): Promise<DemoCharts> {
  const folder = temporaryFolder();
  const store = await openTestStore(join(folder.path, 'langlens.db'));
  const demo = join(PROJECT_ROOT, 'demo');
  for (const file of readdirSync(demo).sort()) await importFile(store, join(demo, file));
  await importFile(store, join(PROJECT_ROOT, 'scripts', 'demo', 'judge-rating3.jsonl'));
  await detectResponseLanguages(store, { run: 'demo' });
  const charts = new Map<string, { definition: ChartDefinition; built: BuiltChart }>();
  for (const definition of CHARTS) {
    charts.set(definition.id, { definition, built: await buildChart(store, definition, DEMO_OPTIONS, paperStyle()) });
  }
  return {
    store,
    charts,
    async close() {
      await store.close();
      folder.remove();
    },
  };
}
