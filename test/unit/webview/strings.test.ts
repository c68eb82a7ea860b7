// The annotation panel's words: every language has every key of the English table, with the same placeholders
// and the plural forms its language uses; the webview's files hold no user-visible text of their own.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import {
  fillPhrase,
  placeholders,
  pluralForm,
  resolveUiLanguage,
  UI_LANGUAGES,
  type PluralForms,
} from '../../../shared/protocol/strings';
import { EN } from '../../../shared/protocol/strings/en';
import { STRING_TABLES, uiStrings } from '../../../shared/protocol/strings/index';
import { ownWords } from '../../support/webviewText';

const LANG_TAG = { en: 'en', es: 'es', ru: 'ru', he: 'he', ar: 'ar', zh: 'zh' } as const;

describe('annotation panel strings', () => {
  const keys = Object.keys(EN).sort();

  for (const language of UI_LANGUAGES) {
    it(`${language}: every key, the same placeholders, every plural form`, () => {
      const table = STRING_TABLES[language] as Record<string, string | PluralForms>;
      assert.deepEqual(Object.keys(table).sort(), keys, `${language} has exactly the English keys`);
      const categories = new Intl.PluralRules(LANG_TAG[language]).resolvedOptions().pluralCategories;
      for (const key of keys) {
        const english = (EN as Record<string, string | PluralForms>)[key]!;
        const own = table[key]!;
        if (typeof english === 'string') {
          assert.equal(typeof own, 'string', `${language}.${key} is a phrase`);
          assert.ok((own as string).trim() !== '', `${language}.${key} is not empty`);
          assert.deepEqual(placeholders(own as string), placeholders(english), `${language}.${key} placeholders`);
          continue;
        }
        assert.equal(typeof own, 'object', `${language}.${key} has plural forms`);
        const forms = own as PluralForms;
        for (const category of categories)
          assert.ok(category in forms, `${language}.${key} has the "${category}" form its language uses`);
        // Other forms may spell the count out ("one", "two"), but never use a placeholder English does not have.
        assert.deepEqual(placeholders(forms.other), placeholders(english.other), `${language}.${key}.other`);
        for (const [category, text] of Object.entries(forms))
          for (const name of placeholders(text!))
            assert.ok(placeholders(english.other).includes(name), `${language}.${key}.${category}: {${name}}`);
      }
    });
  }

  it('translations differ from English where words are translated', () => {
    for (const language of UI_LANGUAGES.filter((l) => l !== 'en'))
      assert.notEqual(STRING_TABLES[language].retryNow, EN.retryNow, language);
    assert.equal(STRING_TABLES.he.retryNow, 'נסה שוב עכשיו');
  });

  it('picks the plural form by the language: Russian 1 / 3 / 5, Arabic 2', () => {
    const ru = STRING_TABLES.ru.reloadToSave;
    assert.equal(fillPhrase(pluralForm(ru, 1, 'ru'), { n: 1 }), 'Перезагрузить окно, чтобы сохранить 1 оценку');
    assert.equal(fillPhrase(pluralForm(ru, 3, 'ru'), { n: 3 }), 'Перезагрузить окно, чтобы сохранить 3 оценки');
    assert.equal(fillPhrase(pluralForm(ru, 5, 'ru'), { n: 5 }), 'Перезагрузить окно, чтобы сохранить 5 оценок');
    assert.equal(pluralForm(STRING_TABLES.ar.reloadToSave, 2, 'ar'), 'أعد تحميل النافذة لحفظ تسميتين');
    assert.equal(fillPhrase('{n} of {total}', { n: 2 }), '2 of {total}', 'a missing value stays visible');
  });

  it('resolves the setting: auto follows VS Code, a region or script is dropped, unknown is English', () => {
    assert.equal(resolveUiLanguage('auto', 'he'), 'he');
    assert.equal(resolveUiLanguage('auto', 'zh-cn'), 'zh');
    assert.equal(resolveUiLanguage('auto', 'pt-br'), 'en');
    assert.equal(resolveUiLanguage('ar', 'en'), 'ar');
    assert.equal(resolveUiLanguage('', 'es'), 'es');
    assert.deepEqual(
      UI_LANGUAGES.map((l) => uiStrings(l).dir),
      ['ltr', 'ltr', 'ltr', 'rtl', 'rtl', 'ltr'],
    );
    assert.equal(uiStrings('zh').lang, 'zh-Hans');
  });

  it('webview/annotate has no user-visible text of its own: words in html`` and strings come from the table', () => {
    const dir = join(__dirname, '../../../webview/annotate');
    assert.deepEqual(ownWords(dir, ['i18n.ts'], ['Ctrl', 'End', 'Esc']), []);
  });
});
