// alpaca_eval's annotations.json: the win rate, wins and draws must be the published leaderboard's, exactly.
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { judgedPairs, parseBaseline, sideBySideScores } from '../../../../src/core/metrics/scores';
import { layoutStore, realLayout, type LayoutStore } from './helpers';

/** The leaderboard CSV's row of one model, by column name (the published file has no quoted fields). */
function leaderboardRow(path: string, model: string): Record<string, string> {
  const [header, ...lines] = readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const row = lines.find((cells) => cells[0] === model);
  assert.ok(row, `${model} is on the leaderboard`);
  return Object.fromEntries(header!.map((name, i) => [name, row[i]!]));
}

describe('alpaca_eval annotations.json', () => {
  let db: LayoutStore;
  beforeEach(async () => (db = await layoutStore()));
  afterEach(() => db.close());

  it("gives alpaca-7b against text_davinci_003 the leaderboard's win rate, wins and draws", async function () {
    const root = realLayout(this, 'alpaca_eval');
    const report = await db.importing(join(root, 'results/alpaca-7b/alpaca_eval_gpt4/annotations.json'));
    assert.equal(report.format, 'alpaca-eval-annotations');
    const published = leaderboardRow(join(root, 'leaderboards/alpaca_eval_gpt4_leaderboard.csv'), 'alpaca-7b');

    const { rows } = sideBySideScores(judgedPairs(await db.store.judgeVerdicts()), {
      baseline: parseBaseline('text_davinci_003'),
      invalidAs: 'exclude',
    });
    const alpaca = rows.find((r) => r.system === 'alpaca-7b')!;
    assert.equal(alpaca.judge, 'alpaca_eval_gpt4');
    assert.equal(alpaca.wins, Number(published.n_wins)); // 205
    assert.equal(alpaca.ties, Number(published.n_draws)); // 16
    assert.equal(alpaca.losses, Number(published.n_wins_base)); // 584
    assert.equal(alpaca.score.n, Number(published.n_total)); // 805
    // (205 + 16 / 2) / 805 = 26.459627329192543 %, the published win_rate to the last printed digit.
    assert.ok(
      Math.abs(alpaca.score.value * 100 - Number(published.win_rate)) < 1e-12,
      `${alpaca.score.value * 100} vs ${published.win_rate}`,
    );
  });

  it('keeps generator_1 as the first system and the continuous preference beside the verdict', async () => {
    const path = join(db.folder, 'annotations.json');
    const row = (instruction: string, preference: number | null) => ({
      instruction,
      output_1: 'base',
      generator_1: 'gpt4_turbo',
      output_2: 'mine',
      generator_2: 'my-model',
      annotator: 'weighted_alpaca_eval_gpt4_turbo',
      preference,
    });
    writeFileSync(path, JSON.stringify([row('a', 1.8), row('b', 1.2), row('c', 1.5), row('d', 0), row('e', null)]));
    await db.importing(path);
    const stored = await db.rows<{ text: string; verdict: string; preference: number | null; a: string }>(`
      SELECT p.text, j.verdict, j.preference, sa.name AS a FROM pairwise_judgments j JOIN prompts p ON p.id = j.prompt_id
      JOIN systems sa ON sa.id = j.system_a_id ORDER BY p.text`);
    // The store keeps a pair in its own order (gpt4_turbo was seen first, so it is system A there).
    assert.deepEqual(
      stored.map((s) => [s.text, s.a, s.verdict, s.preference === null ? null : Math.round(s.preference * 100) / 100]),
      [
        ['a', 'gpt4_turbo', 'B', 0.8],
        ['b', 'gpt4_turbo', 'A', 0.2],
        ['c', 'gpt4_turbo', 'tie', 0.5],
        ['d', 'gpt4_turbo', 'tie', 0.5],
        ['e', 'gpt4_turbo', 'invalid', null],
      ],
    );
    // The same pair named the other way round: the preference turns with the verdict (1.8 for gpt4_turbo = 0.2 for my-model).
    const swapped = join(db.folder, 'swapped', 'annotations.json');
    mkdirSync(join(db.folder, 'swapped'));
    writeFileSync(swapped, JSON.stringify([{ ...row('f', 1.8), generator_1: 'my-model', generator_2: 'gpt4_turbo' }]));
    await db.importing(swapped);
    const [f] = await db.rows<{
      verdict: string;
      preference: number;
      a: string;
    }>(`SELECT j.verdict, j.preference, sa.name AS a
      FROM pairwise_judgments j JOIN prompts p ON p.id = j.prompt_id JOIN systems sa ON sa.id = j.system_a_id WHERE p.text = 'f'`);
    assert.deepEqual([f!.a, f!.verdict, Math.round(f!.preference * 100) / 100], ['gpt4_turbo', 'A', 0.2]);
  });
});
