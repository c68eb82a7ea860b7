// The project's declared annotation tasks (langlens.schema.json) as the annotation panel uses them: for a rating task
// the scale whose choices get keys 1…N, for either kind the criteria each item is asked about, one after the other,
// and the study's guidelines.
import type { AnnotationTaskDefinition, CriterionDefinition, LabelSchema, LabelScale } from '../model/records';
import { LIMA_SCALE } from '../model/records';
import { scalesByName } from '../model/scales';
import { CoreError, msg } from '../util/message';

export interface TaskDesign {
  readonly task: string;
  readonly kind: 'rating' | 'pairwise';
  /** The scale of a rating task; null for a pairwise task (A better / tie / B better). */
  readonly scale: LabelScale | null;
  readonly criteria: readonly CriterionDefinition[];
  /** The study's instructions (Markdown), if the task declares them. */
  readonly guidelines: string | null;
  /** The share of gold items the task declares for each queue, if it does (over the setting). */
  readonly goldRate: number | null;
}

export interface RatingDesign extends TaskDesign {
  readonly kind: 'rating';
  readonly scale: LabelScale;
}

/** The declared tasks of one kind, in the schema's order. */
export function declaredTasks(schema: LabelSchema, kind?: 'rating' | 'pairwise'): AnnotationTaskDefinition[] {
  return schema.tasks.filter((t) => kind === undefined || t.kind === kind);
}

/**
 * A declared task by name, or the first of its kind when no name is given; undefined when the schema declares none
 * (the built-in excellent / pass / fail or A / tie / B). A name that is not declared is an error, never a silent
 * fallback to another task.
 */
export function taskDesign(schema: LabelSchema, kind: 'rating' | 'pairwise', name?: string): TaskDesign | undefined {
  const named = name === undefined || name === '' ? undefined : name;
  const task = declaredTasks(schema, kind).find((t) => named === undefined || t.name === named);
  if (!task) {
    if (named === undefined) return undefined;
    const known = declaredTasks(schema, kind).map((t) => t.name);
    throw new CoreError(
      known.length
        ? msg(
            'the {0} task "{1}" is not declared in the project\'s schema (declared: {2})',
            kind,
            named,
            known.join(', '),
          )
        : msg('the {0} task "{1}" is not declared in the project\'s schema (it declares no {0} task)', kind, named),
    );
  }
  const criteria = task.criteria.map((c) => schema.criteria.find((d) => d.name === c) ?? { name: c });
  const scale = kind === 'rating' ? (scalesByName(schema).get(task.scale ?? LIMA_SCALE.name) ?? LIMA_SCALE) : null;
  return {
    task: task.name,
    kind,
    scale,
    criteria,
    guidelines: task.guidelines ?? null,
    goldRate: task.goldRate ?? null,
  };
}

/** The first declared rating task, or one by name; undefined when the schema declares none (excellent / pass / fail). */
export function ratingDesign(schema: LabelSchema, name?: string): RatingDesign | undefined {
  return taskDesign(schema, 'rating', name) as RatingDesign | undefined;
}
