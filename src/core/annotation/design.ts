// The project's declared rating task (langlens.schema.json) as the annotation panel uses it: the scale whose
// choices get keys 1…N, and the criteria each response is rated on, one after the other.
import type { CriterionDefinition, LabelSchema, LabelScale } from '../model/records';
import { LIMA_SCALE } from '../model/records';
import { scalesByName } from '../model/scales';

export interface RatingDesign {
  readonly task: string;
  readonly scale: LabelScale;
  readonly criteria: readonly CriterionDefinition[];
}

/** The first declared rating task, or one by name; undefined when the schema declares none (excellent / pass / fail). */
export function ratingDesign(schema: LabelSchema, name?: string): RatingDesign | undefined {
  const task = schema.tasks.find((t) => t.kind === 'rating' && (name === undefined || t.name === name));
  if (!task) return undefined;
  const scale = scalesByName(schema).get(task.scale ?? LIMA_SCALE.name) ?? LIMA_SCALE;
  const criteria = task.criteria.map((c) => schema.criteria.find((d) => d.name === c) ?? { name: c });
  return { task: task.name, scale, criteria };
}
