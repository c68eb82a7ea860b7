// Bundles the extension host, the CLI and the webviews with esbuild.
// sqlite3 is a native module and vscode is provided by the editor: both stay external.
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  external: ['vscode', 'sqlite3'],
  logLevel: 'warning',
};

const builds = [
  { ...node, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', optional: true },
  { ...node, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
];

import { chmodSync, existsSync, readdirSync } from 'node:fs';
// Each webview/<panel>/main.ts becomes media/<panel>.js.
if (existsSync('webview')) {
  for (const entry of readdirSync('webview', { withFileTypes: true })) {
    if (entry.isDirectory() && existsSync(`webview/${entry.name}/main.ts`)) {
      builds.push({
        bundle: true, platform: 'browser', target: 'es2022', format: 'iife', sourcemap: !production, minify: production,
        entryPoints: { [entry.name]: `webview/${entry.name}/main.ts` }, outdir: 'media', logLevel: 'warning',
        loader: { '.ttf': 'file', '.css': 'css' },
      });
    }
  }
}

mkdirSync('dist', { recursive: true });
for (const { optional, ...options } of builds) {
  const entry = Object.values(options.entryPoints)[0];
  if (optional && !existsSync(entry)) continue;
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
// npm links the bin without making it executable when the package is used from its folder.
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
