import { planAssignments, type AssignmentPlan, type TeamMember } from '../../core/annotation/assignments';
import { parseLanguageInput, type LanguageTag } from '../../core/model/language';
import { renderTable, tableAsJson } from '../../core/report/render';
import type { Table } from '../../core/report/table';
import {
  assignmentStatus,
  promptsToAssign,
  saveAssignments,
  type AssignmentStatusRow,
} from '../../core/store/assignments';
import { setOverlapTarget } from '../../core/store/overlap';
import { UsageError, type Command, type CommandContext } from '../command';
import { openExistingStore } from '../openStore';
import { listOption, wholeNumberOption } from '../tableOptions';

export const assignCommand: Command = {
  name: 'assign',
  summary: 'assign prompts to native-speaker annotators with a chosen overlap, and show how far each has come',
  options: {
    run: { type: 'string' },
    annotator: { type: 'string', multiple: true },
    task: { type: 'string' },
    'per-prompt': { type: 'string' },
    overlap: { type: 'string' },
    prompts: { type: 'string' },
    lang: { type: 'string', multiple: true },
    seed: { type: 'string' },
    replace: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    status: { type: 'boolean', default: false },
    target: { type: 'string' },
  },
  help: `usage: langlens assign --run NAME --annotator NAME=LANG[,LANG...]... [options]
       langlens assign --run NAME --status [--task rating|pairwise]
       langlens assign --run NAME --target K [--task rating|pairwise]

Plans who labels which prompts: a prompt (one group in one language) goes only to annotators who speak its
language, the load is balanced, and a share of the prompts goes to several annotators so that their agreement
can be measured. The plan is seeded: the same team, prompts and seed give the same plan. An annotator with
assignments sees only their prompts in the annotation panel; labels already given are never touched.

  --annotator NAME=LANGS  a team member and the languages they label, repeatable (noa=he,ar)
  --task T                rating (default) or pairwise
  --per-prompt N          annotators on each overlapping prompt (default 2)
  --overlap P             share of prompts that overlap, 0..1 (default 1: every prompt)
  --prompts N             prompts per language, a seeded sample (default: all; Shaham et al. used 50)
  --lang CODE             only these languages, repeatable or comma-separated (default: all)
  --seed S                the plan's seed (default: the run's name)
  --replace               plan anew when the run already has assignments for the task
  --dry-run               show the plan, save nothing
  --status                each annotator's assigned prompts and labels so far
  --target K              an overlap target instead of a plan: every annotator's queue skips an item once K
                          annotators hold it (labels and short claims, counted by the database); 0 removes it

example (Shaham et al.: 50 prompts per language, two native annotators each):
  langlens assign --run demo --annotator alice=en,es --annotator bob=en,ru --annotator noa=he --annotator yosef=he --prompts 50`,
  async run(context) {
    const v = context.values;
    if (v.run === undefined) throw new UsageError('name the run with --run');
    const run = String(v.run);
    const task = (v.task as string | undefined) ?? 'rating';
    if (task !== 'rating' && task !== 'pairwise') throw new UsageError(`--task is rating or pairwise, not "${task}"`);
    const store = await openExistingStore(context);
    try {
      if (v.status) return print(context, statusTable(await assignmentStatus(store, run, task), run, task));
      if (v.target !== undefined) {
        const k = wholeNumberOption(v.target, 'target', 0)!;
        await setOverlapTarget(store, run, task, k === 0 ? null : k);
        context.stdout.write(
          k === 0
            ? `run ${run}, ${task}: no overlap target\n`
            : `run ${run}, ${task}: each item goes to ${k} annotator(s); queues skip the items others filled\n`,
        );
        return 0;
      }
      const team = parseTeam(v.annotator as string[] | undefined);
      const languages = listOption(v.lang) ?? [];
      const plan = planAssignments(team, await promptsToAssign(store, run, languages), {
        perPrompt: wholeNumberOption(v['per-prompt'], 'per-prompt', 1) ?? 2,
        overlapShare: share(v.overlap),
        ...(v.prompts !== undefined ? { promptsPerLanguage: wholeNumberOption(v.prompts, 'prompts', 1)! } : {}),
        seed: (v.seed as string | undefined) ?? run,
      });
      if (!v['dry-run']) await saveAssignments(store, run, task, plan.assignments, { replace: v.replace === true });
      print(context, planTable(plan, run, task, v['dry-run'] === true));
      return 0;
    } finally {
      await store.close();
    }
  },
};

function parseTeam(specs: readonly string[] | undefined): TeamMember[] {
  if (!specs?.length) throw new UsageError('name the team with --annotator NAME=LANG[,LANG...] (repeatable)');
  return specs.map((spec) => {
    const [name, langs] = spec.split('=');
    if (!name?.trim() || !langs?.trim())
      throw new UsageError(`--annotator "${spec}" is not NAME=LANG[,LANG...] (noa=he,ar)`);
    const languages = langs.split(',').map((raw): LanguageTag => {
      const tag = parseLanguageInput(raw);
      if (!tag) throw new UsageError(`--annotator ${name}: "${raw}" is not a BCP-47 language tag`);
      return tag;
    });
    return { name: name.trim(), languages };
  });
}

function share(value: unknown): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new UsageError(`--overlap is a share between 0 and 1, not "${value}"`);
  return n;
}

function planTable(plan: AssignmentPlan, run: string, task: string, dryRun: boolean): Table {
  const short = plan.languages.reduce((n, l) => n + l.short, 0);
  return {
    id: 'assignments',
    title: `${dryRun ? 'Planned (not saved)' : 'Saved'}: ${task} assignments of run ${run}`,
    columns: [
      { key: 'lang', label: 'Language', kind: 'text' },
      { key: 'prompts', label: 'Prompts', kind: 'count' },
      { key: 'overlapping', label: 'Overlapping', kind: 'count' },
      { key: 'load', label: 'Prompts per annotator', kind: 'text' },
      { key: 'short', label: 'Short', kind: 'count' },
    ],
    rows: plan.languages.map((l) => ({
      lang: l.lang,
      prompts: l.prompts,
      overlapping: l.overlapping,
      short: l.short,
      load: l.load.length ? l.load.map((a) => `${a.annotator} ${a.prompts}`).join(', ') : 'nobody speaks it',
    })),
    notes: [
      `${plan.assignments.length} assignments. Overlapping prompts go to several annotators, for human–human agreement.`,
      ...(short > 0
        ? [`${short} prompt(s) got fewer annotators than asked: too few team members speak the language.`]
        : []),
    ],
  };
}

function statusTable(rows: readonly AssignmentStatusRow[], run: string, task: string): Table {
  return {
    id: 'assignment-status',
    title: `Progress of the ${task} assignments of run ${run}`,
    columns: [
      { key: 'lang', label: 'Language', kind: 'text' },
      { key: 'annotator', label: 'Annotator', kind: 'text' },
      { key: 'prompts', label: 'Prompts', kind: 'count' },
      { key: 'labelled', label: 'Labelled', kind: 'count' },
      { key: 'items', label: 'Items', kind: 'count' },
      { key: 'done', label: 'Done %', kind: 'percent' },
    ],
    rows: rows.map((r) => ({ ...r, done: r.items ? r.labelled / r.items : NaN })),
    notes: rows.length ? [] : [`run ${run} has no ${task} assignments yet`],
  };
}

function print(context: CommandContext, table: Table): number {
  context.stdout.write(context.json ? JSON.stringify(tableAsJson(table), null, 2) + '\n' : renderTable(table, 'text'));
  return 0;
}
