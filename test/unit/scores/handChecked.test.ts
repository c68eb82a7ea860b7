// Small cases worked out by hand (the arithmetic is in the comments), through the real importer and store:
// combined verdicts and the discounted-tie score, invalid verdicts counted or mapped, the judge's position bias,
// the language gate of Likert and 1–3 scores, and the tables built from them.
import { strict as assert } from 'node:assert';
import { clusterBootstrap } from '../../../src/core/metrics/stats';
import {
  judgeConsistency,
  judgedPairs,
  languageIdSums,
  likertMeans,
  parseBaseline,
  sideBySideScores,
  type JudgedPair,
} from '../../../src/core/metrics/scores';
import { renderTable } from '../../../src/core/report/render';
import { SCORE_SOURCES } from '../../../src/core/report/scoreSources';
import { TABLE_SOURCES, tableSource } from '../../../src/core/report/sources';
import type { TableOptions } from '../../../src/core/report/tableSource';
import { pointwiseScores } from '../../../src/core/store/scoreQueries';
import { close, only, openTestStore, type TestStore } from './support';

const judgment = (group: string, order: string, verdict: string) => ({
  kind: 'pairwise-judgment',
  run: 'h',
  group,
  lang: 'es',
  judge: 'j',
  system_a: 'x',
  system_b: 'base',
  order,
  verdict,
});

// x against base, verdicts relative to (x, base); in BA the baseline is shown first.
const PAIRWISE = [
  judgment('p1', 'AB', 'A'),
  judgment('p1', 'BA', 'A'), // x wins in both orders: 1
  judgment('p2', 'AB', 'A'),
  judgment('p2', 'BA', 'B'), // the first-shown wins both times: tie, 0.5
  judgment('p3', 'AB', 'invalid'),
  judgment('p3', 'BA', 'B'), // invalid (or, mapped: tie + B = tie, 0.5)
  judgment('p4', 'AB', 'B'), // one order only: base wins, 0
  judgment('p5', 'combined', 'A'), // already combined: x wins, 1
];

const OPTIONS: TableOptions = {
  by: ['lang'],
  invalidAs: 'exclude',
  minItems: 1,
  baseline: 'base',
  intervals: { resamples: 200, seed: 1, level: 0.95 },
};

