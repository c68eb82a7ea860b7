// The extension's settings (contributes.configuration in package.json), read in one place.
import * as vscode from 'vscode';
import { parseLanguageTag, type LanguageTag } from '../core/model/language';
import { MAX_GOLD_RATE } from '../core/annotation/goldMix';
import type { AnnotationTask } from '../../shared/protocol/annotate';
import { resolveUiLanguage, type UiLanguage } from '../../shared/protocol/strings';

const SECTION = 'langlens';

export interface AnnotationSettings {
  readonly task: AnnotationTask;
  readonly blind: boolean;
  readonly seed: string;
  /** The share of gold items mixed into each queue, 0 to 0.5. */
  readonly goldRate: number;
  /** A declared task of the project's schema by name; '' for the first declared task of the kind, if any. */
  readonly declaredTask: string;
  /** Show the detector's language chip in blind mode too. */
  readonly showDetectedWhenBlind: boolean;
}

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

/** The annotator id, trimmed; "" when none is set. */
export function annotatorId(): string {
  return (config().get<string>('annotator.id') ?? '').trim();
}

/** Whom the lead's adjudicated labels are recorded as: langlens.adjudicator.id, else the annotator id; "" for none. */
export function adjudicatorId(): string {
  return (config().get<string>('adjudicator.id') ?? '').trim() || annotatorId();
}

/** The languages the annotator labels, as valid tags; empty means every language. */
export function annotatorLanguages(): LanguageTag[] {
  const raw = config().get<string[]>('annotator.languages') ?? [];
  return raw.map((tag) => parseLanguageTag(String(tag))).filter((tag): tag is LanguageTag => tag !== undefined);
}

/** The database setting as written ("" = the default location). */
export function databaseSetting(): string {
  return (config().get<string>('database.path') ?? '').trim();
}

/** The PostgreSQL server of a team's store (langlens.database.url), without its password; "" for none. */
export function databaseUrl(): string {
  return (config().get<string>('database.url') ?? '').trim();
}

/** The budget of a judge job in US dollars (langlens.judge.maxCost); undefined when unset (0). */
export function judgeBudgetUsd(): number | undefined {
  const value = config().get<number>('judge.maxCost') ?? 0;
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

export function annotationSettings(): AnnotationSettings {
  const c = config();
  return {
    task: c.get<string>('annotation.task') === 'pairwise' ? 'pairwise' : 'rating',
    blind: c.get<boolean>('annotation.blind') ?? true,
    seed: c.get<string>('annotation.seed') ?? '',
    goldRate: Math.min(MAX_GOLD_RATE, Math.max(0, c.get<number>('annotation.goldRate') ?? 0)),
    declaredTask: (c.get<string>('annotation.declaredTask') ?? '').trim(),
    showDetectedWhenBlind: c.get<boolean>('annotation.showDetectedLanguageWhenBlind') ?? false,
  };
}

/** The annotation panel's language: langlens.annotation.uiLanguage, "auto" following VS Code's display language. */
export function annotationUiLanguage(): UiLanguage {
  return resolveUiLanguage(config().get<string>('annotation.uiLanguage') ?? 'auto', vscode.env.language);
}

/** The setting langlens.annotation.uiLanguage as written ("auto" by default). */
export function annotationUiLanguageSetting(): string {
  return config().get<string>('annotation.uiLanguage') ?? 'auto';
}

/**
 * The panel's language, in the user's settings (an application setting: a workspace cannot choose it); undefined
 * removes the user's value, which brings back the default, auto.
 */
export async function setAnnotationUiLanguage(language: UiLanguage | undefined): Promise<void> {
  await config().update('annotation.uiLanguage', language, vscode.ConfigurationTarget.Global);
}

/** The task kind and, for a project's declared task, its name ('' for the built-in one of the kind). */
export async function setAnnotationTask(task: AnnotationTask, declaredTask = ''): Promise<void> {
  await config().update('annotation.declaredTask', declaredTask, vscode.ConfigurationTarget.Global);
  await config().update('annotation.task', task, vscode.ConfigurationTarget.Global);
}

export async function setAnnotatorId(id: string): Promise<void> {
  await config().update('annotator.id', id, vscode.ConfigurationTarget.Global);
}

/**
 * The annotation settings a queue is built from: every langlens.annotation.* the extension contributes but the
 * panel's language, read from its own package.json so that a new setting cannot be forgotten here.
 */
export function queueSettings(packageJson: { contributes?: { configuration?: { properties?: object } } }): string[] {
  return Object.keys(packageJson.contributes?.configuration?.properties ?? {})
    .filter((key) => key.startsWith(`${SECTION}.annotation.`) && key !== `${SECTION}.annotation.uiLanguage`)
    .map((key) => key.slice(SECTION.length + 1));
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent, ...keys: string[]): boolean {
  return keys.some((key) => event.affectsConfiguration(`${SECTION}.${key}`));
}
