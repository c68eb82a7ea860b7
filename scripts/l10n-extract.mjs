// The host's localisable strings (vscode.l10n.t in src/extension) and the core's messages (msg in src/core, shown
// by the editor through src/extension/coreText.ts; scripts/l10nMessages.mjs finds both) against
// l10n/bundle.l10n.json, the English bundle VS Code's translators start from. `node scripts/l10n-extract.mjs` (part of `npm run lint`) fails when a
// string is missing from the bundle, when the bundle holds one no code uses, or when l10n.t or msg is given anything
// but a string literal (the bundle is keyed by the literal); `--write` rewrites the bundle from the code. Then the
// translated bundles, l10n/bundle.l10n.<locale>.json, against the English one (scripts/l10nBundles.mjs): with
// `--write` their stale messages are removed, and the messages still untranslated are reported, never filled in
// with English. Last the manifest's strings: package.json's %keys% against package.nls.json, and the translated
// package.nls.<locale>.json against it (scripts/packageNls.mjs; `--write` sorts them and drops stale keys the same
// way). Text shown without l10n.t is the ESLint rule langlens/localised-text's (scripts/eslint/localisedText.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkTranslations, ENGLISH_BUNDLE, translatedBundles } from './l10nBundles.mjs';
import { findMessages } from './l10nMessages.mjs';
import { checkPackageNls, translatedPackageNls } from './packageNls.mjs';

const root = join(import.meta.dirname, '..');
const l10nDir = join(root, 'l10n');
const bundleFile = join(l10nDir, ENGLISH_BUNDLE);
const write = process.argv.includes('--write');

const { found, core, errors } = findMessages(root);

const wanted = Object.fromEntries([...found.keys()].sort().map((m) => [m, m]));
// The English bundle as it is (as just written, with --write): the one the translations follow.
const english = write ? wanted : JSON.parse(readFileSync(bundleFile, 'utf8'));
if (write) {
  writeFileSync(bundleFile, JSON.stringify(wanted, null, 2) + '\n');
  console.log(`l10n: wrote ${found.size} strings to ${relative(root, bundleFile)}`);
} else {
  for (const [message, place] of found)
    if (!(message in english))
      errors.push(`${place}: "${message}" is not in l10n/bundle.l10n.json (run node scripts/l10n-extract.mjs --write)`);
  for (const message of Object.keys(english))
    if (!found.has(message)) errors.push(`l10n/bundle.l10n.json: "${message}" is used by no l10n.t call`);
}
const translations = checkTranslations(l10nDir, english, { write });
for (const line of translations.rewritten) console.log(`l10n: ${line}`);
errors.push(...translations.problems);
const manifest = checkPackageNls(root, { write });
for (const line of manifest.rewritten) console.log(`l10n: ${line}`);
errors.push(...manifest.problems);
if (errors.length) {
  for (const e of errors) console.error(e);
  process.exit(1);
}
const locales = translatedBundles(l10nDir).map((name) => name.slice('bundle.l10n.'.length, -'.json'.length));
console.log(
  `l10n: ${found.size - core.size} host strings and ${core.size} core messages, all in the bundle, translated in ${locales.join(', ') || 'no language'}`,
);
const manifestLocales = translatedPackageNls(root).map((name) => name.slice('package.nls.'.length, -'.json'.length));
console.log(`l10n: package.json's strings translated in ${manifestLocales.join(', ') || 'no language'}`);
