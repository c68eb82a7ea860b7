// The core's errors shown by the editor (src/extension/coreText.ts) in the display language, here Spanish from the
// project's own bundle in node: an import error naming file, line and field, a judge definition's problems and a
// study design's error come out in Spanish with their values filled, a nested cause translated too; the English
// localiser gives exactly the English message the CLI and the logs keep. And the extractor
// (scripts/l10nMessages.mjs) finds the core's msg() templates and refuses one that is not a literal.
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMessages } from '../../../scripts/l10nMessages.mjs';
import { taskDesign } from '../../../src/core/annotation/design';
import { ImportError } from '../../../src/core/import/errors';
import { importFile } from '../../../src/core/import/importFile';
import { JudgeDefinitionError, loadJudgeDefinition } from '../../../src/core/judge/definition';
import { CoreError, msg } from '../../../src/core/util/message';
import { errorText, localised } from '../../../src/extension/coreText';
import { ENGLISH, type Localiser } from '../../../src/extension/localiser';
import { fill } from '../../../shared/protocol/words';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';

const bundle = JSON.parse(readFileSync(join(PROJECT_ROOT, 'l10n', 'bundle.l10n.es.json'), 'utf8')) as Record<
  string,
  string
>;
/** vscode.l10n in Spanish: the bundle's translation, else the English message (as VS Code does). */
const spanish: Localiser = { t: (message, ...args) => fill(bundle[message] ?? message, args) };

/** What `run` throws. */
async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  assert.fail('expected an error');
}

describe('l10n: the core’s errors in the display language', () => {
  let folder: ReturnType<typeof temporaryFolder>;
  before(() => (folder = temporaryFolder('langlens-core-text-')));
  after(() => folder.remove());

  it('shows an import error in Spanish with its file, line and field, and in English as the CLI prints it', async () => {
    const path = join(folder.path, 'broken.jsonl');
    const response = { kind: 'response', run: 'r', group: 'g1', lang: 'es', system: 's', text: 'hola' };
    writeFileSync(path, [response, { ...response, group: 'g2', turn: 1.5 }].map((r) => JSON.stringify(r)).join('\n'));
    const err = await thrown(() => importFile(undefined, path, { dryRun: true }));
    assert.ok(err instanceof ImportError);
    assert.equal(err.message, `${path}:2: field "turn": expected a whole number, found 1.5`);
    assert.equal(errorText(err, spanish), `${path}:2: campo "turn": se esperaba un número entero, se encontró 1.5`);
    assert.equal(errorText(err, ENGLISH), err.message);
    assert.equal(errorText(err), err.message);
    // The CLI's --json prints the problems as they were: the message they carry is under a symbol.
    assert.deepEqual(JSON.parse(JSON.stringify(err.problems)), [
      { file: path, line: 2, field: 'turn', message: 'expected a whole number, found 1.5' },
    ]);
  });

  it('translates a syntax problem of the reader and an encoding problem', async () => {
    const json = join(folder.path, 'syntax.jsonl');
    writeFileSync(json, '{"kind": "response"\n');
    const err = await thrown(() => importFile(undefined, json, { dryRun: true }));
    assert.match(
      errorText(err, spanish),
      new RegExp(`^${json.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: no es JSON válido \\(`),
    );
    const latin1 = join(folder.path, 'latin1.jsonl');
    writeFileSync(latin1, Buffer.from('{"text": "caf\xe9"}\n', 'latin1'));
    const encoding = await thrown(() => importFile(undefined, latin1, { dryRun: true }));
    assert.match(errorText(encoding, spanish), /UTF-8 no válido en el byte 13 \(0xE9\): el archivo no está en UTF-8/);
    assert.match((encoding as Error).message, /invalid UTF-8 at byte 13 \(0xE9\): the file is not UTF-8/);
  });

  it('shows a judge definition’s problems in Spanish, each with its field', () => {
    const path = join(folder.path, 'bad.judge.json');
    writeFileSync(path, JSON.stringify({ model: 'm', protocol: 'likert', temperature: 'hot', temprature: 0 }));
    let err: unknown;
    try {
      loadJudgeDefinition(path);
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof JudgeDefinitionError);
    const es = errorText(err, spanish).split('\n');
    assert.ok(
      es.includes(`${path}: campo "temperature": debe ser un número de 0 a 2 (se obtuvo "hot")`),
      es.join('\n'),
    );
    assert.ok(es.some((line) => line.startsWith(`${path}: campo "temprature": campo desconocido (conocidos: name,`)));
    assert.equal(errorText(err, ENGLISH), err.message);
    assert.match(err.message, /field "temperature": must be a number from 0 to 2 \(got "hot"\)/);
  });

  it('shows a study design’s error in Spanish', () => {
    const schema = { scales: [], criteria: [], tasks: [{ name: 'fluency', kind: 'rating' as const, criteria: [] }] };
    const err = (() => {
      try {
        taskDesign(schema, 'rating', 'fluidez');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    assert.ok(err instanceof CoreError);
    assert.equal(err.message, `the rating task "fluidez" is not declared in the project's schema (declared: fluency)`);
    assert.equal(
      errorText(err, spanish),
      'la tarea rating "fluidez" no está declarada en el esquema del proyecto (declaradas: fluency)',
    );
  });

  it('translates a message named inside another, and leaves a plain error as it is', () => {
    const nested = msg('{0} (in {1}, which {2} needs)', msg('does not exist'), msg('the test set'), 'judges.jsonl');
    assert.equal(String(nested), 'does not exist (in the test set, which judges.jsonl needs)');
    assert.equal(localised(nested, spanish), 'no existe (en el conjunto de prueba, que judges.jsonl necesita)');
    assert.equal(errorText(new Error('ECONNRESET'), spanish), 'ECONNRESET');
  });
});

describe('l10n: the extractor finds the core’s messages', () => {
  let folder: ReturnType<typeof temporaryFolder>;
  beforeEach(() => (folder = temporaryFolder('langlens-extract-')));
  afterEach(() => folder.remove());

  it('finds the core’s msg() templates in the project, in the English bundle', function () {
    this.timeout(30_000); // it parses every file of src/core and src/extension
    const { found, core, errors } = findMessages(PROJECT_ROOT);
    assert.deepEqual(errors, []);
    for (const template of ['expected a whole number, found {0}', '{0}: field "{1}": {2}', 'is missing'])
      assert.ok(core.has(template), template);
    assert.match(found.get('expected a whole number, found {0}') ?? '', /^src\/core\/import\/fields\.ts:\d+$/);
    const english = JSON.parse(readFileSync(join(PROJECT_ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as object;
    for (const template of core) assert.ok(Object.hasOwn(english, template), template);
  });

  it('flags a template that is not a literal, and joins literals written with +', () => {
    mkdirSync(join(folder.path, 'src', 'core'), { recursive: true });
    writeFileSync(
      join(folder.path, 'src', 'core', 'broken.ts'),
      [
        "import { msg } from './util/message';",
        "export const fine = msg('the file {0} is ' + 'empty', 'a.jsonl');",
        'export const made = (what: string) => msg(`cannot ${what}`);',
        '',
      ].join('\n'),
    );
    const { core, errors } = findMessages(folder.path);
    assert.deepEqual([...core], ['the file {0} is empty']);
    assert.deepEqual(errors, [
      'src/core/broken.ts:3: msg needs a string literal as its template (with {0} placeholders), the key of its translations',
    ]);
  });
});
