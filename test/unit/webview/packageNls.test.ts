// package.json's titles and descriptions are %keys% of package.nls.json: a key without its English text shows the
// raw "%command.x%" in VS Code's palette and settings, and a translation of a key that no longer exists is dead.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../support/paths';

const read = (file: string): string => readFileSync(join(PROJECT_ROOT, file), 'utf8');
const keysOf = (file: string): string[] => Object.keys(JSON.parse(read(file)) as Record<string, string>);

describe('package.json localisation (package.nls*.json)', () => {
  const used = [...read('package.json').matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]!);
  const english = new Set(keysOf('package.nls.json'));

  it('has the English text of every %key% package.json uses, and every contributed command title is a key', () => {
    assert.ok(used.length > 40, `package.json uses ${used.length} keys`);
    assert.deepEqual(
      used.filter((key) => !english.has(key)),
      [],
    );
    const manifest = JSON.parse(read('package.json')) as { contributes: { commands: { title: string }[] } };
    assert.deepEqual(
      manifest.contributes.commands.map((c) => c.title).filter((title) => !/^%.+%$/.test(title)),
      [],
      'command titles written in package.json itself are never translated',
    );
  });

  it('translates only keys the English file has', () => {
    const translations = readdirSync(PROJECT_ROOT).filter((f) => /^package\.nls\.[a-z-]+\.json$/.test(f));
    assert.deepEqual(translations.sort(), [
      'package.nls.ar.json',
      'package.nls.es.json',
      'package.nls.he.json',
      'package.nls.ru.json',
      'package.nls.zh-cn.json',
    ]);
    for (const file of translations)
      assert.deepEqual(
        keysOf(file).filter((key) => !english.has(key)),
        [],
        file,
      );
  });
});
