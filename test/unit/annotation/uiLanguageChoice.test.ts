// "LangLens: Choose Annotation Panel Language…": every language the panel speaks, under its own name, "auto" first,
// the setting's value marked; auto is written as no value (the default), and a value outside the enum reads as auto.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  normaliseUiLanguageSetting,
  settingValue,
  UI_LANGUAGE_NAMES,
  uiLanguageChoices,
} from '../../../src/extension/annotate/uiLanguageChoice';
import { STRING_TABLES } from '../../../shared/protocol/strings/index';
import { UI_LANGUAGES } from '../../../shared/protocol/strings';
import { PROJECT_ROOT } from '../../support/paths';

describe('choosing the annotation panel language', () => {
  it('offers auto, then each language of the panel under its own name', () => {
    const choices = uiLanguageChoices('auto', 'en');
    assert.deepEqual(
      choices.map((c) => c.setting),
      ['auto', 'en', 'es', 'ru', 'he', 'ar', 'zh'],
    );
    assert.deepEqual(
      choices.slice(1).map((c) => c.name),
      ['English', 'Español', 'Русский', 'עברית', 'العربية', '中文'],
    );
    assert.deepEqual(Object.keys(STRING_TABLES).sort(), [...UI_LANGUAGES].sort(), 'one choice per string table');
  });

  it("names each language in VS Code's display language too, but not twice", () => {
    const inEnglish = uiLanguageChoices('auto', 'en');
    assert.equal(inEnglish.find((c) => c.setting === 'he')!.nameInDisplayLanguage, 'Hebrew');
    assert.equal(inEnglish.find((c) => c.setting === 'en')!.nameInDisplayLanguage, '', 'English in English: once');
    const inSpanish = uiLanguageChoices('auto', 'es');
    assert.equal(inSpanish.find((c) => c.setting === 'es')!.nameInDisplayLanguage, '', 'español = Español');
    assert.equal(inSpanish.find((c) => c.setting === 'ru')!.nameInDisplayLanguage, 'ruso');
    assert.doesNotThrow(() => uiLanguageChoices('auto', 'not a tag!'), 'a display language Intl does not know');
  });

  it('marks the current value, and says what auto speaks now', () => {
    assert.deepEqual(
      uiLanguageChoices('he', 'en')
        .filter((c) => c.current)
        .map((c) => c.setting),
      ['he'],
    );
    assert.deepEqual(
      uiLanguageChoices('auto', 'zh-cn')
        .filter((c) => c.current)
        .map((c) => c.setting),
      ['auto'],
    );
    assert.equal(uiLanguageChoices('auto', 'zh-cn')[0]!.speaks, 'zh');
    assert.equal(uiLanguageChoices('auto', 'pt-br')[0]!.speaks, 'en', 'no translation: English');
  });

  it('reads a value outside the enum as auto, and writes auto as no value', () => {
    assert.equal(normaliseUiLanguageSetting('fr'), 'auto');
    assert.equal(normaliseUiLanguageSetting(undefined), 'auto');
    assert.equal(normaliseUiLanguageSetting('ar'), 'ar');
    assert.equal(settingValue('auto'), undefined);
    assert.equal(settingValue('ru'), 'ru');
  });

  it('agrees with the setting package.json contributes', () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { enum: string[]; enumDescriptions: string[] }> } };
    };
    const setting = manifest.contributes.configuration.properties['langlens.annotation.uiLanguage']!;
    assert.deepEqual(
      setting.enum,
      uiLanguageChoices('auto', 'en').map((c) => c.setting),
    );
    for (const language of UI_LANGUAGES)
      assert.ok(
        setting.enumDescriptions[setting.enum.indexOf(language)]!.startsWith(UI_LANGUAGE_NAMES[language]),
        `${language}: the same own name in the settings editor`,
      );
  });
});
