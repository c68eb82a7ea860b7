// Imports one file: recognises its layout, converts every row, and writes everything in one transaction.
// A file with any problem writes nothing; a file imported twice changes nothing; whatever is left out, replaced
// or read differently from what the file's name says is reported as a note.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CanonicalRecord, RecordKind } from '../model/records';
import { declaredSchema } from '../store/schemaEntries';
import type { Store } from '../store/store';
import type { Replacement, WriteCounts } from '../store/recordWriter';
import {
  ImportError,
  ReplacementRefused,
  UnrecognisedLayoutError,
  type ImportNote,
  type InputProblem,
  inputProblem,
} from './errors';
import { asRow } from './fields';
import { fileProblem } from './fileProblems';
import { FORMATS, formatNamed, type ImportFormat, type ImportOptions } from './formats';
import { detectSyntax, readRowBatches, SyntaxProblem, syntaxOf, type FileSyntax, type RawRow } from './readers';
import { passRows, type RowPassInput } from './rowPass';
import { passRowsOnWorker, rowPassWorkerAvailable, startRowPassWorker, WORKER_FROM_BYTES } from './rowPassThread';
import { type Message, messageOf, msg, wording } from '../util/message';

export interface ImportFileOptions extends ImportOptions {
  /** Force a layout instead of recognising it (see FORMATS for the names). */
  readonly format?: string;
  /** Validate only: read and convert everything, write nothing. */
  readonly dryRun?: boolean;
  /** How many problems to collect before giving up on a file. */
  readonly maxProblems?: number;
  /** Called now and then with the share of the file read so far (0..1). */
  readonly onProgress?: (fraction: number) => void;
  /** Fields the layout does not read refuse the file (by default they are a note). */
  readonly strict?: boolean;
  /**
   * Stored prompts, responses and verdicts that came from another file: 'refuse' (the default) lists them and
   * imports nothing; 'replace' (--replace, or the editor after asking) replaces them with a note.
   */
  readonly onReplace?: 'refuse' | 'replace';
  /** Records repeated with different content keep the last one, with a note (by default the file is refused). */
  readonly lastWins?: boolean;
  /** What the file is called in messages and in the database when that is not its path (standard input). */
  readonly sourceName?: string;
  /**
   * Where the rows are read, converted and checked: on a worker thread (while this one writes) or here. By default
   * a worker for a file of WORKER_FROM_BYTES or more, when the worker script is there.
   */
  readonly thread?: 'worker' | 'calling';
}

export interface ImportReport {
  readonly file: string;
  readonly format: string;
  readonly rows: number;
  readonly records: Readonly<Partial<Record<RecordKind, number>>>;
  /** Rows added or changed per table; undefined for a dry run. */
  readonly written?: WriteCounts;
  /** What was left out, replaced or read differently from the file's name; each is printed. */
  readonly notes: readonly ImportNote[];
}

const SHOWN_REPLACEMENTS = 10;

export async function importFile(
  store: Store | undefined,
  path: string,
  options: ImportFileOptions = {},
): Promise<ImportReport> {
  const file = resolve(path);
  const name = options.sourceName ?? path;
  const fail = (message: Message | string): never => {
    throw new ImportError([inputProblem(name, 0, message)], false);
  };
  let size = 0;
  try {
    size = statSync(file).size;
  } catch (err) {
    fail(fileProblem(err));
  }
  const byName: FileSyntax = syntaxOf(file) ?? fail(msg('unknown file type: expected .jsonl, .json, .csv or .tsv'));
  if (!options.dryRun && !store) throw new Error('importFile needs a store unless it is a dry run');
  const notes: ImportNote[] = [];
  const detected = detectSyntax(file, byName);
  if (detected.note) notes.push(inputProblem(name, 0, detected.note));
  const syntax = detected.syntax;

  let lastReported = 0;
  const onBytes = (bytes: number) => {
    if (options.onProgress && bytes - lastReported > size / 200) {
      lastReported = bytes;
      options.onProgress(Math.min(1, bytes / Math.max(1, size)));
    }
  };
  const readerNotes: ImportNote[] = [];
  const batches = readRowBatches(file, syntax, {
    onBytes,
    onNote: (line, message) => readerNotes.push({ file: name, line, message }),
  });
  const firstBatch = await firstBatchOf(batches, name);
  const first = firstBatch[0]!;
  const format = options.format
    ? (formatNamed(options.format) ??
      fail(`unknown format "${options.format}" (known: ${FORMATS.map((f) => f.name).join(', ')})`))
    : recognise(name, syntax, first);
  const onWorker =
    (options.thread === 'worker' || (options.thread === undefined && size >= WORKER_FROM_BYTES)) &&
    rowPassWorkerAvailable();
  // The worker reads the file again from its start, with its own reader (and says its notes again).
  if (onWorker) {
    startRowPassWorker();
    await batches.return(undefined);
  }
  const schema = store ? await declaredSchema(store) : undefined;

  const writer = options.dryRun ? undefined : await store!.beginWrite();
  try {
    const input: RowPassInput = {
      file,
      name,
      formatName: format.name,
      options,
      ...(schema ? { schema } : {}),
      ...(writer ? { storedScales: writer.storedScales() } : {}),
      strict: options.strict ?? false,
      lastWins: options.lastWins ?? false,
      maxProblems: options.maxProblems ?? 20,
    };
    const sourceId = writer ? await writer.source(options.sourceName ?? file, await sha256(file), format.name) : null;
    const write = (record: CanonicalRecord) => writer?.write(record, sourceId);
    const pass = onWorker
      ? await passRowsOnWorker(workerInput(input), syntax, write, onBytes)
      : await passRows(input, withFirstBatch(firstBatch, batches), write, readerNotes);
    notes.push(...pass.notes);
    if (pass.problems.length > 0) throw new ImportError(pass.problems, pass.truncated);
    if (writer) {
      await writer.flushAll();
      checkReplacements(await writer.replacements(), name, options.onReplace === 'replace', notes);
    }
    const written = writer ? await writer.commit() : undefined;
    options.onProgress?.(1);
    return {
      file: name,
      format: format.name,
      rows: pass.rows,
      records: pass.records,
      ...(written ? { written } : {}),
      notes,
    };
  } catch (err) {
    await writer?.rollback();
    throw err;
  }
}

