// The canonical records every importer produces and the store accepts. See docs/formats.md.
import type { LanguageTag } from './language';

/** Where a record came from, so that every number can be traced back to a line of a file. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
}

/** Identifies one prompt: a prompt group in one language (and one turn of a multi-turn conversation). */
export interface PromptKey {
  readonly run: string;
  readonly group: string;
  readonly lang: LanguageTag;
  /** 1 for single-turn data; MT-bench has turns 1 and 2. */
  readonly turn: number;
}

/** Identifies one response: a system's output for a prompt, for one sampling seed (0 when there is one sample). */
export interface ResponseKey extends PromptKey {
  readonly system: string;
  readonly seed: number;
}

/** Identifies one pairwise item: a prompt and two systems compared on it. */
export interface PairKey extends PromptKey {
  readonly systemA: string;
  readonly systemB: string;
}

export interface PromptRecord extends PromptKey {
  readonly kind: 'prompt';
  readonly text: string;
  readonly source: SourceRef;
}

export interface ResponseRecord extends ResponseKey {
  readonly kind: 'response';
  readonly text: string;
  readonly source: SourceRef;
}

/**
 * A pairwise verdict relative to the record's systemA / systemB (never to screen position):
 * A = systemA is better, B = systemB is better. "invalid" is an answer that could not be parsed.
 */
export type PairVerdict = 'A' | 'B' | 'tie' | 'invalid';

/**
 * Which system the rater saw first. "AB": systemA was first (left); "BA": systemB was first;
 * "combined": the source already merged both orders into one verdict (as MT-bench's gpt4_pair does).
 */
export type PresentationOrder = 'AB' | 'BA' | 'combined';

/**
 * The aspect a rating or verdict is about ("fluency", "faithfulness"); part of the target's identity, so labels and
 * verdicts on different criteria never supersede each other. '' (absent in files): no criterion, the overall judgment.
 */
export type Criterion = string;

export interface PairwiseJudgmentRecord extends PromptKey {
  readonly kind: 'pairwise-judgment';
  readonly judge: string;
  readonly criterion?: Criterion;
  readonly systemA: string;
  readonly systemB: string;
  readonly order: PresentationOrder;
  readonly verdict: PairVerdict;
  /** The judge's answer as it was returned, so that an invalid verdict can be audited or mapped. */
  readonly raw?: string;
  readonly reasoning?: string;
  /** The content hash of the judge definition that produced it (absent for imported verdicts). */
  readonly judgeHash?: string;
  /** Which of the judge's prompts produced it (FastChat's `pair-v2`, `pair-math-v1`): one judge, several prompts. */
  readonly promptVariant?: string;
  /**
   * A continuous preference for systemB over systemA, from 0 (A) through 0.5 (no preference) to 1 (B), when the
   * judge gives one (alpaca_eval's weighted preference − 1). The verdict is its rounding.
   */
  readonly preference?: number;
  readonly source: SourceRef;
}

