// Minimal VS Code language packs for the display-language part of the E2E (displayLanguageSteps.ts): code-server
// only switches VS Code's display language to a locale a language pack extension contributes
// (contributes.localizations), and the machine has no marketplace, so the test makes its own, one per locale, each
// translating a couple of the workbench's strings, and installs them like any .vsix.
//
//   node --import tsx test/e2e/languagePacks.ts build <folder>        one <locale>.vsix per pack into <folder>
//   node --import tsx test/e2e/languagePacks.ts cache <profile>       <profile>/data/languagepacks.json
//
// The cache is what VS Code reads to resolve a locale (resolveNLSConfiguration in src/vs/base/node/nls.ts reads
// <user-data-dir>/languagepacks.json and gives up on the locale without it). The running server keeps it up to date
// when it installs a pack itself (NativeLanguagePackService's postInstall participant,
// src/vs/platform/languagePacks/node/languagePacks.ts), but `code-server --install-extension` never creates that
// service (the CLI registers it only as a lazy SyncDescriptor, src/vs/server/node/remoteExtensionHostAgentCli.ts):
// after a CLI install there is no languagepacks.json and the locale falls back to English. So `cache` writes the file
// exactly as LanguagePacksCache would from the installed extensions (createLanguagePacksFromExtension, updateHash);
// everything after (the translated messages under <user-data-dir>/clp, the nls.messages.js the page loads, the
// extension host's language) is code-server's own doing.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PUBLISHER = 'langlens-e2e';
/** The module and key of each workbench string the packs translate (from VS Code's out/nls.keys.json). */
const EXPLORER = ['vs/workbench/contrib/files/browser/explorerViewlet', 'explore'] as const;
const SHOW_ALL_COMMANDS = ['vs/workbench/browser/parts/editor/editorGroupWatermark', 'watermark.showCommands'] as const;

export interface LanguagePack {
  readonly locale: string;
  readonly languageName: string;
  readonly localizedLanguageName: string;
  /** The Explorer view container's title ("Explorer"), the one string of VS Code's own the test looks for. */
  readonly explorer: string;
  /** The empty editor's "Show All Commands", for the screenshots. */
  readonly showAllCommands: string;
}

export const LANGUAGE_PACKS: readonly LanguagePack[] = [
  {
    locale: 'es',
    languageName: 'Spanish',
    localizedLanguageName: 'Español',
    explorer: 'Explorador',
    showAllCommands: 'Mostrar todos los comandos',
  },
  {
    locale: 'he',
    languageName: 'Hebrew',
    localizedLanguageName: 'עברית',
    explorer: 'סייר',
    showAllCommands: 'הצגת כל הפקודות',
  },
];

export function languagePack(locale: string): LanguagePack {
  const pack = LANGUAGE_PACKS.find((p) => p.locale === locale);
  if (!pack) throw new Error(`no E2E language pack for ${locale}`);
  return pack;
}

function manifest(pack: LanguagePack) {
  return {
    name: `e2e-language-pack-${pack.locale}`,
    displayName: `LangLens E2E language pack: ${pack.languageName}`,
    description: `A few of VS Code's strings in ${pack.languageName}, so that the E2E can run VS Code in it`,
    version: '0.0.1',
    publisher: PUBLISHER,
    license: 'MIT',
    repository: { type: 'git', url: 'https://example.invalid/langlens.git' },
    engines: { vscode: '^1.100.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        {
          languageId: pack.locale,
          languageName: pack.languageName,
          localizedLanguageName: pack.localizedLanguageName,
          translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
        },
      ],
    },
  };
}

/** VS Code's translation file for its own strings: module id → message key → text (the language packs' format). */
function translations(pack: LanguagePack) {
  return {
    version: '1.0.0',
    contents: {
      [EXPLORER[0]]: { [EXPLORER[1]]: pack.explorer },
      [SHOW_ALL_COMMANDS[0]]: { [SHOW_ALL_COMMANDS[1]]: pack.showAllCommands },
    },
  };
}

/** Writes each pack's folder and packs it with vsce; returns the .vsix files. */
export function buildLanguagePacks(folder: string): string[] {
  const vsce = resolve(__dirname, '..', '..', 'node_modules', '@vscode', 'vsce', 'vsce');
  rmSync(folder, { recursive: true, force: true });
  return LANGUAGE_PACKS.map((pack) => {
    const dir = join(folder, pack.locale);
    mkdirSync(join(dir, 'translations'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest(pack), null, 2));
    writeFileSync(join(dir, 'translations', 'main.i18n.json'), JSON.stringify(translations(pack), null, 2));
    writeFileSync(join(dir, 'README.md'), `# ${manifest(pack).displayName}\n`);
    writeFileSync(join(dir, 'LICENSE'), 'MIT License (a test fixture)\n');
    writeFileSync(join(dir, '.vscodeignore'), '*.vsix\n');
    const vsix = join(folder, `${pack.locale}.vsix`);
    execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: dir, stdio: 'pipe' });
    return vsix;
  });
}

interface CachedPack {
  hash: string;
  label: string | undefined;
  extensions: { extensionIdentifier: { id: string }; version: string }[];
  translations: Record<string, string>;
}

/**
 * <user-data-dir>/languagepacks.json from the language packs installed in <extensions-dir>, as VS Code's
 * LanguagePacksCache writes it: per locale the packs' ids and versions, a sha256 of them (the name of the
 * translations' cache folder), and the absolute path of each translation file.
 */
export function writeLanguagePackCache(userDataDir: string, extensionsDir: string): Record<string, CachedPack> {
  const packs: Record<string, CachedPack> = {};
  for (const entry of readdirSync(extensionsDir, { withFileTypes: true })) {
    const file = join(extensionsDir, entry.name, 'package.json');
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const m = JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof manifest>;
    for (const l of m.contributes?.localizations ?? []) {
      const pack = (packs[l.languageId] ??= {
        hash: '',
        label: l.localizedLanguageName ?? l.languageName,
        extensions: [],
        translations: {},
      });
      pack.extensions.push({
        extensionIdentifier: { id: `${m.publisher}.${m.name}`.toLowerCase() },
        version: m.version,
      });
      for (const t of l.translations) pack.translations[t.id] = join(extensionsDir, entry.name, t.path);
    }
  }
  for (const pack of Object.values(packs)) {
    const sha = createHash('sha256');
    for (const e of pack.extensions) sha.update(e.extensionIdentifier.id).update(e.version);
    pack.hash = sha.digest('hex');
  }
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
  return packs;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [command, path] = process.argv.slice(2);
  if (command === 'build' && path) console.log(buildLanguagePacks(path).join('\n'));
  else if (command === 'cache' && path) {
    const packs = writeLanguagePackCache(join(path, 'data'), join(path, 'ext'));
    console.log(`languagepacks.json: ${Object.keys(packs).join(', ') || 'no language pack installed'}`);
  } else {
    console.error('usage: languagePacks.ts build <folder> | cache <profile>');
    process.exit(2);
  }
}
