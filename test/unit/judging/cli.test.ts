// The judging tables as a user runs them: a real langlens process on the fixture study, options parsed from argv.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';

const TSX = pathToFileURL(require.resolve('tsx')).href;

function langlens(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', TSX, join(PROJECT_ROOT, 'src/cli/main.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANGLENS_DB: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('langlens scores: the judging tables from the command line', function () {
  this.timeout(120_000);
  let folder: ReturnType<typeof temporaryFolder>;
  before(() => {
    folder = temporaryFolder();
    const imported = langlens(folder.path, 'import', join(PROJECT_ROOT, 'test/fixtures/judging/run.jsonl'));
    assert.equal(imported.code, 0, imported.stderr);
  });
  after(() => folder.remove());

  it('reads --invalid-as wrong and --gold into judge-accuracy, whose JSON names the mode on every row', () => {
    const result = langlens(
      folder.path,
      'scores',
      'judge-accuracy',
      '--invalid-as',
      'wrong',
      '--gold',
      'gold',
      '--no-ci',
      '--json',
    );
    assert.equal(result.code, 0, result.stderr);
    const [table] = JSON.parse(result.stdout) as {
      title: string;
      rows: { judge: string; mode: string; pairs: number }[];
    }[];
    assert.match(table!.title, /against the gold annotator gold.*--invalid-as wrong/);
    assert.deepEqual([...new Set(table!.rows.map((r) => r.mode))], ['wrong']);
    assert.ok(table!.rows.some((r) => r.judge === 'pj' && r.pairs > 0));
  });

  it('refuses --invalid-as wrong where there is no reference verdict, and lc-winrate without a baseline, with exit code 2 or 1', () => {
    const wrong = langlens(folder.path, 'scores', 'bradley-terry', '--invalid-as', 'wrong', '--no-ci');
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.stderr, /applies to judge-accuracy, agreement; bradley-terry takes exclude or tie/);
    const noBaseline = langlens(folder.path, 'scores', 'lc-winrate');
    assert.equal(noBaseline.code, 2);
    assert.match(noBaseline.stderr, /lc-winrate need --baseline/);
  });
});
