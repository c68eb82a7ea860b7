// Shared set-up of the judge tests: a store holding a small run, judge definition files, and readers of what was stored.
import { openTestStore } from '../../support/testDatabase';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseLanguageTag, type LanguageTag } from '../../../src/core/model/language';
import type { CanonicalRecord, PairVerdict, PresentationOrder } from '../../../src/core/model/records';
import { loadJudgeDefinition, type JudgeDefinition } from '../../../src/core/judge/definition';
import { connectionOf } from '../../../src/core/store/connection';
import { Store } from '../../../src/core/store/store';

export const tag = (s: string): LanguageTag => parseLanguageTag(s)!;

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'langlens-judge-'));
}

/** The prompt text the test server recognises a group and language by. */
export const promptText = (group: string, lang: string) => `Question ${group} (${lang}): explain something.`;
/** A response text that names its system, so the server can tell which one is shown first. */
export const responseText = (system: string, group: string, lang: string, seed = 0) =>
  `<<${system}>> answer to ${group} in ${lang} #${seed}`;

export interface RunShape {
  readonly run?: string;
  readonly languages: readonly string[];
  readonly groups: readonly string[];
  readonly systems: readonly string[];
  readonly seeds?: readonly number[];
}

export async function storeWithRun(shape: RunShape, path = ':memory:'): Promise<Store> {
  // A file is for the CLI or a child process, which open it themselves: only in-memory stores follow the engine.
  const store = path === ':memory:' ? await openTestStore(path) : await Store.open(path);
  const run = shape.run ?? 'r';
  const records: CanonicalRecord[] = [];
  let line = 1;
  for (const group of shape.groups) {
    for (const lang of shape.languages) {
      const key = { run, group, lang: tag(lang), turn: 1 };
      records.push({
        kind: 'prompt',
        ...key,
        text: promptText(group, lang),
        source: { file: 'prompts.jsonl', line: line++ },
      });
      for (const system of shape.systems) {
        for (const seed of shape.seeds ?? [0]) {
          records.push({
            kind: 'response',
            ...key,
            system,
            seed,
            text: responseText(system, group, lang, seed),
            source: { file: 'out.jsonl', line: line++ },
          });
        }
      }
    }
  }
  const writer = await store.beginWrite();
  for (const record of records) await writer.write(record, null);
  await writer.commit();
  return store;
}

/** Writes a definition file (and any template files) into a fresh folder and loads it. */
export function judgeFile(
  fields: Record<string, unknown>,
  templates: Record<string, string> = {},
  dir = tempDir(),
): JudgeDefinition {
  for (const [name, text] of Object.entries(templates)) writeFileSync(join(dir, name), text);
  const path = join(dir, `${String(fields.name ?? 'test')}.judge.json`);
  writeFileSync(path, JSON.stringify(fields, null, 2));
  return loadJudgeDefinition(path);
}

/** Which system the judge was shown first and second, read back from the prompt it received. */
export function shownOrder(prompt: string): [string, string] {
  const names = [...prompt.matchAll(/<<([^>]+)>>/g)].map((m) => m[1]!);
  return [names[0]!, names[1]!];
}

/** The group and language of a prompt the judge received. */
export function groupOf(prompt: string): { group: string; lang: string } {
  const m = /Question (\S+) \(([^)]+)\)/.exec(prompt)!;
  return { group: m[1]!, lang: m[2]! };
}

export interface StoredPair {
  readonly lang: string;
  readonly group: string;
  readonly systemA: string;
  readonly systemB: string;
  readonly order: PresentationOrder;
  readonly verdict: PairVerdict;
  readonly raw: string | null;
  readonly judgeHash: string;
}

export async function storedPairs(store: Store): Promise<StoredPair[]> {
  return (await store.judgeVerdicts()).map((v) => ({
    lang: v.lang,
    group: v.group,
    systemA: v.systemA,
    systemB: v.systemB,
    order: v.order,
    verdict: v.verdict,
    raw: v.raw,
    judgeHash: v.judgeHash,
  }));
}

export async function storedScores(store: Store) {
  return connectionOf(store).all<{
    lang: string;
    group: string;
    system: string;
    seed: number;
    score: number | null;
    scale: string;
    raw: string;
    reasoning: string | null;
  }>(`
    SELECT p.lang, p.group_key AS "group", s.name AS system, pw.seed, pw.score, pw.scale, pw.raw, pw.reasoning
    FROM pointwise_judgments pw JOIN prompts p ON p.id = pw.prompt_id JOIN systems s ON s.id = pw.system_id
    ORDER BY p.lang, p.group_key, s.name, pw.seed`);
}

export async function requestRows(store: Store) {
  return connectionOf(store).all<{
    status: string;
    via: string;
    attempts: number;
    error: string | null;
    cost_usd: number | null;
    raw: string | null;
    job_id: number;
  }>('SELECT status, via, attempts, error, cost_usd, raw, job_id FROM judge_requests ORDER BY id');
}

/** A stream that keeps what is written to it, standing in for the CLI's stdout or stderr. */
export function capture(tty = false): NodeJS.WriteStream & { text(): string } {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & { text(): string };
  let text = '';
  (stream as unknown as PassThrough).on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  Object.assign(stream, { isTTY: tty, columns: 160, text: () => text });
  return stream;
}
