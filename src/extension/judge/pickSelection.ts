// QuickPicks for what a judge job covers: the judge file, the run, languages, systems and the baseline.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { JudgeSelection } from '../../core/judge/job';
import type { Baseline } from '../../core/judge/tasks';
import type { LanguageTag } from '../../core/model/language';
import type { RunSummary, Store } from '../../core/store/store';

export const JUDGE_FILE_GLOB = '**/*.judge.json';

export async function judgeFilesInWorkspace(): Promise<vscode.Uri[]> {
  return vscode.workspace.findFiles(JUDGE_FILE_GLOB, '**/node_modules/**', 200);
}

export async function pickJudgeFile(files: readonly vscode.Uri[]): Promise<vscode.Uri | undefined> {
  const items = files.map((uri) => ({
    label: path.basename(uri.fsPath),
    description: vscode.workspace.asRelativePath(uri),
    uri,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'LangLens: Run Judge (1/5)',
    placeHolder: 'Which judge?',
  });
  return picked?.uri;
}

/** The run to judge: the one in view if the database has it, the only one, or the user's choice. */
export async function pickRun(store: Store, current: string | undefined): Promise<RunSummary | undefined> {
  const runs = await store.summary();
  if (runs.length === 0) {
    void vscode.window.showWarningMessage('LangLens: the database has no runs yet: import a run folder first.');
    return undefined;
  }
  const inView = runs.find((r) => r.run === current);
  if (inView) return inView;
  if (runs.length === 1) return runs[0];
  const picked = await vscode.window.showQuickPick(
    runs.map((r) => ({
      label: r.run,
      description: `${r.languages.length} languages, ${r.systems.length} systems, ${r.responses} responses`,
      run: r,
    })),
    { title: 'LangLens: Run Judge (2/5)', placeHolder: 'Which run?' },
  );
  return picked?.run;
}

export async function pickLanguages(run: RunSummary): Promise<LanguageTag[] | undefined> {
  const items = run.languages.map((l) => ({
    label: l.lang,
    description: `${l.prompts} prompts, ${l.responses} responses`,
    picked: true,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'LangLens: Run Judge (3/5)',
    placeHolder: 'Which languages?',
    canPickMany: true,
  });
  if (!picked || picked.length === 0) return undefined;
  return picked.map((p) => p.label as LanguageTag);
}

export async function pickSystems(run: RunSummary): Promise<string[] | undefined> {
  const picked = await vscode.window.showQuickPick(
    run.systems.map((s) => ({ label: s, picked: true })),
    {
      title: 'LangLens: Run Judge (4/5)',
      placeHolder: 'Which systems?',
      canPickMany: true,
    },
  );
  if (!picked || picked.length === 0) return undefined;
  return picked.map((p) => p.label);
}

/**
 * Pairwise only: one baseline for every language, one per language ([SH]: the system tuned monolingually on it),
 * or every pair.
 */
export async function pickBaseline(
  systems: readonly string[],
  languages: readonly LanguageTag[],
): Promise<Baseline | undefined> {
  const perLanguage = 'A baseline per language…';
  const allPairs = 'Every pair of systems';
  const picked = await vscode.window.showQuickPick(
    [
      ...systems.map((s) => ({ label: s, description: 'compare every system with this one' })),
      { label: perLanguage, description: '' },
      { label: allPairs, description: `${(systems.length * (systems.length - 1)) / 2} pairs per prompt` },
    ],
    { title: 'LangLens: Run Judge (5/5)', placeHolder: 'Which baseline?' },
  );
  if (!picked) return undefined;
  if (picked.label === allPairs) return { kind: 'all-pairs' };
  if (picked.label !== perLanguage) return { kind: 'system', system: picked.label };
  const chosen = new Map<string, string>();
  for (const [i, lang] of languages.entries()) {
    const system = await vscode.window.showQuickPick(orderByLanguageMatch(systems, lang), {
      title: `Baseline for ${lang} (${i + 1}/${languages.length})`,
      placeHolder: `Which system is the baseline in ${lang}?`,
    });
    if (!system) return undefined;
    chosen.set(lang, system);
  }
  return { kind: 'per-language', systems: chosen };
}

/** Systems whose name mentions the language ("mono-es", "es_only") first: the likely monolingual baseline. */
function orderByLanguageMatch(systems: readonly string[], lang: LanguageTag): string[] {
  const mentions = (s: string) => new RegExp(`(^|[^a-z])${lang.split('-')[0]}([^a-z]|$)`, 'i').test(s);
  return [...systems.filter(mentions), ...systems.filter((s) => !mentions(s))];
}

/** Every choice at once, or undefined when the user backed out of any. */
export async function pickSelection(
  store: Store,
  currentRun: string | undefined,
  pairwise: boolean,
): Promise<JudgeSelection | undefined> {
  const run = await pickRun(store, currentRun);
  if (!run) return undefined;
  const languages = await pickLanguages(run);
  if (!languages) return undefined;
  const systems = await pickSystems(run);
  if (!systems) return undefined;
  // Everything picked is stored as "everything", so that the job's selection reads as the user meant it.
  const selection: JudgeSelection = {
    run: run.run,
    ...(languages.length === run.languages.length ? {} : { languages }),
    ...(systems.length === run.systems.length ? {} : { systems }),
  };
  if (!pairwise) return selection;
  const baseline = await pickBaseline(systems, languages);
  return baseline && { ...selection, baseline };
}
