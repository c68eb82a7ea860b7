// Every table of the annotation panel, for the host to choose from (the webview gets only the one it needs).
import { RTL_UI_LANGUAGES, type StringTable, type UiLanguage, type UiStrings } from '../strings';
import { AR } from './ar';
import { EN } from './en';
import { ES } from './es';
import { HE } from './he';
import { RU } from './ru';
import { ZH } from './zh';

export const STRING_TABLES: Readonly<Record<UiLanguage, StringTable>> = {
  en: EN,
  es: ES,
  ru: RU,
  he: HE,
  ar: AR,
  zh: ZH,
};

const LANG_TAGS: Readonly<Record<UiLanguage, string>> = {
  en: 'en',
  es: 'es',
  ru: 'ru',
  he: 'he',
  ar: 'ar',
  zh: 'zh-Hans',
};

export function uiStrings(language: UiLanguage): UiStrings {
  return {
    language,
    lang: LANG_TAGS[language],
    dir: RTL_UI_LANGUAGES.includes(language) ? 'rtl' : 'ltr',
    table: STRING_TABLES[language],
  };
}
