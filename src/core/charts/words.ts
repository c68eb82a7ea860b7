// Every text the charts draw (titles, axis and legend titles, tooltip fields, the names of their series and the
// notes on their marks), as one typed record: English for a paper (PAPER_STYLE's, so the exports stay as they are),
// the display language's in the editor (src/extension/charts/chartWords.ts). A chart writes no word of its own.
import type { Rating } from '../model/records';

/** What names a chart: its title and what it shows (the Charts panel's heading and the line under it). */
export interface ChartText {
  readonly title: string;
  readonly description: string;
}

export interface ChartWords {
  /** The specification's description (the SVG's label, the PDF's title): the chart's title and its table's. */
  readonly specDescription: (chartTitle: string, tableId: string, tableTitle: string) => string;
  /** A row's turn beside its language ("English · turn 2"). */
  readonly turn: (turn: number) => string;
  // The tooltip's fields several charts share.
  readonly language: string;
  readonly system: string;
  readonly judge: string;
  /** The statistician's n. */
  readonly n: string;
  readonly interval: string;
  readonly sharePercent: string;
  readonly agreementPercent: string;
  readonly mean: string;

  readonly ifHeatmap: ChartText & {
    readonly ifScorePercent: string;
    readonly leftOut: string;
    /** Why a cell is left out: it is the baseline's own, or no judge compared the pair. */
    readonly baseline: string;
    readonly notJudged: string;
    /** Before a cell's n ("n=12"). */
    readonly nIs: string;
  };
  readonly ioAgreement: ChartText & {
    readonly axis: string;
    readonly axisNote: string;
  };
  readonly judgeConsistency: ChartText & {
    readonly flipRate: string;
    readonly firstShownWins: string;
    /** Under the first-shown panel's heading: what its tick marks. */
    readonly tickNote: string;
    readonly measure: string;
    readonly secondShownWins: string;
  };
  readonly judgeVsHumans: ChartText & {
    readonly withTie: string;
    readonly withoutTie: string;
    readonly lima: string;
    /** The humans' own row. */
    readonly humanVsHuman: string;
    /** A judge's row. */
    readonly judgeVsHumansOf: (judge: string) => string;
    /** The legend's judges when there are several. */
    readonly judgeVsHumans: string;
    readonly judgeBelowHumans: string;
    readonly comparison: string;
    readonly figure: string;
    readonly belowHumans: string;
    readonly belowYes: string;
    readonly belowNo: string;
    /** The note beside a judge below the humans. */
    readonly below: string;
  };
  readonly languagePenalty: ChartText & {
    /** The parts of a bar: what was kept, and the penalty. */
    readonly kept: string;
    readonly lost: string;
    readonly sum: string;
    readonly part: string;
    readonly sumScore: string;
    readonly maximum: string;
    readonly axis: string;
    readonly axisEnd: (maximum: number) => string;
  };
  readonly likert: ChartText & {
    readonly gated: string;
    readonly ungated: string;
    readonly gate: string;
    readonly axis: string;
    readonly axisNote: string;
  };
  readonly ratings: ChartText & {
    readonly rating: string;
    readonly levels: Readonly<Record<Rating, string>>;
    readonly axis: string;
    readonly axisNote: string;
  };
  readonly scaleRatings: ChartText & {
    readonly rated: string;
    readonly level: string;
    readonly meanNote: string;
  };
}

