// Imports one file: recognises its layout, converts every row, and writes everything in one transaction.
// A file with any problem writes nothing; a file imported twice changes nothing; whatever is left out, replaced
// or read differently from what the file's name says is reported as a note.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CanonicalRecord, LabelSchema, RecordKind } from '../model/records';
import { declaredSchema } from '../store/schemaEntries';
import type { Store } from '../store/store';
import type { RecordWriter, Replacement, WriteCounts } from '../store/recordWriter';
import { DuplicateCheck } from './duplicates';
import {
  FieldError,
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
import { detectSyntax, readRows, SyntaxProblem, syntaxOf, type FileSyntax, type RawRow } from './readers';
import { checkScale } from './scales';
import { UnknownFields } from './unknownFields';
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
  const rows = readRows(file, syntax, {
    onBytes: (bytes) => {
      if (options.onProgress && bytes - lastReported > size / 200) {
        lastReported = bytes;
        options.onProgress(Math.min(1, bytes / Math.max(1, size)));
      }
    },
    onNote: (line, message) => notes.push({ file: name, line, message }),
  });
  const first = await firstRow(rows, name);
  const format = options.format
    ? (formatNamed(options.format) ??
      fail(`unknown format "${options.format}" (known: ${FORMATS.map((f) => f.name).join(', ')})`))
    : recognise(name, syntax, first);
  const schema = store ? await declaredSchema(store) : undefined;
  const converter = await openConverter(format, name, options, schema);

  const problems: InputProblem[] = [];
  const maxProblems = options.maxProblems ?? 20;
  const records: Partial<Record<RecordKind, number>> = {};
  const unknownFields = new UnknownFields();
  const duplicates = new DuplicateCheck();
  let overridden = 0;
  let count = 0;
  const writer = options.dryRun ? undefined : await store!.beginWrite();
  try {
    const sourceId = writer ? await writer.source(options.sourceName ?? file, await sha256(file), format.name) : null;
    for await (const row of withFirst(first, rows, name, problems)) {
      count++;
      let converted: CanonicalRecord[];
      const line = row.line;
      try {
        const raw = asRow(row.value);
        converted = converter.convert(unknownFields.watch(raw), { file, line });
        unknownFields.settle(raw, line);
        for (const record of converted) {
          checkScale(record);
          if (writer) checkStoredScale(writer, record);
        }
      } catch (err) {
        if (!(err instanceof FieldError)) throw err;
        problems.push(inputProblem(name, line, messageOf(err), err.field));
        if (problems.length >= maxProblems) break;
        continue;
      }
      for (const record of converted) {
        const conflict = duplicates.check(record, line);
        if (conflict && options.lastWins) overridden++;
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
        if (writer && problems.length === 0) await writer.write(record, sourceId);
      }
      if (problems.length >= maxProblems) break;
    }
    if (count === 0 && problems.length === 0)
      problems.push({ file: name, line: 0, ...wording(msg('the file holds no records')) });
    for (const unread of unknownFields.report(name)) (options.strict ? problems : notes).push(unread);
    if (overridden)
      notes.push({
        file: name,
        line: 0,
        count: overridden,
        ...wording(msg('records repeated with different content: the later of each was kept (--last-wins)')),
      });
    if (problems.length > 0) throw new ImportError(problems, problems.length >= maxProblems);
    if (writer) {
      await writer.flushAll();
      checkReplacements(await writer.replacements(), name, options.onReplace === 'replace', notes);
    }
    const written = writer ? await writer.commit() : undefined;
    options.onProgress?.(1);
    return { file: name, format: format.name, rows: count, records, ...(written ? { written } : {}), notes };
  } catch (err) {
    await writer?.rollback();
    throw err;
  }
}

/** A scale name the database already holds with other bounds would mix two ranges in one table. */
function checkStoredScale(writer: RecordWriter, record: CanonicalRecord): void {
  if (record.kind !== 'pointwise-judgment') return;
  const stored = writer.storedScale(record.scale.name);
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

async function openConverter(
  format: ImportFormat,
  path: string,
  options: ImportOptions,
  schema: LabelSchema | undefined,
) {
  try {
    return await format.open({ file: path, options, ...(schema ? { schema } : {}) });
  } catch (err) {
    if (err instanceof FieldError) throw new ImportError([inputProblem(path, 0, messageOf(err), err.field)], false);
    throw err;
  }
}

async function firstRow(rows: AsyncGenerator<RawRow>, path: string): Promise<RawRow> {
  try {
    const next = await rows.next();
    if (next.done) throw new ImportError([inputProblem(path, 0, msg('the file holds no records'))], false);
    return next.value;
  } catch (err) {
    if (err instanceof SyntaxProblem) throw new ImportError([inputProblem(path, err.line, messageOf(err))], false);
    throw err;
  }
}

/** The first row (already read to recognise the layout) and then the rest; a syntax error ends the file. */
async function* withFirst(
  first: RawRow,
  rest: AsyncGenerator<RawRow>,
  path: string,
  problems: InputProblem[],
): AsyncGenerator<RawRow> {
  yield first;
  try {
    yield* rest;
  } catch (err) {
    if (!(err instanceof SyntaxProblem)) throw err;
    problems.push(inputProblem(path, err.line, messageOf(err)));
  }
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
