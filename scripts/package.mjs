// npm run package [-- --target <vsce target>] [--binary <node_sqlite3.node>] [--out <file.vsix>]
//
// Builds the extension for production and packs it with @vscode/vsce. The .vsix is per platform: it carries
// sqlite3's native binary (N-API, so one binary serves every VS Code on that platform). Without --binary the
// binary is the one built in node_modules for this machine, so --target must be this machine's platform;
// build the other platforms' .vsix on those platforms (a CI matrix) or pass their binary with --binary.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { target: { type: 'string' }, binary: { type: 'string' }, out: { type: 'string' } },
});

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const here = hostTarget();
const target = values.target ?? here;
if (target !== here && !values.binary) {
  fail(
    `this machine builds ${here} binaries; for ${target} pass that platform's node_sqlite3.node with --binary, or package on ${target}`,
  );
}
const out = values.out ?? `${pkg.name}-${target}-${pkg.version}.vsix`;

run('node', ['scripts/build.mjs', '--production']);
if (values.binary) copyFileSync(values.binary, 'dist/native/node_sqlite3.node');
const files = withoutNpmFiles(() => {
  // The README's relative links point into the repository, which has no public address yet: keep them as they are.
  run(process.execPath, [
    'node_modules/@vscode/vsce/vsce',
    'package',
    '--no-dependencies',
    '--skip-license',
    '--no-rewrite-relative-links',
    '--target',
    target,
    '--out',
    out,
  ]);
  return execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'ls', '--no-dependencies'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
});
const unexpected = files.filter(
  (f) =>
    !/^(package\.json|package\.nls(\.[\w-]+)?\.json|l10n\/bundle\.l10n(\.[\w-]+)?\.json|README\.md|CHANGELOG\.md|LICENSE(\.md)?|dist\/extension\.js|dist\/langidWorker\.js|dist\/bootstrapWorker\.js|dist\/rowPassWorker\.js|dist\/dashboardWorker\.js|dist\/native\/node_sqlite3\.node|media\/[\w.-]+\.(js|css|ttf|svg))$/.test(
      f,
    ),
);
if (unexpected.length)
  fail(`the .vsix would carry files that do not run: ${unexpected.join(', ')} (see .vscodeignore)`);
console.log(
  `${out}: ${(statSync(out).size / 1e6).toFixed(1)} MB, ${files.length} files for ${target}:\n  ${files.join('\n  ')}`,
);

/** vsce's name for this machine: linux-x64, darwin-arm64, win32-x64, alpine-x64 (musl libc)... */
function hostTarget() {
  const musl = process.platform === 'linux' && !process.report?.getReport()?.header?.glibcVersionRuntime;
  return `${musl ? 'alpine' : process.platform}-${process.arch}`;
}

/**
 * package.json's "files" is the npm package's list (the CLI); vsce refuses it beside .vscodeignore, which is the
 * .vsix's list. vsce runs with package.json as it is minus "files", restored whatever happens.
 */
function withoutNpmFiles(body) {
  const text = readFileSync('package.json', 'utf8');
  const manifest = JSON.parse(text);
  delete manifest.files;
  const restore = () => writeFileSync('package.json', text);
  process.on('exit', restore); // fail() leaves through process.exit, past any finally
  writeFileSync('package.json', JSON.stringify(manifest, null, 2) + '\n');
  try {
    return body();
  } finally {
    restore();
    process.off('exit', restore);
  }
}

function run(command, args) {
  try {
    execFileSync(command, args, { stdio: 'inherit' });
  } catch {
    fail(`${[command, ...args].join(' ')} failed (its output is above)`);
  }
}

function fail(message) {
  console.error(`npm run package: ${message}`);
  process.exit(1);
}

if (!existsSync('dist/native/node_sqlite3.node')) fail('dist/native/node_sqlite3.node is missing after the build');
