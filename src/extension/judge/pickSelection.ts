// QuickPicks for what a judge job covers: the judge file, the run, languages, systems and the baseline.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { JudgeSelection } from '../../core/judge/job';
import type { Baseline } from '../../core/judge/tasks';
import type { LanguageTag } from '../../core/model/language';
import type { RunSummary, Store } from '../../core/store/store';
import { display } from '../display';
import { pickMany, pickOne, pickText } from '../quickPick';

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
  const picked = await pickOne(items, {
    title: vscode.l10n.t('LangLens: Run Judge ({0}/{1})', 1, 5),
    placeHolder: vscode.l10n.t('Which judge?'),
  });
  return picked?.uri;
}

/** The run to judge: the one in view if the database has it, the only one, or the user's choice. */
export async function pickRun(store: Store, current: string | undefined): Promise<RunSummary | undefined> {
  const runs = await store.summary();
  if (runs.length === 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('LangLens: the database has no runs yet: import a run folder first.'),
    );
    return undefined;
  }
  const inView = runs.find((r) => r.run === current);
  if (inView) return inView;
  if (runs.length === 1) return runs[0];
  const picked = await pickOne(
    runs.map((r) => ({
      label: r.run,
      description: vscode.l10n.t(
        '{0} languages, {1} systems, {2} responses',
        display().number(r.languages.length),
        display().number(r.systems.length),
        display().number(r.responses),
      ),
      run: r,
    })),
    { title: vscode.l10n.t('LangLens: Run Judge ({0}/{1})', 2, 5), placeHolder: vscode.l10n.t('Which run?') },
  );
  return picked?.run;
}

export async function pickLanguages(run: RunSummary): Promise<LanguageTag[] | undefined> {
  const { language, number } = display();
  const items = run.languages.map((l) => ({
    label: l.lang,
    description: vscode.l10n.t(
      '{0}: {1} prompts, {2} responses',
      language(l.lang).name,
      number(l.prompts),
      number(l.responses),
    ),
    picked: true,
  }));
  const picked = await pickMany(items, {
    title: vscode.l10n.t('LangLens: Run Judge ({0}/{1})', 3, 5),
    placeHolder: vscode.l10n.t('Which languages?'),
  });
  if (!picked || picked.length === 0) return undefined;
  return picked.map((p) => p.label as LanguageTag);
}

export async function pickSystems(run: RunSummary): Promise<string[] | undefined> {
  const picked = await pickMany(
    run.systems.map((s) => ({ label: s, picked: true })),
    {
      title: vscode.l10n.t('LangLens: Run Judge ({0}/{1})', 4, 5),
      placeHolder: vscode.l10n.t('Which systems?'),
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
  const perLanguage = vscode.l10n.t('A baseline per language…');
  const allPairs = vscode.l10n.t('Every pair of systems');
  const picked = await pickOne(
    [
      ...systems.map((s) => ({ label: s, description: vscode.l10n.t('compare every system with this one') })),
      { label: perLanguage, description: '' },
      {
        label: allPairs,
        description: vscode.l10n.t('{0} pairs per prompt', (systems.length * (systems.length - 1)) / 2),
      },
    ],
    { title: vscode.l10n.t('LangLens: Run Judge ({0}/{1})', 5, 5), placeHolder: vscode.l10n.t('Which baseline?') },
  );
  if (!picked) return undefined;
  if (picked.label === allPairs) return { kind: 'all-pairs' };
  if (picked.label !== perLanguage) return { kind: 'system', system: picked.label };
  const chosen = new Map<string, string>();
  for (const [i, lang] of languages.entries()) {
    const system = await pickText(orderByLanguageMatch(systems, lang), {
      title: vscode.l10n.t('Baseline for {0} ({1}/{2})', lang, i + 1, languages.length),
      placeHolder: vscode.l10n.t('Which system is the baseline in {0}?', lang),
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
