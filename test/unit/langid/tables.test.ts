import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { data as francData } from 'franc-all/data.js';
import { parseLanguageTag, sameLanguage, type LanguageTag } from '../../../src/core/model/language';
import {
  cutAtWordBoundary,
  evaluateIdentifier,
  francCodeToTag,
  neighboursOf,
  NEIGHBOUR_CLUSTERS,
} from '../../../src/core/langid';
import { FrancCodeIndex } from '../../../src/core/langid/iso639';
import { englishWordShare, foreignLetterShare } from '../../../src/core/langid/evidence';
import { keepScript, lettersOfScript, scriptProfile } from '../../../src/core/langid/scripts';
import type { Detection, LanguageIdentifier } from '../../../src/core/langid/identify';
import { loadHpltPrompts } from './hpltPrompts';

const T = (s: string): LanguageTag => parseLanguageTag(s)!;
const FRANC_CODES = [...new Set(Object.values(francData).flatMap((models) => Object.keys(models)))];
// franc-all also answers these from its script expressions alone (one language per script, no trigram model).
const SCRIPT_ONLY_CODES = [
  'cmn',
  'ben',
  'jpn',
  'kor',
  'tel',
  'tam',
  'guj',
  'kan',
  'mal',
  'pan',
  'tha',
  'sin',
  'ell',
  'khm',
  'hye',
  'kat',
  'lao',
  'div',
];

