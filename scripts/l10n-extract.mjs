// The host's localisable strings (vscode.l10n.t in src/extension) against l10n/bundle.l10n.json, the English
// bundle VS Code's translators start from. `node scripts/l10n-extract.mjs` (part of `npm run lint`) fails when a
// string is missing from the bundle, when the bundle holds one no code uses, or when l10n.t is given anything but
// a string literal (the bundle is keyed by the literal); `--write` rewrites the bundle from the code. Text shown
// without l10n.t is the ESLint rule langlens/localised-text's (scripts/eslint/localisedText.mjs).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');
const bundleFile = join(root, 'l10n', 'bundle.l10n.json');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const found = new Map(); // message → first place
const errors = [];
for (const file of files(join(root, 'src', 'extension'))) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const where = (node) => `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const callee = node.expression.getText();
      if (/(^|\.)l10n\.t$/.test(callee)) {
        const first = node.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          if (!found.has(first.text)) found.set(first.text, where(node));
        } else errors.push(`${where(node)}: l10n.t needs a string literal as its message (with {0} placeholders)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const wanted = Object.fromEntries([...found.keys()].sort().map((m) => [m, m]));
if (process.argv.includes('--write')) {
  writeFileSync(bundleFile, JSON.stringify(wanted, null, 2) + '\n');
  console.log(`l10n: wrote ${found.size} strings to ${relative(root, bundleFile)}`);
} else {
  const bundle = JSON.parse(readFileSync(bundleFile, 'utf8'));
  for (const [message, place] of found)
    if (!(message in bundle))
      errors.push(`${place}: "${message}" is not in l10n/bundle.l10n.json (run node scripts/l10n-extract.mjs --write)`);
  for (const message of Object.keys(bundle))
    if (!found.has(message)) errors.push(`l10n/bundle.l10n.json: "${message}" is used by no l10n.t call`);
}
if (errors.length) {
  for (const e of errors) console.error(e);
  process.exit(1);
}
console.log(`l10n: ${found.size} host strings, all in the bundle`);
