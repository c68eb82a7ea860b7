// The failure classes of issue 16, with answers written for them: close languages in one run, prose followed by
// English names and titles, letters that decide (ы, kana), CJK next to another script, mixed answers.
import * as assert from 'node:assert/strict';
import { createLanguageIdentifier, MIXED } from '../../../src/core/langid';
import {
  languageKey,
  parseLanguageTag,
  sameLanguage,
  UNDETERMINED,
  type LanguageTag,
} from '../../../src/core/model/language';
import { CLOSE_TEXTS, HINDI_THEN_ENGLISH } from './closeLanguages';
import { loadHpltPrompts } from './hpltPrompts';

const T = (s: string): LanguageTag => parseLanguageTag(s)!;
const langs = (...tags: string[]) => tags.map(T);

const GERMAN_WITH_TITLES =
  'Hier sind einige der bekanntesten Lieder der Beatles:\n\n1. "Yesterday" – eine ruhige Ballade von Paul McCartney\n' +
  '2. "Let It Be"\n3. "Here Comes the Sun"\n4. "While My Guitar Gently Weeps"\n5. Hey Jude\n6. Come Together\n' +
  '7. Strawberry Fields Forever\n\nDie meisten dieser Songs stammen aus den späten Sechzigerjahren.';
const ICELANDIC_WITH_MUSICALS =
  'Nokkrir af vinsælustu söngleikjum allra tíma eru:\n- The Phantom of the Opera\n- Les Misérables\n- Cats\n' +
  '- The Lion King\n- Wicked\n- Chicago\n- Mamma Mia!\nFlestir þeirra hafa verið sýndir á Broadway og í West End í mörg ár.';
const GREEK_WITH_NAMES =
  'Μερικές από τις καλύτερες ταινίες επιστημονικής φαντασίας είναι το Blade Runner, το The Matrix, το Star Wars και ' +
  'το A Space Odyssey. Ο Ridley Scott και ο Stanley Kubrick θεωρούνται από τους σημαντικότερους σκηνοθέτες του είδους.';
const CHINESE_WITH_NAMES =
  '我最喜欢的几部电影是The Shawshank Redemption、The Godfather和Pulp Fiction。导演Quentin Tarantino和Francis Ford Coppola都非常有名。';
const GREEK_WITH_JAPANESE =
  'Η ιαπωνική ποίηση χαϊκού έχει τρεις στίχους με πέντε, επτά και πέντε συλλαβές. Ένα από τα πιο γνωστά χαϊκού ' +
  'είναι του Μπασό:\n\n古池や\n蛙飛び込む\n水の音\n\nΣε ελεύθερη μετάφραση: «Μια παλιά λίμνη, ένας βάτραχος πηδά, ο ήχος ' +
  'του νερού». Το ποίημα δείχνει πώς μια απλή στιγμή μπορεί να γίνει τέχνη.';
const JAPANESE = [
  '東京は日本の首都であり、政治・経済・文化の中心地です。人口は約1400万人で、世界有数の大都市圏を形成しています。',
  '機械学習モデルの評価指標として、精度、再現率、F1値が一般的に使用される。',
  '## 回答\n\n量子コンピュータは、量子ビットを利用して計算を行う装置である。従来の計算機では困難な問題を高速に解く可能性がある。',
];
const BULGARIAN_THEN_RUSSIAN =
  'София е столицата и най-големият град на България. Тя се намира в подножието на планината Витоша и има история, ' +
  'която започва преди повече от две хиляди години. Градът е важен културен и икономически център на страната.\n\n' +
  'Москва является столицей России и одним из крупнейших городов мира. Здесь находятся Кремль, Красная площадь и ' +
  'множество музеев и театров. Город был основан в двенадцатом веке и с тех пор постоянно растёт.';

