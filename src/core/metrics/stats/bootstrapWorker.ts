// A bootstrap thread (bootstrapPool.ts): says it is ready, then takes rows of a table off its queue (their resampled
// class counts, their refitted LC win rates or Bradley–Terry ratings) into the shared buffers they came with until
// the queue is empty, and says when it is done (or that it failed).
import { parentPort, workerData } from 'node:worker_threads';
import { tallyResamples } from './bootstrapDraws';
import { bradleyTerryJobOf, countDrawRow, refitDataOf, takeRowsOnWorker, type BootstrapShare } from './bootstrapPool';
import { bradleyTerryResamples } from './bradleyTerryResamples';
import { forgetDrawCounts } from './keptDrawCounts';
import { lengthControlledResamples } from './lengthControlledWinRate';

const ready = new Int32Array(workerData.ready as SharedArrayBuffer);
Atomics.store(ready, 0, 1);
Atomics.notify(ready, 0);

function run(share: BootstrapShare): void {
  // A refit batch's rows share their draw counts; no later batch of the table has as many clusters.
  const forgetBatch = (i: number) => forgetDrawCounts(share.rows[i]!.clusters, share.resamples, share.seed);
  if (share.kind === 'tallies') {
    const { rows } = share;
    takeRowsOnWorker(share.queue, (i) => {
      const row = rows[i]!;
      tallyResamples(
        row.clusters,
        new Uint32Array(row.classOf),
        row.classes,
        share.resamples,
        share.seed,
        new Uint32Array(row.tallies),
      );
    });
    return;
  }
  if (share.kind === 'draw-counts') {
    const { rows } = share;
    takeRowsOnWorker(share.queue, (i) => countDrawRow(rows[i]!, share.resamples, share.seed));
    return;
  }
  if (share.kind === 'bt-refits') {
    const { rows } = share;
    takeRowsOnWorker(
      share.queue,
      (i) => {
        const row = rows[i]!;
        bradleyTerryResamples(bradleyTerryJobOf(row), share.resamples, share.seed, new Float64Array(row.values));
      },
      forgetBatch,
    );
    return;
  }
  const { rows } = share;
  takeRowsOnWorker(
    share.queue,
    (i) => {
      const row = rows[i]!;
      lengthControlledResamples(
        refitDataOf(row),
        row.clusters,
        share.resamples,
        share.seed,
        new Float64Array(row.values),
        new Float64Array(row.winRates),
        row.refits,
      );
    },
    forgetBatch,
  );
}

parentPort!.on('message', (share: BootstrapShare) => {
  const status = new Int32Array(share.status);
  try {
    run(share);
    Atomics.store(status, 0, 1);
  } catch {
    Atomics.store(status, 0, 2);
  }
  Atomics.notify(status, 0);
});