describe('langid tables', function () {
  describe('ISO 639-3 → BCP-47', function () {
    it("maps every franc-all code to its ISO 639-1 code, its macrolanguage's, or itself", function () {
      // test/fixtures/langid/generate.py: the 639-1 codes from Debian's iso-codes, the macrolanguage members by hand.
      const iso639 = JSON.parse(
        readFileSync(path.join(__dirname, '../../fixtures/langid/iso639.json'), 'utf8'),
      ) as Record<string, string>;
      for (const code of [...FRANC_CODES, ...SCRIPT_ONLY_CODES]) {
        assert.equal(francCodeToTag(code), code === 'ckb' ? 'ckb' : (iso639[code] ?? code), code);
      }
    });

    it('uses the two-letter code where one exists, the 639-3 code otherwise', function () {
      const expected: Record<string, string> = {
        eng: 'en',
        spa: 'es',
        rus: 'ru',
        bul: 'bg',
        ces: 'cs',
        slk: 'sk',
        fin: 'fi',
        fra: 'fr',
        hin: 'hi',
        mar: 'mr',
        npi: 'ne',
        ben: 'bn',
        cmn: 'zh',
        jpn: 'ja',
        kor: 'ko',
        arb: 'ar',
        pes: 'fa',
        urd: 'ur',
        heb: 'he',
        ydd: 'yi',
        nob: 'nb',
        nno: 'nn',
        dan: 'da',
        swe: 'sv',
        cat: 'ca',
        glg: 'gl',
        por: 'pt',
        ind: 'id',
        zlm: 'ms',
        ukr: 'uk',
        mkd: 'mk',
        srp: 'sr',
        ekk: 'et',
        lvs: 'lv',
        swh: 'sw',
        uzn: 'uz',
        azj: 'az',
        als: 'sq',
        quz: 'qu',
        sco: 'sco',
        ast: 'ast',
        ceb: 'ceb',
        ckb: 'ckb',
        pnb: 'pnb',
        cnr: 'cnr',
      };
      for (const [code, tag] of Object.entries(expected)) assert.equal(francCodeToTag(code), tag, code);
    });

    it('finds franc codes from any spelling of a language', function () {
      const index = new FrancCodeIndex(FRANC_CODES);
      assert.deepEqual([...index.codesFor(T('no'))].sort(), ['nno', 'nob']);
      assert.deepEqual([...index.codesFor(T('nb'))].sort(), ['nno', 'nob']);
      assert.deepEqual([...index.codesFor(T('fa-IR'))].sort(), ['pes', 'prs']);
      assert.deepEqual([...index.codesFor(T('sr-Latn'))], ['srp']);
      assert.deepEqual([...index.codesFor(T('fil'))], []);
    });
  });

  describe('neighbours', function () {
    it('are symmetric and never the language itself', function () {
      for (const cluster of NEIGHBOUR_CLUSTERS) {
        for (const a of cluster) {
          const na = neighboursOf(T(a));
          assert.ok(!na.some((n) => sameLanguage(n, T(a))), a);
          for (const b of cluster)
            if (a !== b)
              assert.ok(
                neighboursOf(T(b)).some((n) => sameLanguage(n, T(a))),
                `${a} ~ ${b}`,
              );
        }
      }
    });

    it('contain the confusable sets of the issue', function () {
      const has = (a: string, ...bs: string[]) =>
        bs.every((b) => neighboursOf(T(a)).some((n) => sameLanguage(n, T(b))));
      assert.ok(has('nb', 'da', 'sv'));
      assert.ok(has('bg', 'ru', 'uk', 'mk', 'sr'));
      assert.ok(has('es', 'ca', 'gl', 'pt'));
      assert.ok(has('cs', 'sk'));
      assert.ok(has('hi', 'mr', 'ne'));
      assert.ok(has('id', 'ms'));
      assert.ok(has('zh', 'ja'));
      assert.deepEqual(neighboursOf(T('en')), []);
    });
  });

  describe('scripts and evidence', function () {
    it('finds the dominant script, weighting ideographs against Latin letters', function () {
      assert.equal(scriptProfile('用 Python 写一个快速排序函数').script, 'Hani');
      assert.equal(scriptProfile('Ein Satz mit einem Wort 日本').script, 'Latn');
      assert.equal(scriptProfile('これはペンです').script, 'Jpan');
      assert.equal(scriptProfile('中华人民共和国').script, 'Hani');
      assert.equal(scriptProfile('123 !!!').script, 'Zyyy');
    });

    it('keeps one script and its letters', function () {
      assert.equal(keepScript('Привет hello мир', 'Cyrl'), 'Привет       мир');
      assert.deepEqual(lettersOfScript('Ёж!', 'Cyrl'), ['ё', 'ж']);
    });

    it('measures letters foreign to an alphabet and English function words', function () {
      assert.equal(foreignLetterShare(Array.from('мы'), T('bg')), 0.5);
      assert.equal(foreignLetterShare(Array.from('мы'), T('ru')), 0);
      assert.equal(foreignLetterShare(Array.from('abc'), T('xx')), 0);
      assert.equal(englishWordShare('what is this'), 2 / 3);
      assert.equal(englishWordShare('hva er dette'), 0);
    });
  });

  describe('evaluation', function () {
    it('cuts at a word boundary, at the character in scripts without spaces, and keeps short texts whole', function () {
      assert.equal(cutAtWordBoundary('The quick brown fox', 12), 'The quick');
      assert.equal(cutAtWordBoundary('The quick brown fox', 10), 'The quick');
      assert.equal(cutAtWordBoundary('The quick brown fox', 100), 'The quick brown fox');
      assert.equal(cutAtWordBoundary('请解释一下机器学习', 4), '请解释一');
      assert.equal(cutAtWordBoundary('Supercalifragilistic', 5), 'Super');
    });

    it('counts accuracy among determined answers and coverage', function () {
      const answers: Record<string, string> = { a: 'en', b: 'und', c: 'fr', d: 'es' };
      const fake: LanguageIdentifier = {
        candidates: [],
        unsupported: [],
        detect: (text) =>
          ({
            lang: T(answers[text]!),
            confidence: 1,
            script: 'Latn',
            method: 'model',
            letters: 1,
            candidates: [],
          }) as Detection,
      };
      const result = evaluateIdentifier(
        fake,
        [
          { lang: T('en'), id: '1', text: 'a' },
          { lang: T('en'), id: '2', text: 'b' },
          { lang: T('es'), id: '3', text: 'c' },
          { lang: T('es'), id: '4', text: 'd' },
        ],
        [10],
      );
      assert.deepEqual(
        result.rows.map((r) => [r.lang, r.n, r.determined, r.correct]),
        [
          ['en', 2, 1, 1],
          ['es', 2, 2, 1],
        ],
      );
      assert.deepEqual(result.overall.get(10), { n: 4, determined: 3, correct: 2, accuracy: 2 / 3, coverage: 3 / 4 });
      assert.equal(result.errors.length, 1);
    });

    it('loads nothing, without failing, when the shared data is absent', function () {
      assert.equal(loadHpltPrompts(path.join(__dirname, 'no-such-directory')), undefined);
    });
  });
});