describe('side-by-side scores and judge consistency, by hand', () => {
  let test: TestStore;
  let pairs: JudgedPair[];

  before(async () => {
    test = await openTestStore();
    await test.importRecords('pairwise', PAIRWISE);
    pairs = judgedPairs(await test.store.judgeVerdicts({ run: 'h' }));
  });
  after(async () => test?.close());

  it('scores x against base 62.5 over 4 prompts, the invalid pair counted apart', () => {
    const { rows } = sideBySideScores(pairs, { baseline: parseBaseline('base'), invalidAs: 'exclude' });
    const x = only(rows, (r) => r.system === 'x', 'x');
    // (1 + 0.5 + 0 + 1) / 4
    assert.deepEqual(
      [x.score.value, x.score.n, x.wins, x.ties, x.losses, x.invalid, x.singleOrder],
      [0.625, 4, 2, 1, 1, 1, 1],
    );
    const base = only(rows, (r) => r.system === 'base', 'base');
    assert.deepEqual([base.byDefinition, base.score.value, base.score.n], [true, 0.5, 0]);
  });

  it('scores 60 over 5 prompts when unparsable answers are mapped to ties', () => {
    const { rows } = sideBySideScores(pairs, { baseline: parseBaseline('base'), invalidAs: 'tie' });
    const x = only(rows, (r) => r.system === 'x', 'x');
    // (1 + 0.5 + 0.5 + 0 + 1) / 5
    assert.deepEqual([x.score.value, x.score.n, x.ties, x.invalid], [0.6, 5, 2, 0]);
  });

  it('scores the baseline from its own side: 100 − 62.5', () => {
    const { rows } = sideBySideScores(pairs, { baseline: parseBaseline('x'), invalidAs: 'exclude' });
    assert.equal(only(rows, (r) => r.system === 'base', 'base').score.value, 0.375);
  });

  it('names the per-language baseline from a pattern, and says when it has no pairs', () => {
    const rule = parseBaseline(' mono-{lang} ');
    assert.equal(rule.baselineFor('zh-Hant'), 'mono-zh-Hant');
    const { rows, missingBaselines } = sideBySideScores(pairs, { baseline: rule, invalidAs: 'exclude' });
    assert.deepEqual(rows, []);
    assert.deepEqual(
      missingBaselines.map((m) => [m.slice.lang, m.judge, m.baseline]),
      [['es', 'j', 'mono-es']],
    );
    assert.throws(() => parseBaseline('  '), /baseline is empty/);
  });

  it('counts flips and position bias: 1 flip in 2 pairs (first-shown both times), first-shown wins 4 of 6 verdicts', () => {
    const [row] = judgeConsistency(pairs, { invalidAs: 'exclude' });
    // Both orders valid: p1 (A, A) consistent; p2 (A, B) flipped, the first-shown winning both times.
    assert.deepEqual(
      [row!.flip.value, row!.flip.n, row!.biasedFirst.value, row!.biasedSecond.value, row!.otherFlip.value],
      [0.5, 2, 0.5, 0, 0],
    );
    // Single-order verdicts by position: p1 AB first, p1 BA second, p2 AB first, p2 BA first, p3 BA first, p4 AB second.
    close(row!.firstWins.value, 4 / 6, 'first wins');
    close(row!.secondWins.value, 2 / 6, 'second wins');
    assert.deepEqual([row!.firstWins.n, row!.invalidOrders, row!.singleOrder, row!.combinedOnly], [6, 1, 1, 1]);
  });

  it('with unparsable answers as ties, p3 (tie, B) is a win↔tie flip', () => {
    const [row] = judgeConsistency(pairs, { invalidAs: 'tie' });
    close(row!.flip.value, 2 / 3, 'flip');
    close(row!.otherFlip.value, 1 / 3, 'win↔tie');
    assert.deepEqual([row!.firstWins.n, row!.orderTies.value * 7], [7, 1]);
  });

  it('builds the sxs, if-matrix and judge-consistency tables with their counts and notes', async () => {
    const sxs = await tableSource('sxs')!.build(test.store, OPTIONS);
    const csv = renderTable(sxs, 'csv').split('\n');
    assert.equal(csv[0], 'lang,judge,system,baseline,score,score_lower,score_upper,score_n,n,wins,ties,losses,invalid');
    assert.equal(csv[1], 'es,j,base,base,0.5,,,0,by definition,0,0,0,0');
    assert.match(csv[2]!, /^es,j,x,base,0\.625,[\d.]+,[\d.]+,4,4,2,1,1,1$/);
    assert.ok(sxs.notes.some((n) => n.startsWith('1 pair(s) with an unparsable verdict were left out')));
    const matrix = await tableSource('if-matrix')!.build(test.store, OPTIONS);
    assert.deepEqual(
      matrix.rows.map((r) => [r.system, typeof r.es === 'string' ? r.es : (r.es as { value: number }).value, r.n_es]),
      [
        ['base', '(baseline)', undefined],
        ['x', 0.625, 4],
      ],
    );
    assert.match(renderTable(matrix, 'latex'), /x & 62\.5 \{\\scriptsize\[/);
    const consistency = await tableSource('judge-consistency')!.build(test.store, OPTIONS);
    assert.match(renderTable(consistency, 'markdown'), /\| es \| j \| 50\.0 \(/);
  });

  it('refuses side-by-side tables without a baseline', async () => {
    await assert.rejects(tableSource('sxs')!.build(test.store, { ...OPTIONS, baseline: undefined }), /need a baseline/);
  });
});

// One response per prompt group, the language set by a human label (or by nothing).
const RESPONSES: { group: string; language?: string; likert?: number; rating3?: number }[] = [
  { group: 'g1', language: 'es', likert: 5, rating3: 3 }, // in the prompt's language
  { group: 'g2', language: 'en', likert: 6, rating3: 3 }, // wrong language: Likert 1, language id 0
  { group: 'g3', language: 'und', likert: 4, rating3: 2 }, // undetermined: not gated
  { group: 'g4', likert: 2, rating3: 1 }, // never detected: not gated
  { group: 'g5', language: 'es' }, // unparsable answers: left out
];

describe('the language gate of pointwise scores, by hand', () => {
  let test: TestStore;

  before(async () => {
    test = await openTestStore();
    const base = (group: string) => ({ run: 'g', group, lang: 'es', system: 's' });
    await test.importRecords(
      'gate',
      RESPONSES.flatMap((r) => [
        { kind: 'response', ...base(r.group), text: 'texto' },
        ...(r.language ? [{ kind: 'language-label', ...base(r.group), annotator: 'a', language: r.language }] : []),
        {
          kind: 'pointwise-judgment',
          ...base(r.group),
          judge: 'lk',
          scale: 'likert-6',
          ...(r.likert ? { score: r.likert } : {}),
        },
        {
          kind: 'pointwise-judgment',
          ...base(r.group),
          judge: 'r3',
          scale: 'rating-3',
          ...(r.rating3 ? { score: r.rating3 } : {}),
        },
      ]),
    );
  });
  after(async () => test?.close());

  it('Likert: mean 3.0 after the gate ((5 + 1 + 4 + 2) / 4), 4.25 before, every exclusion counted', async () => {
    const [row] = likertMeans(await pointwiseScores(test.store, { scale: 'likert-6' }), {});
    assert.deepEqual([row!.mean.value, row!.ungatedMean.value, row!.mean.n], [3, 4.25, 4]);
    assert.deepEqual(
      [row!.judgments, row!.wrongLanguage, row!.undetermined, row!.notDetected, row!.humanLanguage, row!.invalid],
      [5, 1, 1, 1, 3, 1],
    );
  });

  it('1–3: Σ score 9, Σ score × language id 6, penalty Δ 3, out of a maximum of 12', async () => {
    const [row] = languageIdSums(await pointwiseScores(test.store, { scale: 'rating-3' }), {});
    assert.deepEqual(
      [row!.sum.value, row!.gatedSum.value, row!.penalty.value, row!.maximum, row!.gatedMean.value],
      [9, 6, 3, 12, 1.5],
    );
  });

  it('gives the interval of the plain cluster bootstrap of the gated scores, reproducibly from its seed', async () => {
    const rows = await pointwiseScores(test.store, { scale: 'likert-6' });
    const intervals = { resamples: 500, seed: 11, level: 0.9 };
    const [row] = likertMeans(rows, { intervals });
    const gated = [5, 1, 4, 2].map((value, i) => ({ value, group: `g${i + 1}` }));
    const direct = clusterBootstrap(
      gated,
      (s) => s.group,
      (items) => items.reduce((a, s) => a + s.value, 0) / items.length,
      intervals,
    );
    close(row!.mean.lower!, direct.lower, 'lower');
    close(row!.mean.upper!, direct.upper, 'upper');
    const [again] = likertMeans(rows, { intervals });
    assert.deepEqual(again!.mean, row!.mean);
    const [other] = likertMeans(rows, { intervals: { ...intervals, seed: 12 } });
    assert.notDeepEqual(other!.mean, row!.mean);
  });

  it('builds the likert and rating3 tables with the gate explained', async () => {
    const likert = await tableSource('likert')!.build(test.store, OPTIONS);
    assert.ok(likert.notes.some((n) => n.includes('1 scored response(s) have no language detection yet')));
    assert.ok(likert.notes.some((n) => n.includes('1 unparsable judge answer(s) were left out')));
    const json = JSON.parse(renderTable(await tableSource('rating3')!.build(test.store, OPTIONS), 'json')) as {
      rows: Record<string, unknown>[];
    };
    const penalty = json.rows[0]!.penalty as { value: number; n: number; lower: number; upper: number };
    assert.deepEqual([penalty.value, penalty.n], [3, 4]);
    assert.ok(penalty.lower <= 3 && penalty.upper >= 3);
  });

  it('registers every score table for langlens export, after the agreement tables', () => {
    assert.deepEqual(
      TABLE_SOURCES.map((s) => s.id),
      [
        'agreement',
        'agreement-by-language',
        'kappa',
        'judge-vs-majority',
        'agreement-dashboard',
        'sxs',
        'if-matrix',
        'judge-consistency',
        'likert',
        'mt-bench',
        'rating3',
        'ratings',
        'io-agreement',
        'io-mismatches',
        'chance-pairwise',
        'chance-ratings',
        'chance-scores',
        'chance-likert',
        'chance-rating3',
        'judge-correlation',
        'reliability',
        'kappa-pairs',
        'judge-accuracy',
        'length-bias',
        'lc-winrate',
        'bradley-terry',
        'annotator-scores',
        'disagreements',
      ],
    );
    assert.deepEqual(
      SCORE_SOURCES.map((s) => tableSource(s.id)?.description),
      SCORE_SOURCES.map((s) => s.description),
    );
    assert.equal(tableSource('likert')?.id, 'likert');
    assert.equal(tableSource('no-such-table'), undefined);
  });
});
