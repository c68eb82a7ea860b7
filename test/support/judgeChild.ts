// A judge job in a process of its own, for the crash test: `node judgeChild.js DB JUDGE_FILE`. Prints "ready" once the
// database is open (any journal left by a killed predecessor folded in), then "answered N" every time the runner
// counts an answer as done, and "finished" at the end.
import { loadJudgeDefinition } from '../../src/core/judge/definition';
import { planJudgeJob, runJudgeJob } from '../../src/core/judge/job';
import { Store } from '../../src/core/store/store';

async function main(): Promise<void> {
  const [db, judgeFile] = process.argv.slice(2);
  const store = await Store.open(db!);
  process.stdout.write('ready\n');
  const plan = await planJudgeJob(store, loadJudgeDefinition(judgeFile!), { run: 'r' });
  let reported = 0;
  await runJudgeJob(store, plan, {
    progressEveryMs: 0,
    onProgress: (p) => {
      if (p.answered === reported) return;
      reported = p.answered;
      process.stdout.write(`answered ${reported}\n`);
    },
  });
  await store.close();
  process.stdout.write('finished\n');
}

void main();
