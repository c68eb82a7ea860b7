// The language-identification pipeline on a real database: detection once per response (and again only when the
// text changed, or when asked to redo another detector's work), a human language label or flag winning over the
// detector, and what each response's language means against its prompt's.
import { strict as assert } from 'node:assert';
import { detectResponseLanguages, effectiveLanguages, languageOutcome, runDetector } from '../../../src/core/languages';
import { ioAgreement, likertMeans } from '../../../src/core/metrics/scores';
import { connectionOf } from '../../../src/core/store/connection';
import { appendLanguageFlag } from '../../../src/core/store/annotation';
import { pointwiseScores } from '../../../src/core/store/scoreQueries';
import { parseLanguageTag, type LanguageTag } from '../../../src/core/model/language';
import { requireSharedData } from '../../support/paths';
import { loadHpltPrompts } from '../langid/hpltPrompts';
import { openTestStore, only, type TestStore } from '../scores/support';

const tag = (raw: string) => parseLanguageTag(raw)!;

const TEXTS = {
  en: 'The capital of Australia is Canberra. It was chosen as a compromise between Sydney and Melbourne in 1908.',
  es: 'La capital de Australia es Canberra. Se eligió como un punto intermedio entre Sídney y Melbourne en 1908.',
  ru: 'Столица Австралии — Канберра. Её выбрали как компромисс между Сиднеем и Мельбурном в 1908 году.',
};
const CODE = '```python\ndef is_prime(n):\n    return n > 1 and all(n % d for d in range(2, n))\n```';

function response(lang: string, system: string, text: string, group = 'capital') {
  return { kind: 'response', run: 'r', group, lang, system, text };
}

describe('language identification pipeline', () => {
  let test: TestStore;

  beforeEach(async () => {
    test = await openTestStore();
    await test.importRecords('responses', [
      response('en', 'faithful', TEXTS.en),
      response('es', 'faithful', TEXTS.es),
      response('ru', 'faithful', TEXTS.ru),
      response('en', 'english', TEXTS.en),
      response('es', 'english', TEXTS.en),
      response('ru', 'english', TEXTS.en),
      response('es', 'coder', CODE),
    ]);
  });
  afterEach(async () => test?.close());

  const languageOf = async (lang: string, system: string) =>
    only(
      await effectiveLanguages(test.store, { run: 'r' }),
      (r) => r.lang === lang && r.system === system,
      `${lang} ${system}`,
    );

  it('detects every response once, with the detector, its version and the run languages stored', async () => {
    const [first] = await detectResponseLanguages(test.store);
    assert.equal(first!.detected, 7);
    assert.deepEqual(first!.undetermined, { 'no-letters': 1 });
    assert.equal(first!.detector, runDetector([tag('en'), tag('es'), tag('ru')]).name);
    assert.match(first!.detector, /^langlens-langid@\d+\+[0-9a-f]{8} franc-all@7\.2\.0 \[en,es,ru\]$/);
    const [second] = await detectResponseLanguages(test.store);
    assert.equal(second!.detected, 0, 'stored detections are not redone');
    const es = await languageOf('es', 'english');
    assert.deepEqual([es.detected, es.effective, es.source, es.outcome], ['en', 'en', 'detector', 'mismatch']);
    assert.equal(es.detector, first!.detector);
    assert.ok(es.confidence! > 0.9);
    const code = await languageOf('es', 'coder');
    assert.deepEqual([code.detected, code.reason, code.outcome], ['und', 'no-letters', 'undetermined']);
  });

  it('detects a response again after its text changed, and only that one', async () => {
    await detectResponseLanguages(test.store);
    await test.importRecords('changed', [response('es', 'english', TEXTS.es)], { onReplace: 'replace' });
    assert.equal((await languageOf('es', 'english')).outcome, 'not-detected', 'the changed text lost its detection');
    const [report] = await detectResponseLanguages(test.store);
    assert.equal(report!.detected, 1);
    assert.equal((await languageOf('es', 'english')).outcome, 'match');
  });

  it("keeps another detector's detections unless asked to redo them", async () => {
    await detectResponseLanguages(test.store);
    await connectionOf(test.store).run(`UPDATE language_detections SET detector = 'older-detector' WHERE lang = 'ru'`);
    const [kept] = await detectResponseLanguages(test.store);
    assert.deepEqual([kept!.detected, kept!.keptFromOtherDetector], [0, 1]);
    const [redone] = await detectResponseLanguages(test.store, { redetect: true });
    assert.deepEqual([redone!.detected, redone!.keptFromOtherDetector], [1, 0]);
    assert.notEqual((await languageOf('ru', 'faithful')).detector, 'older-detector');
  });

  it('lets a human language label win over the detector, the latest label of any annotator first', async () => {
    await detectResponseLanguages(test.store);
    const label = (annotator: string, language: string, at: string) => ({
      kind: 'language-label',
      run: 'r',
      group: 'capital',
      lang: 'es',
      system: 'english',
      annotator,
      language,
      labelled_at: at,
    });
    await test.importRecords('labels', [
      label('ana', 'es', '2024-01-01T00:00:00Z'),
      label('ben', 'en', '2024-01-02T00:00:00Z'),
    ]);
    const labelled = await languageOf('es', 'english');
    assert.deepEqual(
      [labelled.effective, labelled.source, labelled.annotator, labelled.humanLanguages, labelled.detected],
      ['en', 'human', 'ben', 2, 'en'],
    );
    await test.importRecords('relabel', [label('ana', 'es', '2024-01-03T00:00:00Z')]);
    const relabelled = await languageOf('es', 'english');
    assert.deepEqual([relabelled.effective, relabelled.outcome], ['es', 'match']);
    // The detector's answer is kept beside the override, and a later detection does not undo it.
    await detectResponseLanguages(test.store, { redetect: true });
    assert.deepEqual(
      [(await languageOf('es', 'english')).effective, (await languageOf('es', 'english')).detected],
      ['es', 'en'],
    );
  });

  it("counts a human's flag (not in the prompt's language) as a mismatch until it is retracted; a language label wins over it", async () => {
    await detectResponseLanguages(test.store);
    const flag = (annotator: string, flagged: boolean, at: string) =>
      appendLanguageFlag(test.store, {
        run: 'r',
        group: 'capital',
        lang: 'es',
        turn: 1,
        system: 'faithful',
        seed: 0,
        annotator,
        flagged,
        labelledAt: at,
        fingerprint: `${annotator}-${at}`,
      });
    await flag('ana', true, '2024-01-01T00:00:00Z');
    await flag('ben', true, '2024-01-01T00:00:01Z');
    await flag('ben', false, '2024-01-02T00:00:00Z'); // ben takes his flag back; ana's stands
    const flagged = await languageOf('es', 'faithful');
    assert.deepEqual(
      [flagged.source, flagged.flaggedBy, flagged.outcome, flagged.effective],
      ['flag', 'ana', 'mismatch', 'es'],
    );
    await test.importRecords('score', [
      {
        kind: 'pointwise-judgment',
        run: 'r',
        group: 'capital',
        lang: 'es',
        system: 'faithful',
        judge: 'lk',
        scale: 'likert-6',
        score: 5,
      },
    ]);
    const [likert] = likertMeans(await pointwiseScores(test.store, { scale: 'likert-6' }), {});
    assert.deepEqual([likert!.mean.value, likert!.wrongLanguage, likert!.humanLanguage], [1, 1, 1]);
    await flag('ana', false, '2024-01-03T00:00:00Z');
    assert.equal((await languageOf('es', 'faithful')).outcome, 'match');
    await flag('ana', true, '2024-01-04T00:00:00Z');
    await test.importRecords('label', [
      {
        kind: 'language-label',
        run: 'r',
        group: 'capital',
        lang: 'es',
        system: 'faithful',
        annotator: 'carla',
        language: 'es',
      },
    ]);
    const labelled = await languageOf('es', 'faithful');
    assert.deepEqual([labelled.source, labelled.outcome], ['human', 'match']);
  });

  it('reads und and zxx as no language, mul as mixed (issue 16), and compares languages by their key (nb is no)', () => {
    assert.equal(languageOutcome(tag('es'), null), 'not-detected');
    for (const none of ['und', 'zxx']) assert.equal(languageOutcome(tag('es'), tag(none)), 'undetermined');
    assert.equal(languageOutcome(tag('es'), tag('mul')), 'mixed');
    assert.equal(languageOutcome(tag('no'), tag('nb')), 'match');
    assert.equal(languageOutcome(tag('zh-Hant'), tag('zh')), 'match');
    assert.equal(languageOutcome(tag('es'), tag('pt')), 'mismatch');
  });
});

