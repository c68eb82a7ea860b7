// Bundles the extension host, the CLI and the webviews with esbuild.
// vscode is provided by the editor. sqlite3 is a native module: the CLI loads it from node_modules; the
// extension bundles its JavaScript and loads the binary from dist/native/, so that the .vsix needs no
// node_modules at all (see scripts/package.mjs).
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  // tsx only where the source runs under it (tests, bench): the workers' scripts name it for that case alone.
  external: ['vscode', 'sqlite3', 'tsx/cjs'],
  logLevel: 'warning',
  // vega-canvas's Node build awaits an optional `canvas` at the top level, which CommonJS cannot; without a canvas
  // Vega measures text itself, so its browser build (no canvas outside a page) is the same here.
  alias: { 'vega-canvas': './node_modules/vega-canvas/build/vega-canvas.browser.js' },
};

/** sqlite3 finds its binary with the `bindings` package, which searches node_modules: point it at dist/native. */
const sqliteBinaryBesideBundle = {
  name: 'sqlite3-binary-beside-bundle',
  setup(build) {
    build.onResolve({ filter: /sqlite3-binding\.js$/ }, (args) => ({ path: args.path, namespace: 'sqlite3-binary' }));
    build.onLoad({ filter: /.*/, namespace: 'sqlite3-binary' }, () => ({
      contents: "module.exports = require(require('path').join(__dirname, 'native', 'node_sqlite3.node'));",
      loader: 'js',
    }));
  },
};

const builds = [
  {
    ...node,
    external: ['vscode', 'tsx/cjs'],
    plugins: [sqliteBinaryBesideBundle],
    entryPoints: { extension: 'src/extension/extension.ts' },
    outdir: 'dist',
    optional: true,
  },
  {
    ...node,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    // The chart converters: resvg is a native module, pdfkit reads its font metrics from its own folder.
    external: [...node.external, '@resvg/resvg-js', 'pdfkit', 'svg-to-pdfkit'],
  },
  // Language detection's worker threads (src/core/languages/detectPool.ts looks for it beside the bundle).
  { ...node, entryPoints: { langidWorker: 'src/core/languages/detectWorker.ts' }, outdir: 'dist' },
  // The bootstrap's tally threads (src/core/metrics/stats/bootstrapPool.ts looks for it beside the bundle).
  { ...node, entryPoints: { bootstrapWorker: 'src/core/metrics/stats/bootstrapWorker.ts' }, outdir: 'dist' },
  // The import's row pass for large files (src/core/import/rowPassThread.ts looks for it beside the bundle).
  { ...node, entryPoints: { rowPassWorker: 'src/core/import/rowPassWorker.ts' }, outdir: 'dist' },
  // The dashboard's figures with intervals (src/core/metrics/audit/dashboardThread.ts looks for it beside the bundle).
  { ...node, entryPoints: { dashboardWorker: 'src/core/metrics/audit/dashboardWorker.ts' }, outdir: 'dist' },
];

// Each webview/<panel>/main.ts becomes media/<panel>.js (and media/<panel>.css from the CSS it imports).
if (existsSync('webview')) {
  for (const entry of readdirSync('webview', { withFileTypes: true })) {
    if (entry.isDirectory() && existsSync(`webview/${entry.name}/main.ts`)) {
      builds.push({
        // Inline maps in development: no media/*.map files beside the assets (the .vsix build has none).
        bundle: true,
        platform: 'browser',
        target: 'es2022',
        format: 'iife',
        sourcemap: production ? false : 'inline',
        minify: production,
        entryPoints: { [entry.name]: `webview/${entry.name}/main.ts` },
        outdir: 'media',
        logLevel: 'warning',
        loader: { '.ttf': 'file', '.css': 'css' },
      });
    }
  }
}

mkdirSync('dist/native', { recursive: true });
copyFileSync('node_modules/sqlite3/build/Release/node_sqlite3.node', 'dist/native/node_sqlite3.node');
// The codicon font and stylesheet, served from media/ (the webviews' only readable folder). vscode-icon (inside
// vscode-button) finds the stylesheet through <link id="vscode-codicon-stylesheet">.
mkdirSync('media', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf'])
  copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `media/${file}`);

for (const { optional, ...options } of builds) {
  const entry = Object.values(options.entryPoints)[0];
  if (optional && !existsSync(entry)) continue;
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
// npm links the bin without making it executable when the package is used from its folder.
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
