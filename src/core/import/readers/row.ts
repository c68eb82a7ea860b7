import type { Message } from '../../util/message';

/** One record of an input file, before it is interpreted: a JSON object or a CSV row keyed by its header. */
export interface RawRow {
  readonly line: number;
  readonly value: unknown;
}

/** A record the reader could not even parse (broken JSON, an unterminated quote). */
export class SyntaxProblem extends Error {
  readonly text: Message | string;
  constructor(
    readonly line: number,
    message: Message | string,
  ) {
    super(String(message));
    this.text = message;
  }
}

/** The rows of batches, one by one. */
export async function* rowsOf(batches: AsyncIterable<readonly RawRow[]>): AsyncGenerator<RawRow> {
  for await (const batch of batches) yield* batch;
}

const ROWS_A_BATCH = 256;

/** Rows read one by one, handed on in batches; the rows before a reader's error come first. */
export async function* inBatches(rows: AsyncIterable<RawRow>): AsyncGenerator<RawRow[]> {
  let batch: RawRow[] = [];
  try {
    for await (const row of rows) {
      batch.push(row);
      if (batch.length >= ROWS_A_BATCH) {
        yield batch;
        batch = [];
      }
    }
  } catch (err) {
    if (batch.length > 0) yield batch;
    throw err;
  }
  if (batch.length > 0) yield batch;
}
