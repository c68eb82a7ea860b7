#!/usr/bin/env node
// `npm run demo`: imports the bundled demo run into a fresh database and prints what LangLens computes on it,
// then writes the paper-ready exports to demo-output/. Pass --vscode to open it in a real VS Code as well.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli))
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });

// Made anew each run. `npm run try` keeps the labels a newcomer gives in .langlens/try.db, never this file.
const db = join(root, '.langlens', 'demo.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
const out = join(root, 'demo-output');
mkdirSync(out, { recursive: true });

function langlens(...args) {
  console.log(`\n$ langlens ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [cli, ...args, '--db', db], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

langlens('import', 'demo');
// The 1–3 judge of the language-penalty chart lives beside demo/ (scripts/demo/make_rating3.py says why).
langlens('import', join('scripts', 'demo', 'judge-rating3.jsonl'));
langlens('summary');
langlens('langid', '--run', 'demo');
langlens('scores', 'io-agreement', 'likert', '--run', 'demo', '--by', 'lang,system', '--no-ci');
langlens('scores', 'sxs', '--run', 'demo', '--baseline', 'mono-en');
langlens('agreement', '--run', 'demo', '--table', 'agreement,judge-vs-majority');
// The numeric, criterion-rated task (demo/langlens.schema.json): 1–5 on fluency and correctness, and a judge on the same scale.
langlens('scores', 'ratings', '--run', 'demo', '--criterion', 'fluency,correctness', '--no-ci');
langlens('scores', 'chance-ratings', '--run', 'demo', '--criterion', 'fluency', '--min-items', '10', '--no-ci');
langlens('export', 'agreement-by-language', '--run', 'demo', '--format', 'markdown');
for (const [table, file] of [
  ['agreement-by-language', 'agreement-by-language.tex'],
  ['agreement', 'agreement.csv'],
  ['judge-vs-majority', 'judge-vs-majority.json'],
]) {
  langlens('export', table, '--run', 'demo', '-o', join('demo-output', file));
}
// Every chart of the demo run, as SVG and PDF for a paper and with its Vega-Lite specification to restyle.
const charts = spawnSync(process.execPath, [cli, 'plot', '--list'], { cwd: root, encoding: 'utf8' })
  .stdout.split('\n')
  .map((l) => l.split(' ')[0])
  .filter(Boolean);
for (const chart of charts) {
  const baseline = chart === 'if-heatmap' ? ['--baseline', 'mono-en'] : [];
  langlens('plot', chart, '--run', 'demo', ...baseline, '-o', join('demo-output', `${chart}.pdf`));
  langlens(
    'plot',
    chart,
    '--run',
    'demo',
    ...baseline,
    '-o',
    join('demo-output', `${chart}.svg`),
    '--spec',
    join('demo-output', `${chart}.vl.json`),
  );
}
console.log(`\nThe demo database is ${db}; exports and charts are in demo-output/.`);
if (process.argv.includes('--vscode')) {
  const tryIt = join(root, 'scripts', 'vscode', 'try.sh');
  if (!existsSync(tryIt)) {
    console.error('scripts/vscode/try.sh is not there yet');
    process.exit(1);
  }
  spawnSync('bash', [tryIt], { cwd: root, stdio: 'inherit' });
}
