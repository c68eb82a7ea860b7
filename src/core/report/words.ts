// The words of the tables the editor shows (the tables the charts are drawn from, and the dashboard's): titles,
// column headers and notes, as one typed record. English for the CLI and every export (ENGLISH_REPORT_WORDS: the
// LaTeX, CSV, Markdown and JSON a paper takes stay as they are), the display language's in the editor
// (src/extension/reportWords.ts). The names of languages, systems, judges and scale levels are data, not words.
import type { GroupField } from '../metrics/grouping';
import type { OffScaleCause } from '../metrics/ratings/humanRatings';
import type { Rating } from '../model/records';

/** A count's note: "3 item(s) …" with the count written as the words' language writes numbers. */
export type CountWords = (n: number) => string;

/** What the language gate does to a response in another language, in a table's terms (likert, rating3). */
export interface GateWords {
  /** The gate's rule, with the column that counts it. */
  readonly rule: string;
  /** --mul-gate mismatch: mixed answers gated as another language. */
  readonly mixedMismatch: string;
}

export interface ReportWords {
  /** The breakdown's column headers. */
  readonly groups: Readonly<Record<GroupField, string>>;
  /** The statistician's n, as a column header. */
  readonly n: string;
  readonly judge: string;
  readonly system: string;
  readonly invalid: string;
  readonly mean: string;
  readonly seeds: string;
  readonly responses: string;
  /** The bootstrap's settings: the level as a whole percentage, the resamples and the seed. */
  readonly intervals: (levelPercent: number, resamples: number, seed: number) => string;
  readonly noIntervals: string;
  /** The if-matrix's note on a language without pairs against its baseline (its turn only from turn 2). */
  readonly missingBaseline: (baseline: string, judge: string, lang: string, turn: number, run: string) => string;

  readonly agreement: {
    readonly title: string;
    readonly comparison: string;
    readonly withTie: string;
    readonly withoutTie: string;
    readonly lima: string;
    readonly items: string;
    readonly votePairs: string;
    readonly withoutTieNote: string;
    readonly invalidWrong: CountWords;
    readonly invalidLeftOut: CountWords;
    readonly invalidAsTies: CountWords;
  };
  readonly dashboard: {
    readonly title: string;
    readonly belowHumans: string;
    readonly belowHumansNote: string;
  };
  readonly ifMatrix: {
    readonly title: (baseline: string) => string;
    readonly definition: string;
    readonly columns: string;
    readonly n: string;
  };
  readonly judgeConsistency: {
    readonly title: string;
    readonly flip: string;
    readonly biasedFirst: string;
    readonly biasedSecond: string;
    readonly otherFlip: string;
    readonly pairs: string;
    readonly firstWins: string;
    readonly secondWins: string;
    readonly orderTies: string;
    readonly orders: string;
    readonly flipNote: string;
    readonly positionNote: string;
    readonly invalidLeftOut: CountWords;
    readonly invalidAsTies: CountWords;
    readonly singleOrder: CountWords;
    readonly combinedOnly: CountWords;
  };
  /** The language gate's columns and notes, which the likert and rating3 tables share. */
  readonly gate: {
    readonly wrongLanguage: string;
    readonly mixed: string;
    readonly undetermined: string;
    readonly notDetected: string;
    readonly undeterminedNote: string;
    readonly mixedKeep: string;
    readonly notDetectedNote: CountWords;
    readonly humanLanguage: CountWords;
    readonly invalidLeftOut: CountWords;
  };
  readonly likert: GateWords & {
    readonly title: string;
    readonly ungated: string;
    readonly prompts: string;
    readonly meanNote: string;
    readonly seedsNote: string;
  };
  readonly rating3: GateWords & {
    readonly title: string;
    readonly gatedSum: string;
    readonly sum: string;
    readonly penalty: string;
    readonly maximum: string;
    readonly gatedMean: string;
    readonly scoreNote: string;
    readonly penaltyNote: string;
    readonly seedsNote: string;
  };
  readonly ratings: {
    readonly titleLima: string;
    readonly titleScales: string;
    readonly scale: string;
    /** excellent / pass / fail as column headers; a declared scale's levels are its own. */
    readonly levels: Readonly<Record<Rating, string>>;
    /** A level's column: its name (the words' for excellent / pass / fail, else the scale's) as a share. */
    readonly levelColumn: (level: string) => string;
    readonly ratings: string;
    readonly annotators: string;
    readonly eachRating: string;
    readonly meanNote: string;
    readonly unknown: CountWords;
    readonly offScale: (n: number, cause: OffScaleCause) => string;
  };
  readonly ioAgreement: {
    readonly title: string;
    readonly agreement: string;
    readonly coverage: string;
    readonly mismatches: string;
    readonly human: string;
    readonly agreementNote: string;
    readonly coverageNote: string;
    readonly mixedNote: string;
    readonly notDetected: CountWords;
    readonly humanDisagreements: CountWords;
  };
}

