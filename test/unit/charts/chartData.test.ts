// The data behind each chart is the table it is drawn from: every value, n and interval of the table's cells,
// nothing else, and the cells left out named. Checked cell by cell on the demo run, against the table's own rows.
import assert from 'node:assert/strict';
import { drawChart, paperStyle, type Datum } from '../../../src/core/charts';
import { JUDGE_VS_HUMANS } from '../../../src/core/charts/judgeVsHumans';
import { ENGLISH_CHART_WORDS } from '../../../src/core/charts/words';
import { isEstimate, type Cell, type Table } from '../../../src/core/report/table';
import { demoCharts, type DemoCharts } from './demoCharts';

const { kept: KEPT, lost: LOST } = ENGLISH_CHART_WORDS.languagePenalty;

let demo: DemoCharts;

function built(id: string) {
  const chart = demo.charts.get(id);
  assert.ok(chart, `chart ${id}`);
  return chart.built;
}

/** The datum equals the table's Estimate: value, n, lower, upper. */
function assertSameFigure(datum: Datum | undefined, cell: Cell, where: string): void {
  assert.ok(datum, `a mark for ${where}`);
  assert.ok(isEstimate(cell), `the table has an estimate at ${where}`);
  assert.equal(datum.value, Number.isFinite(cell.value) ? cell.value : null, `value at ${where}`);
  assert.equal(datum.n, cell.n, `n at ${where}`);
  assert.equal(datum.lower, cell.lower ?? null, `lower at ${where}`);
  assert.equal(datum.upper, cell.upper ?? null, `upper at ${where}`);
}

function find(data: readonly Datum[], match: Partial<Record<string, unknown>>): Datum | undefined {
  const found = data.filter((d) => Object.entries(match).every(([k, v]) => d[k] === v));
  assert.ok(found.length <= 1, `one mark for ${JSON.stringify(match)}, not ${found.length}`);
  return found[0];
}

function assertInSpec(id: string): void {
  const chart = built(id);
  const values = (chart.spec.data as { values: readonly Datum[] }).values;
  assert.equal(values, chart.data, `${id}: the specification carries the chart's data as it is`);
  assert.ok(values.length > 0, `${id} has marks`);
}