/** The pass's input as it can be posted to a worker: the import's options without its callbacks. */
function workerInput(input: RowPassInput): RowPassInput {
  const { run, language, system, pairsFrom } = input.options;
  const options = {
    ...(run !== undefined ? { run } : {}),
    ...(language !== undefined ? { language } : {}),
    ...(system !== undefined ? { system } : {}),
    ...(pairsFrom !== undefined ? { pairsFrom } : {}),
  };
  return { ...input, options };
}

/** Stored records from another file are replaced only when asked; otherwise the file is refused, saying what. */
function checkReplacements(
  replacements: readonly Replacement[],
  name: string,
  replace: boolean,
  notes: ImportNote[],
): void {
  if (replacements.length === 0) return;
  const bySource = new Map<string, Replacement[]>();
  for (const r of replacements) bySource.set(r.storedFrom, [...(bySource.get(r.storedFrom) ?? []), r]);
  const summary = [...bySource].map(([from, list]) => `${list.length} from ${from}`).join(', ');
  if (replace) {
    notes.push({
      file: name,
      line: replacements[0]!.line,
      count: replacements.length,
      ...wording(msg('replaced records that came from other files (--replace): {0}', summary)),
    });
    return;
  }
  const shown = replacements.slice(0, SHOWN_REPLACEMENTS).map((r): InputProblem => ({
    file: name,
    line: r.line,
    ...wording(
      msg(
        'would replace {0}, stored from {1}',
        r.what,
        r.storedLine ? `${r.storedFrom}:${r.storedLine}` : r.storedFrom,
      ),
    ),
  }));
  throw new ReplacementRefused(
    [
      {
        file: name,
        line: 0,
        ...wording(
          msg(
            'would replace {0} stored record(s) that came from other files ({1}); nothing was imported: check that this file belongs with them, and import it with --replace to replace them',
            replacements.length,
            summary,
          ),
        ),
      },
      ...shown,
    ],
    replacements.length > SHOWN_REPLACEMENTS,
  );
}

/** The layout whose signature the first record fits; an error listing what was tried when none does. */
function recognise(path: string, syntax: FileSyntax, first: RawRow): ImportFormat {
  let row;
  try {
    row = asRow(first.value);
  } catch (err) {
    throw new ImportError([inputProblem(path, first.line, messageOf(err))], false);
  }
  const format = FORMATS.find((f) => f.syntaxes.includes(syntax) && f.matches(path, row));
  if (format) return format;
  const fields = Object.keys(row).slice(0, 12).join(', ');
  throw new UnrecognisedLayoutError(
    [
      {
        file: path,
        line: first.line,
        ...wording(
          msg(
            'unrecognised layout (fields: {0}). LangLens reads {1} (docs/formats.md describes each); convert the file to the canonical layout or force one with --format',
            fields,
            FORMATS.map((f) => f.name).join(', '),
          ),
        ),
      },
    ],
    false,
  );
}

/** The file's first rows, read to recognise its layout (the first is never missing). */
async function firstBatchOf(batches: AsyncGenerator<RawRow[]>, path: string): Promise<RawRow[]> {
  try {
    const next = await batches.next();
    if (next.done) throw new ImportError([inputProblem(path, 0, msg('the file holds no records'))], false);
    return next.value;
  } catch (err) {
    if (err instanceof SyntaxProblem) throw new ImportError([inputProblem(path, err.line, messageOf(err))], false);
    throw err;
  }
}

/** The first batch (already read to recognise the layout) and then the rest. */
async function* withFirstBatch(first: RawRow[], rest: AsyncGenerator<RawRow[]>): AsyncGenerator<RawRow[]> {
  yield first;
  yield* rest;
}

/**
 * Read in chunks of 1 MiB: the stream's default of 64 KiB spent more on chunks than on hashing (430 ms of CPU against
 * 200 ms for the bench's 200 MB), and no record is written before the hash is known.
 */
function sha256(file: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(file, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolvePromise(hash.digest('hex')))
      .on('error', reject);
  });
}
