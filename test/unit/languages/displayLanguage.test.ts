// Languages' names and numbers in VS Code's display language (src/extension/displayLanguage.ts over
// shared/protocol/locale.ts): the expected strings are CLDR's, written out here, not computed with Intl.
import { strict as assert } from 'node:assert';
import { displayLanguage, ENGLISH_DISPLAY } from '../../../src/extension/displayLanguage';
import { ENGLISH, type Localiser } from '../../../src/extension/localiser';
import { formatNumber, formatPercent, intlLocale, languageName } from '../../../shared/protocol/locale';
import { languageLabel } from '../../../src/core/charts/datum';
import { PAPER_STYLE, type ChartStyle } from '../../../src/core/charts/style';

const SPANISH_WORDS: Localiser = { t: (m) => (m === 'undetermined' ? 'indeterminado' : m) };
const NBSP = '\u00a0';

describe('display language: names and numbers in the editor', () => {
  it("maps VS Code's locale ids to tags Intl formats in, English when it has none", () => {
    assert.equal(intlLocale('es'), 'es');
    assert.equal(intlLocale('zh-cn'), 'zh-CN');
    assert.equal(intlLocale('zh-tw'), 'zh-TW');
    assert.equal(intlLocale('pt-br'), 'pt-BR');
    assert.equal(intlLocale('pt_BR'), 'pt-BR');
    assert.equal(intlLocale('EN'), 'en');
    assert.equal(intlLocale('qps-ploc'), 'en', "VS Code's pseudo-locale");
    assert.equal(intlLocale(''), 'en');
    assert.equal(intlLocale('not a tag!'), 'en');
  });

  it('names languages in the display language', () => {
    const es = displayLanguage('es', SPANISH_WORDS);
    assert.equal(es.language('de').name, 'alemán');
    assert.equal(es.language('he').name, 'hebreo');
    assert.deepEqual(es.language('he'), { tag: 'he', name: 'hebreo', rtl: true });
    assert.equal(displayLanguage('he', ENGLISH).language('en').name, 'אנגלית');
    assert.equal(displayLanguage('he', ENGLISH).language('he').name, 'עברית');
    assert.equal(displayLanguage('ar', ENGLISH).language('en').name, 'الإنجليزية');
    assert.equal(displayLanguage('zh-cn', ENGLISH).language('de').name, '德语');
    assert.equal(displayLanguage('ru', ENGLISH).language('de').name, 'немецкий');
    assert.equal(displayLanguage('pt-br', ENGLISH).language('de').name, 'alemão');
  });

  it('keeps the tag the views key on, normalised, whatever the name', () => {
    const es = displayLanguage('es', SPANISH_WORDS);
    assert.deepEqual(es.language('EN_us'), { tag: 'en-US', name: 'inglés estadounidense', rtl: false });
  });

  it('says undetermined in the translated word, and shows a code it cannot name as it is', () => {
    const es = displayLanguage('es', SPANISH_WORDS);
    assert.equal(es.language('und').name, 'indeterminado', 'not ICU\'s "root"');
    assert.equal(ENGLISH_DISPLAY.language('und').name, 'undetermined');
    assert.equal(es.language('xx-foo').name, 'xx-foo', 'not the "foo" ICU makes of it');
    assert.equal(ENGLISH_DISPLAY.language('xx-foo').name, 'xx-foo');
    assert.equal(es.language('qaa').name, 'qaa');
    assert.deepEqual(es.language('not a tag'), { tag: 'not a tag', name: 'not a tag', rtl: false });
    assert.equal(languageName('es', 'und'), undefined);
    assert.equal(languageName('es', '!!'), undefined, 'never throws');
  });

  it('falls back to English names where the display language has no data', () => {
    assert.equal(displayLanguage('qps-ploc', ENGLISH).language('de').name, 'German');
    assert.equal(ENGLISH_DISPLAY.language('he').name, 'Hebrew');
  });

  it("writes numbers with the display language's decimal mark and grouping", () => {
    const es = displayLanguage('es', SPANISH_WORDS);
    assert.equal(es.number(0.5), '0,5');
    assert.equal(es.number(12345), '12.345');
    assert.equal(es.number(1234), '1234', 'Spanish groups from five digits');
    assert.equal(es.number(57.14, 1), '57,1');
    assert.equal(es.number(3, 1), '3,0', 'fixed decimals, as toFixed');
    assert.equal(es.percent(0.5714, 1), `57,1${NBSP}%`);
    assert.equal(ENGLISH_DISPLAY.number(1234567), '1,234,567');
    assert.equal(ENGLISH_DISPLAY.number(57.14, 1), '57.1');
    assert.equal(ENGLISH_DISPLAY.percent(0.5714, 1), '57.1%');
    assert.equal(displayLanguage('ru', ENGLISH).number(12345.5), `12${NBSP}345,5`);
    assert.equal(displayLanguage('zh-cn', ENGLISH).number(12345.5), '12,345.5');
    assert.equal(formatNumber('de', 0.25, 2), '0,25');
    assert.equal(formatPercent('he', 0.25, 0), '25%');
  });

  it("names the charts' languages in the display language in the editor, never on paper", () => {
    const editor: ChartStyle = { ...PAPER_STYLE, target: 'editor', labels: 'names' };
    const es = displayLanguage('es', SPANISH_WORDS);
    assert.equal(languageLabel('de', editor), 'German Deutsch', 'English without a display language');
    assert.equal(languageLabel('de', { ...editor, languageName: (tag) => es.language(tag).name }), 'alemán Deutsch');
    assert.equal(languageLabel('es', { ...editor, languageName: (tag) => es.language(tag).name }), 'español');
    assert.equal(languageLabel('de', { ...PAPER_STYLE, languageName: (tag) => es.language(tag).name }), 'de');
  });
});
