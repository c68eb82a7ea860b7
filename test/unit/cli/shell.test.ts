// Issue 8 §1 (folders) and §4: the langlens command in a shell, as a real process: folders with refused files,
// standard input and output, closed pipes, --version, --json errors, --db URLs, help for unknown commands.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';

const TSX = pathToFileURL(require.resolve('tsx')).href;
const MAIN = join(PROJECT_ROOT, 'src/cli/main.ts');

function langlens(cwd: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANGLENS_DB: '' },
    ...(input !== undefined ? { input } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const prompt = (group: string) => ({ kind: 'prompt', run: 'r', group, lang: 'en', text: `Question ${group}?` });

describe('langlens in a shell', function () {
  this.timeout(120_000);
  let folder: ReturnType<typeof temporaryFolder>;
  beforeEach(() => (folder = temporaryFolder()));
  afterEach(() => folder.remove());
  const file = (name: string, text: string | Buffer) => {
    writeFileSync(join(folder.path, name), text);
    return join(folder.path, name);
  };

  it('imports every file of a folder, each on its own, and lists every refusal with exit 1', () => {
    mkdirSync(join(folder.path, 'run'));
    file('run/a.jsonl', jsonl([prompt('1')]));
    file('run/b-misspelt.jsonl', jsonl([{ ...prompt('2'), kind: 'promt' }])); // canonical, its kind misspelt: not skipped
    file('run/c.jsonl', jsonl([prompt('3')]));
    file('run/d-broken.jsonl', '{"kind": "prompt",\n');
    file('run/notes.json', JSON.stringify({ title: 'not data' })); // no known layout: skipped, and said
    symlinkSync('loop', join(folder.path, 'run', 'loop'));
    writeFileSync(
      Buffer.concat([
        Buffer.from(join(folder.path, 'run/')),
        Buffer.from([0x72, 0xe9, 0x73, 0x2e, 0x6a, 0x73, 0x6f, 0x6e, 0x6c]),
      ]),
      jsonl([prompt('4')]),
    ); // "rés.jsonl" in Latin-1
    const result = langlens(folder.path, ['import', 'run', '--json']);
    assert.equal(result.code, 1, result.stderr);
    const output = JSON.parse(result.stdout) as {
      error: { problems: { file: string; line: number; field?: string; message: string }[] };
      imported: { file: string }[];
    };
    assert.deepEqual(
      output.imported.map((r) => r.file),
      [join('run', 'a.jsonl'), join('run', 'c.jsonl')],
    );
    const problems = output.error.problems.map((p) => [p.file.replace(`${folder.path}/`, ''), p.line, p.field ?? null]);
    assert.deepEqual(problems, [
      ['run/loop', 0, null],
      ['run/rés.jsonl', 0, null],
      ['run/b-misspelt.jsonl', 1, 'kind'],
      ['run/d-broken.jsonl', 1, null],
    ]);
    const messages = output.error.problems.map((p) => p.message);
    assert.match(messages[0]!, /is a loop of symbolic links/);
    assert.match(messages[1]!, /the name is not UTF-8 \(bytes 72e9732e6a736f6e6c, shown here as Latin-1\)/);
    assert.match(messages[2]!, /"promt" is not one of "prompt", "response"/);
    assert.match(result.stderr, /skipped .*notes\.json: not a layout LangLens recognises/);
    assert.match(
      result.stderr,
      /langlens import: 4 file\(s\) refused, nothing of them was written .*; 2 other file\(s\) were imported/,
    );
    const summary = JSON.parse(langlens(folder.path, ['summary', '--json']).stdout) as { runs: { groups: number }[] };
    assert.equal(summary.runs[0]!.groups, 2);
  });

  it('reads standard input with "-" and --format, and writes standard output with -o -', () => {
    const refused = langlens(folder.path, ['import', '-'], jsonl([prompt('1')]));
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /reading standard input \("-"\) needs --format NAME/);
    const imported = langlens(
      folder.path,
      ['import', '-', '--format', 'langlens'],
      jsonl([prompt('1'), { kind: 'response', run: 'r', group: '1', lang: 'en', system: 's', text: 'Yes.' }]),
    );
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /imported <stdin> \(langlens\): 2 rows → 1 prompt, 1 response/);
    const exported = langlens(folder.path, ['export-labels', '-o', '-']);
    assert.equal(exported.code, 0, exported.stderr);
    assert.ok(!existsSync(join(folder.path, '-')), 'no file called "-"');
    const table = langlens(folder.path, ['export', 'agreement', '-o', '-', '--format', 'csv', '--no-ci']);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout.split('\n')[0]!, /^lang,/);
    assert.ok(!existsSync(join(folder.path, '-')));
  });

  it('ends quietly with exit 0 when the reader of its output goes away (| head)', () => {
    // 2,000 runs: a summary far larger than a pipe holds, so that writing goes on after head has gone.
    file('many.jsonl', jsonl(Array.from({ length: 2000 }, (_, i) => ({ ...prompt('1'), run: `run-${i}` }))));
    assert.equal(langlens(folder.path, ['import', 'many.jsonl']).code, 0);
    for (const command of ['summary --json', 'summary']) {
      const run = spawnSync(
        'bash',
        ['-c', `set -o pipefail; node --import ${TSX} ${MAIN} ${command} | head -c 10 >/dev/null; echo "$?"`],
        {
          cwd: folder.path,
          encoding: 'utf8',
          env: { ...process.env, LANGLENS_DB: '' },
        },
      );
      assert.equal(run.stdout.trim(), '0', run.stderr);
      assert.equal(run.stderr, '');
    }
  });

  it('prints its version with --version and -V', () => {
    const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string })
      .version;
    for (const flag of ['--version', '-V'])
      assert.deepEqual(langlens(folder.path, [flag]), { code: 0, stdout: `langlens ${version}\n`, stderr: '' });
  });

  it('with --json, gives a failure as a JSON error object on stdout as well as text on stderr', () => {
    const bad = file('bad.jsonl', jsonl([prompt('1'), { ...prompt('2'), lang: 'qq' }]));
    const result = langlens(folder.path, ['import', bad, '--json']);
    assert.equal(result.code, 1);
    const { error } = JSON.parse(result.stdout) as { error: Record<string, unknown> };
    assert.deepEqual(
      [error.command, error.exitCode, error.file, error.line, error.field],
      ['import', 1, bad, 2, 'lang'],
    );
    assert.match(String(error.message), /bad\.jsonl:2: field "lang": "qq": "qq" is not a language/);
    assert.match(result.stderr, /nothing was imported from the file:\n.*bad\.jsonl:2: field "lang"/);
    const usage = langlens(folder.path, ['agreement', '--invalid-as', 'maybe', '--json']);
    assert.equal(usage.code, 2);
    assert.deepEqual(JSON.parse(usage.stdout), {
      error: {
        command: 'agreement',
        exitCode: 2,
        message: '--invalid-as is "exclude", "tie" or "wrong" (judge-accuracy and agreement only), not "maybe"',
      },
    });
  });

  it('refuses a --db URL of a scheme it does not support, creating nothing; a file: URL is a file', () => {
    const result = langlens(folder.path, [
      'import',
      file('a.jsonl', jsonl([prompt('1')])),
      '--db',
      'mysql://user@host/db',
    ]);
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /the database "mysql:\/\/user@host\/db" is a mysql:\/\/ URL: LangLens stores its data in one SQLite file \(such as .*\) or on a PostgreSQL server/,
    );
    assert.ok(!existsSync(join(folder.path, 'mysql:')), 'no folder "mysql:"');
    const url = pathToFileURL(join(folder.path, 'by-url.db')).href;
    assert.equal(langlens(folder.path, ['import', join(folder.path, 'a.jsonl'), '--db', url]).code, 0);
    assert.ok(existsSync(join(folder.path, 'by-url.db')));
  });

  it('says "help NAME" names no command, with exit 2', () => {
    const result = langlens(folder.path, ['help', 'frobnicate']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^langlens help: there is no command "frobnicate"\n/);
    assert.equal(langlens(folder.path, ['help', 'import']).code, 0);
  });

  it('packs for npm only what runs: the bundled CLI and its worker threads, no sources, tests or source maps', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    assert.equal(pack.status, 0, pack.stderr);
    const [manifest] = JSON.parse(pack.stdout) as { files: { path: string }[] }[];
    assert.deepEqual(manifest!.files.map((f) => f.path).sort(), [
      'LICENSE',
      'README.md',
      'dist/bootstrapWorker.js',
      'dist/cli.js',
      'dist/langidWorker.js',
      'dist/rowPassWorker.js',
      'package.json',
    ]);
  });
});
