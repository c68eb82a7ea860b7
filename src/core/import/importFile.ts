// Imports one file: recognises its layout, converts every row, and writes everything in one transaction.
// A file with any problem writes nothing; a file imported twice changes nothing.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CanonicalRecord, LabelSchema, RecordKind } from '../model/records';
import { declaredSchema } from '../store/schemaEntries';
import type { Store } from '../store/store';
import type { WriteCounts } from '../store/recordWriter';
import { FieldError, ImportError, UnrecognisedLayoutError, type InputProblem } from './errors';
import { asRow } from './fields';
import { FORMATS, formatNamed, type ImportFormat, type ImportOptions } from './formats';
import { readRows, SyntaxProblem, syntaxOf, type FileSyntax, type RawRow } from './readers';

export interface ImportFileOptions extends ImportOptions {
  /** Force a layout instead of recognising it (see FORMATS for the names). */
  readonly format?: string;
  /** Validate only: read and convert everything, write nothing. */
  readonly dryRun?: boolean;
  /** How many problems to collect before giving up on a file. */
  readonly maxProblems?: number;
  /** Called now and then with the share of the file read so far (0..1). */
  readonly onProgress?: (fraction: number) => void;
}

export interface ImportReport {
  readonly file: string;
  readonly format: string;
  readonly rows: number;
  readonly records: Readonly<Partial<Record<RecordKind, number>>>;
  /** Rows added or changed per table; undefined for a dry run. */
  readonly written?: WriteCounts;
}

export async function importFile(store: Store | undefined, path: string, options: ImportFileOptions = {}): Promise<ImportReport> {
  const file = resolve(path);
  const fail = (message: string): never => {
    throw new ImportError([{ file: path, line: 0, message }], false);
  };
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    fail('cannot read the file (does it exist?)');
  }
  const syntax: FileSyntax = syntaxOf(file) ?? fail('unknown file type: expected .jsonl, .json, .csv or .tsv');
  if (!options.dryRun && !store) throw new Error('importFile needs a store unless it is a dry run');

  let lastReported = 0;
  const rows = readRows(file, syntax, {
    onBytes: (bytes) => {
      if (options.onProgress && bytes - lastReported > size / 200) {
        lastReported = bytes;
        options.onProgress(Math.min(1, bytes / Math.max(1, size)));
      }
    },
  });
  const first = await firstRow(rows, path);
  const format = options.format
    ? formatNamed(options.format) ?? fail(`unknown format "${options.format}" (known: ${FORMATS.map((f) => f.name).join(', ')})`)
    : recognise(path, syntax, first);
  const schema = store ? await declaredSchema(store) : undefined;
  const converter = await openConverter(format, path, options, schema);

  const problems: InputProblem[] = [];
  const maxProblems = options.maxProblems ?? 20;
  const records: Partial<Record<RecordKind, number>> = {};
  let count = 0;
  const writer = options.dryRun ? undefined : await store!.beginWrite();
  try {
    const sourceId = writer ? await writer.source(file, await sha256(file), format.name) : null;
    for await (const row of withFirst(first, rows, path, problems)) {
      count++;
      let converted: CanonicalRecord[];
      try {
        converted = converter.convert(asRow(row.value), { file, line: row.line });
      } catch (err) {
        if (!(err instanceof FieldError)) throw err;
        problems.push({ file: path, line: row.line, ...(err.field ? { field: err.field } : {}), message: err.message });
        if (problems.length >= maxProblems) break;
        continue;
      }
      for (const record of converted) {
        records[record.kind] = (records[record.kind] ?? 0) + 1;
        if (writer && problems.length === 0) await writer.write(record, sourceId);
      }
    }
    if (count === 0 && problems.length === 0) problems.push({ file: path, line: 0, message: 'the file holds no records' });
    if (problems.length > 0) throw new ImportError(problems, problems.length >= maxProblems);
    const written = writer ? await writer.commit() : undefined;
    options.onProgress?.(1);
    return { file: path, format: format.name, rows: count, records, ...(written ? { written } : {}) };
  } catch (err) {
    await writer?.rollback();
    throw err;
  }
}

/** The layout whose signature the first record fits; an error listing what was tried when none does. */
function recognise(path: string, syntax: FileSyntax, first: RawRow): ImportFormat {
  let row;
  try {
    row = asRow(first.value);
  } catch (err) {
    throw new ImportError([{ file: path, line: first.line, message: (err as Error).message }], false);
  }
  const format = FORMATS.find((f) => f.syntaxes.includes(syntax) && f.matches(path, row));
  if (format) return format;
  const fields = Object.keys(row).slice(0, 12).join(', ');
  throw new UnrecognisedLayoutError([{
    file: path, line: first.line,
    message: `unrecognised layout (fields: ${fields}). LangLens reads ${FORMATS.map((f) => f.name).join(', ')} ` +
      '(docs/formats.md describes each); convert the file to the canonical layout or force one with --format',
  }], false);
}

async function openConverter(format: ImportFormat, path: string, options: ImportOptions, schema: LabelSchema | undefined) {
  try {
    return await format.open({ file: path, options, ...(schema ? { schema } : {}) });
  } catch (err) {
    if (err instanceof FieldError) throw new ImportError([{ file: path, line: 0, message: err.message }], false);
    throw err;
  }
}

async function firstRow(rows: AsyncGenerator<RawRow>, path: string): Promise<RawRow> {
  try {
    const next = await rows.next();
    if (next.done) throw new ImportError([{ file: path, line: 0, message: 'the file holds no records' }], false);
    return next.value;
  } catch (err) {
    if (err instanceof SyntaxProblem) throw new ImportError([{ file: path, line: err.line, message: err.message }], false);
    throw err;
  }
}

/** The first row (already read to recognise the layout) and then the rest; a syntax error ends the file. */
async function* withFirst(first: RawRow, rest: AsyncGenerator<RawRow>, path: string, problems: InputProblem[]): AsyncGenerator<RawRow> {
  yield first;
  try {
    yield* rest;
  } catch (err) {
    if (!(err instanceof SyntaxProblem)) throw err;
    problems.push({ file: path, line: err.line, message: err.message });
  }
}

function sha256(file: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(file).on('data', (chunk) => hash.update(chunk)).on('end', () => resolvePromise(hash.digest('hex'))).on('error', reject);
  });
}
