// The one "below humans" rule (metrics/audit/belowHumans.ts): the dashboard's verdict, the judge-vs-humans chart's
// mark and the export's "Below humans" column all read judge − humans with its own interval (same bootstrap draws);
// fewer than 10 prompt groups is "too few items to say". The fixtures are ones where the old rule of the chart and
// the export ("the judge's interval entirely below the humans'") said otherwise.
import { strict as assert } from 'node:assert';
import { drawChart, paperStyle } from '../../../src/core/charts';
import { JUDGE_VS_HUMANS } from '../../../src/core/charts/judgeVsHumans';
import { buildPairwiseItems, loadPairwiseItems } from '../../../src/core/metrics/agreement';
import { agreementDashboard, type Dashboard } from '../../../src/core/metrics/audit';
import type { LanguageTag } from '../../../src/core/model/language';
import { dashboardTable } from '../../../src/core/report/dashboardTable';
import type { HumanPairwiseRow, JudgeVerdictRow } from '../../../src/core/store/store';
import { openHandRun } from './handRun';

const INTERVALS = { resamples: 1000, seed: 1, level: 0.95 };
type Vote = 'A' | 'B' | 'tie';
/** Per prompt group: annotator 1, annotator 2, the judge. */
const GROUP_TYPES: Record<string, readonly [Vote, Vote, Vote]> = {
  E: ['A', 'A', 'A'], // all agree
  D: ['A', 'A', 'B'], // the humans agree, the judge says the other response
  H: ['A', 'B', 'A'], // the humans disagree, the judge sides with one
  T: ['A', 'B', 'tie'], // the humans disagree, the judge says tie
};

/** A Finnish run of one prompt group per letter of the pattern (GROUP_TYPES), and its dashboard. */
function dashboardOf(pattern: string): Dashboard {
  const key = (group: string) => ({ run: 'r', group, lang: 'fi' as LanguageTag, turn: 1, systemA: 'x', systemB: 'y' });
  const judged: JudgeVerdictRow[] = [];
  const votes: HumanPairwiseRow[] = [];
  [...pattern].forEach((type, i) => {
    const [a, b, judge] = GROUP_TYPES[type]!;
    const group = `p${i + 1}`;
    judged.push({ ...key(group), judge: 'j', judgeHash: 'h', order: 'combined', verdict: judge, raw: null });
    votes.push(
      { ...key(group), annotator: 'ann1', verdict: a, order: 'AB' },
      { ...key(group), annotator: 'ann2', verdict: b, order: 'AB' },
    );
  });
  return agreementDashboard(buildPairwiseItems(judged, votes), { invalidAs: 'exclude', intervals: INTERVALS });
}

/** What each of the three says on the with-ties figure: the dashboard's verdict, the export's cell, the chart's mark. */
function threeSay(dashboard: Dashboard) {
  const judge = dashboard.groups[0]!.judges[0]!;
  const table = dashboardTable(dashboard);
  const exported = table.rows.find((r) => r.comparison === 'j vs humans')!.belowHumans;
  const marked = drawChart(JUDGE_VS_HUMANS, table, paperStyle()).data.find(
    (d) => d.comparison === 'j vs humans' && d.figure === 'withTie',
  )!.below;
  return {
    verdict: judge.minusHumans!.withTie.verdict,
    rule: judge.rule.verdicts.withTie,
    dashboard: judge.below.withTie,
    flagged: dashboard.groups[0]!.flagged,
    exported,
    chart: marked,
  };
}

