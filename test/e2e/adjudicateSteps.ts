// The lead's review panel in a real VS Code: "LangLens: Review Disagreements" lists the items the core's loader
// finds (the study step's Russian labels: annotators who disagree, a judge against them), filters them by
// language, and a key records the lead's verdict as a label of the role adjudicator (langlens.adjudicator.id is
// e2e-lead in scripts/e2e.sh), written at once and shown; J moves on, ? shows the keys. Then Task: ratings lists
// the rated responses the core's rating loader finds (the fixture's Hebrew ratings: alice pass, bob excellent), and
// the scale's key 2 (pass) records the lead's rating as a rating of the role adjudicator.
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { loadDisagreements, loadRatingDisagreements } from '../../src/core/metrics/annotators';
import { Store } from '../../src/core/store/store';
import { withDatabase } from './database';
import { RUN } from './fixture';
import { log, pickQuickItem, runCommand, type Shots, waitInFrame, webviewFrame } from './workbench';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;

const LEAD = 'e2e-lead';

export async function reviewDisagreementsAndAdjudicate(page: Page, shots: Shots, db: string): Promise<void> {
  const store = await Store.open(db);
  const expected = await loadDisagreements(store, { run: RUN, languages: ['ru'] }).finally(() => store.close());
  assert.ok(expected.length >= 2, `the study step leaves Russian disagreements (${expected.length})`);

  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'LangLens: Review Disagreements');
  await pickQuickItem(page, RUN);
  const review = await webviewFrame(page, 'adjudicate');
  await waitInFrame(review, 'the review list', () => document.body.dataset.review === 'shown');
  await review.selectOption('#filter-lang', 'ru');
  await waitInFrame(review, 'only Russian items', () => {
    const items = [...document.querySelectorAll('.review-item')];
    return items.length > 0 && items.every((i: { dataset: { lang: string } }) => i.dataset.lang === 'ru');
  });
  const listed = await review.evaluate(() =>
    [...document.querySelectorAll('.review-item')].map((i: { dataset: { group: string } }) => i.dataset.group),
  );
  assert.deepEqual(
    [...listed].sort(),
    expected.map((d) => d.group).sort(),
    'the panel lists exactly the items the core loader finds',
  );
  await waitInFrame(
    review,
    'the votes and the texts',
    () =>
      document.querySelector('.vote-row') &&
      ![...document.querySelectorAll('.detail p.muted')].some(
        (p: { textContent: string }) => p.textContent === 'Loading…',
      ),
  );
  const first = JSON.parse(await review.evaluate(() => document.body.dataset.selected as string)) as {
    group: string;
    systemA: string;
    systemB: string;
  };

  // Keys go to the page once it has the focus, as for the lead's first click.
  await review.locator('.detail h2').click();
  await page.keyboard.press('3');
  await waitInFrame(
    review,
    'the adjudication saved',
    () => document.querySelector('#adjudicated')?.textContent === 'B better',
  );
  const rows = await withDatabase(db, (d) =>
    d.all<{ value: string; role: string; group: string; a: string; b: string }>(
      `SELECT l.value, a.role, p.group_key AS "group", sa.name AS a, sb.name AS b
       FROM labels l JOIN annotators a ON a.id = l.annotator_id JOIN prompts p ON p.id = l.prompt_id
       JOIN systems sa ON sa.id = l.system_a_id JOIN systems sb ON sb.id = l.system_b_id
       WHERE a.name = ? AND l.kind = 'pairwise' ORDER BY l.id`,
      [LEAD],
    ),
  );
  assert.equal(rows.length, 1, 'one adjudicated label written');
  const row = rows[0]!;
  assert.equal(row.role, 'adjudicator');
  assert.equal(row.group, first.group);
  // "B better" relative to the item's systemB as the panel named it (the database keeps the lower system id as A).
  assert.equal(row.a === first.systemA ? row.value : row.value === 'A' ? 'B' : 'A', 'B');
  await shots.take('review-adjudicated');

  await page.keyboard.press('j');
  await waitInFrame(
    review,
    'the next item',
    () => document.querySelector('.review-item.selected')?.dataset.index === '1',
  );
  await page.keyboard.press('?');
  await waitInFrame(review, 'the keys', () => document.body.dataset.help === 'open');
  await page.waitForTimeout(300);
  await shots.take('review-next-item-and-keys');
  log(`review: ${listed.length} Russian item(s) listed; ${LEAD} adjudicated ${first.group}: B`);
  await page.keyboard.press('?');
  await waitInFrame(review, 'the keys closed', () => document.body.dataset.help === 'closed');
  await adjudicateARating(page, review, shots, db);
}

