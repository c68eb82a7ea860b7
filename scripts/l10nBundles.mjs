// The translated host bundles, l10n/bundle.l10n.<locale>.json, against the English one: VS Code shows a message's
// English text wherever a translation lacks it, and a stale, emptied or placeholder-losing translation fails
// silently on screen, so scripts/l10n-extract.mjs checks them here (and the lint test runs the same function on
// broken copies). A translated bundle holds exactly the English keys, in their order; each value is a non-empty
// string with the same {N} placeholders as its key, and differs from it unless the message has nothing to translate.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export const ENGLISH_BUNDLE = 'bundle.l10n.json';
// Whatever the locale id: a bundle named unlike VS Code's ids is checked too, not skipped.
const TRANSLATED = /^bundle\.l10n\.[^.]+\.json$/;

// Names that stay as they are in every language. A message with no other letters ("LangLens: {0}.") has nothing to
// translate, so its translation may equal it.
const NAMES = ['LangLens', 'VS Code'];
// Symbols and abbreviations written the same in every language, as words of their own: the statistician's n, UTC,
// the LIMA score's name, the A and B of a pair, and HTTP (a server's status, "HTTP {0}: {1}"). A message whose only
// letters are these may stay as it is ("n = {0}"); a translator may still write them otherwise.
const SYMBOLS = ['n', 'UTC', 'LIMA', 'A', 'B', 'HTTP'];
// Whole messages that stay English in every bundle, each for its reason. Keep this short: anything else that a
// translation leaves English is a forgotten translation.
const KEPT_ENGLISH = new Map([['sk-...', 'the start of an OpenAI key, shown as what to type']]);

/** The bundle.l10n.<locale>.json files of a folder, sorted. */
export function translatedBundles(dir) {
  return readdirSync(dir)
    .filter((name) => TRANSLATED.test(name))
    .sort();
}

/** The {N} placeholders of a message, sorted, so that two messages compare as multisets. */
export function placeholders(message) {
  return (message.match(/\{\d+\}/g) ?? []).sort();
}

/** Whether a message has words a translator would translate (not only placeholders, names, codicons, digits). */
export function hasTextToTranslate(message) {
  let rest = message.replace(/\{\d+\}/g, '').replace(/\$\([\w~-]+\)/g, '');
  for (const name of NAMES) rest = rest.split(name).join('');
  for (const symbol of SYMBOLS) rest = rest.replace(new RegExp(`(?<!\\p{L})${symbol}(?!\\p{L})`, 'gu'), '');
  return /\p{L}/u.test(rest);
}

/**
 * The problems of one translated bundle, each naming `file` and the message. `bundle` is its parsed content;
 * `english` the English bundle (its keys in order).
 */
export function bundleProblems(file, english, bundle) {
  if (bundle === null || typeof bundle !== 'object' || Array.isArray(bundle))
    return [`${file}: not a JSON object of message → translation`];
  const problems = [];
  for (const message of Object.keys(english))
    if (!Object.hasOwn(bundle, message)) problems.push(`${file}: "${message}" has no translation`);
  for (const [message, translation] of Object.entries(bundle)) {
    if (!Object.hasOwn(english, message)) {
      problems.push(`${file}: "${message}" is not in the English bundle (stale: --write removes it)`);
      continue;
    }
    if (typeof translation !== 'string' || translation.trim() === '') {
      problems.push(`${file}: "${message}" has an empty translation`);
      continue;
    }
    const wanted = placeholders(message).join(' ');
    const got = placeholders(translation).join(' ');
    if (wanted !== got)
      problems.push(`${file}: "${message}" has placeholders [${got}] in its translation, [${wanted}] in English`);
    else if (translation === message && hasTextToTranslate(message) && !KEPT_ENGLISH.has(message))
      problems.push(`${file}: "${message}" is not translated (the same as English)`);
  }
  const order = Object.keys(english).filter((m) => Object.hasOwn(bundle, m));
  const kept = Object.keys(bundle).filter((m) => Object.hasOwn(english, m));
  if (order.join('\n') !== kept.join('\n'))
    problems.push(`${file}: the messages are not in the English bundle's order (--write sorts them)`);
  return problems;
}

/**
 * Reads the translation at `path` (named `file` in messages). With write, a translation that is an object is first
 * rewritten without the keys `english` lacks and in `english`'s order (`orderName` says whose order in the note).
 * Returns `{ problem }` when it is not JSON, else `{ translation, rewrote }`, `rewrote` being the note or undefined.
 */
export function loadTranslation(path, file, english, { write, orderName }) {
  let translation;
  try {
    translation = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    return { problem: `${file}: not valid JSON (${err.message})` };
  }
  if (!write || translation === null || typeof translation !== 'object' || Array.isArray(translation)) {
    return { translation, rewrote: undefined };
  }
  const stale = Object.keys(translation).filter((key) => !Object.hasOwn(english, key));
  const pruned = Object.fromEntries(
    Object.keys(english)
      .filter((key) => Object.hasOwn(translation, key))
      .map((key) => [key, translation[key]]),
  );
  const text = JSON.stringify(pruned, null, 2) + '\n';
  if (text === readFileSync(path, 'utf8')) return { translation: pruned, rewrote: undefined };
  writeFileSync(path, text);
  const without = stale.map((key) => `"${key}"`).join(', ');
  return {
    translation: pruned,
    rewrote: `${file}: rewrote it in ${orderName}${without ? `, without ${without}` : ''}`,
  };
}

/**
 * Checks every translated bundle of `dir` against `english`, naming files as `l10n/<file>` (the folder's name).
 * With write, each bundle is first rewritten without its stale messages and in the English order; what is missing
 * stays missing (reported, never filled with English: VS Code would then show English and the check would pass).
 * Returns the problems left and the lines saying what was rewritten.
 */
export function checkTranslations(dir, english, { write = false } = {}) {
  const problems = [];
  const rewritten = [];
  for (const name of translatedBundles(dir)) {
    const path = join(dir, name);
    const file = `${basename(dir)}/${name}`;
    const loaded = loadTranslation(path, file, english, { write, orderName: 'the English order' });
    if (loaded.problem) {
      problems.push(loaded.problem);
      continue;
    }
    if (loaded.rewrote) rewritten.push(loaded.rewrote);
    const bundle = loaded.translation;
    problems.push(...bundleProblems(file, english, bundle));
  }
  return { problems, rewritten };
}
