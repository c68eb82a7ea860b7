// The grid's prompt group reads its verdicts and current labels packed into one string each (promptGroup.ts):
// every field whole (nulls, quotes, characters outside the BMP, a value that looks like a number), only the group's
// own, and in the order the grid lists them: by judge or annotator name, then as stored.
import { strict as assert } from 'node:assert';
import { promptGroup } from '../../../src/core/store/promptGroup';
import { openTestStore, type TestStore } from '../scores/support';

const RUN = 'packed';
const at = (second: number) => `2025-02-01T00:00:${String(second).padStart(2, '0')}Z`;

/** An annotator's rating of a system's response, labelled at second `second`. */
function rating(
  group: string,
  lang: string,
  annotator: string,
  system: string,
  value: string,
  second: number,
  comment?: string,
) {
  const label = {
    kind: 'rating-label',
    run: RUN,
    group,
    lang,
    annotator,
    system,
    rating: value,
    labelled_at: at(second),
  };
  return comment === undefined ? label : { ...label, comment };
}

function records(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const group of ['q1', 'q2'])
    for (const lang of ['en', 'he'])
      for (const system of ['a', 'b', 'c'])
        out.push({ kind: 'response', run: RUN, group, lang, system, text: `${system} answers ${group} in ${lang}` });
  // Stored zeta first: the grid lists alpha's verdicts first, each judge's in stored order.
  for (const judge of ['zeta', 'alpha'])
    for (const [order, verdict] of [
      ['AB', 'A'],
      ['BA', 'tie'],
    ])
      out.push({
        kind: 'pairwise-judgment',
        run: RUN,
        group: 'q1',
        lang: 'he',
        judge,
        system_a: 'a',
        system_b: 'c',
        order,
        verdict,
        reasoning: judge === 'zeta' ? 'כי "A" 😀' : undefined,
      });
  out.push(
    {
      kind: 'pairwise-label',
      run: RUN,
      group: 'q1',
      lang: 'he',
      annotator: 'mia',
      system_a: 'a',
      system_b: 'b',
      verdict: 'B',
      labelled_at: at(1),
    },
    rating('q1', 'en', 'ann', 'c', 'fail', 2, 'says "no" 😀'),
    rating('q1', 'he', 'mia', 'a', 'pass', 3),
    rating('q1', 'en', 'ann', 'a', 'excellent', 4, '42'),
    // Another group's label, and a label replaced by a later one: neither is the group's current label.
    rating('q2', 'en', 'ann', 'a', 'fail', 5),
    rating('q1', 'he', 'mia', 'b', 'fail', 6),
    rating('q1', 'he', 'mia', 'b', 'pass', 7),
  );
  return out;
}

describe("the grid's prompt group: verdicts and labels packed", () => {
  let test: TestStore;
  before(async () => {
    test = await openTestStore();
    await test.importRecords('packed', records());
  });
  after(async () => test?.close());

  it('gives every verdict of the group, by judge name and then as stored, every field whole', async () => {
    const data = await promptGroup(test.store, { run: RUN, group: 'q1', turn: 1 });
    assert.deepEqual(
      data.pairwise.map((v) => [v.judge, v.lang, v.systemA, v.systemB, v.order, v.verdict, v.reasoning]),
      [
        ['alpha', 'he', 'a', 'c', 'AB', 'A', null],
        ['alpha', 'he', 'a', 'c', 'BA', 'tie', null],
        ['zeta', 'he', 'a', 'c', 'AB', 'A', 'כי "A" 😀'],
        ['zeta', 'he', 'a', 'c', 'BA', 'tie', 'כי "A" 😀'],
      ],
    );
    assert.deepEqual(Object.keys(data.pairwise[0]!).sort(), [
      'judge',
      'lang',
      'order',
      'raw',
      'reasoning',
      'systemA',
      'systemB',
      'verdict',
    ]);
  });

  it("gives the group's current labels, by annotator name and then as stored, every field whole", async () => {
    const data = await promptGroup(test.store, { run: RUN, group: 'q1', turn: 1 });
    assert.deepEqual(
      data.labels.map((l) => [l.annotator, l.kind, l.lang, l.system, l.systemA, l.systemB, l.value, l.comment]),
      [
        ['ann', 'rating', 'en', 'c', null, null, 'fail', 'says "no" 😀'],
        ['ann', 'rating', 'en', 'a', null, null, 'excellent', '42'],
        ['mia', 'pairwise', 'he', null, 'a', 'b', 'B', null],
        ['mia', 'rating', 'he', 'a', null, null, 'pass', null],
        ['mia', 'rating', 'he', 'b', null, null, 'pass', null],
      ],
    );
    assert.deepEqual(
      data.labels.map((l) => [l.seed, l.criterion]),
      [
        [0, ''],
        [0, ''],
        [null, ''],
        [0, ''],
        [0, ''],
      ],
    );
    const other = await promptGroup(test.store, { run: RUN, group: 'q2', turn: 1 });
    assert.deepEqual(
      other.labels.map((l) => [l.annotator, l.system, l.value]),
      [['ann', 'a', 'fail']],
    );
    assert.deepEqual(other.pairwise, []);
    assert.equal(other.responses.length, 6);
  });
});
