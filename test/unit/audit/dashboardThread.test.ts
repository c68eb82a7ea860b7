// The dashboard's figures with intervals on a worker thread: the same figures, to the bit, as on the calling
// thread, which meanwhile goes on serving (the extension host's other panels and commands).
import { strict as assert } from 'node:assert';
import type { PairwiseItem } from '../../../src/core/metrics/agreement';
import { agreementDashboard } from '../../../src/core/metrics/audit';
import {
  agreementDashboardOffThread,
  DASHBOARD_WORKER_FROM_ITEMS,
} from '../../../src/core/metrics/audit/dashboardThread';
import type { LanguageTag } from '../../../src/core/model/language';
import type { PairVerdict } from '../../../src/core/model/records';

const VERDICTS: PairVerdict[] = ['A', 'B', 'tie', 'invalid'];
const HUMAN_VERDICTS = ['A', 'B', 'tie'] as const;

/** Items of two languages, 60 prompt groups each, judged by two judges and voted on by two or three humans. */
function items(count: number): PairwiseItem[] {
  return Array.from({ length: count }, (_, i) => {
    const votes = 2 + (i % 2);
    return {
      run: 'r',
      group: `g${i % 60}`,
      lang: (i % 3 === 0 ? 'he' : 'es') as LanguageTag,
      turn: 1,
      systemA: `s${i % 7}`,
      systemB: 'base',
      judges: new Map<string, PairVerdict>([
        ['gpt', VERDICTS[(i * 7) % 4]!],
        ['llama', VERDICTS[(i * 5 + 1) % 3]!],
      ]),
      humans: Array.from({ length: votes }, (_, h) => ({
        annotator: `${i % 3 === 0 ? 'he' : 'es'}-${h}`,
        verdict: HUMAN_VERDICTS[(i * (h + 2) + h) % 3]!,
      })),
      reference: i % 4 === 0 ? 'BA' : 'AB',
    };
  });
}

const OPTIONS = {
  invalidAs: 'exclude',
  intervals: { level: 0.95, resamples: 200, seed: 7 },
} as const;

describe('audit: the dashboard on a worker thread', () => {
  it('gives the calling thread’s figures and intervals, and leaves that thread free meanwhile', async () => {
    const many = items(DASHBOARD_WORKER_FROM_ITEMS + 500);
    const here = agreementDashboard(many, OPTIONS);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const there = await agreementDashboardOffThread(many, OPTIONS);
      assert.deepEqual(there, here);
      assert.ok(ticks > 0, 'a timer of the calling thread fired while the worker computed');
    } finally {
      clearInterval(timer);
    }
    assert.equal(here.groups.length, 2);
    const withTie = here.groups[0]!.judges[0]!.row.withTie;
    assert.ok(typeof withTie.lower === 'number' && withTie.lower < withTie.value!, JSON.stringify(withTie));
    assert.ok(here.groups[0]!.judges[0]!.minusHumans, 'judge − humans has its interval');
  });

  it('computes a small dashboard on the calling thread, with the same figures', async () => {
    const few = items(300);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      assert.deepEqual(await agreementDashboardOffThread(few, OPTIONS), agreementDashboard(few, OPTIONS));
      assert.equal(ticks, 0, 'no round trip to a worker');
    } finally {
      clearInterval(timer);
    }
  });

  it('passes on an error of the worker’s computation as a rejection', async () => {
    const broken = items(DASHBOARD_WORKER_FROM_ITEMS);
    await assert.rejects(
      agreementDashboardOffThread(broken, { ...OPTIONS, intervals: { level: 0.95, resamples: -1, seed: 7 } }),
      (err: Error) => {
        assert.throws(
          () => agreementDashboard(broken, { ...OPTIONS, intervals: { level: 0.95, resamples: -1, seed: 7 } }),
          { message: err.message },
        );
        return true;
      },
    );
  });
});
