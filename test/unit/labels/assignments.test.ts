// Team annotation: assignments with overlap, and the queue of an assigned annotator.
import { openTestStore } from '../../support/testDatabase';
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { planAssignments, type PromptRef, type TeamMember } from '../../../src/core/annotation/assignments';
import { importFile } from '../../../src/core/import/importFile';
import type { LanguageTag } from '../../../src/core/model/language';
import { queueResponses } from '../../../src/core/store/annotation';
import { assignmentStatus, promptsToAssign, saveAssignments } from '../../../src/core/store/assignments';
import { progressOf } from '../../../src/core/store/explorerProgress';
import { Store } from '../../../src/core/store/store';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';

const tag = (t: string) => t as LanguageTag;
const team: TeamMember[] = [
  { name: 'noa', languages: [tag('he')] },
  { name: 'yosef', languages: [tag('he'), tag('ar')] },
  { name: 'tal', languages: [tag('he')] },
  { name: 'li', languages: [tag('zh-Hans')] },
];
const prompts: PromptRef[] = ['he', 'zh', 'fi'].flatMap((lang) =>
  Array.from({ length: 10 }, (_, i) => ({ group: `q${i + 1}`, lang: tag(lang), turn: 1 })),
);

describe('assignments', () => {
  const plan = planAssignments(team, prompts, { perPrompt: 2, overlapShare: 0.5, promptsPerLanguage: 8, seed: 's' });
  const byLanguage = (lang: string) => plan.languages.find((l) => l.lang === lang)!;

  it('samples the prompts, overlaps the asked share, and balances the load among speakers', () => {
    assert.deepEqual(byLanguage('he'), {
      lang: 'he',
      prompts: 8,
      overlapping: 4,
      short: 0,
      load: [
        { annotator: 'noa', prompts: 4 },
        { annotator: 'tal', prompts: 4 },
        { annotator: 'yosef', prompts: 4 },
      ],
    });
    const he = plan.assignments.filter((a) => a.lang === 'he');
    assert.equal(he.length, 12, '4 prompts × 2 annotators + 4 prompts × 1');
    const perPrompt = new Map<string, string[]>();
    for (const a of he) perPrompt.set(a.group, [...(perPrompt.get(a.group) ?? []), a.annotator]);
    assert.equal(perPrompt.size, 8);
    assert.deepEqual([...perPrompt.values()].map((names) => names.length).sort(), [1, 1, 1, 1, 2, 2, 2, 2]);
    assert.ok(
      [...perPrompt.values()].every((names) => new Set(names).size === names.length),
      'never the same annotator twice',
    );
  });

  it('assigns a language only to those who speak it (zh-Hans speaks zh), and counts the prompts left short', () => {
    assert.deepEqual(byLanguage('zh'), {
      lang: 'zh',
      prompts: 8,
      overlapping: 4,
      short: 4,
      load: [{ annotator: 'li', prompts: 8 }],
    });
    assert.deepEqual(byLanguage('fi'), { lang: 'fi', prompts: 8, overlapping: 4, short: 8, load: [] });
    assert.ok(plan.assignments.every((a) => a.lang !== 'fi'));
  });

  it('gives the same plan for the same seed, and another sample for another seed', () => {
    assert.deepEqual(
      planAssignments(team, prompts, { perPrompt: 2, overlapShare: 0.5, promptsPerLanguage: 8, seed: 's' }),
      plan,
    );
    const other = planAssignments(team, prompts, { perPrompt: 2, overlapShare: 0.5, promptsPerLanguage: 8, seed: 't' });
    const groups = (p: typeof plan) =>
      [...new Set(p.assignments.filter((a) => a.lang === 'he').map((a) => a.group))].sort().join();
    assert.notEqual(groups(other), groups(plan));
  });

  describe('in the database', () => {
    let folder: ReturnType<typeof temporaryFolder>;
    let store: Store;
    before(async () => {
      folder = temporaryFolder();
      store = await openTestStore(join(folder.path, 'langlens.db'));
      for (const file of ['prompts.jsonl', 'responses.jsonl', 'human-labels.jsonl'])
        await importFile(store, join(PROJECT_ROOT, 'demo', file));
    });
    after(async () => {
      await store.close();
      folder.remove();
    });

    it("restricts an assigned annotator's queue to their prompts, and leaves everyone else's whole", async () => {
      const demoPrompts = await promptsToAssign(store, 'demo', ['he']);
      assert.equal(demoPrompts.length, 4);
      await saveAssignments(
        store,
        'demo',
        'rating',
        [
          { annotator: 'noa', group: 'egg', lang: tag('he'), turn: 1 },
          { annotator: 'noa', group: 'prime', lang: tag('he'), turn: 1 },
        ],
        { replace: false },
      );
      const noa = await queueResponses(store, 'demo', ['he'], { annotator: 'noa', task: 'rating' });
      assert.deepEqual([...new Set(noa.map((r) => r.group))].sort(), ['egg', 'prime']);
      assert.equal(noa.length, 6, 'two prompts × three systems');
      assert.equal((await queueResponses(store, 'demo', ['he'], { annotator: 'yosef', task: 'rating' })).length, 12);
      assert.equal(
        (await queueResponses(store, 'demo', ['he'], { annotator: 'noa', task: 'pairwise' })).length,
        12,
        'assignments are per task',
      );
      // The explorer's counts follow the same rule: noa's rating total is her 2 prompts × 3 responses.
      const total = (rows: { total: number }[]) => rows.reduce((n, r) => n + r.total, 0);
      assert.equal(total(await progressOf(store, 'demo', 'noa', 'rating')), 6);
      assert.equal(total(await progressOf(store, 'demo', 'yosef', 'rating')), 72);
    });

    it('reports progress from the labels already given, and refuses to plan over assignments without --replace', async () => {
      assert.deepEqual(await assignmentStatus(store, 'demo', 'rating'), [
        { annotator: 'noa', lang: 'he', prompts: 2, items: 6, labelled: 6 },
      ]);
      await assert.rejects(
        saveAssignments(store, 'demo', 'rating', [], { replace: false }),
        /already has 2 rating assignments: pass --replace/,
      );
      await saveAssignments(store, 'demo', 'rating', [{ annotator: 'tal', group: 'haiku', lang: tag('he'), turn: 1 }], {
        replace: true,
      });
      assert.deepEqual(await assignmentStatus(store, 'demo', 'rating'), [
        { annotator: 'tal', lang: 'he', prompts: 1, items: 3, labelled: 0 },
      ]);
      await assert.rejects(
        saveAssignments(store, 'demo', 'rating', [{ annotator: 'x', group: 'nope', lang: tag('he'), turn: 1 }], {
          replace: true,
        }),
        /no prompt nope \(he, turn 1\) in run "demo"/,
      );
      assert.equal((await assignmentStatus(store, 'demo', 'rating')).length, 1, 'a failed plan leaves the earlier one');
    });
  });
});