/** Task: ratings, in Hebrew: the panel lists what loadRatingDisagreements finds; 2 records "pass" as the lead. */
async function adjudicateARating(page: Page, review: Frame, shots: Shots, db: string): Promise<void> {
  const store = await Store.open(db);
  const expected = await loadRatingDisagreements(store, { run: RUN, languages: ['he'] }).finally(() => store.close());
  assert.ok(expected.length >= 1, `the fixture has Hebrew ratings that differ (${expected.length})`);
  await review.selectOption('#filter-task', 'rating');
  await waitInFrame(review, 'the rated items', () => document.querySelector('.review-item')?.dataset.system);
  await review.selectOption('#filter-lang', 'he');
  await waitInFrame(review, 'only Hebrew rated items', () => {
    const items = [...document.querySelectorAll('.review-item')];
    return items.length > 0 && items.every((i: { dataset: { lang: string } }) => i.dataset.lang === 'he');
  });
  const listed = await review.evaluate(() =>
    [...document.querySelectorAll('.review-item')].map(
      (i: { dataset: { group: string; system: string } }) => `${i.dataset.group} ${i.dataset.system}`,
    ),
  );
  assert.deepEqual(
    [...listed].sort(),
    expected.map((d) => `${d.group} ${d.system}`).sort(),
    'the panel lists exactly the rated items the core loader finds',
  );
  await waitInFrame(
    review,
    'the ratings and the response',
    () =>
      document.querySelectorAll('.vote-row').length >= 2 &&
      document.querySelector('.detail .response .markdown') &&
      ![...document.querySelectorAll('.detail p.muted')].some(
        (p: { textContent: string }) => p.textContent === 'Loading…',
      ),
  );
  const votes = await review.evaluate(() =>
    [...document.querySelectorAll('.vote-row')].map((v: { textContent: string }) => v.textContent.replace(/\s+/g, ' ')),
  );
  assert.ok(
    votes.some((v) => v.includes('alice: pass')) && votes.some((v) => v.includes('bob: excellent')),
    `every annotator's rating shown (${votes.join(' | ')})`,
  );
  const item = JSON.parse(await review.evaluate(() => document.body.dataset.selected as string)) as {
    group: string;
    system: string;
    seed: number;
  };
  await review.locator('.detail h2').click();
  await page.keyboard.press('2');
  await waitInFrame(review, 'the rating saved', () => document.querySelector('#adjudicated')?.textContent === 'pass');
  const rows = await withDatabase(db, (d) =>
    d.all<{ value: string; role: string; group: string; lang: string; system: string; seed: number }>(
      `SELECT l.value, a.role, p.group_key AS "group", p.lang, s.name AS system, l.seed
       FROM labels l JOIN annotators a ON a.id = l.annotator_id JOIN prompts p ON p.id = l.prompt_id
       JOIN systems s ON s.id = l.system_id
       WHERE a.name = ? AND l.kind = 'rating' ORDER BY l.id`,
      [LEAD],
    ),
  );
  assert.deepEqual(rows, [
    { value: 'pass', role: 'adjudicator', group: item.group, lang: 'he', system: item.system, seed: item.seed },
  ]);
  await page.waitForTimeout(300);
  await shots.take('review-rating-adjudicated');
  log(`review: ${listed.length} Hebrew rated item(s) listed; ${LEAD} rated ${item.group} ${item.system}: pass`);
}
