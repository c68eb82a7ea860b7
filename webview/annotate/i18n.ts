// The panel's words, as the host sent them (shared/protocol/strings.ts): the webview has none of its own. Until
// the host's table arrives nothing is rendered (the session comes after it).
import { fillPhrase, pluralForm, type PlainKey, type PluralKey, type UiStrings } from '../../shared/protocol/strings';
import { languageName as nameOfLanguage } from '../../shared/protocol/locale';
import { escapeHtml, Html } from '../shared/html';

let ui: UiStrings | undefined;

/** Takes the host's table (main.ts sets the page's lang and dir from it). */
export function useStrings(next: UiStrings): void {
  ui = next;
}

export function hasStrings(): boolean {
  return ui !== undefined;
}

type Values = Readonly<Record<string, string | number>>;

function phrase(key: PlainKey): string {
  return ui ? ui.table[key] : key;
}

/** A phrase with its placeholders filled, as text. */
export function t(key: PlainKey, values: Values = {}): string {
  return fillPhrase(phrase(key), values);
}

/** A counted phrase in the form the language uses for n ({n} is filled with n). */
export function tn(key: PluralKey, n: number, values: Values = {}): string {
  const text = ui ? pluralForm(ui.table[key], n, ui.lang) : key;
  return fillPhrase(text, { n, ...values });
}

/** A phrase as HTML: its text escaped, its placeholders filled with markup (Html) or escaped text. */
export function th(
  key: PlainKey | { plural: PluralKey; n: number },
  values: Readonly<Record<string, Html | string | number>> = {},
): Html {
  const text =
    typeof key === 'string' ? phrase(key) : ui ? pluralForm(ui.table[key.plural], key.n, ui.lang) : key.plural;
  const all: Readonly<Record<string, Html | string | number>> =
    typeof key === 'string' ? values : { n: key.n, ...values };
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    const value = all[m[1]!];
    if (value === undefined) continue;
    out += escapeHtml(text.slice(last, m.index)) + (value instanceof Html ? value.value : escapeHtml(String(value)));
    last = m.index + m[0].length;
  }
  return new Html(out + escapeHtml(text.slice(last)));
}

/**
 * A language's name in the panel's language, which its setting may make another than VS Code's (the host's English
 * name until the words arrive, and where the browser has none).
 */
export function languageName(language: { readonly tag: string; readonly name: string }): string {
  return (ui && nameOfLanguage(ui.lang, language.tag)) ?? language.name;
}