describe('input/output language agreement on hplt-prompts (native-speaker text in 11 languages)', function () {
  let test: TestStore;
  let languages: LanguageTag[];

  before(async function () {
    requireSharedData(this, 'hplt-prompts');
    test = await openTestStore();
    const { samples } = loadHpltPrompts()!;
    const english = new Map(samples.filter((s) => s.lang === 'en').map((s) => [s.id, s.text]));
    // "faithful" answers with the prompt itself; "english" answers every prompt with its English version.
    await test.importRecords(
      'hplt',
      samples.flatMap((s) => [
        { kind: 'response', run: 'hplt', group: s.id, lang: s.lang, system: 'faithful', text: s.text },
        { kind: 'response', run: 'hplt', group: s.id, lang: s.lang, system: 'english', text: english.get(s.id) ?? '' },
      ]),
    );
    languages = [...new Set(samples.map((s) => s.lang))];
    await detectResponseLanguages(test.store);
  });
  after(async () => test?.close());

  // Floors, not the detector's measured accuracy (test/unit/langid has that): here the pipeline and the figures.
  it('finds nearly every faithful answer in its language, and no English answer in another language', async () => {
    const rows = ioAgreement(await effectiveLanguages(test.store, { run: 'hplt' }), {});
    assert.equal(languages.length, 11);
    for (const lang of languages) {
      const faithful = only(rows, (r) => r.slice.lang === lang && r.system === 'faithful', `${lang} faithful`);
      assert.ok(faithful.agreement.value >= 0.95, `${lang}: ${faithful.agreement.value} of ${faithful.agreement.n}`);
      assert.ok(faithful.coverage.value >= 0.75, `${lang} coverage ${faithful.coverage.value}`);
      assert.equal(faithful.responses, faithful.agreement.n + faithful.undetermined + faithful.notDetected);
      const english = only(rows, (r) => r.slice.lang === lang && r.system === 'english', `${lang} english`);
      if (lang !== 'en')
        assert.ok(
          english.agreement.value <= 0.02,
          `${lang}: English answers counted as ${lang}: ${english.agreement.value}`,
        );
    }
  });
});
