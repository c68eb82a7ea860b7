// The words of the grid, dashboard, charts and Review Disagreements panels, in VS Code's display language: the
// host builds each panel's record with vscode.l10n.t (so they are in l10n/bundle.l10n.json for translators) and
// sends it before anything else; the webviews have no words of their own. A panel's protocol file declares its
// phrases as a spec, each key with the number of placeholders ({0}, {1}, …) the webview fills, so that the compiler
// checks every call of the webview's filler and test/unit/webview/panelWords.test.ts the host's phrases.
// (The annotation panel has its own tables with compiled-in translations: strings.ts.)
import { ProtocolError, record } from './fields';

/** A panel's phrases: each key with the number of placeholders its phrase has ({0} … {n-1}). */
export type PhraseSpec<K extends string = string> = Readonly<Record<K, number>>;

/** The page's language and direction: the chrome mirrors for right-to-left display languages. */
export interface PageLanguage {
  /** A BCP-47 tag for lang="". */
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
}

/** A panel's words, as the host sends them. */
export interface Words<K extends string> extends PageLanguage {
  readonly phrases: Readonly<Record<K, string>>;
}

/** The message carrying them, the first one the host posts after the page says it is ready. */
export interface WordsMessage<K extends string> {
  readonly type: 'words';
  readonly words: Words<K>;
}

const RTL_LANGUAGES = ['he', 'ar'];
const LANGUAGE_TAG = /^[A-Za-z0-9_-]{1,35}$/;

/** The page's lang and dir for VS Code's display language (vscode.env.language: "en", "he", "zh-cn", …). */
export function pageLanguage(displayLanguage: string): PageLanguage {
  const lang = LANGUAGE_TAG.test(displayLanguage) ? displayLanguage : 'en';
  const base = lang.split(/[-_]/)[0]!.toLowerCase();
  return { lang, dir: RTL_LANGUAGES.includes(base) ? 'rtl' : 'ltr' };
}

/** The placeholder numbers a phrase uses, sorted and without repeats ("{1} of {0}": [0, 1]). */
export function placeholderNumbers(phrase: string): number[] {
  return [...new Set([...phrase.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

/**
 * A phrase cut at its placeholders: text, then the number of a placeholder, and so on (a placeholder with no
 * value stays as written, visible, never silently empty).
 */
export function phraseParts(phrase: string, count: number): (string | number)[] {
  const parts: (string | number)[] = [];
  let last = 0;
  for (const m of phrase.matchAll(/\{(\d+)\}/g)) {
    const n = Number(m[1]);
    if (n >= count) continue;
    parts.push(phrase.slice(last, m.index), n);
    last = m.index + m[0].length;
  }
  parts.push(phrase.slice(last));
  return parts;
}

/** Fills {0}, {1}, … with the values, in order; a placeholder without a value stays as written. */
export function fill(phrase: string, values: readonly (string | number)[]): string {
  return phraseParts(phrase, values.length)
    .map((p) => (typeof p === 'number' ? String(values[p]) : p))
    .join('');
}

/** Words from the host, checked field by field: every phrase of the spec, as a string. */
export function parseWords<K extends string>(raw: unknown, spec: PhraseSpec<K>): Words<K> {
  const o = record(raw, 'words');
  const phrases = record(o.phrases, 'phrases');
  const out = {} as Record<K, string>;
  for (const key of Object.keys(spec) as K[]) {
    const phrase = phrases[key];
    if (typeof phrase !== 'string' || phrase.length > 10_000) throw new ProtocolError(`phrase ${key} is missing`);
    out[key] = phrase;
  }
  if (typeof o.lang !== 'string' || !LANGUAGE_TAG.test(o.lang)) throw new ProtocolError('lang must be a language tag');
  if (o.dir !== 'ltr' && o.dir !== 'rtl') throw new ProtocolError('dir must be ltr or rtl');
  return { lang: o.lang, dir: o.dir, phrases: out };
}

/** What is wrong with a phrase for its spec: placeholders the webview does not fill, or fills but it lacks. */
export function placeholderProblems(phrase: string, count: number): string[] {
  const used = placeholderNumbers(phrase);
  const problems = used.filter((n) => n >= count).map((n) => `{${n}} is filled by nobody`);
  for (let n = 0; n < count; n++) if (!used.includes(n)) problems.push(`{${n}} is missing`);
  return problems;
}
