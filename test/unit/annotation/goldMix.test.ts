// Gold items in the queue: the set rate, one in each block of regular items, the same places for the same
// annotator and seed, other places for another, nothing that tells them apart, and what the rate leaves out counted.
import assert from 'node:assert/strict';
import { mixGold } from '../../../src/core/annotation/goldMix';
import { buildQueue, buildQueueWithGold, type QueueResponse, type QueueSpec } from '../../../src/core/annotation/queue';
import type { LanguageTag } from '../../../src/core/model/language';

const responses = (groups: readonly string[]): QueueResponse[] =>
  groups.flatMap((group) =>
    ['s1', 's2'].map((system) => ({ group, lang: 'es' as LanguageTag, turn: 1, system, seed: 0 })),
  );
const ASSIGNED = responses(Array.from({ length: 16 }, (_, i) => `a${i + 1}`));
// Gold prompts g1..g6 are not assigned to the annotator; g1..g5 carry a known answer.
const GOLD_RESPONSES = responses(['g1', 'g2', 'g3', 'g4', 'g5', 'g6']);
const spec = (annotator: string, seed = ''): QueueSpec => ({
  run: 'r',
  task: 'pairwise',
  annotator,
  languages: [],
  seed,
});
const goldKeys = new Set(['g1', 'g2', 'g3', 'g4', 'g5'].map((g) => JSON.stringify([g, 'es', 1, 's1', 's2'])));
const positions = (items: readonly { group: string }[]) =>
  items.flatMap((item, i) => (item.group.startsWith('g') ? [i] : []));

describe('gold items in the queue', () => {
  it('mixes in rate / (1 − rate) × regular items, one in each block, and counts the ones left out', () => {
    const mixed = buildQueueWithGold(spec('ana'), ASSIGNED, GOLD_RESPONSES, { rate: 0.2, keys: goldKeys });
    // 16 regular items at 20%: ⌊0.25 × 16⌋ = 4 gold items, so 4 of 20 (20%); 1 of the 5 known answers left out.
    assert.deepEqual([mixed.items.length, mixed.gold, mixed.goldLeftOut], [20, 4, 1]);
    const at = positions(mixed.items);
    assert.equal(at.length, 4);
    // One gold item per block of 4 regular items: the k-th gold item sits among positions 5k .. 5k + 4.
    at.forEach((p, k) => assert.ok(p >= 5 * k && p <= 5 * k + 4, `gold item ${k} at ${p}`));
    assert.deepEqual(
      mixed.items.filter((i) => !i.group.startsWith('g')).map((i) => i.key),
      buildQueue(spec('ana'), ASSIGNED).map((i) => i.key),
      'the regular items keep their order',
    );
    assert.ok(
      mixed.items.every((i) => Object.keys(i).sort().join() === 'group,key,lang,shown,systemA,systemB,task,turn'),
    );
  });

  it('puts the gold items at the same places for the same annotator, elsewhere for another', () => {
    const place = (annotator: string, seed = '') =>
      buildQueueWithGold(spec(annotator, seed), ASSIGNED, GOLD_RESPONSES, { rate: 0.2, keys: goldKeys }).items.map(
        (i) => i.key,
      );
    assert.deepEqual(place('ana'), place('ana'));
    assert.notDeepEqual(place('ana'), place('ben'));
    assert.deepEqual(place('ana', 'study'), place('ben', 'study'), 'a study-wide seed: the same queue for everyone');
  });

  it('takes a gold item out of the regular queue where it was assigned, so that it is met once', () => {
    const assigned = [...ASSIGNED, ...responses(['g1'])];
    const mixed = buildQueueWithGold(spec('ana'), assigned, GOLD_RESPONSES, { rate: 0.2, keys: goldKeys });
    const keys = mixed.items.map((i) => i.key);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('adds nothing at rate 0 and refuses a rate over one half', () => {
    const regular = buildQueue(spec('ana'), ASSIGNED);
    assert.deepEqual(mixGold(regular, regular.slice(0, 2), 0, 's').items, regular);
    assert.throws(() => mixGold(regular, [], 0.6, 's'), /gold rate is a share from 0 to 0.5, got 0.6/);
  });
});
