// The langlens command as a user runs it: a real process, a real database file, real exit codes.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliReference } from '../../../src/cli/reference';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';

// The TypeScript loader by its path, since the command runs in folders outside the project.
const TSX = pathToFileURL(require.resolve('tsx')).href;

function langlens(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', TSX, join(PROJECT_ROOT, 'src/cli/main.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANGLENS_DB: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('langlens CLI', function () {
  this.timeout(120_000);
  let folder: ReturnType<typeof temporaryFolder>;
  before(() => (folder = temporaryFolder()));
  after(() => folder.remove());

  it('imports the demo run into .langlens/langlens.db and reports per-language agreement as JSON', () => {
    const imported = langlens(folder.path, 'import', join(PROJECT_ROOT, 'demo'), '--json');
    assert.equal(imported.code, 0, imported.stderr);
    const reports = JSON.parse(imported.stdout) as { format: string; records: Record<string, number> }[];
    // prompts, responses, two judges' files, human labels, and the numeric criterion-rated task (schema and ratings).
    assert.equal(reports.length, 7);
    assert.deepEqual(reports.find((r) => r.records.response)!.records, { response: 72 });
    assert.ok(existsSync(join(folder.path, '.langlens', 'langlens.db')));

    const agreement = langlens(
      folder.path,
      'agreement',
      '--run',
      'demo',
      '--table',
      'agreement',
      '--seed',
      '3',
      '--json',
    );
    assert.equal(agreement.code, 0, agreement.stderr);
    const [table] = JSON.parse(agreement.stdout) as {
      rows: { lang: string; comparison: string; withTie: { n: number; value: number; lower: number } }[];
    }[];
    const languages = new Set(table!.rows.map((r) => r.lang));
    assert.deepEqual([...languages].sort(), ['ar', 'en', 'es', 'he', 'ru', 'zh']);
    const english = table!.rows.find((r) => r.lang === 'en' && r.comparison === 'gpt-judge vs humans')!;
    assert.equal(english.withTie.n, 16, 'two annotators × 4 prompts × 2 pairs');
    assert.ok(english.withTie.lower <= english.withTie.value);
  });

  it('lists the ratings to adjudicate with --task rating, the pairwise items by default as before', () => {
    const json = (...args: string[]) => {
      const result = langlens(folder.path, 'scores', 'disagreements', '--run', 'demo', ...args);
      assert.equal(result.code, 0, result.stderr);
      return result.stdout;
    };
    const [rated] = JSON.parse(json('--task', 'rating', '--lang', 'he', '--criterion', '', '--json')) as {
      id: string;
      rows: Record<string, unknown>[];
    }[];
    assert.equal(rated!.id, 'disagreements');
    assert.deepEqual(
      rated!.rows.map((r) => [r.group, r.system, r.scale, r.reasons, r.votes]),
      [
        ['egg', 'mono-en', 'lima-3', 'annotators', 'noa: pass; yosef: fail'],
        ['capital', 'multi-3', 'lima-3', 'annotators', 'noa: fail; yosef: pass'],
        ['prime', 'multi-3', 'lima-3', 'annotators', 'noa: excellent; yosef: pass'],
      ],
    );
    // A judge's score on the same scale (quality-5, criteria) against the annotators' ratings.
    const english = JSON.parse(json('--task', 'rating', '--lang', 'en', '--criterion', 'fluency', '--json')) as {
      rows: Record<string, unknown>[];
    }[];
    const egg = english[0]!.rows.find((r) => r.group === 'egg' && r.system === 'multi-3')!;
    assert.deepEqual(
      [egg.reasons, egg.votes, egg.judges],
      ['annotators, judge', 'alice: 4; bob: 5', 'quality-judge: 3'],
    );
    const csv = json('--task', 'rating', '--lang', 'he', '--format', 'csv');
    assert.match(
      csv.split('\n')[0]!,
      /^lang,group,system,seed,criterion,scale,reasons,votes,comments,judges,reasoning,adjudicated$/,
    );
    // Without --task, and with --task pairwise, the pairwise items, byte for byte the same.
    assert.equal(json('--task', 'pairwise'), json());
    assert.match(json(), /Items to adjudicate: annotators who disagree, or a judge against an annotator/);
    const wrong = langlens(folder.path, 'scores', 'disagreements', '--task', 'ratings');
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--task is rating or pairwise, not "ratings"/);
  });

  it('exports LaTeX to a file named by -o, choosing the format from the extension', () => {
    const out = join(folder.path, 'table3.tex');
    const result = langlens(
      folder.path,
      'export',
      'agreement-by-language',
      '--run',
      'demo',
      '--judge',
      'gpt-judge',
      '-o',
      out,
    );
    assert.equal(result.code, 0, result.stderr);
    const tex = readFileSync(out, 'utf8');
    assert.match(tex, /\\begin\{tabular\}\{lrrrr\}/);
    assert.match(tex, /^Language & Human--model & \$n\$ & Human--human & \$n\$ \\\\$/m);
    assert.match(tex, /^he & [\d.]+ \{\\scriptsize\[[\d.]+, [\d.]+\]\} & 16 & /m);
    const sxs = join(folder.path, 'sxs.tex');
    assert.equal(langlens(folder.path, 'export', 'sxs', '--run', 'demo', '--baseline', 'mono-en', '-o', sxs).code, 0);
    // Options in notes keep their two hyphens, and quotes open and close.
    assert.match(readFileSync(sxs, 'utf8'), /-{}-invalid-as tie/);
    assert.doesNotMatch(readFileSync(out, 'utf8'), /"/);
  });

  it('fails with exit code 1 and names file, line and field when a file is wrong, importing nothing', () => {
    const bad = join(folder.path, 'bad.jsonl');
    writeFileSync(
      bad,
      '{"kind":"prompt","run":"x","group":"1","lang":"en","text":"hi"}\n{"kind":"prompt","run":"x","group":"2","lang":"en"}\n',
    );
    const result = langlens(folder.path, 'import', bad);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /nothing was imported from the file:\n.*bad\.jsonl:2: field "text": is missing/);
    const summary = langlens(folder.path, 'summary', '--json');
    assert.ok(!(JSON.parse(summary.stdout).runs as { run: string }[]).some((r) => r.run === 'x'));
  });

  it('fails with exit code 2 on a mistake in the call, and points at the help', () => {
    const result = langlens(folder.path, 'agreement', '--invalid-as', 'maybe');
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /--invalid-as is "exclude", "tie" or "wrong" \(judge-accuracy and agreement only\), not "maybe"\n\(see langlens help agreement\)/,
    );
    assert.equal(langlens(folder.path, 'frobnicate').code, 2);
  });

  it('names the runs there are when --run names none of them', () => {
    const result = langlens(folder.path, 'export', 'agreement', '--run', 'mt-bench');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /there is no run "mt-bench" in the database \(runs: demo\)/);
  });

  it('says where to start when there is no database yet', () => {
    const empty = temporaryFolder();
    try {
      const result = langlens(empty.path, 'agreement');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /no database at .*langlens\.db: import files first/);
    } finally {
      empty.remove();
    }
  });

  it('has docs/cli.md generated from the current help (npm run docs:cli)', () => {
    assert.equal(readFileSync(join(PROJECT_ROOT, 'docs/cli.md'), 'utf8'), cliReference());
  });
});
