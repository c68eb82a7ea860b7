import * as assert from 'node:assert/strict';
import { parseLanguageTag, sameLanguage, UNDETERMINED, type LanguageTag } from '../../../src/core/model/language';
import { createLanguageIdentifier, stripNonProse } from '../../../src/core/langid';

const T = (s: string): LanguageTag => parseLanguageTag(s)!;
const langs = (...tags: string[]) => tags.map(T);

describe('langid safeguards', function () {
  describe('stripNonProse', function () {
    it('drops fenced code blocks, also unterminated ones', function () {
      const text =
        'Aquí tienes el código:\n\n```python\ndef hello_world():\n    print("Hello, world")\n```\n\nEspero que te sirva.\n~~~\nconst x = 1;';
      assert.equal(stripNonProse(text), 'Aquí tienes el código Espero que te sirva');
    });

    it('drops inline code, URLs, e-mail addresses, HTML and Markdown markup, math and numbers', function () {
      const text =
        '## Título\nLlama a `fetch(url)` desde <b>tu</b> script, mira https://example.com/a?b=1 o www.example.org, ' +
        'escribe a ana.perez@example.com, ver [la guía](https://docs.example.com/x) y ![figura](img.png). ' +
        'Son 3.14 o 1,000 km en 2024; $$x^2$$ y \\(y\\) &amp; os.path.join y snake_case.';
      assert.equal(
        stripNonProse(text),
        'Título Llama a desde tu script mira o escribe a ver la guía y Son o km en y y',
      );
    });

    it('keeps apostrophes and hyphens inside words', function () {
      assert.equal(stripNonProse("l'homme d'État, well-known — 'quoted'"), "l'homme d'État well-known quoted");
    });
  });

  describe('detection', function () {
    it('detects a Spanish answer wrapped around code as Spanish, not as the code', function () {
      const id = createLanguageIdentifier({ languages: langs('es') });
      const answer =
        'Claro, aquí tienes una función que calcula el factorial de un número de forma recursiva:\n\n' +
        '```javascript\nfunction factorial(n) {\n  // return the factorial of n\n  if (n <= 1) return 1;\n  return n * factorial(n - 1);\n}\n```\n\n' +
        'Puedes probarla en https://jsfiddle.net/ y llamarla con `factorial(5)`, que devuelve 120.';
      const d = id.detect(answer);
      assert.equal(d.lang, 'es', JSON.stringify(d));
    });

    it('gives "und" for an answer that is only code and links', function () {
      const id = createLanguageIdentifier({ languages: langs('en', 'es') });
      const d = id.detect('```python\nfor item in items:\n    print(item)\n```\nhttps://docs.python.org/3/tutorial/');
      assert.equal(d.lang, UNDETERMINED);
      assert.equal(d.reason, 'no-letters');
    });

    it('detects Hebrew, Arabic, Chinese, Japanese and Korean by their script, whatever the run languages', function () {
      const id = createLanguageIdentifier({ languages: langs('en', 'es') });
      const cases: [string, string, string][] = [
        ['he', 'Hebr', 'השפה העברית היא שפה שמית שמדוברת בישראל על ידי מיליוני אנשים.'],
        ['ar', 'Arab', 'اللغة العربية هي إحدى أكثر اللغات انتشارا في العالم، ويتحدث بها أكثر من أربعمائة مليون شخص.'],
        ['zh', 'Hani', '请解释一下机器学习和深度学习之间的区别。'],
        ['ja', 'Jpan', '機械学習と深層学習の違いを説明してください。'],
        ['ko', 'Hang', '기계 학습과 딥러닝의 차이점을 설명해 주세요.'],
      ];
      for (const [lang, script, text] of cases) {
        const d = id.detect(text);
        assert.equal(d.lang, lang, `${lang}: ${JSON.stringify(d)}`);
        assert.equal(d.script, script);
      }
    });

    it('calls Bengali script Assamese only when Assamese letters occur', function () {
      const id = createLanguageIdentifier({ languages: langs('bn') });
      assert.equal(id.detect('আমি বাংলায় কথা বলতে ভালোবাসি এবং প্রতিদিন বই পড়ি।').lang, 'bn');
      assert.equal(id.detect('মই অসমীয়া ভাষাত কথা পাতিবলৈ ভাল পাওঁ আৰু প্ৰতিদিনে কিতাপ পঢ়োঁ।').lang, 'as');
    });

    it('tells Persian from Arabic by the model and the alphabet', function () {
      const id = createLanguageIdentifier({ languages: langs('ar', 'fa') });
      const d = id.detect(
        'زبان فارسی یکی از زبان‌های هندواروپایی است که در ایران، افغانستان و تاجیکستان به آن سخن می‌گویند.',
      );
      assert.equal(d.lang, 'fa', JSON.stringify(d));
      assert.equal(d.method, 'model');
    });

    it('Hebrew script is Yiddish only when Yiddish is a candidate and the model says so', function () {
      const yiddish = 'דער ייִדישער שרײַבער האָט געשריבן אַ סך ביכער וועגן דעם לעבן אין די שטעטלעך פֿון מיזרח־אייראָפּע.';
      assert.equal(createLanguageIdentifier({ languages: langs('he') }).detect(yiddish).lang, 'he');
      assert.equal(createLanguageIdentifier({ languages: langs('he', 'yi') }).detect(yiddish).lang, 'yi');
    });

    it('restricts Cyrillic text to Cyrillic candidates and uses the letters only Russian has', function () {
      const id = createLanguageIdentifier({ languages: langs('bg', 'en') });
      const d = id.detect('Мы были очень рады, что вы смогли приехать к нам этим летом, и надеемся увидеть вас снова.');
      assert.equal(d.script, 'Cyrl');
      assert.equal(d.lang, 'ru', JSON.stringify(d));
      assert.ok(
        d.candidates.every((c) => ['bg', 'ru', 'uk', 'mk', 'sr', 'be'].includes(c.lang)),
        JSON.stringify(d.candidates),
      );
    });

    it('tells Hindi from Marathi in Devanagari', function () {
      const id = createLanguageIdentifier({ languages: langs('hi') });
      assert.equal(id.detect('मुझे बताइए कि कृत्रिम बुद्धिमत्ता हमारे दैनिक जीवन को किस तरह से प्रभावित कर रही है।').lang, 'hi');
    });

    it('answers "und" with reason "too-short" for a 20-letter text', function () {
      const id = createLanguageIdentifier({ languages: langs('en', 'es', 'fr') });
      const d = id.detect('Sure, here is your answer.');
      assert.equal(d.letters, 20);
      assert.equal(d.lang, UNDETERMINED);
      assert.equal(d.reason, 'too-short');
      assert.equal(d.confidence, 0);
      assert.equal(d.candidates[0]?.lang, 'en', 'the best guess is still reported');
    });

    it('answers "und" for letters of a script it does not know', function () {
      const d = createLanguageIdentifier({ languages: langs('en') }).detect('ᚠᚢᚦᚨᚱᚲ ᚷᚹᚺᚾᛁᛃ ᛇᛈᛉᛊᛏᛒ');
      assert.equal(d.lang, UNDETERMINED);
      assert.equal(d.reason, 'unsupported-script');
      assert.equal(d.script, 'Zzzz');
    });

    it('Norwegian: franc says nb (or nn), the run says no, and they are the same language', function () {
      const id = createLanguageIdentifier({ languages: langs('no', 'en') });
      const d = id.detect(
        'Kan du forklare meg hvordan vikingene levde, hva de spiste og hvordan de bygde skipene sine?',
      );
      assert.ok(['nb', 'nn'].includes(d.lang), JSON.stringify(d));
      assert.ok(sameLanguage(d.lang, T('no')));
      assert.ok(sameLanguage(d.lang, T('nb')));
    });

    it('detects an English answer to a Spanish prompt as English', function () {
      const id = createLanguageIdentifier({ languages: langs('es') });
      const d = id.detect(
        'Sure! Here are three tips to improve your sleep: keep a regular schedule, avoid screens before bed, and make ' +
          'sure your bedroom is dark and quiet.',
      );
      assert.equal(d.lang, 'en', JSON.stringify(d));
      assert.ok(d.confidence > 0.9, `confidence ${d.confidence}`);
    });

    it('reports the candidate set once, with neighbours, and run languages franc cannot produce', function () {
      const id = createLanguageIdentifier({ languages: langs('es', 'fil') });
      for (const l of ['es', 'ca', 'gl', 'pt', 'en', 'zh', 'ja', 'ko', 'he', 'ru', 'ar']) {
        assert.ok(
          id.candidates.some((c) => sameLanguage(c, T(l))),
          `${l} in ${id.candidates.join(' ')}`,
        );
      }
      assert.deepEqual(id.unsupported, ['fil']);
    });
  });
});
