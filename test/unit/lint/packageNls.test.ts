// The translated manifest strings' check (scripts/packageNls.mjs, run by scripts/l10n-extract.mjs in `npm run lint`):
// on copies of package.json and the package.nls files broken one way at a time, it names the file and the key; on the
// project's own files it finds nothing; and --write removes stale keys without filling in missing ones.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPackageNls, translatedPackageNls } from '../../../scripts/packageNls.mjs';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';

type Nls = Record<string, string>;

const ES = 'package.nls.es.json';
const HE = 'package.nls.he.json';

describe('lint: the translated package.nls files', function () {
  const english = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.nls.json'), 'utf8')) as Nls;
  let folder: { path: string; remove(): void };
  beforeEach(() => {
    folder = temporaryFolder('langlens-nls-');
    for (const file of ['package.json', 'package.nls.json', ...translatedPackageNls(PROJECT_ROOT)])
      copyFileSync(join(PROJECT_ROOT, file), join(folder.path, file));
  });
  afterEach(() => folder.remove());

  const read = (file: string) => JSON.parse(readFileSync(join(folder.path, file), 'utf8')) as Nls;
  /** The problems found after `edit` changed the copy of one translation (the Spanish one unless named). */
  const problemsAfter = (edit: (nls: Nls) => Nls | void, { file = ES, write = false } = {}) => {
    const nls = read(file);
    writeFileSync(join(folder.path, file), JSON.stringify(edit(nls) ?? nls, null, 2) + '\n');
    return checkPackageNls(folder.path, { write });
  };

  it('finds nothing wrong with the project’s files, and there are five translations of every key', function () {
    assert.deepEqual(translatedPackageNls(PROJECT_ROOT), [
      'package.nls.ar.json',
      'package.nls.es.json',
      'package.nls.he.json',
      'package.nls.ru.json',
      'package.nls.zh-cn.json',
    ]);
    assert.deepEqual(checkPackageNls(PROJECT_ROOT), { problems: [], rewritten: [] });
    assert.ok(Object.keys(english).length > 50, `${Object.keys(english).length} keys`);
  });

  it('passes through scripts/l10n-extract.mjs, as npm run lint runs it', function () {
    this.timeout(30_000); // it parses every file of src/extension
    const out = execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts/l10n-extract.mjs')], { encoding: 'utf8' });
    assert.match(out, /package\.json's strings translated in ar, es, he, ru, zh-cn/);
  });

  it('names a missing key, in any translation', function () {
    const { problems } = problemsAfter((n) => void delete n['command.annotate.undo'], { file: HE });
    assert.deepEqual(problems, [`${HE}: "command.annotate.undo" has no translation`]);
  });

  it('names an unknown key', function () {
    const { problems } = problemsAfter((n) => ({ ...n, 'command.oldName': 'Nombre antiguo' }));
    assert.deepEqual(problems, [
      `${ES}: "command.oldName" is not a key of package.nls.json (stale: --write removes it)`,
    ]);
  });

  it('names a lost or changed code span, link target, line break and bold mark', function () {
    const { problems } = problemsAfter((n) => {
      // Two language tags written without their backticks.
      n['config.annotator.languages'] = n['config.annotator.languages']!.replace('`zh-Hant`', 'zh-Hant').replace(
        '`he`',
        'he',
      );
      // A setting id translated inside its code span.
      n['config.annotation.blind'] = n['config.annotation.blind']!.replace(
        '`#langlens.annotation.seed#`',
        '`#langlens.anotacion.semilla#`',
      );
      // A command link's target changed, and a line of the welcome view (a button of its own) joined to the next.
      n['viewsWelcome.langlens.runs.0'] = n['viewsWelcome.langlens.runs.0']!.replace(
        '(command:langlens.importFiles)\n',
        '(command:langlens.importarArchivos) ',
      );
      n['config.database.url'] = n['config.database.url']!.replace('**LangLens:', 'LangLens:');
    });
    assert.deepEqual(problems, [
      `${ES}: "viewsWelcome.langlens.runs.0" has link targets [command:langlens.importWorkspace command:langlens.importarArchivos command:langlens.openRunFolder command:langlens.setAnnotator] in its translation, [command:langlens.importFiles command:langlens.importWorkspace command:langlens.openRunFolder command:langlens.setAnnotator] in English`,
      `${ES}: "viewsWelcome.langlens.runs.0" has 3 line breaks in its translation, 4 in English`,
      `${ES}: "config.annotator.languages" has code spans [\`ar\` \`zh-Hans\` \`zh\` \`zh\`] in its translation, [\`ar\` \`he\` \`zh-Hans\` \`zh-Hant\` \`zh\` \`zh\`] in English`,
      `${ES}: "config.database.url" has 1 bold marks (**) in its translation, 2 in English`,
      `${ES}: "config.annotation.blind" has code spans [\`#langlens.anotacion.semilla#\`] in its translation, [\`#langlens.annotation.seed#\`] in English`,
    ]);
  });

  it('names a lost placeholder or codicon (none in the manifest today: checked on a copy that has them)', function () {
    const manifest = readFileSync(join(folder.path, 'package.json'), 'utf8');
    writeFileSync(
      join(folder.path, 'package.json'),
      manifest.replace('"%command.refresh%"', '"%command.refresh%", "x-test": "%test.placeholder%"'),
    );
    writeFileSync(
      join(folder.path, 'package.nls.json'),
      JSON.stringify({ ...english, 'test.placeholder': '$(refresh) Refresh {0}' }, null, 2),
    );
    const { problems } = problemsAfter((n) => ({ ...n, 'test.placeholder': 'Actualizar' }));
    assert.deepEqual(problems, [
      `package.nls.ar.json: "test.placeholder" has no translation`,
      `${ES}: "test.placeholder" has placeholders [] in its translation, [{0}] in English`,
      `${ES}: "test.placeholder" has codicons [] in its translation, [$(refresh)] in English`,
      ...['he', 'ru', 'zh-cn'].map((l) => `package.nls.${l}.json: "test.placeholder" has no translation`),
    ]);
  });

  it('names an untranslated or empty value, but not one with nothing to translate', function () {
    const { problems } = problemsAfter((n) => {
      n['command.annotate.skip'] = english['command.annotate.skip']!;
      n['command.refresh'] = ' ';
      n['configuration.title'] = 'LangLens'; // a name: the same in every language
      n['views.langlens.runs.contextualTitle'] = 'LangLens';
    });
    assert.deepEqual(problems, [
      `${ES}: "command.refresh" has an empty translation`,
      `${ES}: "command.annotate.skip" is not translated (the same as English)`,
    ]);
  });

  it('names a translation out of the English order', function () {
    const { problems } = problemsAfter((n) => Object.fromEntries(Object.entries(n).reverse()));
    assert.deepEqual(problems, [`${ES}: the keys are not in package.nls.json's order (--write sorts them)`]);
  });

  it('names a %key% of package.json without English text, and an English key no field uses', function () {
    const manifest = readFileSync(join(folder.path, 'package.json'), 'utf8');
    writeFileSync(join(folder.path, 'package.json'), manifest.replace('%command.refresh%', '%command.reload%'));
    const { problems } = checkPackageNls(folder.path);
    assert.deepEqual(problems, [
      'package.json: "%command.reload%" has no English text in package.nls.json',
      'package.nls.json: "command.refresh" is used by no "%command.refresh%" of package.json',
    ]);
  });

  it('with --write, removes stale keys and sorts, but reports missing ones instead of inserting English', function () {
    const { problems, rewritten } = problemsAfter(
      (n) => {
        delete n['command.annotate.undo'];
        return { 'command.oldName': 'Nombre antiguo', ...n };
      },
      { write: true },
    );
    assert.deepEqual(rewritten, [`${ES}: rewrote it in package.nls.json's order, without "command.oldName"`]);
    assert.deepEqual(problems, [`${ES}: "command.annotate.undo" has no translation`]);
    const written = read(ES);
    assert.deepEqual(
      Object.keys(written),
      Object.keys(english).filter((k) => k !== 'command.annotate.undo'),
    );
    assert.equal(written['command.refresh'], 'Actualizar');
  });
});