export const ENGLISH_CHART_WORDS: ChartWords = {
  specDescription: (chartTitle, tableId, tableTitle) =>
    `${chartTitle}. From the LangLens table "${tableId}": ${tableTitle}.`,
  turn: (turn) => `turn ${turn}`,
  language: 'Language',
  system: 'System',
  judge: 'Judge',
  n: 'n',
  interval: 'Interval',
  sharePercent: 'Share %',
  agreementPercent: 'Agreement %',
  mean: 'Mean',
  ifHeatmap: {
    title: 'Instruction following per evaluation language',
    description:
      "Shaham et al.'s heatmap: systems × evaluation languages, each cell IF_L(X) = S×S(baseline_L, X) with its n; each column on its own colour scale; the baseline's own cell left out and marked (needs --baseline)",
    ifScorePercent: 'IF score %',
    leftOut: 'Left out',
    baseline: 'baseline',
    notJudged: 'not judged',
    nIs: 'n=',
  },
  ioAgreement: {
    title: 'Input/output language agreement',
    description:
      "the share of responses in their prompt's language per language and system, with 95% intervals and n (Kew et al. Fig. 1)",
    axis: "In the prompt's language",
    axisNote: '95% interval; n at right',
  },
  judgeConsistency: {
    title: 'Judge consistency under swapped order',
    description:
      "per language and pairwise judge: the share of pairs whose verdict flips when the order is swapped, and the first-shown response's win rate (position bias), with intervals",
    flipRate: 'Flip rate',
    firstShownWins: 'First shown wins',
    tickNote: '(tick: second shown)',
    measure: 'Measure',
    secondShownWins: 'Second-shown wins',
  },
  judgeVsHumans: {
    title: 'Can the judge be trusted? Judge–human next to human–human agreement',
    description:
      "a forest plot per language: each judge's agreement with the humans (with ties, without, LIMA score) next to the humans' own, with intervals; a judge below the humans (judge − humans wholly under 0) is marked",
    withTie: 'Agree w/ tie',
    withoutTie: 'Agree w/o tie',
    lima: 'LIMA score',
    humanVsHuman: 'human vs human',
    judgeVsHumansOf: (judge) => `${judge} vs humans`,
    judgeVsHumans: 'judge vs humans',
    judgeBelowHumans: 'judge below humans',
    comparison: 'Comparison',
    figure: 'Figure',
    belowHumans: 'Below humans',
    belowYes: 'yes: judge − humans wholly under 0',
    belowNo: 'no',
    below: 'below',
  },
  languagePenalty: {
    title: '1–3 ratings × language id, and the language penalty Δ',
    description:
      "Chen et al.'s Σ 1–3 rating × language id per language and system; the light end of each bar is the language penalty Δ, the whole bar Σ score",
    // Short, so that the legend fits one column; docs/charts.md and the tooltip say them in full.
    kept: 'Σ × lang id',
    lost: 'Δ (wrong language)',
    sum: 'Σ',
    part: 'Part',
    sumScore: 'Σ score',
    maximum: 'Max',
    axis: 'Σ 1–3 rating × language id',
    axisEnd: (maximum) => `the axis ends at the maximum, ${maximum}`,
  },
  likert: {
    title: 'Likert helpfulness, with and without the language gate',
    description:
      "Kew et al.'s Likert 1–6 judge means per language and system with 95% intervals, after the language gate and before it, side by side",
    gated: 'gated',
    ungated: 'ungated',
    gate: 'Language gate',
    axis: 'Mean helpfulness (1–6)',
    axisNote: '95% interval',
  },
  ratings: {
    title: 'Human ratings: excellent, pass, fail',
    description:
      'human excellent / pass / fail ratings as stacked bars per language and system (Shaham et al., after LIMA), n = ratings at the end of each bar; ratings on declared scales are the scale-ratings chart',
    rating: 'Rating',
    levels: { excellent: 'excellent', pass: 'pass', fail: 'fail' },
    axis: 'Share of ratings',
    axisNote: 'n = ratings, at the right',
  },
  scaleRatings: {
    title: 'Human ratings on declared scales',
    description:
      'human ratings on declared scales (1–5, named levels) as stacked bars of each level per language, criterion and system, best first, the mean at the end of each bar (n = ratings, intervals in the tooltip); excellent / pass / fail are the ratings chart',
    rated: 'Rated',
    level: 'Level',
    meanNote: 'mean at the right',
  },
};
