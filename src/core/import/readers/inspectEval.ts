// Inspect AI's zipped eval log (.eval): header.json holds the log without its samples, samples/<id>_epoch_<n>.json
// one sample each. It is read as the one row the .json log is: the header with "samples" put back, in id and epoch
// order, so that one recogniser reads both forms.
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { SyntaxProblem, type RawRow } from './row';
import { messageOf, msg } from '../../util/message';

const SAMPLE = /^samples\/(.+)_epoch_(\d+)\.json$/;

export async function* readInspectEval(path: string): AsyncGenerator<RawRow> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(readFileSync(path), {
      filter: (file) => file.name === 'header.json' || SAMPLE.test(file.name),
    });
  } catch (err) {
    throw new SyntaxProblem(0, msg('not a readable .eval (zip) archive: {0}', messageOf(err)));
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parse = (name: string): unknown => {
    try {
      return JSON.parse(decoder.decode(entries[name]!));
    } catch (err) {
      throw new SyntaxProblem(0, msg('{0} in the archive is not valid UTF-8 JSON ({1})', name, messageOf(err)));
    }
  };
  if (!entries['header.json'])
    throw new SyntaxProblem(0, msg('the .eval archive has no header.json: not an Inspect AI eval log'));
  const header = parse('header.json');
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    throw new SyntaxProblem(0, msg('header.json is not a JSON object'));
  const samples = Object.keys(entries)
    .map((name) => ({ name, m: SAMPLE.exec(name) }))
    .filter((e): e is { name: string; m: RegExpExecArray } => e.m !== null)
    .sort((a, b) => a.m[1]!.localeCompare(b.m[1]!, undefined, { numeric: true }) || Number(a.m[2]) - Number(b.m[2]))
    .map((e) => parse(e.name));
  yield { line: 1, value: { ...header, samples } };
}
