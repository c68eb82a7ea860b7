// The one "below humans" rule (issue 13): the dashboard's verdict, the judge-vs-humans chart's mark and the export's
// "Below humans" column all read it from here. A judge is below the humans on a figure when the interval of
// judge − humans (judgeMinusHumans.ts, both figures on the same bootstrap draws) lies wholly under 0; with fewer
// than MIN_DIFFERENCE_GROUPS prompt groups, or no interval, it is "too few items to say", never "not below".
import { differenceVerdict, type DifferenceVerdict, type JudgeMinusHumans } from './judgeMinusHumans';

export const BELOW_FIGURES = ['withTie', 'withoutTie', 'lima'] as const;
type BelowFigure = (typeof BELOW_FIGURES)[number];

export const TOO_FEW_WORDS = 'too few items to say';

export interface BelowHumans {
  /** Per figure: the verdict of judge − humans ('too-few' when there is no difference to read, e.g. no intervals). */
  readonly verdicts: Readonly<Record<BelowFigure, DifferenceVerdict>>;
  /** Per figure: the verdict is 'below'. */
  readonly below: Readonly<Record<BelowFigure, boolean>>;
}

/** The rule, per figure, from judge − humans (absent: computed without intervals, so nothing can be said). */
export function belowHumans(minusHumans: Readonly<Record<BelowFigure, JudgeMinusHumans>> | undefined): BelowHumans {
  const verdicts = Object.fromEntries(
    BELOW_FIGURES.map((f) => [f, minusHumans ? differenceVerdict(minusHumans[f].difference) : 'too-few']),
  ) as Record<BelowFigure, DifferenceVerdict>;
  const below = Object.fromEntries(BELOW_FIGURES.map((f) => [f, verdicts[f] === 'below'])) as Record<
    BelowFigure,
    boolean
  >;
  return { verdicts, below };
}

/**
 * The export's "Below humans" cell: the names of the figures on which the judge is below, else "too few items to
 * say" when some figure cannot be read, else empty (the data shows no figure below).
 */
export function belowHumansText(rule: BelowHumans, names: Readonly<Record<BelowFigure, string>>): string {
  const below = BELOW_FIGURES.filter((f) => rule.below[f]).map((f) => names[f]);
  if (below.length > 0) return below.join(', ');
  return BELOW_FIGURES.some((f) => rule.verdicts[f] === 'too-few') ? TOO_FEW_WORDS : '';
}
