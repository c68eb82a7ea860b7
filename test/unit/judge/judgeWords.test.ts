// A judge job's plan, summary, key source and progress in words: the terminal's English stays as it was, and the
// editor's (src/extension/judge/judgeWords.ts) writes no English of its own. The editor's words are checked in a
// made-up language that writes every letter of a message as "ж": whatever Latin letters remain are the data's
// (names, URLs, the error), and nothing else.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describePlan, describeSummary, judgeText, planLines } from '../../../src/core/judge/describe';
import type { JudgeJobSummary, JudgePlan } from '../../../src/core/judge/job';
import type { ResolvedKey } from '../../../src/core/judge/keys';
import type { JudgeProgress } from '../../../src/core/judge/progress';
import { displayLanguage, ENGLISH_DISPLAY } from '../../../src/extension/displayLanguage';
import { judgeWords, keySourceText, progressText } from '../../../src/extension/judge/judgeWords';
import { fill } from '../../../shared/protocol/words';
import { PROJECT_ROOT } from '../../support/paths';

const list = (k: number) => Array.from({ length: k }, () => null);

function plan(pairwise: boolean): JudgePlan {
  return {
    definition: {
      name: 'judge-one',
      protocol: { kind: pairwise ? 'pairwise' : 'likert' },
      model: 'model-7',
      baseURL: 'http://127.0.0.1:9/v1',
      hash: '0123abcd',
    },
    selection: { run: 'demo' },
    tasks: list(1237),
    cached: list(5),
    toSend: list(7),
    previouslyFailed: 2,
    awaitingBatch: list(3),
    targets: 99,
    skipped: { promptsWithoutText: 1, missingResponses: 2, missingEarlierTurns: 3, languagesWithoutBaseline: ['es'] },
    estimate: { onlineUsd: 0.005, batchUsd: undefined, inputTokens: 12345, maxOutputTokens: 999, maxOnlineUsd: 1.5 },
  } as unknown as JudgePlan;
}

const SUMMARY = {
  jobId: 4,
  judge: 'judge-one',
  judgeHash: '0123abcd',
  via: 'online',
  outcome: 'failed',
  message: 'server gone',
  total: 1234,
  cached: 1,
  answered: 2,
  failed: 1,
  invalid: 3,
  retries: 1000,
  leftInBatches: 5,
  promptTokens: 123456,
  completionTokens: 7,
  costUsd: undefined,
  elapsedMs: 12345,
  failures: [{ error: 'HTTP 500', count: 2 }],
} as unknown as JudgeJobSummary;

const PROGRESS = (phase: JudgeProgress['phase']): JudgeProgress => ({
  phase,
  total: 2000,
  done: 1500,
  cached: 1,
  answered: 2,
  failed: 1,
  invalid: 2,
  retries: 3,
  inFlight: 4,
  requestsPerSecond: 12.34,
  promptTokens: 5,
  completionTokens: 6,
  costUsd: undefined,
  batches: [{ id: 'b1', status: 'in_progress', completed: 10, failed: 0, total: 20 }],
});

const KEYS: [ResolvedKey, boolean][] = [
  [
    { source: { kind: 'secret', origin: 'https://api.openai.com' }, origin: 'https://api.openai.com' } as ResolvedKey,
    false,
  ],
  [{ source: { kind: 'env', name: 'MY_KEY' }, origin: 'https://x.test', needsApproval: true } as ResolvedKey, false],
  [{ source: { kind: 'env', name: 'MY_KEY' }, origin: 'https://x.test', needsApproval: false } as ResolvedKey, false],
  [{ source: { kind: 'none' }, origin: 'http://127.0.0.1:9' } as ResolvedKey, true],
  [{ source: { kind: 'none' }, origin: 'https://x.test' } as ResolvedKey, false],
];

