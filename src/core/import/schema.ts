// A project's label schema (docs/formats.md, "Label schemas"): scales, criteria and annotation tasks, parsed from a
// `langlens.schema.json` file or a `schema` record into typed values, each problem naming its field.
import { MAX_GOLD_RATE } from '../annotation/goldMix';
import type { AnnotationTaskDefinition, CriterionDefinition, LabelSchema, LabelScale } from '../model/records';
import { BUILT_IN_SCALES } from '../model/scales';
import { FieldError } from './errors';
import * as f from './fields';
import type { Row } from './fields';
import { messageOf, msg } from '../util/message';

export function parseSchema(row: Row): LabelSchema {
  onlyFields(row, ['kind', 'scales', 'criteria', 'tasks', 'description', '$schema'], 'a schema');
  const scales = list(row, 'scales').map((item, i) => scaleOf(item, `scales[${i}]`));
  const criteria = list(row, 'criteria').map((item, i) => criterionOf(item, `criteria[${i}]`));
  unique(
    scales.map((s) => s.name),
    'scales',
  );
  unique(
    criteria.map((c) => c.name),
    'criteria',
  );
  const known = new Set([...scales, ...BUILT_IN_SCALES].map((s) => s.name));
  const criterionNames = new Set(criteria.map((c) => c.name));
  const tasks = list(row, 'tasks').map((item, i) => taskOf(item, `tasks[${i}]`, known, criterionNames));
  unique(
    tasks.map((t) => t.name),
    'tasks',
  );
  if (scales.length + criteria.length + tasks.length === 0)
    throw new FieldError('scales', msg('a schema declares at least one scale, criterion or task'));
  return { scales, criteria, tasks };
}

function list(row: Row, field: string): Row[] {
  const v = row[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new FieldError(field, msg('expected a list, found {0}', f.describe(v)));
  return v.map((item, i) => {
    try {
      return f.asRow(item);
    } catch (err) {
      throw new FieldError(`${field}[${i}]`, messageOf(err));
    }
  });
}

/** A field the format does not have is refused by name (a typo such as "guideline" would otherwise be dropped). */
function onlyFields(row: Row, fields: readonly string[], what: string): void {
  for (const key of Object.keys(row)) {
    if (!fields.includes(key)) throw new FieldError(key, msg('is not a field of {0} ({1})', what, fields.join(', ')));
  }
}

const SCALE_FIELDS = ['name', 'description', 'levels', 'min', 'max'];
const CRITERION_FIELDS = ['name', 'description', 'rubric', 'examples'];
const TASK_FIELDS = ['name', 'kind', 'scale', 'criteria', 'description', 'guidelines', 'goldRate'];

/** Runs a field check of an item, naming the field with the item's path. */
function at<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof FieldError) throw new FieldError(`${path}.${err.field}`, messageOf(err));
    throw err;
  }
}

function scaleOf(item: Row, path: string): LabelScale {
  return at(path, () => {
    onlyFields(item, SCALE_FIELDS, 'a scale');
    const name = f.text(item, 'name');
    const description = f.optionalText(item, 'description');
    const base = { name, ...(description ? { description } : {}) };
    if (Array.isArray(item.levels)) {
      const levels = item.levels.map((level, i) => f.text({ [`levels[${i}]`]: level }, `levels[${i}]`));
      if (levels.length < 2)
        throw new FieldError('levels', msg('an ordinal scale has at least two levels, worst first'));
      unique(levels, 'levels');
      if (f.has(item, 'min') || f.has(item, 'max'))
        throw new FieldError('levels', msg('a scale has levels or min and max, not both'));
      return { ...base, kind: 'ordinal', levels };
    }
    const min = f.number(item, 'min');
    const max = f.number(item, 'max');
    if (!(min < max)) throw new FieldError('max', msg('must be greater than min ({0})', min));
    return { ...base, kind: 'numeric', min, max };
  });
}

function criterionOf(item: Row, path: string): CriterionDefinition {
  return at(path, () => {
    onlyFields(item, CRITERION_FIELDS, 'a criterion');
    const description = f.optionalText(item, 'description');
    const rubric = f.optionalText(item, 'rubric');
    const examples = markdownOf(item, 'examples');
    return {
      name: f.text(item, 'name'),
      ...(description ? { description } : {}),
      ...(rubric ? { rubric } : {}),
      ...(examples ? { examples } : {}),
    };
  });
}

function taskOf(
  item: Row,
  path: string,
  scales: ReadonlySet<string>,
  criteria: ReadonlySet<string>,
): AnnotationTaskDefinition {
  return at(path, () => {
    onlyFields(item, TASK_FIELDS, 'a task');
    const kind = f.oneOf(item, 'kind', ['rating', 'pairwise'] as const);
    const scale = f.optionalText(item, 'scale');
    if (scale !== undefined && !scales.has(scale))
      throw new FieldError('scale', msg('"{0}" is neither declared under scales nor built in', scale));
    if (scale !== undefined && kind === 'pairwise')
      throw new FieldError('scale', msg('a pairwise task has no scale (its choices are A, tie, B)'));
    const named = item.criteria === undefined || item.criteria === null ? [] : item.criteria;
    if (!Array.isArray(named))
      throw new FieldError('criteria', msg('expected a list of criterion names, found {0}', f.describe(named)));
    const list = named.map((c, i) => f.text({ [`criteria[${i}]`]: c }, `criteria[${i}]`));
    for (const c of list)
      if (!criteria.has(c)) throw new FieldError('criteria', msg('"{0}" is not declared under criteria', c));
    const description = f.optionalText(item, 'description');
    const guidelines = markdownOf(item, 'guidelines');
    const goldRate = f.has(item, 'goldRate') ? f.number(item, 'goldRate') : undefined;
    if (goldRate !== undefined && !(goldRate >= 0 && goldRate <= MAX_GOLD_RATE))
      throw new FieldError(
        'goldRate',
        msg('the share of gold items in a queue is from 0 to {0}, not {1}', MAX_GOLD_RATE, goldRate),
      );
    return {
      name: f.text(item, 'name'),
      kind,
      ...(scale ? { scale } : {}),
      criteria: list,
      ...(description ? { description } : {}),
      ...(guidelines ? { guidelines } : {}),
      ...(goldRate !== undefined ? { goldRate } : {}),
    };
  });
}

/** Markdown written as one text or, easier to keep in JSON, as a list of its lines. */
function markdownOf(item: Row, field: string): string | undefined {
  const v = item[field];
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v))
    return v.map((line, i) => f.textAllowEmpty({ [`${field}[${i}]`]: line }, `${field}[${i}]`)).join('\n');
  return f.text(item, field);
}

function unique(names: readonly string[], field: string): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new FieldError(field, msg('"{0}" is declared twice', n));
    seen.add(n);
  }
}
