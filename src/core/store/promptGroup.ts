// The side-by-side grid's SQL: one prompt group with everything on it, and the groups of a run to page through
// (the runs explorer's counts are in explorerProgress.ts).
import type { LanguageTag } from '../model/language';
import type { PairVerdict, PresentationOrder } from '../model/records';
import type { NamedLabel } from './annotation';
import type { Store } from './store';
import { connectionOf } from './connection';
import { packedRows, unpackRows, type PackedKind, type PackedValue } from './packedRows';

export interface GroupRef {
  readonly run: string;
  readonly group: string;
  readonly turn: number;
}

export interface GroupPrompt {
  readonly lang: LanguageTag;
  readonly text: string | null;
}

export interface GroupResponse {
  readonly lang: LanguageTag;
  readonly system: string;
  readonly seed: number;
  readonly text: string;
  readonly detectedLang: LanguageTag | null;
  readonly detectionConfidence: number | null;
  readonly detector: string | null;
  /** For a mixed answer ("mul"): its languages and shares, as stored (JSON). */
  readonly detectionParts: string | null;
}

export interface GroupPointwise {
  readonly lang: LanguageTag;
  readonly system: string;
  readonly seed: number;
  readonly judge: string;
  readonly scale: string;
  readonly scaleMin: number;
  readonly scaleMax: number;
  readonly score: number | null;
  readonly reasoning: string | null;
  readonly raw: string | null;
}

/** A judge's verdict, relative to systemA / systemB as stored (systemA has the lower id). */
export interface GroupPairwise {
  readonly lang: LanguageTag;
  readonly judge: string;
  readonly systemA: string;
  readonly systemB: string;
  readonly order: PresentationOrder;
  readonly verdict: PairVerdict;
  readonly reasoning: string | null;
  readonly raw: string | null;
}

/** A human's current label: a rating or language label of one response, or a pairwise label of two. */
export interface GroupLabel extends NamedLabel {
  readonly lang: LanguageTag;
  readonly kind: 'rating' | 'pairwise' | 'language';
  readonly annotator: string;
  /** '' for none. */
  readonly criterion: string;
}

export interface GroupFlag {
  readonly lang: LanguageTag;
  readonly system: string;
  readonly seed: number;
  readonly annotator: string;
}

export interface PromptGroupData {
  readonly ref: GroupRef;
  readonly turns: readonly number[];
  readonly systems: readonly string[];
  readonly prompts: readonly GroupPrompt[];
  readonly responses: readonly GroupResponse[];
  readonly pointwise: readonly GroupPointwise[];
  readonly pairwise: readonly GroupPairwise[];
  readonly labels: readonly GroupLabel[];
  readonly flags: readonly GroupFlag[];
}

const IN_GROUP = 'r.name = ? AND p.group_key = ? AND p.turn = ?';

/** Everything about one prompt group and turn, in every language: a handful of indexed queries. */
export async function promptGroup(store: Store, ref: GroupRef): Promise<PromptGroupData> {
  const params = [ref.run, ref.group, ref.turn];
  const [turns, systems, prompts, responses, pointwise, pairwise, labels, flags] = await Promise.all([
    connectionOf(store).all<{ turn: number }>(
      `SELECT DISTINCT p.turn FROM prompts p JOIN runs r ON r.id = p.run_id
      WHERE r.name = ? AND p.group_key = ? ORDER BY p.turn`,
      [ref.run, ref.group],
    ),
    connectionOf(store).all<{ name: string }>(
      'SELECT s.name FROM systems s JOIN runs r ON r.id = s.run_id WHERE r.name = ?',
      [ref.run],
    ),
    connectionOf(store).all<GroupPrompt>(
      `SELECT p.lang, p.text FROM prompts p JOIN runs r ON r.id = p.run_id WHERE ${IN_GROUP}`,
      params,
    ),
    connectionOf(store).allBeside<GroupResponse>(
      `
      SELECT p.lang, s.name AS system, resp.seed, resp.text, d.lang AS detectedLang, d.confidence AS detectionConfidence,
             d.detector, d.parts AS detectionParts
      FROM responses resp JOIN prompts p ON p.id = resp.prompt_id JOIN runs r ON r.id = p.run_id
      JOIN systems s ON s.id = resp.system_id LEFT JOIN language_detections d ON d.response_id = resp.id
      WHERE ${IN_GROUP} ORDER BY resp.seed`,
      params,
    ),
    connectionOf(store).all<GroupPointwise>(
      `
      SELECT p.lang, s.name AS system, pw.seed, j.name AS judge, pw.scale, pw.scale_min AS scaleMin,
             pw.scale_max AS scaleMax, pw.score, pw.reasoning, pw.raw
      FROM pointwise_judgments pw JOIN prompts p ON p.id = pw.prompt_id JOIN runs r ON r.id = p.run_id
      JOIN systems s ON s.id = pw.system_id JOIN judges j ON j.id = pw.judge_id
      WHERE ${IN_GROUP} ORDER BY j.name, pw.id`,
      params,
    ),
    sortedGroupRows(store, 'all', PAIRWISE_FIELDS, PAIRWISE_JUDGE, PAIRWISE_FROM, params).then((rows) =>
      rows.map(pairwiseOf),
    ),
    // The largest two (a group's labels at a million labels, its verdicts) on the second connection, beside the rest.
    sortedGroupRows(store, 'allBeside', LABEL_FIELDS, LABEL_ANNOTATOR, LABELS_FROM, params).then((rows) =>
      rows.map(labelOf),
    ),
    connectionOf(store).all<GroupFlag>(
      `
      SELECT p.lang, s.name AS system, f.seed, a.name AS annotator
      FROM current_language_flags f JOIN prompts p ON p.id = f.prompt_id JOIN runs r ON r.id = p.run_id
      JOIN systems s ON s.id = f.system_id JOIN annotators a ON a.id = f.annotator_id
      WHERE ${IN_GROUP} AND f.flagged = 1`,
      params,
    ),
  ]);
  return {
    ref,
    turns: turns.map((t) => t.turn),
    systems: systems.map((s) => s.name),
    prompts,
    responses,
    pointwise,
    pairwise,
    labels,
    flags,
  };
}

