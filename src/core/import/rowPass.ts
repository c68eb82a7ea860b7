// The part of an import that needs no database: every row of a file converted to canonical records and checked
// (its fields, its scale, repeats within the file), problems and notes collected with their lines. Runs on the
// calling thread, or on a worker thread for a large file (rowPassWorker.ts), where it leaves the calling thread
// free to write what it hands over.
import type { CanonicalRecord, LabelSchema, RecordKind, ScoreScale } from '../model/records';
import { DuplicateCheck } from './duplicates';
import { FieldError, ImportError, inputProblem, type ImportNote, type InputProblem } from './errors';
import { asRow } from './fields';
import { formatNamed, type ImportOptions } from './formats';
import type { RawRow } from './readers';
import { SyntaxProblem } from './readers';
import { checkScale } from './scales';
import { UnknownFields } from './unknownFields';
import { messageOf, msg, wording } from '../util/message';

/** What a pass needs to know of the file and the import; plain data, so that it can be posted to a worker. */
export interface RowPassInput {
  /** The file's resolved path (the records' source). */
  readonly file: string;
  /** What the file is called in messages. */
  readonly name: string;
  readonly formatName: string;
  readonly options: ImportOptions;
  readonly schema?: LabelSchema;
  /**
   * The scales the database stores scores on, with their bounds, before this import (undefined for a dry run):
   * a score on one of them with other bounds is refused.
   */
  readonly storedScales?: readonly ScoreScale[];
  readonly strict: boolean;
  readonly lastWins: boolean;
  readonly maxProblems: number;
}

export interface RowPassResult {
  /** Rows read. */
  readonly rows: number;
  readonly records: Partial<Record<RecordKind, number>>;
  /** The file is refused when there is any; `truncated` when the pass stopped at maxProblems. */
  readonly problems: readonly InputProblem[];
  readonly truncated: boolean;
  /** In the order found: the readers', then unread fields (unless strict, when they are problems), then repeats. */
  readonly notes: readonly ImportNote[];
}

/**
 * Converts and checks the rows of `batches`, handing each record to `write` while no problem has been found (a
 * file with one is not imported). A converter that cannot open is an ImportError, as is nothing else: every
 * row's problem is collected, up to maxProblems. `write` is awaited only when it returns a promise (a writer that
 * must wait for room), not for every record.
 */
export async function passRows(
  input: RowPassInput,
  batches: AsyncIterable<readonly RawRow[]>,
  write: (record: CanonicalRecord) => void | Promise<void>,
  readerNotes: readonly ImportNote[],
): Promise<RowPassResult> {
  const { file, name, maxProblems } = input;
  const converter = await openConverter(input);
  const storedScales = input.storedScales && new Map(input.storedScales.map((scale) => [scale.name, scale]));
  const problems: InputProblem[] = [];
  const records: Partial<Record<RecordKind, number>> = {};
  const unknownFields = new UnknownFields();
  const duplicates = new DuplicateCheck();
  let overridden = 0;
  let count = 0;
  try {
    rows: for await (const batch of batches) {
      for (const row of batch) {
        count++;
        let converted: CanonicalRecord[];
        const line = row.line;
        try {
          const raw = asRow(row.value);
          converted = converter.convert(unknownFields.watch(raw), { file, line });
          unknownFields.settle(raw, line);
          for (const record of converted) {
            checkScale(record);
            if (storedScales) checkStoredScale(storedScales, record);
          }
        } catch (err) {
          if (!(err instanceof FieldError)) throw err;
          problems.push(inputProblem(name, line, messageOf(err), err.field));
          if (problems.length >= maxProblems) break rows;
          continue;
        }
        for (const record of converted) {
          const conflict = duplicates.check(record, line);
          if (conflict && input.lastWins) overridden++;
          else if (conflict) {
            problems.push({
              file: name,
              line,
              ...wording(
                msg(
                  'gives {0} again, differently from line {1} (only one can be kept: remove one, or import with --last-wins to keep the later)',
                  conflict.what,
                  conflict.earlierLine,
                ),
              ),
            });
            continue;
          }
          records[record.kind] = (records[record.kind] ?? 0) + 1;
          if (problems.length === 0) {
            const writing = write(record);
            if (writing) await writing;
          }
        }
        if (problems.length >= maxProblems) break rows;
      }
    }
  } catch (err) {
    // A syntax error ends the file: the rows before it are checked, the error is its last problem.
    if (!(err instanceof SyntaxProblem)) throw err;
    problems.push(inputProblem(name, err.line, messageOf(err)));
  }
  const notes: ImportNote[] = [...readerNotes];
  if (count === 0 && problems.length === 0)
    problems.push({ file: name, line: 0, ...wording(msg('the file holds no records')) });
  for (const unread of unknownFields.report(name)) (input.strict ? problems : notes).push(unread);
  if (overridden)
    notes.push({
      file: name,
      line: 0,
      count: overridden,
      ...wording(msg('records repeated with different content: the later of each was kept (--last-wins)')),
    });
  return { rows: count, records, problems, truncated: problems.length >= maxProblems, notes };
}

/** A scale name the database already holds with other bounds would mix two ranges in one table. */
function checkStoredScale(storedScales: ReadonlyMap<string, ScoreScale>, record: CanonicalRecord): void {
  if (record.kind !== 'pointwise-judgment') return;
  const stored = storedScales.get(record.scale.name);
  if (stored && (stored.min !== record.scale.min || stored.max !== record.scale.max)) {
    throw new FieldError(
      'scale',
      msg(
        'the database holds scores on the scale "{0}" from {1} to {2}; this one runs from {3} to {4}: name it differently',
        stored.name,
        stored.min,
        stored.max,
        record.scale.min,
        record.scale.max,
      ),
    );
  }
}

async function openConverter(input: RowPassInput) {
  const format = formatNamed(input.formatName);
  if (!format) throw new Error(`no format named ${input.formatName}`);
  try {
    return await format.open({
      file: input.name,
      options: input.options,
      ...(input.schema ? { schema: input.schema } : {}),
    });
  } catch (err) {
    if (err instanceof FieldError)
      throw new ImportError([inputProblem(input.name, 0, messageOf(err), err.field)], false);
    throw err;
  }
}
