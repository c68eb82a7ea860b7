// The annotation panel's user-visible words, in the annotator's language. The host picks the table (setting
// langlens.annotation.uiLanguage, "auto" = VS Code's display language) and sends it with the panel's init; the
// webview has no words of its own. Every table has every key of the English one (strings/en.ts), checked by the
// compiler (StringTable) and by test/unit/webview/strings.test.ts (placeholders and plural forms too).
import type { EN } from './strings/en';

export const UI_LANGUAGES = ['en', 'es', 'ru', 'he', 'ar', 'zh'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const RTL_UI_LANGUAGES: readonly UiLanguage[] = ['he', 'ar'];

export type StringKey = keyof typeof EN;
/** A counted phrase: one form per CLDR plural category the language uses; `other` always. */
export type PluralForms = { readonly other: string } & Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many', string>>;
export type PluralKey = { [K in StringKey]: (typeof EN)[K] extends string ? never : K }[StringKey];
export type PlainKey = Exclude<StringKey, PluralKey>;
/** A translation: the English table's keys, a phrase where English has one, plural forms where English has them. */
export type StringTable = { readonly [K in StringKey]: K extends PluralKey ? PluralForms : string };

/** What the webview needs to speak the annotator's language: the words, and the page's lang and direction. */
export interface UiStrings {
  /** A BCP-47 tag for lang="" (zh as zh-Hans, the demo's script). */
  readonly lang: string;
  readonly language: UiLanguage;
  readonly dir: 'ltr' | 'rtl';
  readonly table: StringTable;
}

/** The UI language for a setting and VS Code's display language ("auto" follows VS Code; unknown ones: English). */
export function resolveUiLanguage(setting: string, displayLanguage: string): UiLanguage {
  const wanted = (setting === 'auto' || setting === '' ? displayLanguage : setting).toLowerCase();
  const base = wanted.split(/[-_]/)[0]!;
  return (UI_LANGUAGES as readonly string[]).includes(base) ? (base as UiLanguage) : 'en';
}

/** The placeholders ({name}) a phrase uses, sorted: every translation uses the same ones. */
export function placeholders(phrase: string): string[] {
  return [...phrase.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

/** Fills a phrase's placeholders; one without a value stays as written (visible, never silently empty). */
export function fillPhrase(phrase: string, values: Readonly<Record<string, string | number>>): string {
  return phrase.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The form of a counted phrase for n, by the language's plural rules. */
export function pluralForm(forms: PluralForms, n: number, lang: string): string {
  const category = new Intl.PluralRules(lang).select(n) as keyof PluralForms;
  return forms[category] ?? forms.other;
}