/** Pointwise scales: Likert 1–6 helpfulness [KE], 1–3 rating [CH], or any other integer range. */
export interface ScoreScale {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

export interface PointwiseJudgmentRecord extends ResponseKey {
  readonly kind: 'pointwise-judgment';
  readonly judge: string;
  readonly criterion?: Criterion;
  readonly scale: ScoreScale;
  /** null when the answer could not be parsed. */
  readonly score: number | null;
  readonly raw?: string;
  readonly reasoning?: string;
  readonly judgeHash?: string;
  /** As for pairwise judgments: FastChat's `single-v1`, `single-math-v1-multi-turn`. */
  readonly promptVariant?: string;
  readonly source: SourceRef;
}

/**
 * A reference answer to a prompt (FastChat's `reference_answer/gpt-4.jsonl`): what a judge may compare against,
 * never a system's response.
 */
export interface ReferenceRecord extends PromptKey {
  readonly kind: 'reference';
  /** Who wrote it: a model or a person ("gpt-4"). */
  readonly author: string;
  readonly text: string;
  readonly source: SourceRef;
}

export const RATINGS = ['fail', 'pass', 'excellent'] as const;
/** LIMA / Shaham et al.'s absolute rating, ordered from worst to best. */
export type Rating = (typeof RATINGS)[number];

/**
 * A scale human ratings (and judge scores) are given on: numeric (any number from min to max; integer steps are
 * the keys of the annotation panel) or ordinal (named levels, worst first).
 */
export type LabelScale =
  | {
      readonly name: string;
      readonly kind: 'numeric';
      readonly min: number;
      readonly max: number;
      readonly description?: string;
    }
  | {
      readonly name: string;
      readonly kind: 'ordinal';
      readonly levels: readonly string[];
      readonly description?: string;
    };

/** The built-in excellent / pass / fail scale (LIMA, Shaham et al.): a rating-label without a scale is on it. */
export const LIMA_SCALE: LabelScale = { name: 'lima-3', kind: 'ordinal', levels: RATINGS };

/** A criterion as a project declares it: what annotators and judges are asked to rate. */
export interface CriterionDefinition {
  readonly name: Criterion;
  readonly description?: string;
  /** What each level means, shown to annotators and given to a judge. */
  readonly rubric?: string;
  /** Worked examples for annotators (Markdown), shown in the annotation panel's guidelines. */
  readonly examples?: string;
}

/** What annotators are asked to do in a run: a rating task on a scale and criteria, or a pairwise task. */
export interface AnnotationTaskDefinition {
  readonly name: string;
  readonly kind: 'rating' | 'pairwise';
  /** The scale of a rating task (default lima-3). */
  readonly scale?: string;
  /** Criteria rated one after the other on each item; none: one overall rating. */
  readonly criteria: readonly Criterion[];
  readonly description?: string;
  /** The study's instructions to annotators (Markdown), shown beside the item in the annotation panel. */
  readonly guidelines?: string;
  /** The share of each annotator's queue made of gold items (0 to 0.5): the study's, over langlens.annotation.goldRate. */
  readonly goldRate?: number;
}

/** A project's label schema (langlens.schema.json or a "schema" record): declared once, used by every import. */
export interface LabelSchema {
  readonly scales: readonly LabelScale[];
  readonly criteria: readonly CriterionDefinition[];
  readonly tasks: readonly AnnotationTaskDefinition[];
}

export interface SchemaRecord extends LabelSchema {
  readonly kind: 'schema';
  readonly source: SourceRef;
}

/**
 * What a label's author is: an annotator (raw labels, what agreement is computed on), the lead's adjudicated label
 * after a disagreement, or an imported known answer (gold). Adjudicated and gold labels never count as raw labels.
 */
export const ANNOTATOR_ROLES = ['annotator', 'adjudicator', 'gold'] as const;
export type AnnotatorRole = (typeof ANNOTATOR_ROLES)[number];

interface HumanLabelBase extends PromptKey {
  readonly annotator: string;
  /** The annotator's role (default annotator); one name has one role in a database. */
  readonly annotatorRole?: AnnotatorRole;
  /**
   * A stable id of this label (the editor gives one to every label; `langlens export-labels` writes it), so that
   * the same label imported twice, from any file, is stored once. Absent: derived from the file name and line.
   */
  readonly labelId?: string;
  /**
   * ISO 8601. Absent when a file gives no time: the label is then stamped with the time it was first imported.
   * The latest label of an annotator on a target wins; the earlier ones stay as history.
   */
  readonly labelledAt?: string;
  readonly comment?: string;
  /** The annotation round (1, 2, ... e.g. before and after adjudication); absent: not part of a numbered round. */
  readonly round?: number;
  /** Focus time on the item before this label, in milliseconds (the annotation panel measures it); absent: unknown. */
  readonly timeOnItemMs?: number;
  readonly source: SourceRef;
}

export interface PairwiseLabelRecord extends HumanLabelBase {
  readonly kind: 'pairwise-label';
  readonly criterion?: Criterion;
  readonly systemA: string;
  readonly systemB: string;
  /** null: the annotator took the label back (undo); the target has no label of theirs until a new one. */
  readonly verdict: Exclude<PairVerdict, 'invalid'> | null;
  /** Which system the annotator saw first (left); when absent, systemA is taken to be first. */
  readonly order?: Exclude<PresentationOrder, 'combined'>;
}

export interface RatingLabelRecord extends HumanLabelBase {
  readonly kind: 'rating-label';
  readonly system: string;
  readonly seed: number;
  readonly criterion?: Criterion;
  /**
   * A level of the scale (lima-3: excellent / pass / fail), or a number on a numeric scale. null: taken back, as
   * for pairwise labels.
   */
  readonly rating: string | number | null;
  /** The scale by name, with the bounds of a numeric one; absent: lima-3. */
  readonly scale?: ScaleReference;
}

/** How a record names its scale: a declared or built-in name, with min and max when the record gives them. */
export interface ScaleReference {
  readonly name: string;
  readonly min?: number;
  readonly max?: number;
}

/** A human statement of the language a response is actually in; it overrides the detector. */
export interface LanguageLabelRecord extends HumanLabelBase {
  readonly kind: 'language-label';
  readonly system: string;
  readonly seed: number;
  readonly language: LanguageTag;
}

/** A person's one-key "this response is not in its prompt's language" (true), or taking it back (false). */
export interface LanguageFlagRecord extends HumanLabelBase {
  readonly kind: 'language-flag';
  readonly system: string;
  readonly seed: number;
  readonly flagged: boolean;
}

export type HumanLabelRecord = PairwiseLabelRecord | RatingLabelRecord | LanguageLabelRecord | LanguageFlagRecord;

export type CanonicalRecord =
  | SchemaRecord
  | PromptRecord
  | ResponseRecord
  | ReferenceRecord
  | PairwiseJudgmentRecord
  | PointwiseJudgmentRecord
  | HumanLabelRecord;

export type RecordKind = CanonicalRecord['kind'];

export const RECORD_KINDS: readonly RecordKind[] = [
  'prompt',
  'response',
  'pairwise-judgment',
  'pointwise-judgment',
  'pairwise-label',
  'rating-label',
  'language-label',
  'language-flag',
  'reference',
  'schema',
];
