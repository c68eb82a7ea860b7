// The choices of "LangLens: Choose Annotation Panel Language…": each language the panel speaks under its own name
// (so that an annotator finds theirs whatever VS Code's language), and "auto", which follows VS Code's display
// language. Pure: commands.ts turns these into a quick pick and writes langlens.annotation.uiLanguage.
import { resolveUiLanguage, UI_LANGUAGES, type UiLanguage } from '../../../shared/protocol/strings';

/** What the setting langlens.annotation.uiLanguage holds: a language, or "auto" (the default). */
export type UiLanguageSetting = 'auto' | UiLanguage;

/** Each language in its own words (the setting's enumDescriptions say the same). */
export const UI_LANGUAGE_NAMES: Readonly<Record<UiLanguage, string>> = {
  en: 'English',
  es: 'Español',
  ru: 'Русский',
  he: 'עברית',
  ar: 'العربية',
  zh: '中文',
};

export interface UiLanguageChoice {
  readonly setting: UiLanguageSetting;
  /** A language's own name; "" for auto (the host words it in VS Code's language). */
  readonly name: string;
  /** The language's name in VS Code's display language, when it differs from its own; "" otherwise. */
  readonly nameInDisplayLanguage: string;
  /** The language the panel speaks with this choice (for auto: what VS Code's display language gives now). */
  readonly speaks: UiLanguage;
  /** The setting holds this choice now. */
  readonly current: boolean;
}

/** The setting as the panel reads it: a value outside the enum (a hand-edited settings.json) counts as auto. */
export function normaliseUiLanguageSetting(value: unknown): UiLanguageSetting {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value)
    ? (value as UiLanguage)
    : 'auto';
}

/** The value to write for a choice: auto is the default, so it removes the user's value instead of repeating it. */
export function settingValue(choice: UiLanguageSetting): UiLanguage | undefined {
  return choice === 'auto' ? undefined : choice;
}

/** Auto first, then the panel's languages in their table's order; the setting's current value is marked. */
export function uiLanguageChoices(setting: unknown, displayLanguage: string): UiLanguageChoice[] {
  const current = normaliseUiLanguageSetting(setting);
  const inDisplayLanguage = displayNames(displayLanguage);
  const choices: Omit<UiLanguageChoice, 'current'>[] = [
    { setting: 'auto', name: '', nameInDisplayLanguage: '', speaks: resolveUiLanguage('auto', displayLanguage) },
    ...UI_LANGUAGES.map((language) => {
      const own = UI_LANGUAGE_NAMES[language];
      const there = inDisplayLanguage(language);
      return {
        setting: language,
        name: own,
        nameInDisplayLanguage: there.toLowerCase() === own.toLowerCase() ? '' : there,
        speaks: language,
      };
    }),
  ];
  return choices.map((choice) => ({ ...choice, current: choice.setting === current }));
}

/** A language's name in the display language (Intl's CLDR names); "" where the runtime has none. */
function displayNames(displayLanguage: string): (language: UiLanguage) => string {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([displayLanguage, 'en'], { type: 'language' });
  } catch {
    names = undefined;
  }
  return (language) => {
    try {
      return names?.of(language === 'zh' ? 'zh-Hans' : language) ?? '';
    } catch {
      return '';
    }
  };
}
