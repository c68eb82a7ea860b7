// A worker thread that reads, converts and checks the rows of one file at a time (rowPass.ts) and posts the records
// to the thread that started it, which writes them (rowPassThread.ts has the protocol). The records go in batches,
// a few batches ahead of the writer at most: the file is never held in memory.
import { parentPort } from 'node:worker_threads';
import type { CanonicalRecord } from '../model/records';
import type { ImportNote } from './errors';
import { readRowBatches, type FileSyntax } from './readers';
import { passRows, type RowPassInput } from './rowPass';
import { errorToWire, recordsToWire, resultToWire, type FromWorker, type ToWorker } from './rowPassWire';

/** Records a message: enough that a message's cost is small beside its records', few enough to stay small. */
const BATCH_RECORDS = 256;
/** Batches posted and not yet written: the writer always has the next one, and memory stays bounded. */
const BATCHES_AHEAD = 4;

const port = parentPort!;
let written: () => void = () => undefined;
let unwritten = 0;

port.on('message', (message: ToWorker) => {
  if (message.type === 'written') {
    unwritten--;
    written();
  } else {
    unwritten = 0;
    void pass(message.input, message.syntax);
  }
});

const post = (message: FromWorker) => port.postMessage(message);

async function pass(input: RowPassInput, syntax: FileSyntax): Promise<void> {
  let batch: CanonicalRecord[] = [];
  const send = async () => {
    post({ type: 'records', batch: recordsToWire(input.file, batch) });
    batch = [];
    unwritten++;
    while (unwritten >= BATCHES_AHEAD) await new Promise<void>((resolve) => (written = resolve));
  };
  try {
    const notes: ImportNote[] = [];
    const batches = readRowBatches(input.file, syntax, {
      onBytes: (bytes) => post({ type: 'progress', bytes }),
      onNote: (line, message) => notes.push({ file: input.name, line, message }),
    });
    const result = await passRows(
      input,
      batches,
      (record) => {
        batch.push(record);
        return batch.length >= BATCH_RECORDS ? send() : undefined;
      },
      notes,
    );
    if (batch.length) await send();
    post({ type: 'done', result: resultToWire(result) });
  } catch (err) {
    post({ type: 'failed', error: errorToWire(err) });
  }
}
