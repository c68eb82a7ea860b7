// Team annotation: which native speaker labels which prompts. A prompt (one group in one language) is the unit,
// so that annotators assigned the same prompt label the same responses and their agreement can be measured.
// Pure and seeded: the same team, prompts and seed always give the same plan.
import { sameLanguage, type LanguageTag } from '../model/language';
import { naturalCompare } from '../util/naturalCompare';
import { randomFromText, shuffled } from './blindOrder';

export interface TeamMember {
  readonly name: string;
  /** The languages they label; a prompt is only ever assigned to someone who speaks its language. */
  readonly languages: readonly LanguageTag[];
}

export interface PromptRef {
  readonly group: string;
  readonly lang: LanguageTag;
  readonly turn: number;
}

export interface AssignmentOptions {
  /** Annotators per prompt in the overlap share (2 for human–human agreement, as in Shaham et al.). */
  readonly perPrompt: number;
  /** The share of prompts (0..1) labelled by perPrompt annotators; the others get one. 1: every prompt overlaps. */
  readonly overlapShare: number;
  /** Prompts per language to assign (a seeded sample, e.g. 50 as in Shaham et al.); all when absent. */
  readonly promptsPerLanguage?: number;
  readonly seed: string;
}

export interface Assignment extends PromptRef {
  readonly annotator: string;
}

export interface LanguagePlan {
  readonly lang: LanguageTag;
  readonly prompts: number;
  /** Prompts meant for perPrompt annotators. */
  readonly overlapping: number;
  readonly load: readonly { readonly annotator: string; readonly prompts: number }[];
  /** Prompts that got fewer annotators than meant, because too few speak the language. */
  readonly short: number;
}

export interface AssignmentPlan {
  readonly assignments: readonly Assignment[];
  readonly languages: readonly LanguagePlan[];
}

export function planAssignments(
  team: readonly TeamMember[],
  prompts: readonly PromptRef[],
  options: AssignmentOptions,
): AssignmentPlan {
  if (!Number.isInteger(options.perPrompt) || options.perPrompt < 1)
    throw new RangeError('perPrompt must be a whole number of at least 1');
  if (!(options.overlapShare >= 0 && options.overlapShare <= 1))
    throw new RangeError('overlapShare must be between 0 and 1');
  const languages = [...new Set(prompts.map((p) => p.lang))].sort();
  const assignments: Assignment[] = [];
  const plans: LanguagePlan[] = [];
  for (const lang of languages) {
    const plan = planLanguage(
      lang,
      team,
      prompts.filter((p) => p.lang === lang),
      options,
    );
    assignments.push(...plan.assignments);
    plans.push(plan.summary);
  }
  return { assignments, languages: plans };
}

function planLanguage(
  lang: LanguageTag,
  team: readonly TeamMember[],
  prompts: readonly PromptRef[],
  options: AssignmentOptions,
) {
  const random = randomFromText(`assignments\u0000${options.seed}\u0000${lang}`);
  // A fixed tie-break order per language, so that equal loads do not always favour the same name.
  const speakers = shuffled(
    team
      .filter((m) => m.languages.some((l) => sameLanguage(l, lang)))
      .map((m) => m.name)
      .sort(),
    random,
  );
  const natural = [...prompts].sort((a, b) => naturalCompare(a.group, b.group) || a.turn - b.turn);
  const chosen = shuffled(natural, random).slice(0, options.promptsPerLanguage ?? natural.length);
  const overlapping = options.perPrompt > 1 ? Math.round(options.overlapShare * chosen.length) : 0;
  const load = new Map(speakers.map((s) => [s, 0]));
  const assignments: Assignment[] = [];
  let short = 0;
  chosen.forEach((prompt, i) => {
    const wanted = i < overlapping ? options.perPrompt : 1;
    // The least loaded speakers; a stable sort keeps the seeded tie-break order.
    const picked = [...speakers].sort((a, b) => load.get(a)! - load.get(b)!).slice(0, wanted);
    if (picked.length < wanted) short++;
    for (const annotator of picked) {
      load.set(annotator, load.get(annotator)! + 1);
      assignments.push({ ...prompt, annotator });
    }
  });
  // In the queue's natural order, so that a plan reads like the work it describes.
  assignments.sort(
    (a, b) => naturalCompare(a.group, b.group) || a.turn - b.turn || a.annotator.localeCompare(b.annotator),
  );
  return {
    assignments,
    summary: {
      lang,
      prompts: chosen.length,
      overlapping,
      short,
      load: [...load]
        .map(([annotator, n]) => ({ annotator, prompts: n }))
        .sort((a, b) => a.annotator.localeCompare(b.annotator)),
    },
  };
}
