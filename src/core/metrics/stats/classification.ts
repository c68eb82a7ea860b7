// Classification metrics of one rater against a reference, e.g. the judge's verdicts against the human majority,
// with sklearn's semantics: precision_recall_fscore_support(zero_division=0), accuracy_score, confusion_matrix.
import { inferCategories, type Label } from './categories';
import { checkSameLength, countPairs } from './pairCounts';

export interface ConfusionMatrix {
  readonly labels: readonly Label[];
  /** counts[i][j]: items whose true label is labels[i] and predicted label is labels[j] (sklearn's layout). */
  readonly counts: number[][];
  /** Items left out because a label is not in `labels` (sklearn drops them the same way). */
  readonly excluded: number;
}

export interface ClassScores {
  readonly label: Label;
  /** tp / predicted as this label; 0 when nothing was predicted as it (zero_division=0). */
  readonly precision: number;
  /** tp / truly this label; 0 when no item truly has it. */
  readonly recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  readonly f1: number;
  /** Items whose true label is this one. */
  readonly support: number;
}

export interface ClassificationReport {
  /** Items compared. */
  readonly n: number;
  readonly accuracy: number;
  readonly perClass: readonly ClassScores[];
  /** Unweighted means of the per-class scores over `labels` (sklearn average='macro'). */
  readonly macro: { readonly precision: number; readonly recall: number; readonly f1: number };
}

/** Default label set: every label in either list, sorted (sklearn's unique_labels). */
function labelsOrDefault(
  truth: readonly Label[],
  predicted: readonly Label[],
  labels?: readonly Label[],
): readonly Label[] {
  return labels ?? inferCategories(truth, predicted);
}

export function confusionMatrix(
  truth: readonly Label[],
  predicted: readonly Label[],
  labels?: readonly Label[],
): ConfusionMatrix {
  const cats = labelsOrDefault(truth, predicted, labels);
  const table = countPairs(truth, predicted, cats);
  const k = cats.length;
  const counts = Array.from({ length: k }, (_, i) => Array.from(table.counts.subarray(i * k, (i + 1) * k)));
  return { labels: cats, counts, excluded: table.excluded };
}

/** Share of items whose predicted label equals the true one; NaN for no items (sklearn warns and returns nan too). */
export function accuracy(truth: readonly Label[], predicted: readonly Label[]): number {
  checkSameLength(truth, predicted);
  let correct = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) correct += 1;
  return correct / truth.length;
}

function ratioOrZero(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/**
 * Per-class and macro precision, recall and F1 over `labels` (default: all labels seen). As in sklearn, items whose
 * labels are outside `labels` still count: predicting a listed class for them is a false positive of that class.
 */
export function classificationReport(
  truth: readonly Label[],
  predicted: readonly Label[],
  labels?: readonly Label[],
): ClassificationReport {
  checkSameLength(truth, predicted);
  const cats = labelsOrDefault(truth, predicted, labels);
  const perClass = cats.map((label): ClassScores => {
    let truePositives = 0;
    let predictedCount = 0;
    let support = 0;
    for (let i = 0; i < truth.length; i++) {
      const t = truth[i] === label;
      const p = predicted[i] === label;
      if (t) support += 1;
      if (p) predictedCount += 1;
      if (t && p) truePositives += 1;
    }
    return {
      label,
      precision: ratioOrZero(truePositives, predictedCount),
      recall: ratioOrZero(truePositives, support),
      f1: ratioOrZero(2 * truePositives, predictedCount + support),
      support,
    };
  });
  const mean = (pick: (s: ClassScores) => number): number =>
    perClass.reduce((sum, s) => sum + pick(s), 0) / perClass.length;
  return {
    n: truth.length,
    accuracy: accuracy(truth, predicted),
    perClass,
    macro: { precision: mean((s) => s.precision), recall: mean((s) => s.recall), f1: mean((s) => s.f1) },
  };
}
