// The translated host bundles' check (scripts/l10nBundles.mjs, run by scripts/l10n-extract.mjs in `npm run lint`):
// on copies of the project's l10n folder broken one way at a time, it names the file and the message; on the
// project's own bundles it finds nothing; and --write removes stale messages without filling in missing ones.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTranslations, ENGLISH_BUNDLE, translatedBundles } from '../../../scripts/l10nBundles.mjs';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';

type Bundle = Record<string, string>;

const L10N = join(PROJECT_ROOT, 'l10n');
const ES = 'l10n/bundle.l10n.es.json';

describe('lint: the translated l10n bundles', function () {
  const english = JSON.parse(readFileSync(join(L10N, ENGLISH_BUNDLE), 'utf8')) as Bundle;
  let folder: { path: string; remove(): void };
  let dir: string;
  beforeEach(() => {
    folder = temporaryFolder('langlens-l10n-');
    dir = join(folder.path, 'l10n');
    cpSync(L10N, dir, { recursive: true });
  });
  afterEach(() => folder.remove());

  const esPath = () => join(dir, 'bundle.l10n.es.json');
  const readEs = () => JSON.parse(readFileSync(esPath(), 'utf8')) as Bundle;
  /** The problems found after `edit` changed the copy of the Spanish bundle. */
  const problemsAfter = (edit: (bundle: Bundle) => Bundle | void, write = false) => {
    const bundle = readEs();
    writeFileSync(esPath(), JSON.stringify(edit(bundle) ?? bundle, null, 2) + '\n');
    return checkTranslations(dir, english, { write });
  };

  it('finds nothing wrong with the project’s bundles, and there are five', function () {
    assert.deepEqual(translatedBundles(L10N), [
      'bundle.l10n.ar.json',
      'bundle.l10n.es.json',
      'bundle.l10n.he.json',
      'bundle.l10n.ru.json',
      'bundle.l10n.zh-cn.json',
    ]);
    assert.deepEqual(checkTranslations(L10N, english), { problems: [], rewritten: [] });
  });

  it('passes through scripts/l10n-extract.mjs, as npm run lint runs it', function () {
    this.timeout(30_000); // it parses every file of src/extension
    const out = execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts/l10n-extract.mjs')], { encoding: 'utf8' });
    assert.match(out, /translated in ar, es, he, ru, zh-cn/);
  });

  it('names a missing message', function () {
    const { problems } = problemsAfter((b) => void delete b['Show Log']);
    assert.deepEqual(problems, [`${ES}: "Show Log" has no translation`]);
  });

  it('names a stale message', function () {
    const { problems } = problemsAfter((b) => ({ ...b, 'Show the old log': 'Mostrar el registro antiguo' }));
    assert.deepEqual(problems, [`${ES}: "Show the old log" is not in the English bundle (stale: --write removes it)`]);
  });

  it('names a lost, an extra and a doubled placeholder', function () {
    const { problems } = problemsAfter((b) => {
      b['API key: {0}'] = 'Clave de API';
      b['Show Log'] = 'Mostrar registro {0}';
      b['Run {0}'] = 'Ejecución {0} {0}';
      b['Baseline for {0} ({1}/{2})'] = 'Referencia para {0} ({2}/{1})'; // reordered: fine
    });
    assert.deepEqual(problems, [
      `${ES}: "API key: {0}" has placeholders [] in its translation, [{0}] in English`,
      `${ES}: "Run {0}" has placeholders [{0} {0}] in its translation, [{0}] in English`,
      `${ES}: "Show Log" has placeholders [{0}] in its translation, [] in English`,
    ]);
  });

  it('names an untranslated or empty value, but not a message with nothing to translate', function () {
    const { problems } = problemsAfter((b) => {
      b['Show Log'] = 'Show Log';
      b['Export'] = ' ';
      b['LangLens: {0}.'] = 'LangLens: {0}.';
      b['sk-...'] = 'sk-...';
      // Symbols written the same everywhere (the statistician's n, UTC) as words of their own, but not inside words.
      b['n = {0}'] = 'n = {0}';
      b['{0} UTC'] = '{0} UTC';
      b['items: {0}'] = 'items: {0}';
    });
    assert.deepEqual(problems, [
      `${ES}: "Export" has an empty translation`,
      `${ES}: "Show Log" is not translated (the same as English)`,
      `${ES}: "items: {0}" is not translated (the same as English)`,
    ]);
  });

  it('names a bundle out of the English order', function () {
    const { problems } = problemsAfter((b) => Object.fromEntries(Object.entries(b).reverse()));
    assert.deepEqual(problems, [`${ES}: the messages are not in the English bundle's order (--write sorts them)`]);
  });

  it('with --write, removes stale messages and sorts, but reports missing ones instead of inserting English', function () {
    const { problems, rewritten } = problemsAfter((b) => {
      delete b['Show Log'];
      return { 'Show the old log': 'Mostrar el registro antiguo', ...b };
    }, true);
    assert.deepEqual(rewritten, [`${ES}: rewrote it in the English order, without "Show the old log"`]);
    assert.deepEqual(problems, [`${ES}: "Show Log" has no translation`]);
    const written = readEs();
    assert.deepEqual(
      Object.keys(written),
      Object.keys(english).filter((m) => m !== 'Show Log'),
    );
    assert.equal(written['Show Log'], undefined);
    assert.equal(written['Export'], 'Exportar');
  });
});