/** "3 <text>": the notes of the exports put the count first, as digits. */
const counted =
  (text: string): CountWords =>
  (n) =>
    `${n} ${text}`;

export const ENGLISH_REPORT_WORDS: ReportWords = {
  groups: { run: 'Run', lang: 'Language', turn: 'Turn', system: 'System', criterion: 'Criterion' },
  n: 'n',
  judge: 'Judge',
  system: 'System',
  invalid: 'Invalid',
  mean: 'Mean',
  seeds: 'Seeds',
  responses: 'Responses',
  intervals: (levelPercent, resamples, seed) =>
    `Intervals: ${levelPercent}% percentile bootstrap over prompt groups (${resamples} resamples, seed ${seed}).`,
  noIntervals: 'No confidence intervals were computed.',
  missingBaseline: (baseline, judge, lang, turn, run) =>
    `No pairs with the baseline ${baseline} for ${judge} in ${lang}${turn > 1 ? ` turn ${turn}` : ''} (run ${run}).`,

  agreement: {
    title: 'Pairwise agreement of judges with humans and between humans',
    comparison: 'Comparison',
    withTie: 'Agree (w/ tie) %',
    withoutTie: 'Agree (w/o tie) %',
    lima: 'LIMA score %',
    items: 'Items',
    votePairs:
      "n counts vote pairs: a judge's verdict on an item is paired with every human vote on it; human vs human pairs every two votes on an item (MT-bench).",
    withoutTieNote:
      '"w/o tie" keeps the pairs where neither says tie. LIMA score (Shaham et al.): 1 same choice, 0.5 one tie, 0 opposite choices.',
    invalidWrong: (n) =>
      `--invalid-as wrong: ${n} item(s) with an unparsable judge verdict count as disagreeing with every vote (LIMA score 0).`,
    invalidLeftOut: (n) => `${n} item(s) with an unparsable judge verdict were left out.`,
    invalidAsTies: (n) => `${n} unparsable judge verdict(s) were counted as ties (--invalid-as tie).`,
  },
  dashboard: {
    title: 'Can the judge be trusted? Agreement with humans and between humans, per language',
    belowHumans: 'Below humans',
    belowHumansNote:
      'Below humans: the figures on which the 95% bootstrap interval of judge − humans (same draws) lies wholly under 0; "too few items to say" with fewer than 10 prompt groups carrying both, or without intervals.',
  },
  ifMatrix: {
    title: (baseline) => `Instruction-following score (%) against ${baseline}, per evaluation language`,
    definition:
      'IF_L(X) = S×S(baseline_L, X) (Shaham et al.): the discounted-tie score of X against the baseline of language L, both orders combined.',
    columns:
      "Each column has its own baseline; compare systems within a column, not across columns. The baseline's own cell is not a measurement.",
    n: 'n: prompts with a valid verdict. The sxs table has wins, ties, losses and unparsable verdicts per cell.',
  },
  judgeConsistency: {
    title: 'Judge consistency under swapped presentation order',
    flip: 'Flip %',
    biasedFirst: 'First both %',
    biasedSecond: 'Second both %',
    otherFlip: 'Win↔tie %',
    pairs: 'Pairs',
    firstWins: 'First wins %',
    secondWins: 'Second wins %',
    orderTies: 'Tie %',
    orders: 'Verdicts',
    flipNote:
      'Flip: over pairs judged in both orders with two valid verdicts (Pairs), the share whose verdict changed when the order was swapped; it splits into the first-shown response winning both times, the second-shown winning both times, and a win in one order against a tie in the other (MT-bench Table 2).',
    positionNote:
      'First / second wins, tie: over every single-order valid verdict (Verdicts), who won by screen position; a judge without position bias gives the first and the second the same share.',
    invalidLeftOut: counted('single-order verdict(s) were unparsable and left out.'),
    invalidAsTies: counted('unparsable single-order verdict(s) were counted as ties (--invalid-as tie).'),
    singleOrder: counted('pair(s) were judged in one order only: in the position shares, not in the flip shares.'),
    combinedOnly: counted('pair(s) came with an already combined verdict and no order information: in neither.'),
  },
  gate: {
    wrongLanguage: 'Wrong lang',
    mixed: 'mul',
    undetermined: 'und',
    notDetected: 'Not detected',
    undeterminedNote:
      '"und" responses (no single language: the detector abstained on a short, ambiguous or code-only answer, or a human said und / zxx) and responses not detected yet are not gated: they keep the judge\'s score and are counted in their columns.',
    mixedKeep:
      "Mixed answers (mul: a second language holds at least 25% of the text) keep the judge's score (--mul-gate keep, the default; --mul-gate mismatch gates them).",
    notDetectedNote: counted('scored response(s) have no language detection yet: run `langlens langid`.'),
    humanLanguage: counted('scored response(s) have a human language label or flag, which wins over the detector.'),
    invalidLeftOut: counted('unparsable judge answer(s) were left out of every figure (Invalid).'),
  },
  likert: {
    title: 'Likert helpfulness (1–6) per system and language, with the language gate',
    ungated: 'Ungated mean',
    prompts: 'Prompts',
    meanNote:
      'Mean over the scored responses (n = prompts × seeds with a parsable score), after the gate (Kew et al. §4.1).',
    rule: "Language gate: a response whose language (a human's label, else a human's flag, else the detector's) is not the prompt's scores 1 (Wrong lang).",
    mixedMismatch:
      'Mixed answers (mul: a second language holds at least 25% of the text) are gated like another language (--mul-gate mismatch): each scores 1.',
    seedsNote: "A prompt's seeds are resampled together with it: the interval is over prompts and seeds.",
  },
  rating3: {
    title: '1–3 ratings × language id, summed over the test set, and the language penalty Δ',
    gatedSum: 'Σ score × lang id',
    sum: 'Σ score',
    penalty: 'Δ',
    maximum: 'Max',
    gatedMean: 'Mean × lang id',
    scoreNote:
      "Chen et al. §3.4: final score = judge score × language id (1 when the response is in the prompt's language, else 0), summed over the n scored responses; Max = 3 × n.",
    penaltyNote: 'Δ = Σ score − Σ score × language id: the points lost only by answering in another language.',
    seedsNote:
      'Rows with several seeds sum over every seed: divide by Seeds for a per-test-set figure, or read Mean × lang id.',
    rule: "Language gate: a response whose language (a human's label, else a human's flag, else the detector's) is not the prompt's has language id 0 (Wrong lang).",
    mixedMismatch:
      'Mixed answers (mul: a second language holds at least 25% of the text) are gated like another language (--mul-gate mismatch): each has language id 0.',
  },
  ratings: {
    titleLima: 'Human ratings per language and system (% of ratings)',
    titleScales: 'Human ratings per language, system and scale (% of ratings, mean)',
    scale: 'Scale',
    levels: { excellent: 'Excellent', pass: 'Pass', fail: 'Fail' },
    levelColumn: (level) => `${level} %`,
    ratings: 'Ratings',
    annotators: 'Annotators',
    eachRating:
      "Every annotator's current rating counts once (a response rated by two annotators gives two ratings): n = Ratings.",
    meanNote:
      'Mean: the mean value on a numeric scale; on an ordinal scale the mean rank of the levels (1 = the worst).',
    unknown: counted('stored rating(s) that are not excellent, pass or fail were left out.'),
    offScale: (n, cause) =>
      `${n} stored rating(s) were left out: ${
        cause.kind === 'undeclared'
          ? `the scale "${cause.scale}" is not declared`
          : `"${cause.rating}" is not on the scale ${cause.scale}`
      }.`,
  },
  ioAgreement: {
    title: 'Input/output language agreement per system and prompt language',
    agreement: 'Agreement %',
    coverage: 'Coverage %',
    mismatches: 'Mismatches',
    human: 'Human label',
    agreementNote:
      'Agreement: share of the responses in the prompt\'s language among those whose language was determined (n); a human language label, or a human flag "not in the prompt\'s language", wins over the detector.',
    coverageNote:
      'Coverage: share of all responses whose language was determined. "und" (and a human\'s zxx "no linguistic content") is neither agreement nor disagreement.',
    mixedNote:
      'mul: mixed answers (a second language holds at least 25% of the text, or a human labelled the response mul), neither agreement nor disagreement: counted in their own column, outside n.',
    notDetected: counted('response(s) have no detection yet (they lower coverage): run `langlens langid`.'),
    humanDisagreements: counted('response(s) have annotators naming different languages: the latest label is used.'),
  },
};
