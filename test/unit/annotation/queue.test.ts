// The annotation queue's order, pure: the annotator's languages in their order, one blind order per annotator
// unless a study-wide seed fixes it for everyone, and a shuffle that can leave items where they are.
import assert from 'node:assert/strict';
import { randomFromText, shuffled } from '../../../src/core/annotation/blindOrder';
import { buildQueue, type QueueResponse, type QueueSpec } from '../../../src/core/annotation/queue';
import type { LanguageTag } from '../../../src/core/model/language';

const tag = (s: string) => s as LanguageTag;
const RESPONSES: QueueResponse[] = ['ar', 'en', 'he'].flatMap((lang) =>
  ['q1', 'q2', 'q10'].flatMap((group) =>
    ['s1', 's2', 's3', 's4'].map((system) => ({ group, lang: tag(lang), turn: 1, system, seed: 0 })),
  ),
);
const spec = (over: Partial<QueueSpec> = {}): QueueSpec => ({
  run: 'r',
  task: 'rating',
  annotator: 'ana',
  languages: [],
  seed: '',
  ...over,
});
const keys = (s: QueueSpec) => buildQueue(s, RESPONSES).map((i) => i.key);

describe('annotation queue order', () => {
  it("takes the annotator's languages in the order they gave, prompt groups in natural order", () => {
    const items = buildQueue(spec({ languages: [tag('he'), tag('ar')] }), RESPONSES);
    const prompts = [...new Set(items.map((i) => `${i.lang} ${i.group}`))];
    assert.deepEqual(prompts, ['he q1', 'he q2', 'he q10', 'ar q1', 'ar q2', 'ar q10']);
    const all = [...new Set(buildQueue(spec(), RESPONSES).map((i) => i.lang))];
    assert.deepEqual(all, ['ar', 'en', 'he'], 'no languages given: every language, in tag order');
  });

  it('gives every annotator the same order under a study-wide seed, and each their own without one', () => {
    assert.deepEqual(
      keys(spec({ annotator: 'ana', seed: 'study-1' })),
      keys(spec({ annotator: 'ben', seed: 'study-1' })),
    );
    assert.deepEqual(
      keys(spec({ annotator: 'ana', seed: ' study-1 ' })),
      keys(spec({ annotator: 'ana', seed: 'study-1' })),
    );
    assert.notDeepEqual(keys(spec({ annotator: 'ana' })), keys(spec({ annotator: 'ben' })));
    assert.notDeepEqual(keys(spec({ seed: 'study-1' })), keys(spec({ seed: 'study-2' })));
    const pairs = (s: QueueSpec) =>
      buildQueue({ ...s, task: 'pairwise' }, RESPONSES).map((i) => (i.task === 'pairwise' ? `${i.key}${i.shown}` : ''));
    assert.deepEqual(pairs(spec({ annotator: 'ana', seed: 's' })), pairs(spec({ annotator: 'ben', seed: 's' })));
  });

  it('shuffles into every order, the unchanged one included, about equally often', () => {
    // Fisher–Yates over 3 items: 6 orders, each with probability 1/6. A shuffle that always swaps (Sattolo's)
    // reaches only the 2 cyclic orders and never leaves an item in place.
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 600; seed++) {
      const order = shuffled(['a', 'b', 'c'], randomFromText(`seed ${seed}`)).join('');
      counts.set(order, (counts.get(order) ?? 0) + 1);
    }
    assert.deepEqual([...counts.keys()].sort(), ['abc', 'acb', 'bac', 'bca', 'cab', 'cba']);
    for (const [order, n] of counts) assert.ok(n > 60 && n < 140, `${order}: ${n} of 600`);
    assert.deepEqual(shuffled(['only'], randomFromText('x')), ['only']);
  });
});
