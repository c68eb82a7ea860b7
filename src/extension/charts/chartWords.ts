// The words the core's charts draw (src/core/charts/words.ts: titles, axes, legends, tooltips, series) in VS Code's
// display language, one l10n.t with a literal per text so that scripts/l10n-extract.mjs finds them; the numbers
// in them written as the display language writes them. The Charts panel's own words are chartsWords.ts's.
import type { ChartWords } from '../../core/charts/words';
import type { DisplayLanguage } from '../displayLanguage';

export function chartWords(l10n: DisplayLanguage): ChartWords {
  return {
    specDescription: (chartTitle, tableId, tableTitle) =>
      l10n.t('{0}. From the LangLens table "{1}": {2}.', chartTitle, tableId, tableTitle),
    turn: (turn) => l10n.t('turn {0}', l10n.number(turn)),
    language: l10n.t('Language'),
    system: l10n.t('System'),
    judge: l10n.t('Judge'),
    n: l10n.t('n'),
    interval: l10n.t('Interval'),
    sharePercent: l10n.t('Share %'),
    agreementPercent: l10n.t('Agreement %'),
    mean: l10n.t('Mean'),
    ifHeatmap: {
      title: l10n.t('Instruction following per evaluation language'),
      description: l10n.t(
        "Shaham et al.'s heatmap: systems × evaluation languages, each cell IF_L(X) = S×S(baseline_L, X) with its n; each column on its own colour scale; the baseline's own cell left out and marked",
      ),
      ifScorePercent: l10n.t('IF score %'),
      leftOut: l10n.t('Left out'),
      baseline: l10n.t('baseline'),
      notJudged: l10n.t('not judged'),
      nIs: l10n.t('n='),
    },
    ioAgreement: {
      title: l10n.t('Input/output language agreement'),
      description: l10n.t(
        "the share of responses in their prompt's language per language and system, with 95% intervals and n (Kew et al. Fig. 1)",
      ),
      axis: l10n.t("In the prompt's language"),
      axisNote: l10n.t('95% interval; n at right'),
    },
    judgeConsistency: {
      title: l10n.t('Judge consistency under swapped order'),
      description: l10n.t(
        "per language and pairwise judge: the share of pairs whose verdict flips when the order is swapped, and the first-shown response's win rate (position bias), with intervals",
      ),
      flipRate: l10n.t('Flip rate'),
      firstShownWins: l10n.t('First shown wins'),
      tickNote: l10n.t('(tick: second shown)'),
      measure: l10n.t('Measure'),
      secondShownWins: l10n.t('Second-shown wins'),
    },
    judgeVsHumans: {
      title: l10n.t('Can the judge be trusted? Judge–human next to human–human agreement'),
      description: l10n.t(
        "a forest plot per language: each judge's agreement with the humans (with ties, without, LIMA score) next to the humans' own, with intervals; a judge below the humans (judge − humans wholly under 0) is marked",
      ),
      withTie: l10n.t('Agree w/ tie'),
      withoutTie: l10n.t('Agree w/o tie'),
      lima: l10n.t('LIMA score'),
      humanVsHuman: l10n.t('human vs human'),
      judgeVsHumansOf: (judge) => l10n.t('{0} vs humans', judge),
      judgeVsHumans: l10n.t('judge vs humans'),
      judgeBelowHumans: l10n.t('judge below humans'),
      comparison: l10n.t('Comparison'),
      figure: l10n.t('Figure'),
      belowHumans: l10n.t('Below humans'),
      belowYes: l10n.t('yes: judge − humans wholly under 0'),
      belowNo: l10n.t('no'),
      below: l10n.t('below'),
    },
    languagePenalty: {
      title: l10n.t('1–3 ratings × language id, and the language penalty Δ'),
      description: l10n.t(
        "Chen et al.'s Σ 1–3 rating × language id per language and system; the light end of each bar is the language penalty Δ, the whole bar Σ score",
      ),
      kept: l10n.t('Σ × lang id'),
      lost: l10n.t('Δ (wrong language)'),
      sum: l10n.t('Σ'),
      part: l10n.t('Part'),
      sumScore: l10n.t('Σ score'),
      maximum: l10n.t('Max'),
      axis: l10n.t('Σ 1–3 rating × language id'),
      axisEnd: (maximum) => l10n.t('the axis ends at the maximum, {0}', l10n.number(maximum)),
    },
    likert: {
      title: l10n.t('Likert helpfulness, with and without the language gate'),
      description: l10n.t(
        "Kew et al.'s Likert 1–6 judge means per language and system with 95% intervals, after the language gate and before it, side by side",
      ),
      gated: l10n.t('gated'),
      ungated: l10n.t('ungated'),
      gate: l10n.t('Language gate'),
      axis: l10n.t('Mean helpfulness (1–6)'),
      axisNote: l10n.t('95% interval'),
    },
    ratings: {
      title: l10n.t('Human ratings: excellent, pass, fail'),
      description: l10n.t(
        'human excellent / pass / fail ratings as stacked bars per language and system (Shaham et al., after LIMA), n = ratings at the end of each bar; ratings on declared scales are the scale-ratings chart',
      ),
      rating: l10n.t('Rating'),
      levels: { excellent: l10n.t('excellent'), pass: l10n.t('pass'), fail: l10n.t('fail') },
      axis: l10n.t('Share of ratings'),
      axisNote: l10n.t('n = ratings, at the right'),
    },
    scaleRatings: {
      title: l10n.t('Human ratings on declared scales'),
      description: l10n.t(
        'human ratings on declared scales (1–5, named levels) as stacked bars of each level per language, criterion and system, best first, the mean at the end of each bar (n = ratings, intervals in the tooltip); excellent / pass / fail are the ratings chart',
      ),
      rated: l10n.t('Rated'),
      level: l10n.t('Level'),
      meanNote: l10n.t('mean at the right'),
    },
  };
}
