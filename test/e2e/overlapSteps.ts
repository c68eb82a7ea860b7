// Issue 15: a study that wants one label per item (an overlap target of 1) and an annotation panel already open.
// Another annotator's label, committed beside the editor (as from another machine), reaches the open queue by
// itself: the header counts the item as taken by others, and moving through the queue passes over it.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { queueResponses } from '../../src/core/store/annotation';
import type { LanguageTag } from '../../src/core/model/language';
import { fullItems, setOverlapTarget, type OverlapTask } from '../../src/core/store/overlap';
import { appendLabel, type LabelWrite } from '../../src/core/store/annotation';
import { Store } from '../../src/core/store/store';
import { settledAnnotationPanel } from './panelSteps';
import { log, reloadWindow, waitInFrame, type Shots } from './workbench';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;

export interface OverlapStepContext {
  readonly db: string;
  readonly run: string;
  readonly annotator: string;
}

const OTHER = 'olga-overlap';

async function withStore<T>(db: string, body: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open(db);
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

/** The labels another annotator could give on the prompt of the item shown, other than that item. */
async function otherItemsOfThePrompt(store: Store, run: string, task: OverlapTask, key: string): Promise<LabelWrite[]> {
  // An item's key is JSON: [group, lang, turn, system, seed] or [group, lang, turn, systemA, systemB], with
  // "#criterion" after it when the task has criteria.
  const [group, lang, turn, ...shown] = JSON.parse(key.replace(/#[^\]]*$/, '')) as [
    string,
    string,
    number,
    ...unknown[],
  ];
  const responses = (await queueResponses(store, run, [lang as LanguageTag])).filter(
    (r) => r.group === group && r.turn === turn,
  );
  const base = {
    annotator: OTHER,
    comment: null,
    labelledAt: new Date().toISOString(),
    run,
    group,
    lang,
    turn,
  };
  if (task === 'rating') {
    return responses
      .filter((r) => r.system !== shown[0])
      .map((r) => ({
        ...base,
        fingerprint: `${OTHER}-${r.system}`,
        kind: 'rating',
        system: r.system,
        seed: r.seed,
        value: 'pass',
      }));
  }
  const systems = [...new Set(responses.map((r) => r.system))].sort();
  return systems.flatMap((a, i) =>
    systems
      .slice(i + 1)
      .filter((b) => !(a === shown[0] && b === shown[1]))
      .map((b) => ({
        ...base,
        fingerprint: `${OTHER}-${a}-${b}`,
        kind: 'pairwise' as const,
        systemA: a,
        systemB: b,
        value: 'A' as const,
        presentation: 'AB' as const,
      })),
  );
}

export async function overlapTargetFollowedLive(page: Page, shots: Shots, ctx: OverlapStepContext): Promise<void> {
  const before = await settledAnnotationPanel(page, 'the annotation panel before the overlap target');
  const task = before.task as OverlapTask;
  await withStore(ctx.db, (store) => setOverlapTarget(store, ctx.run, task, 1));
  // The target is read when a queue is built: a reload builds it again (and restores the panel).
  await reloadWindow(page);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  const { frame, index, key } = await settledAnnotationPanel(page, 'the panel with the overlap target');
  assert.equal(await frame.evaluate(() => document.body.dataset.taken), '', 'nothing taken by others yet');

  // Another annotator labels an item of the same prompt that this one has not labelled.
  const written = Date.now();
  const other = await withStore(ctx.db, async (store) => {
    // Items already full when the queue was built (others' labels of earlier steps) are not in it: the label must
    // fill one that was not.
    const fullNow = async () =>
      new Set((await fullItems(store, ctx.annotator, ctx.run, task)).map((item) => JSON.stringify(item)));
    const before = await fullNow();
    for (const label of await otherItemsOfThePrompt(store, ctx.run, task, key)) {
      await appendLabel(store, label);
      if ([...(await fullNow())].some((item) => !before.has(item))) return label;
    }
    throw new Error(`every other item of the prompt of ${key} is labelled by ${ctx.annotator} already`);
  });
  const takenText = await waitInFrame(
    frame,
    'the item taken by the other annotator, told to the open panel',
    () => document.body.dataset.taken && document.getElementById('taken-count')?.textContent,
    15_000,
  );
  const seconds = (Date.now() - written) / 1000;
  const taken = (await frame.evaluate(() => document.body.dataset.taken as string)).split(',').map(Number);
  log(
    `overlap: ${OTHER}'s label on ${JSON.stringify(other)} told in ${seconds.toFixed(1)} s: ${takenText}; passed over ${taken}`,
  );
  assert.match(takenText, /taken by others: [12]\b/);
  assert.ok(seconds < 10, `told after ${seconds} s`);
  const first = taken[0]!;
  assert.notEqual(first, index, 'the item shown is claimed by this annotator: never taken from under them');

  // Walk up to the taken item(s) and one step further: the panel passes over them.
  await frame.locator('.prompt-block').click();
  const towards = first > index ? 'ArrowRight' : 'ArrowLeft';
  const step = first > index ? 1 : -1;
  const beside = first - step;
  for (let i = index; i !== beside; i += step) await page.keyboard.press(towards);
  await waitInFrame(
    frame,
    'beside the taken item',
    (at: number) => Number(document.body.dataset.index) === at,
    10_000,
    beside,
  );
  await shots.take('annotate-overlap-taken-by-others');
  let expected = first;
  while (taken.includes(expected)) expected += step;
  if (expected >= 0) {
    await page.keyboard.press(towards);
    const landed = await waitInFrame(
      frame,
      'past the taken item',
      (from: number) => Number(document.body.dataset.index) !== from && (document.body.dataset.index as string),
      10_000,
      beside,
    );
    assert.equal(Number(landed), expected, `one key from ${beside} passes over ${taken.join(', ')} to ${expected}`);
  }
  await withStore(ctx.db, (store) => setOverlapTarget(store, ctx.run, task, null));
  log('overlap: an open queue follows the overlap target live and passes over items others filled');
}