describe('charts: the data behind each chart is its table', function () {
  this.timeout(120_000);
  before(async () => (demo = await demoCharts()));
  after(() => demo.close());

  it("if-heatmap: one cell per system and language, IF_L with n and interval, the baseline's own cells left out", () => {
    const { data, table } = built('if-heatmap');
    assertInSpec('if-heatmap');
    const languages = ['ar', 'en', 'es', 'he', 'ru', 'zh'];
    assert.equal(data.length, table.rows.length * languages.length);
    let baselineCells = 0;
    for (const row of table.rows) {
      for (const lang of languages) {
        const datum = find(data, { system: row.system, judge: row.judge, lang });
        if (row[lang] === '(baseline)') {
          baselineCells++;
          assert.equal(datum?.leftOut, 'baseline');
          assert.equal(datum?.value, null);
        } else {
          assertSameFigure(datum, row[lang], `${String(row.system)} ${lang}`);
          assert.equal(datum?.n, row[`n_${lang}`]);
          assert.equal(datum?.leftOut, undefined);
        }
      }
    }
    assert.equal(baselineCells, 6, 'mono-en against itself in each of the 6 languages');
    assert.equal(data.filter((d) => d.leftOut).length, baselineCells);
    // What the demo's sxs table says: multi-40 against mono-en in Arabic, 87.5% over 4 prompts.
    assert.equal(find(data, { system: 'multi-40', lang: 'ar' })?.valueText, '87.5');
  });

  it("ratings: excellent, pass and fail per language and system, with the table's n and intervals", () => {
    const { data, table } = built('ratings');
    assertInSpec('ratings');
    // The demo also has 1–5 ratings on two criteria: those rows are the table's, not this chart's.
    const limaRows = table.rows.filter((row) => row.excellent !== undefined && row.excellent !== null);
    assert.equal(limaRows.length, 18, 'six languages × three systems on excellent / pass / fail');
    assert.equal(data.length, limaRows.length * 3);
    for (const row of limaRows) {
      for (const rating of ['excellent', 'pass', 'fail']) {
        const datum = find(data, { lang: row.lang, system: row.system, series: rating });
        assertSameFigure(datum, row[rating], `${String(row.lang)} ${String(row.system)} ${rating}`);
        assert.equal(datum?.n, row.ratings, 'n is the number of ratings');
      }
      const shares = data
        .filter((d) => d.lang === row.lang && d.system === row.system)
        .reduce((s, d) => s + (d.value ?? 0), 0);
      assert.ok(Math.abs(shares - 1) < 1e-9, 'the three segments fill the bar');
    }
  });

  it("scale-ratings: every level of the 1–5 rows per language, criterion and system, with the table's n, interval and mean", () => {
    const { data, table } = built('scale-ratings');
    assertInSpec('scale-ratings');
    const declared = table.rows.filter((row) => typeof row.scale === 'string' && row.scale.startsWith('quality-5'));
    const languages = new Set(declared.map((r) => r.lang));
    const criteria = new Set(declared.map((r) => r.criterion));
    assert.deepEqual([...criteria].sort(), ['correctness', 'fluency'], 'one panel per criterion');
    assert.ok(languages.size >= 2, 'per language');
    const levels = ['5', '4', '3', '2', '1'];
    assert.equal(data.length, declared.length * levels.length, 'each level of each row, nothing else');
    for (const row of declared) {
      const where = `${String(row.lang)} ${String(row.criterion)} ${String(row.system)}`;
      const marks = data.filter((d) => d.lang === row.lang && d.criterion === row.criterion && d.system === row.system);
      assert.deepEqual(
        marks.map((d) => d.series),
        levels,
        `${where}: best level first`,
      );
      for (const level of levels) {
        const datum = find(data, { lang: row.lang, criterion: row.criterion, system: row.system, series: level });
        assertSameFigure(datum, row[level], `${where} ${level}`);
        assert.equal(datum?.n, row.ratings, 'n is the number of ratings');
        assert.equal(datum?.ratings, row.ratings);
        assert.ok(isEstimate(row.mean!));
        assert.equal(datum?.mean, row.mean.value, `${where}: the table's mean`);
        assert.equal(datum?.panel, row.criterion, 'one scale: the panel names the criterion');
        assert.equal(datum?.scale, row.scale);
      }
      const shares = marks.reduce((s, d) => s + (d.value ?? 0), 0);
      assert.ok(Math.abs(shares - 1) < 1e-9, 'the levels fill the bar');
    }
    // The excellent / pass / fail rows are the ratings chart's, not this one's.
    assert.ok(data.every((d) => d.series !== 'excellent'));
  });

  it('likert: the gated and ungated means per language and system', () => {
    const { data, table } = built('likert');
    assertInSpec('likert');
    assert.equal(data.length, table.rows.length * 2);
    for (const row of table.rows) {
      assertSameFigure(
        find(data, { lang: row.lang, system: row.system, judge: row.judge, series: 'gated' }),
        row.mean,
        `${String(row.lang)} ${String(row.system)} gated`,
      );
      assertSameFigure(
        find(data, { lang: row.lang, system: row.system, judge: row.judge, series: 'ungated' }),
        row.ungated,
        `${String(row.lang)} ${String(row.system)} ungated`,
      );
    }
    // The gate only lowers a mean: mono-en answers Arabic prompts in English.
    const gated = find(data, { lang: 'ar', system: 'mono-en', series: 'gated' })!;
    const ungated = find(data, { lang: 'ar', system: 'mono-en', series: 'ungated' })!;
    assert.ok(gated.value! < ungated.value!);
  });

  it('io-agreement: the agreement per language and system', () => {
    const { data, table } = built('io-agreement');
    assertInSpec('io-agreement');
    assert.equal(data.length, table.rows.length);
    for (const row of table.rows) {
      const datum = find(data, { lang: row.lang, system: row.system });
      assertSameFigure(datum, row.agreement, `${String(row.lang)} ${String(row.system)}`);
      assert.equal(datum?.n, row.determined);
    }
  });

  it('language-penalty: Σ score × language id and Δ stack to Σ score', () => {
    const { data, table } = built('language-penalty');
    assertInSpec('language-penalty');
    assert.equal(data.length, table.rows.length * 2);
    for (const row of table.rows) {
      const kept = find(data, { lang: row.lang, system: row.system, series: KEPT });
      const lost = find(data, { lang: row.lang, system: row.system, series: LOST });
      assertSameFigure(kept, row.gatedSum, `${String(row.lang)} ${String(row.system)} kept`);
      assertSameFigure(lost, row.penalty, `${String(row.lang)} ${String(row.system)} lost`);
      assert.ok(isEstimate(row.sum!));
      assert.equal(kept!.value! + lost!.value!, row.sum.value, 'the whole bar is Σ score');
      assert.equal(kept!.maximum, row.maximum);
    }
    assert.ok(
      data.some((d) => d.series === LOST && d.value! > 0),
      'mono-en loses points in other languages',
    );
  });

  it('judge-vs-humans: every comparison and figure of the dashboard table, and which are below the humans', () => {
    const { data, table } = built('judge-vs-humans');
    assertInSpec('judge-vs-humans');
    assert.equal(data.length, table.rows.length * 3);
    for (const row of table.rows) {
      for (const figure of ['withTie', 'withoutTie', 'lima']) {
        const datum = find(data, { lang: row.lang, comparison: row.comparison, figure });
        assertSameFigure(datum, row[figure], `${String(row.lang)} ${String(row.comparison)} ${figure}`);
        assert.equal(datum?.below, false, 'no judge is below the humans in the demo');
      }
    }
    assert.equal(
      find(data, { lang: 'en', comparison: 'gpt-judge vs humans', figure: 'withTie' })?.n,
      16,
      'two annotators × 4 prompts × 2 pairs',
    );
  });

  it('judge-vs-humans marks exactly the figures the table names below the humans', () => {
    const { table } = built('judge-vs-humans');
    const marked: Table = {
      ...table,
      rows: table.rows.map((r) =>
        r.lang === 'ru' && r.comparison === 'gpt-judge vs humans' ? { ...r, belowHumans: 'w/ tie, LIMA' } : r,
      ),
    };
    const below = drawChart(JUDGE_VS_HUMANS, marked, paperStyle())
      .data.filter((d) => d.below)
      .map((d) => `${d.lang} ${String(d.figure)}`);
    assert.deepEqual(below, ['ru withTie', 'ru lima']);
  });

  it('judge-consistency: flip rate and first-position wins per language, the second position beside it', () => {
    const { data, table } = built('judge-consistency');
    assertInSpec('judge-consistency');
    assert.equal(data.length, table.rows.length * 2);
    for (const row of table.rows) {
      assertSameFigure(
        find(data, { lang: row.lang, judge: row.judge, measure: 'flip' }),
        row.flip,
        `${String(row.lang)} flip`,
      );
      const first = find(data, { lang: row.lang, judge: row.judge, measure: 'firstWins' });
      assertSameFigure(first, row.firstWins, `${String(row.lang)} first wins`);
      assert.ok(isEstimate(row.secondWins!));
      assert.equal(first?.second, row.secondWins.value);
    }
  });

  it('editor labels: language names in English and their own script, right to left and CJK as they are', () => {
    const { table } = built('ratings');
    const labels = new Set(
      drawChart(demo.charts.get('ratings')!.definition, table, paperStyle({ labels: 'names' })).data.map(
        (d) => d.language,
      ),
    );
    assert.ok(labels.has('Hebrew עברית'), [...labels].join(', '));
    assert.ok(labels.has('Arabic العربية'));
    assert.ok(labels.has('Chinese 中文'));
  });
});
