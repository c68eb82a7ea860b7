// The one loader of the lead's review list: `langlens scores disagreements` (and its export) and the editor's
// "Review Disagreements" panel both read the items to adjudicate through it, so the two never list different items.
// Pairwise items (loadDisagreements) and rated responses (loadRatingDisagreements) take the same selection.
import { scalesByName } from '../../model/scales';
import { declaredSchema } from '../../store/schemaEntries';
import { pointwiseScores, ratingVotes } from '../../store/scoreQueries';
import type { DataFilter, LabelsAsOf, Store } from '../../store/store';
import { namePattern } from '../../util/pattern';
import { disagreements, isOfKind, type Disagreement, type DisagreementKind } from './disagreements';
import { ratingDisagreements, type RatingDisagreement } from './ratingDisagreements';

export interface DisagreementSelection extends DataFilter, LabelsAsOf {
  /** Only these judges' verdicts (absent: every judge). */
  readonly judges?: readonly string[];
  /** Only the votes of annotators whose name matches (a name pattern as --annotators takes; absent: all). */
  readonly annotatorPattern?: string;
  /** Only pairs of these systems (both of the pair chosen), or responses of them (absent: all). */
  readonly systems?: ReadonlySet<string>;
  /** human-human or human-judge (absent: both). */
  readonly kind?: DisagreementKind;
}

/** Every pairwise item where annotators disagree, or a judge goes against an annotator, with its adjudication. */
export async function loadDisagreements(store: Store, selection: DisagreementSelection): Promise<Disagreement[]> {
  const { judges, annotatorPattern, systems, kind, ...filter } = selection;
  const chosen = annotatorPattern ? namePattern(annotatorPattern) : () => true;
  const [votes, judged, adjudicated] = await Promise.all([
    store.humanPairwiseLabels(filter),
    store.judgeVerdicts({ ...filter, ...(judges ? { judges } : {}) }),
    store.humanPairwiseLabels({ ...filter, roles: ['adjudicator'] }),
  ]);
  const keep = (p: { systemA: string; systemB: string }) =>
    !systems || (systems.has(p.systemA) && systems.has(p.systemB));
  return disagreements(
    votes.filter((v) => keep(v) && chosen(v.annotator)),
    judged.filter(keep),
    adjudicated.filter(keep),
  ).filter((d) => isOfKind(d, kind));
}

/** Every rated response where annotators' ratings differ, or a judge's score goes against one, with its adjudication. */
export async function loadRatingDisagreements(
  store: Store,
  selection: DisagreementSelection,
): Promise<RatingDisagreement[]> {
  const { judges, annotatorPattern, systems, kind, ...filter } = selection;
  const chosen = annotatorPattern ? namePattern(annotatorPattern) : () => true;
  const [votes, scored, adjudicated, schema] = await Promise.all([
    ratingVotes(store, filter, ['annotator']),
    pointwiseScores(store, { ...filter, ...(judges ? { judges } : {}) }),
    ratingVotes(store, filter, ['adjudicator']),
    declaredSchema(store),
  ]);
  const keep = (r: { system: string }) => !systems || systems.has(r.system);
  return ratingDisagreements(
    votes.filter((v) => keep(v) && chosen(v.annotator)),
    scored.filter(keep),
    adjudicated.filter(keep),
    scalesByName(schema),
  ).filter((d) => isOfKind(d, kind));
}
