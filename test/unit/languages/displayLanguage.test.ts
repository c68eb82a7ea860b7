// Languages' names and numbers in VS Code's display language (src/extension/displayLanguage.ts over
// shared/protocol/locale.ts): the expected strings are CLDR's, written out here, not computed with Intl.
import { strict as assert } from 'node:assert';
import { displayLanguage, ENGLISH_DISPLAY } from '../../../src/extension/displayLanguage';
import { ENGLISH, type Localiser } from '../../../src/extension/localiser';
import {
  chartNumberLocale,
  formatNumber,
  formatPercent,
  formatTime,
  intlLocale,
  languageName,
} from '../../../shared/protocol/locale';
import { estimateFields, languageLabel } from '../../../src/core/charts/datum';
import { editorStyle } from '../../../src/extension/charts/chartsView';
import { PAPER_PALETTE, PAPER_STYLE, type ChartStyle } from '../../../src/core/charts/style';

interface VegaLocales {
  locale(number: object): { format(specifier: string): (value: number) => string };
}

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

  it("writes the marks' figures in the display language in the editor, as the tables do on paper", () => {
    const cell = { value: 0.5, n: 24, lower: 0.4125, upper: 0.5875 };
    const percent = { key: 'withTie', label: 'Agree %', kind: 'percent' } as const;
    const theme = { kind: 'light', font: 'sans-serif', fontSize: 12, ...PAPER_PALETTE } as const;
    const spanish = editorStyle(theme, displayLanguage('es', SPANISH_WORDS));
    const inSpanish = estimateFields(cell, percent, spanish);
    assert.equal(inSpanish.valueText, '50,0');
    assert.equal(inSpanish.intervalText, '[41,3, 58,8]');
    assert.equal(inSpanish.value, 0.5, 'the figure itself is unchanged');
    const onPaper = estimateFields(cell, percent, PAPER_STYLE);
    assert.equal(onPaper.valueText, '50.0');
    assert.equal(onPaper.intervalText, '[41.3, 58.8]');
    assert.equal(estimateFields(cell, percent, editorStyle(theme)).valueText, '50.0', 'English in an English editor');
    const kappa = { key: 'kappa', label: 'κ', kind: 'coefficient' } as const;
    assert.equal(estimateFields({ value: NaN, n: 0 }, kappa, spanish).valueText, '–', 'undefined stays a dash');
  });

  // Vega is an ES module with top-level await: imported, as the core's renderer does, not required.
  const vega = () => import('vega');

  it("gives charts the display language's numbers: decimal mark, grouping, percent sign and digits", async () => {
    // vega.locale makes one; vega.formatLocale would replace Vega's default, which the exports are drawn in.
    // (vega.locale is missing from Vega's type declarations.)
    const { locale: vegaLocale } = (await vega()) as unknown as VegaLocales;
    const format = (locale: string, specifier: string, value: number) =>
      vegaLocale(chartNumberLocale(locale)).format(specifier)(value);
    assert.equal(format('es', ',.2f', 12345.5), '12.345,50');
    assert.equal(format('es', '.0%', 0.5), `50${NBSP}%`);
    assert.equal(format('ru', ',.1f', -1234.5), `-1${NBSP}234,5`);
    assert.equal(format('en', ',.1f', 1234.5), '1,234.5');
    assert.equal(format('hi', ',d', 1234567), '12,34,567', "India's groups of two above the thousands");
    assert.equal(format('fa', '.1f', 0.5), '۰٫۵', 'Persian digits and decimal mark');
    assert.equal(format('tr', '.0%', 0.5), '50%', "Turkish writes %50: d3 has only a suffix, so it stays '%'");
  });

  it("draws a chart's axis ticks in the locale Vega's view is given", async () => {
    const spec = {
      width: 100,
      height: 20,
      scales: [{ name: 'x', type: 'linear', domain: [0, 1], range: 'width' }],
      axes: [{ orient: 'bottom', scale: 'x', values: [0.5, 1], format: '.1f' }],
    };
    const { parse, View } = await vega();
    const ticks = async (locale?: string) => {
      // A fresh copy each time: Vega's parse keeps what it compiled on the specification it is given.
      const view = new View(parse(structuredClone(spec) as never), {
        renderer: 'none',
        ...(locale ? { locale: { number: chartNumberLocale(locale) } } : {}),
      } as never);
      const svg = await view.toSVG();
      view.finalize();
      return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    };
    assert.deepEqual(await ticks('es'), ['0,5', '1,0']);
    assert.deepEqual(await ticks(), ['0.5', '1.0'], 'without a locale (the exports): English');
  });

  it('writes a time of day as the display language does, with its seconds', () => {
    const moment = new Date(2026, 11, 6, 23, 41, 7).getTime();
    assert.equal(formatTime('es', moment), '23:41:07');
    assert.equal(formatTime('de', moment), '23:41:07');
    assert.match(formatTime('en', moment), /^11:41:07\sPM$/u);
    assert.equal(formatTime('zh-CN', moment), '23:41:07');
  });
});