describe('langid failure classes (issue 16)', function () {
  it('tells Danish, Norwegian (Bokmål and Nynorsk) and Swedish apart in a run that holds all three', function () {
    const id = createLanguageIdentifier({ languages: langs('da', 'no', 'sv') });
    const nordic = CLOSE_TEXTS.filter((t) => ['da', 'nb', 'nn', 'sv'].includes(t.lang));
    const results = nordic.map((t) => ({ t, d: id.detect(t.text) }));
    const wrong = results.filter(({ t, d }) => d.lang !== UNDETERMINED && !sameLanguage(d.lang, T(t.lang)));
    assert.deepEqual(
      wrong.map(({ t, d }) => `${t.lang}→${d.lang}`),
      [],
    );
    // Every long answer decided, and at most one short one left undetermined.
    const und = results.filter(({ d }) => d.lang === UNDETERMINED);
    assert.ok(und.length <= 1, und.map(({ t }) => t.text).join('\n'));
    for (const { t, d } of results.filter(({ t }) => t.text.length > 200))
      assert.ok(sameLanguage(d.lang, T(t.lang)), `${t.lang}: ${d.lang}`);
  });

  it('decides each close group with its words: es/ca/gl/pt, bg/ru/uk/sr/mk, hi/mr/ne, id/ms, hr/sr/bs/sl, cs/sk', function () {
    const groups = [
      ['es', 'ca', 'gl', 'pt'],
      ['bg', 'ru', 'uk', 'sr', 'mk'],
      ['hi', 'mr', 'ne'],
      ['id', 'ms'],
      ['hr', 'sr', 'bs', 'sl'],
      ['cs', 'sk'],
    ];
    for (const group of groups) {
      const id = createLanguageIdentifier({ languages: langs(...group) });
      const script = group.includes('bg')
        ? /\p{Script=Cyrillic}/u
        : group.includes('hi')
          ? /\p{Script=Devanagari}/u
          : /\p{Script=Latin}/u;
      for (const t of CLOSE_TEXTS.filter((x) => group.includes(x.lang) && script.test(x.text))) {
        const d = id.detect(t.text);
        if (t.text.length > 200)
          assert.equal(
            languageKey(d.lang),
            t.lang,
            `${group.join('/')}: ${t.text.slice(0, 50)} → ${JSON.stringify(d.candidates.slice(0, 3))}`,
          );
        else assert.ok(d.lang === UNDETERMINED || sameLanguage(d.lang, T(t.lang)), `${t.lang} → ${d.lang}: ${t.text}`);
      }
    }
  });

  it('keeps "und" at 5% or less of the answers over 50 characters in a run of all these languages', function () {
    const all = [...new Set(CLOSE_TEXTS.map((t) => languageKey(T(t.lang))))].map(T);
    const id = createLanguageIdentifier({ languages: [...all, ...langs('en', 'de', 'is', 'el', 'zh', 'ja')] });
    const texts = [
      ...CLOSE_TEXTS.map((t) => t.text),
      GERMAN_WITH_TITLES,
      ICELANDIC_WITH_MUSICALS,
      GREEK_WITH_NAMES,
      CHINESE_WITH_NAMES,
      ...JAPANESE,
    ].filter((t) => t.length > 50);
    const und = texts.filter((t) => id.detect(t).lang === UNDETERMINED);
    assert.ok(und.length / texts.length <= 0.05, `${und.length} of ${texts.length} und:\n${und.join('\n')}`);
  });

  it('detects the language of the running text, not of the English titles and names it lists', function () {
    assert.equal(createLanguageIdentifier({ languages: langs('de') }).detect(GERMAN_WITH_TITLES).lang, 'de');
    assert.equal(createLanguageIdentifier({ languages: langs('is') }).detect(ICELANDIC_WITH_MUSICALS).lang, 'is');
    const greek = createLanguageIdentifier({ languages: langs('el') }).detect(GREEK_WITH_NAMES);
    assert.equal(greek.lang, 'el', JSON.stringify(greek));
    assert.equal(createLanguageIdentifier({ languages: langs('zh') }).detect(CHINESE_WITH_NAMES).lang, 'zh');
  });

  it('calls a plain Russian sentence with ы Russian in a Bulgarian run, decisively', function () {
    for (const run of [langs('bg'), langs('bg', 'ru')]) {
      const d = createLanguageIdentifier({ languages: run }).detect('Мы были очень рады вас видеть.');
      assert.equal(d.lang, 'ru', JSON.stringify(d));
      assert.ok(d.confidence > 0.9, `confidence ${d.confidence}`);
    }
    // Ukrainian letters decide against Russian the same way.
    assert.equal(
      createLanguageIdentifier({ languages: langs('ru') }).detect('Її батьки живуть у Києві вже багато років.').lang,
      'uk',
    );
  });

  it('keeps Greek prose with a few Japanese lines Greek: CJK weighs 3 letters only against Latin', function () {
    const d = createLanguageIdentifier({ languages: langs('el', 'ja') }).detect(GREEK_WITH_JAPANESE);
    assert.equal(d.lang, 'el', JSON.stringify(d));
  });

  it('calls Japanese with kana Japanese, also in a run with Chinese', function () {
    const id = createLanguageIdentifier({ languages: langs('zh', 'ja') });
    for (const text of JAPANESE) assert.equal(id.detect(text).lang, 'ja', text);
    assert.equal(id.detect('我最喜欢的季节是秋天，因为天气凉爽，风景也很美。').lang, 'zh');
  });

  it('answers "mul" with each language\'s share for Hindi that continues in English and a Bulgarian/Russian answer', function () {
    const hindi = createLanguageIdentifier({ languages: langs('hi') }).detect(HINDI_THEN_ENGLISH);
    assert.equal(hindi.lang, MIXED, JSON.stringify(hindi));
    assert.deepEqual(hindi.parts?.map((p) => p.lang).sort(), ['en', 'hi']);
    for (const p of hindi.parts!) assert.ok(p.share >= 0.25 && p.share <= 0.75, JSON.stringify(hindi.parts));
    const halves = createLanguageIdentifier({ languages: langs('bg', 'ru') }).detect(BULGARIAN_THEN_RUSSIAN);
    assert.equal(halves.lang, MIXED, JSON.stringify(halves));
    assert.deepEqual(halves.parts?.map((p) => p.lang).sort(), ['bg', 'ru']);
  });

  it('never answers "mul" for long answers in one language (hplt prompts joined into 1,500 characters)', function () {
    const data = loadHpltPrompts();
    if (!data) this.skip();
    const languages = [...new Set(data!.samples.map((s) => s.lang))];
    const id = createLanguageIdentifier({ languages });
    let wrong = 0;
    let n = 0;
    for (const lang of languages) {
      const prompts = data!.samples.filter((s) => s.lang === lang).map((s) => s.text);
      for (let i = 0; i < prompts.length; i += 5) {
        let text = '';
        for (let j = i; text.length < 1500; j++) text += `${j % 3 === 0 ? '\n\n' : ' '}${prompts[j % prompts.length]}`;
        const d = id.detect(text.slice(0, 1500));
        n++;
        assert.notEqual(d.lang, MIXED, `${lang}: ${JSON.stringify(d.parts)}`);
        if (!sameLanguage(d.lang, lang)) wrong++;
      }
    }
    assert.ok(wrong / n <= 0.01, `${wrong} of ${n} wrong or und`);
  });
});
