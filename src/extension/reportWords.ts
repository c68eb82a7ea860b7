// The words of the core's tables (src/core/report/words.ts: titles, column headers, notes) in VS Code's display
// language, for the tables the editor shows (under the Charts panel's charts, the dashboard's chart): one l10n.t
// with a literal per text, so that scripts/l10n-extract.mjs finds them; counts and percentages written as the
// display language writes them, languages by their names. The exports keep ENGLISH_REPORT_WORDS.
import type { ReportWords } from '../core/report/words';
import type { DisplayLanguage } from './displayLanguage';

export function reportWords(l10n: DisplayLanguage): ReportWords {
  const n = (count: number) => l10n.number(count);
  return {
    groups: {
      run: l10n.t('Run'),
      lang: l10n.t('Language'),
      turn: l10n.t('Turn'),
      system: l10n.t('System'),
      criterion: l10n.t('Criterion'),
    },
    n: l10n.t('n'),
    judge: l10n.t('Judge'),
    system: l10n.t('System'),
    invalid: l10n.t('Invalid'),
    mean: l10n.t('Mean'),
    seeds: l10n.t('Seeds'),
    responses: l10n.t('Responses'),
    intervals: (levelPercent, resamples, seed) =>
      l10n.t(
        'Intervals: {0} percentile bootstrap over prompt groups ({1} resamples, seed {2}).',
        l10n.percent(levelPercent / 100, 0),
        n(resamples),
        String(seed),
      ),
    noIntervals: l10n.t('No confidence intervals were computed.'),
    missingBaseline: (baseline, judge, lang, turn, run) =>
      turn > 1
        ? l10n.t(
            'No pairs with the baseline {0} for {1} in {2} turn {3} (run {4}).',
            baseline,
            judge,
            l10n.language(lang).name,
            n(turn),
            run,
          )
        : l10n.t(
            'No pairs with the baseline {0} for {1} in {2} (run {3}).',
            baseline,
            judge,
            l10n.language(lang).name,
            run,
          ),

    agreement: {
      title: l10n.t('Pairwise agreement of judges with humans and between humans'),
      comparison: l10n.t('Comparison'),
      withTie: l10n.t('Agree (w/ tie) %'),
      withoutTie: l10n.t('Agree (w/o tie) %'),
      lima: l10n.t('LIMA score %'),
      items: l10n.t('Items'),
      votePairs: l10n.t(
        "n counts vote pairs: a judge's verdict on an item is paired with every human vote on it; human vs human pairs every two votes on an item (MT-bench).",
      ),
      withoutTieNote: l10n.t(
        '"w/o tie" keeps the pairs where neither says tie. LIMA score (Shaham et al.): 1 same choice, 0.5 one tie, 0 opposite choices.',
      ),
      invalidWrong: (count) =>
        l10n.t(
          '--invalid-as wrong: {0} item(s) with an unparsable judge verdict count as disagreeing with every vote (LIMA score 0).',
          n(count),
        ),
      invalidLeftOut: (count) => l10n.t('{0} item(s) with an unparsable judge verdict were left out.', n(count)),
      invalidAsTies: (count) =>
        l10n.t('{0} unparsable judge verdict(s) were counted as ties (--invalid-as tie).', n(count)),
    },
    dashboard: {
      title: l10n.t('Can the judge be trusted? Agreement with humans and between humans, per language'),
      belowHumans: l10n.t('Below humans'),
      belowHumansNote: l10n.t(
        'Below humans: the figures on which the 95% bootstrap interval of judge − humans (same draws) lies wholly under 0; "too few items to say" with fewer than 10 prompt groups carrying both, or without intervals.',
      ),
    },
    ifMatrix: {
      title: (baseline) => l10n.t('Instruction-following score (%) against {0}, per evaluation language', baseline),
      definition: l10n.t(
        'IF_L(X) = S×S(baseline_L, X) (Shaham et al.): the discounted-tie score of X against the baseline of language L, both orders combined.',
      ),
      columns: l10n.t(
        "Each column has its own baseline; compare systems within a column, not across columns. The baseline's own cell is not a measurement.",
      ),
      n: l10n.t(
        'n: prompts with a valid verdict. The sxs table has wins, ties, losses and unparsable verdicts per cell.',
      ),
    },
    judgeConsistency: {
      title: l10n.t('Judge consistency under swapped presentation order'),
      flip: l10n.t('Flip %'),
      biasedFirst: l10n.t('First both %'),
      biasedSecond: l10n.t('Second both %'),
      otherFlip: l10n.t('Win↔tie %'),
      pairs: l10n.t('Pairs'),
      firstWins: l10n.t('First wins %'),
      secondWins: l10n.t('Second wins %'),
      orderTies: l10n.t('Tie %'),
      orders: l10n.t('Verdicts'),
      flipNote: l10n.t(
        'Flip: over pairs judged in both orders with two valid verdicts (Pairs), the share whose verdict changed when the order was swapped; it splits into the first-shown response winning both times, the second-shown winning both times, and a win in one order against a tie in the other (MT-bench Table 2).',
      ),
      positionNote: l10n.t(
        'First / second wins, tie: over every single-order valid verdict (Verdicts), who won by screen position; a judge without position bias gives the first and the second the same share.',
      ),
      invalidLeftOut: (count) => l10n.t('{0} single-order verdict(s) were unparsable and left out.', n(count)),
      invalidAsTies: (count) =>
        l10n.t('{0} unparsable single-order verdict(s) were counted as ties (--invalid-as tie).', n(count)),
      singleOrder: (count) =>
        l10n.t('{0} pair(s) were judged in one order only: in the position shares, not in the flip shares.', n(count)),
      combinedOnly: (count) =>
        l10n.t('{0} pair(s) came with an already combined verdict and no order information: in neither.', n(count)),
    },
    gate: {
      wrongLanguage: l10n.t('Wrong lang'),
      mixed: l10n.t('mul'),
      undetermined: l10n.t('und'),
      notDetected: l10n.t('Not detected'),
      undeterminedNote: l10n.t(
        '"und" responses (no single language: the detector abstained on a short, ambiguous or code-only answer, or a human said und / zxx) and responses not detected yet are not gated: they keep the judge\'s score and are counted in their columns.',
      ),
      mixedKeep: l10n.t(
        "Mixed answers (mul: a second language holds at least 25% of the text) keep the judge's score (--mul-gate keep, the default; --mul-gate mismatch gates them).",
      ),
      notDetectedNote: (count) =>
        l10n.t('{0} scored response(s) have no language detection yet: run `langlens langid`.', n(count)),
      humanLanguage: (count) =>
        l10n.t('{0} scored response(s) have a human language label or flag, which wins over the detector.', n(count)),
      invalidLeftOut: (count) =>
        l10n.t('{0} unparsable judge answer(s) were left out of every figure (Invalid).', n(count)),
    },
    likert: {
      title: l10n.t('Likert helpfulness (1–6) per system and language, with the language gate'),
      ungated: l10n.t('Ungated mean'),
      prompts: l10n.t('Prompts'),
      meanNote: l10n.t(
        'Mean over the scored responses (n = prompts × seeds with a parsable score), after the gate (Kew et al. §4.1).',
      ),
      rule: l10n.t(
        "Language gate: a response whose language (a human's label, else a human's flag, else the detector's) is not the prompt's scores 1 (Wrong lang).",
      ),
      mixedMismatch: l10n.t(
        'Mixed answers (mul: a second language holds at least 25% of the text) are gated like another language (--mul-gate mismatch): each scores 1.',
      ),
      seedsNote: l10n.t("A prompt's seeds are resampled together with it: the interval is over prompts and seeds."),
    },
    rating3: {
      title: l10n.t('1–3 ratings × language id, summed over the test set, and the language penalty Δ'),
      gatedSum: l10n.t('Σ score × lang id'),
      sum: l10n.t('Σ score'),
      penalty: l10n.t('Δ'),
      maximum: l10n.t('Max'),
      gatedMean: l10n.t('Mean × lang id'),
      scoreNote: l10n.t(
        "Chen et al. §3.4: final score = judge score × language id (1 when the response is in the prompt's language, else 0), summed over the n scored responses; Max = 3 × n.",
      ),
      penaltyNote: l10n.t(
        'Δ = Σ score − Σ score × language id: the points lost only by answering in another language.',
      ),
      seedsNote: l10n.t(
        'Rows with several seeds sum over every seed: divide by Seeds for a per-test-set figure, or read Mean × lang id.',
      ),
      rule: l10n.t(
        "Language gate: a response whose language (a human's label, else a human's flag, else the detector's) is not the prompt's has language id 0 (Wrong lang).",
      ),
      mixedMismatch: l10n.t(
        'Mixed answers (mul: a second language holds at least 25% of the text) are gated like another language (--mul-gate mismatch): each has language id 0.',
      ),
    },
    ratings: {
      titleLima: l10n.t('Human ratings per language and system (% of ratings)'),
      titleScales: l10n.t('Human ratings per language, system and scale (% of ratings, mean)'),
      scale: l10n.t('Scale'),
      levels: { excellent: l10n.t('Excellent'), pass: l10n.t('Pass'), fail: l10n.t('Fail') },
      levelColumn: (level) => l10n.t('{0} %', level),
      ratings: l10n.t('Ratings'),
      annotators: l10n.t('Annotators'),
      eachRating: l10n.t(
        "Every annotator's current rating counts once (a response rated by two annotators gives two ratings): n = Ratings.",
      ),
      meanNote: l10n.t(
        'Mean: the mean value on a numeric scale; on an ordinal scale the mean rank of the levels (1 = the worst).',
      ),
      unknown: (count) => l10n.t('{0} stored rating(s) that are not excellent, pass or fail were left out.', n(count)),
      offScale: (count, cause) =>
        cause.kind === 'undeclared'
          ? l10n.t('{0} stored rating(s) were left out: the scale "{1}" is not declared.', n(count), cause.scale)
          : l10n.t(
              '{0} stored rating(s) were left out: "{1}" is not on the scale {2}.',
              n(count),
              cause.rating,
              cause.scale,
            ),
    },
    ioAgreement: {
      title: l10n.t('Input/output language agreement per system and prompt language'),
      agreement: l10n.t('Agreement %'),
      coverage: l10n.t('Coverage %'),
      mismatches: l10n.t('Mismatches'),
      human: l10n.t('Human label'),
      agreementNote: l10n.t(
        'Agreement: share of the responses in the prompt\'s language among those whose language was determined (n); a human language label, or a human flag "not in the prompt\'s language", wins over the detector.',
      ),
      coverageNote: l10n.t(
        'Coverage: share of all responses whose language was determined. "und" (and a human\'s zxx "no linguistic content") is neither agreement nor disagreement.',
      ),
      mixedNote: l10n.t(
        'mul: mixed answers (a second language holds at least 25% of the text, or a human labelled the response mul), neither agreement nor disagreement: counted in their own column, outside n.',
      ),
      notDetected: (count) =>
        l10n.t('{0} response(s) have no detection yet (they lower coverage): run `langlens langid`.', n(count)),
      humanDisagreements: (count) =>
        l10n.t('{0} response(s) have annotators naming different languages: the latest label is used.', n(count)),
    },
  };
}
