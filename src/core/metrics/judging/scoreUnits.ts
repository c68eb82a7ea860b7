// Responses as units of agreement on a numeric scale: each rater's value, humans and judges apart, collected per
// scale range (min–max). Humans and judges whose scales have the same range share units, so that a judge can be
// compared with annotators when, and only when, their scales match.
import type { GroupValues } from '../grouping';
import type { HumanScores, NumericScale } from './humanScores';
import { responseKey, type JudgeScore } from './judgeScores';

export interface ScoreLabel {
  readonly rater: string;
  readonly human: boolean;
  readonly value: number;
}

export interface ScoreUnit {
  readonly run: string;
  readonly group: string;
  readonly values: GroupValues;
  readonly labels: ScoreLabel[];
}

export interface ScoreUnitSet {
  /** The range the units are on, and the names of the scales that have it (lima-3, likert-6, ...). */
  readonly range: NumericScale;
  readonly scales: readonly string[];
  readonly units: readonly ScoreUnit[];
  /** Unparsable judge answers, and human ratings the loader could not read: left out. */
  readonly leftOut: number;
  /** A second value by the same rater on the same unit (a judge run twice under one name): the first is kept. */
  readonly repeated: number;
}

function rangeId(scale: NumericScale): string {
  return `${scale.min}–${scale.max}`;
}

export function scoreUnitSets(humans: HumanScores, judges: readonly JudgeScore[]): ScoreUnitSet[] {
  interface Draft {
    range: NumericScale;
    scales: Set<string>;
    units: Map<string, ScoreUnit>;
    raters: Map<string, Set<string>>;
    leftOut: number;
    repeated: number;
  }
  const drafts = new Map<string, Draft>();
  const draftOf = (scale: NumericScale): Draft => {
    const id = rangeId(scale);
    const draft =
      drafts.get(id) ??
      drafts
        .set(id, {
          range: { id, min: scale.min, max: scale.max },
          scales: new Set(),
          units: new Map(),
          raters: new Map(),
          leftOut: 0,
          repeated: 0,
        })
        .get(id)!;
    draft.scales.add(scale.id);
    return draft;
  };
  const add = (draft: Draft, row: Parameters<typeof responseKey>[0], label: ScoreLabel) => {
    const key = responseKey(row);
    let unit = draft.units.get(key);
    if (!unit) {
      unit = {
        run: row.run,
        group: row.group,
        values: { run: row.run, lang: row.lang, turn: row.turn, system: row.system, criterion: row.criterion ?? '' },
        labels: [],
      };
      draft.units.set(key, unit);
    }
    if (unit.labels.some((l) => l.rater === label.rater && l.human === label.human)) {
      draft.repeated++;
      return;
    }
    unit.labels.push(label);
  };
  for (const h of humans.scores) add(draftOf(h.scale), h, { rater: h.annotator, human: true, value: h.value });
  for (const j of judges) {
    const draft = draftOf(j.scale);
    if (j.value === null) draft.leftOut++;
    else add(draft, j, { rater: j.judge, human: false, value: j.value });
  }
  const sets = [...drafts.values()].sort((a, b) => a.range.min - b.range.min || a.range.max - b.range.max);
  // Ratings the loader could not read have no scale: they are counted on every set that holds human ratings.
  return sets.map((d) => ({
    range: d.range,
    scales: [...d.scales].sort(),
    units: [...d.units.values()],
    repeated: d.repeated,
    leftOut: d.leftOut + ([...d.units.values()].some((u) => u.labels.some((l) => l.human)) ? humans.leftOut : 0),
  }));
}

/** The whole points of a range (categories of kappa and AC); a value between them has no category. */
export function categoriesOf(range: NumericScale): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(range.min); v <= range.max; v++) out.push(v);
  return out;
}