describe('judge: the plan and summary in words', () => {
  it('are the terminal English they were', () => {
    assert.deepEqual(describePlan(plan(true), 'none (a local server needs none)'), [
      'judge judge-one (pairwise, model-7 at http://127.0.0.1:9/v1, hash 0123abcd) on run "demo"',
      '  server    http://127.0.0.1:9',
      '  key       none (a local server needs none)',
      '  requests  1,237: 5 already answered, 7 to send (2 failed before), 3 waiting in a batch',
      '  verdicts  99 (each pair in both orders)',
      '  skipped   1 prompts without text (import the prompts file)',
      '  skipped   2 pairs with a missing response',
      '  skipped   3 later-turn pairs whose earlier turns were not imported',
      '  skipped   languages without a baseline: es',
      '  cost      ~$0.0050 now, ~cost unknown with --batch (~12,345 input tokens, ≤ 999 output); at most $1.50 now',
    ]);
    assert.deepEqual(describeSummary(SUMMARY), [
      'judge-one (hash 0123abcd), job 4: failed: server gone',
      '  requests  1,234: 1 already answered, 2 answered now, 1 failed',
      '  invalid   3 answers with no readable verdict (kept with their raw text)',
      '  retries   1,000',
      '  tokens    123,456 in, 7 out',
      '  cost      cost unknown (this job, estimated from the price table)',
      '  time      12.3 s',
      '  waiting   5 requests are in a batch: run again with --batch to collect them',
      '  failed    2 × HTTP 500',
      'Run the judge again to send what is missing; nothing answered is sent twice.',
    ]);
  });

  it("write no English of their own in the editor: every letter left is the data's", () => {
    const made = displayLanguage('en', { t: (message, ...args) => fill(message.replace(/[A-Za-z]/g, 'ж'), args) });
    // The protocol is named as the judge file names it ("protocol": "pairwise").
    const data = [
      'pairwise',
      'likert',
      'judge-one',
      'model-7',
      'http://127.0.0.1:9/v1',
      'http://127.0.0.1:9',
      '0123abcd',
      'demo',
    ];
    const more = [
      'server gone',
      'HTTP 500',
      'MY_KEY',
      'Spanish',
      'in_progress',
      'https://api.openai.com',
      'https://x.test',
    ];
    const own = (text: string) => [...data, ...more].reduce((rest, d) => rest.split(d).join(''), text);
    const words = judgeWords(made);
    const texts = [
      ...describePlan(plan(true), 'KEY', words).map((l) => l.replace('KEY', '')),
      ...describePlan(plan(false), undefined, words),
      ...describeSummary(SUMMARY, words),
      ...describeSummary({ ...SUMMARY, outcome: 'cancelled', message: undefined, costUsd: 0.5 }, words),
      ...describeSummary({ ...SUMMARY, outcome: 'completed', failed: 0, failures: [] }, words),
      ...KEYS.map(([key, local]) => keySourceText(made, key, local)),
      ...(['sending', 'waiting-for-batch', 'stopping'] as const).map((phase) => progressText(made, PROGRESS(phase))),
      progressText(made, { ...PROGRESS('sending'), failed: 1 }),
    ];
    for (const text of texts) assert.doesNotMatch(own(text), /[A-Za-z]/, text);
  });

  it("read as the confirmation's lines in an English editor", () => {
    const words = judgeWords(ENGLISH_DISPLAY);
    const lines = judgeText(
      planLines(plan(true), undefined, words).filter((l) => l.kind === 'verdicts' || l.kind === 'skipped'),
      words,
    );
    assert.deepEqual(lines, [
      'Verdicts: 99 (each pair in both orders)',
      'Skipped: 1 prompts without text (import the prompts file)',
      'Skipped: 2 pairs with a missing response',
      'Skipped: 3 later-turn pairs whose earlier turns were not imported',
      'Skipped: languages without a baseline: Spanish',
    ]);
    assert.equal(keySourceText(ENGLISH_DISPLAY, KEYS[3]![0], true), 'none (a local server needs none)');
    assert.equal(
      progressText(ENGLISH_DISPLAY, PROGRESS('sending')),
      '1,500 / 2,000 · 12.3 req/s · 1 error · 2 invalid · 3 retries · cost unknown',
    );
  });

  it('are in Spanish in a Spanish editor, the numbers written as Spanish writes them', () => {
    const bundle = JSON.parse(readFileSync(join(PROJECT_ROOT, 'l10n', 'bundle.l10n.es.json'), 'utf8')) as Record<
      string,
      string
    >;
    const es = displayLanguage('es', { t: (message, ...args) => fill(bundle[message] ?? message, args) });
    const words = judgeWords(es);
    const plan12 = describePlan(plan(true), keySourceText(es, KEYS[3]![0], true), words);
    assert.equal(plan12[2], 'Clave de API: ninguna (un servidor local no la necesita)');
    assert.equal(
      plan12[3],
      'Solicitudes: 1237: 5 ya respondidas, 7 por enviar (2 fallaron antes), 3 en espera en un lote',
    );
    assert.equal(plan12[4], 'Veredictos: 99 (cada par en ambos órdenes)');
    assert.equal(describeSummary(SUMMARY, words)[3], 'Reintentos: 1000');
    assert.equal(describeSummary(SUMMARY, words)[4], 'Número de tokens: 123.456 de entrada, 7 de salida');
  });
});
