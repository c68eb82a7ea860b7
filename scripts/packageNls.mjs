// The translated manifest strings, package.nls.<locale>.json, against the English package.nls.json: VS Code shows
// a command title, a setting's description or a view's name in English wherever a translation lacks its key, and a
// translation that lost a `code span`, a link's target or a line break of the welcome view breaks what it renders,
// silently. scripts/l10n-extract.mjs (part of `npm run lint`) checks them here, as it checks the l10n bundles
// (scripts/l10nBundles.mjs), and the lint test runs the same functions on broken copies. A translation holds exactly
// the English keys, in their order; each value is a non-empty string that keeps, from its English text, the {N}
// placeholders, the `code spans` (setting ids such as `#langlens.annotation.seed#`, paths, commands, as written),
// the targets of its Markdown links (command:…), its **bold** marks, codicons and line breaks, and differs from the
// English unless it has nothing to translate (the names and symbols of scripts/l10nBundles.mjs, such as "LangLens").
// package.json's own %key% references are checked against the English file here too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasTextToTranslate, loadTranslation, placeholders } from './l10nBundles.mjs';

export const ENGLISH_PACKAGE_NLS = 'package.nls.json';
// Whatever the locale id: a file named unlike VS Code's ids is checked too, not skipped.
const TRANSLATED = /^package\.nls\.[^.]+\.json$/;
// Translations that may stay exactly as in English although they have words, each for its reason. Keep this short
// (it is empty): anything else a translation leaves English is a forgotten translation.
const KEPT_ENGLISH = new Map();

/** The package.nls.<locale>.json files of a folder, sorted. */
export function translatedPackageNls(dir) {
  return readdirSync(dir)
    .filter((name) => TRANSLATED.test(name))
    .sort();
}

const CODE_SPAN = /`[^`\n]+`/g;
const LINK_TARGET = /\]\(([^)\s]+)\)/g;
const CODICON = /\$\([\w~-]+\)/g;

/** What a translation must keep exactly as the English text has it, each kind as a sorted list. */
function kept(text) {
  return {
    placeholders: placeholders(text),
    'code spans': (text.match(CODE_SPAN) ?? []).sort(),
    'link targets': [...text.matchAll(LINK_TARGET)].map((m) => m[1]).sort(),
    codicons: (text.match(CODICON) ?? []).sort(),
  };
}

/** The words a translator would translate: the text without what it keeps as written. */
function translatableText(text) {
  return text.replace(CODE_SPAN, '').replace(LINK_TARGET, ']').replace(CODICON, '');
}

const count = (text, part) => text.split(part).length - 1;

/**
 * The problems of one translated package.nls, each naming `file` and the key. `translated` is its parsed content;
 * `english` the English package.nls.json (its keys in order).
 */
export function packageNlsProblems(file, english, translated) {
  if (translated === null || typeof translated !== 'object' || Array.isArray(translated))
    return [`${file}: not a JSON object of key → translation`];
  const problems = [];
  for (const key of Object.keys(english))
    if (!Object.hasOwn(translated, key)) problems.push(`${file}: "${key}" has no translation`);
  for (const [key, translation] of Object.entries(translated)) {
    if (!Object.hasOwn(english, key)) {
      problems.push(`${file}: "${key}" is not a key of ${ENGLISH_PACKAGE_NLS} (stale: --write removes it)`);
      continue;
    }
    if (typeof translation !== 'string' || translation.trim() === '') {
      problems.push(`${file}: "${key}" has an empty translation`);
      continue;
    }
    const source = english[key];
    const wanted = kept(source);
    const got = kept(translation);
    let broken = false;
    for (const kind of Object.keys(wanted)) {
      if (wanted[kind].join('\n') === got[kind].join('\n')) continue;
      broken = true;
      const list = (items) => `[${items.join(' ')}]`;
      problems.push(
        `${file}: "${key}" has ${kind} ${list(got[kind])} in its translation, ${list(wanted[kind])} in English`,
      );
    }
    for (const [mark, name] of [
      ['\n', 'line breaks'],
      ['**', 'bold marks (**)'],
    ]) {
      if (count(source, mark) === count(translation, mark)) continue;
      broken = true;
      problems.push(
        `${file}: "${key}" has ${count(translation, mark)} ${name} in its translation, ${count(source, mark)} in English`,
      );
    }
    if (!broken && translation === source && hasTextToTranslate(translatableText(source)) && !KEPT_ENGLISH.has(key))
      problems.push(`${file}: "${key}" is not translated (the same as English)`);
  }
  const order = Object.keys(english).filter((k) => Object.hasOwn(translated, k));
  const found = Object.keys(translated).filter((k) => Object.hasOwn(english, k));
  if (order.join('\n') !== found.join('\n'))
    problems.push(`${file}: the keys are not in ${ENGLISH_PACKAGE_NLS}'s order (--write sorts them)`);
  return problems;
}

/**
 * package.json against the English package.nls.json: every "%key%" it uses has an English text, and every English
 * key is used (a key no manifest field names is a dead translation in every language).
 */
export function manifestKeyProblems(manifestText, english) {
  const used = new Set([...manifestText.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]));
  return [
    ...[...used]
      .filter((key) => !Object.hasOwn(english, key))
      .map((key) => `package.json: "%${key}%" has no English text in ${ENGLISH_PACKAGE_NLS}`),
    ...Object.keys(english)
      .filter((key) => !used.has(key))
      .map((key) => `${ENGLISH_PACKAGE_NLS}: "${key}" is used by no "%${key}%" of package.json`),
  ];
}

/**
 * Checks package.json and every package.nls.<locale>.json of `dir` (the project's root) against the English
 * package.nls.json. With write, each translation is first rewritten without its stale keys and in the English order;
 * what is missing stays missing (reported, never filled with English). Returns the problems left and the lines saying
 * what was rewritten.
 */
export function checkPackageNls(dir, { write = false } = {}) {
  let english;
  try {
    english = JSON.parse(readFileSync(join(dir, ENGLISH_PACKAGE_NLS), 'utf8'));
  } catch (err) {
    return { problems: [`${ENGLISH_PACKAGE_NLS}: not valid JSON (${err.message})`], rewritten: [] };
  }
  const problems = manifestKeyProblems(readFileSync(join(dir, 'package.json'), 'utf8'), english);
  const rewritten = [];
  for (const file of translatedPackageNls(dir)) {
    const path = join(dir, file);
    const loaded = loadTranslation(path, file, english, { write, orderName: `${ENGLISH_PACKAGE_NLS}'s order` });
    if (loaded.problem) {
      problems.push(loaded.problem);
      continue;
    }
    if (loaded.rewrote) rewritten.push(loaded.rewrote);
    const translated = loaded.translation;
    problems.push(...packageNlsProblems(file, english, translated));
  }
  return { problems, rewritten };
}
