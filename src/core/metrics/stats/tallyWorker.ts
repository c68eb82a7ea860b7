// A bootstrap tally thread (tallyPool.ts): says it is ready, then fills the resampled class counts of the rows it is
// given into the shared buffers they came with, and says when it is done (or that it failed).
import { parentPort, workerData } from 'node:worker_threads';
import { tallyResamples } from './bootstrapDraws';
import type { TallyShare } from './tallyPool';

const ready = new Int32Array(workerData.ready as SharedArrayBuffer);
Atomics.store(ready, 0, 1);
Atomics.notify(ready, 0);

parentPort!.on('message', (share: TallyShare) => {
  const status = new Int32Array(share.status);
  try {
    for (const row of share.rows)
      tallyResamples(
        row.clusters,
        new Uint32Array(row.classOf),
        row.classes,
        share.resamples,
        share.seed,
        new Uint32Array(row.tallies),
      );
    Atomics.store(status, 0, 1);
  } catch {
    Atomics.store(status, 0, 2);
  }
  Atomics.notify(status, 0);
});