// A group's verdicts and current labels packed into one string each (packedRows.ts): at a million labels a group's
// 1,656 labels came as 10.5 ms of row objects, packed they take 3.5 ms. Sorted here, by judge or annotator name and
// then id (the order they were stored in), not by an ORDER BY, which sorted the joined rows in a temporary tree.
const PAIRWISE_FIELDS = [
  ['pj.id', 'int'],
  ['p.lang', 'text'],
  ['j.name', 'text'],
  ['sa.name', 'text'],
  ['sb.name', 'text'],
  ['pj.presentation', 'text'],
  ['pj.verdict', 'text'],
  ['pj.reasoning', 'text?'],
  ['pj.raw', 'text?'],
] as const;
const PAIRWISE_JUDGE = 2;
const PAIRWISE_FROM = `
  FROM pairwise_judgments pj JOIN prompts p ON p.id = pj.prompt_id JOIN runs r ON r.id = p.run_id
  JOIN judges j ON j.id = pj.judge_id JOIN systems sa ON sa.id = pj.system_a_id JOIN systems sb ON sb.id = pj.system_b_id
  WHERE ${IN_GROUP}`;

const LABEL_FIELDS = [
  ['l.id', 'int'],
  ['p.lang', 'text'],
  ['l.kind', 'text'],
  ['a.name', 'text'],
  ['s.name', 'text?'],
  ['l.seed', 'int?'],
  ['sa.name', 'text?'],
  ['sb.name', 'text?'],
  ['l.value', 'text'],
  ['l.comment', 'text?'],
  ['l.criterion', 'text'],
] as const;
const LABEL_ANNOTATOR = 3;
const LABELS_FROM = `
  FROM current_labels l JOIN prompts p ON p.id = l.prompt_id JOIN runs r ON r.id = p.run_id
  JOIN annotators a ON a.id = l.annotator_id LEFT JOIN systems s ON s.id = l.system_id
  LEFT JOIN systems sa ON sa.id = l.system_a_id LEFT JOIN systems sb ON sb.id = l.system_b_id
  WHERE ${IN_GROUP} AND l.value IS NOT NULL`;

/** The group's rows of these fields, packed, sorted by the name at field `name` and then their id (field 0). */
async function sortedGroupRows(
  store: Store,
  read: 'all' | 'allBeside',
  fields: readonly (readonly [string, PackedKind])[],
  name: number,
  from: string,
  params: readonly (string | number)[],
): Promise<PackedValue[][]> {
  const [group] = await connectionOf(store)[read]<{ n: number; packed: unknown }>(
    `SELECT count(*) AS n, ${packedRows(fields)} AS packed ${from}`,
    [...params],
  );
  // No row: a count of 0 and an empty array (on PostgreSQL a null aggregate).
  if (!group || Number(group.n) === 0) return [];
  return unpackRows(
    group.packed,
    fields.map(([, kind]) => kind),
    group.n,
  ).sort((x, y) => byNameThenId(x[name] as string, x[0] as number, y[name] as string, y[0] as number));
}

function pairwiseOf(row: PackedValue[]): GroupPairwise {
  const [, lang, judge, systemA, systemB, order, verdict, reasoning, raw] = row;
  return {
    lang: lang as LanguageTag,
    judge: judge as string,
    systemA: systemA as string,
    systemB: systemB as string,
    order: order as PresentationOrder,
    verdict: verdict as PairVerdict,
    reasoning: reasoning as string | null,
    raw: raw as string | null,
  };
}

function labelOf(row: PackedValue[]): GroupLabel {
  const [, lang, kind, annotator, system, seed, systemA, systemB, value, comment, criterion] = row;
  return {
    lang: lang as LanguageTag,
    kind: kind as GroupLabel['kind'],
    annotator: annotator as string,
    system: system as string | null,
    seed: seed as number | null,
    systemA: systemA as string | null,
    systemB: systemB as string | null,
    value: value as string,
    comment: comment as string | null,
    criterion: criterion as string,
  };
}

/** By name in code-unit order (the database's binary order for every name short of the astral planes), then id. */
function byNameThenId(xName: string, xId: number, yName: string, yId: number): number {
  return xName < yName ? -1 : xName > yName ? 1 : xId - yId;
}

/** One prompt group of a run as the explorer and the grid's next/previous list it. */
export interface GroupEntry {
  readonly group: string;
  readonly turn: number;
}

/** Every (group, turn) of a run, optionally only those with a prompt in one language; sorted by the caller. */
export function groupsOf(store: Store, run: string, lang?: string): Promise<GroupEntry[]> {
  return connectionOf(store).all<GroupEntry>(
    `
    SELECT DISTINCT p.group_key AS "group", p.turn FROM prompts p JOIN runs r ON r.id = p.run_id
    WHERE r.name = ? ${lang === undefined ? '' : 'AND p.lang = ?'}`,
    lang === undefined ? [run] : [run, lang],
  );
}