describe('audit: the one "below humans" rule', () => {
  it('12 groups whose intervals overlap but whose difference lies wholly under 0: below, in all three', () => {
    const dashboard = dashboardOf('EEEEEDDDDTTT');
    const fi = dashboard.groups[0]!;
    // The old rule's two intervals overlap: the judge's upper end (66.7%) is above the humans' lower end (50%).
    assert.deepEqual(
      [fi.judges[0]!.row.withTie.upper, fi.humans!.withTie.lower].map((v) => Math.round(v! * 1000) / 1000),
      [0.667, 0.5],
    );
    const d = fi.judges[0]!.minusHumans!.withTie.difference;
    assert.deepEqual([d.n, Math.round(d.value * 1000) / 1000], [12, -0.333]);
    assert.ok(d.upper! < 0, `judge − humans interval [${d.lower}, ${d.upper}] wholly under 0`);
    assert.deepEqual(threeSay(dashboard), {
      verdict: 'below',
      rule: 'below',
      dashboard: true,
      flagged: true,
      exported: 'w/ tie',
      chart: true,
    });
  });

  it('8 groups where the judge always goes against two agreeing humans: too few items to say, in all three', () => {
    const dashboard = dashboardOf('DDDDDDDD');
    const fi = dashboard.groups[0]!;
    // The old rule said below: the judge's interval [0, 0] lies under the humans' [1, 1].
    assert.deepEqual([fi.judges[0]!.row.withTie.upper, fi.humans!.withTie.lower], [0, 1]);
    assert.deepEqual(threeSay(dashboard), {
      verdict: 'too-few',
      rule: 'too-few',
      dashboard: false,
      flagged: false,
      exported: 'too few items to say',
      chart: false,
    });
  });

  it('a lower point estimate whose difference interval holds 0: no difference shown, nothing marked', () => {
    const dashboard = dashboardOf('EEEEEEDDDDHH');
    const d = dashboard.groups[0]!.judges[0]!.minusHumans!.withTie.difference;
    assert.ok(d.value < 0 && d.lower! < 0 && d.upper! > 0, `[${d.lower}, ${d.upper}] holds 0`);
    assert.deepEqual(threeSay(dashboard), {
      verdict: 'no-difference-shown',
      rule: 'no-difference-shown',
      dashboard: false,
      flagged: false,
      exported: '',
      chart: false,
    });
  });

  it('without intervals nothing can be said: too few items to say, not "not below"', () => {
    const key = (group: string) => ({
      run: 'r',
      group,
      lang: 'fi' as LanguageTag,
      turn: 1,
      systemA: 'x',
      systemB: 'y',
    });
    const judged: JudgeVerdictRow[] = Array.from({ length: 12 }, (_, i) => ({
      ...key(`p${i}`),
      judge: 'j',
      judgeHash: 'h',
      order: 'combined' as const,
      verdict: 'B' as const,
      raw: null,
    }));
    const votes: HumanPairwiseRow[] = judged.flatMap((j) =>
      ['ann1', 'ann2'].map((annotator) => ({
        ...key(j.group),
        annotator,
        verdict: 'A' as const,
        order: 'AB' as const,
      })),
    );
    const dashboard = agreementDashboard(buildPairwiseItems(judged, votes), { invalidAs: 'exclude' });
    const table = dashboardTable(dashboard);
    assert.equal(table.rows.find((r) => r.comparison === 'j vs humans')!.belowHumans, 'too few items to say');
    assert.deepEqual(dashboard.groups[0]!.judges[0]!.rule.verdicts, {
      withTie: 'too-few',
      withoutTie: 'too-few',
      lima: 'too-few',
    });
  });

  it('does not flag Spanish in the hand run: the judge is lower (4/11 against 4/7) but the data cannot tell', async () => {
    const { folder, store } = await openHandRun();
    try {
      const dashboard = agreementDashboard(await loadPairwiseItems(store, { run: 'audit' }), {
        invalidAs: 'exclude',
        intervals: INTERVALS,
      });
      const es = dashboard.groups.find((g) => g.group.lang === 'es')!;
      assert.ok(es.judges[0]!.row.withTie.value < es.humans!.withTie.value);
      assert.deepEqual(es.judges[0]!.below, { withTie: false, withoutTie: false, lima: false });
      assert.equal(es.flagged, false);
    } finally {
      await store.close();
      folder.remove();
    }
  });
});
