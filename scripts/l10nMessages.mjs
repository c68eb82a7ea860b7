// The messages the editor translates, found in the code: the host's vscode.l10n.t('literal', …) calls in
// src/extension (and l10n.t of a Localiser), and the core's msg('literal', …) templates in src/core (and the few
// of the host's errors that wrap a core error, also msg)
// (src/core/util/message.ts), which reach the editor as errors and notes and are shown through
// src/extension/coreText.ts. The bundles are keyed by the literal, so anything else as the first argument is an
// error; a core template may be written as literals joined with +, as a long message is. The one l10n.t call whose
// message is not a literal is coreText.ts's, which translates the core's templates found here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** The file of the host that translates the core's messages (its l10n.t takes their templates). */
export const CORE_TEXT = 'src/extension/coreText.ts';

function files(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The text of a string literal, or of literals joined with +; undefined for anything else. */
function literalText(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = literalText(node.left);
    const right = literalText(node.right);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  return undefined;
}

/**
 * Every message of the project below `root`: `found` maps each to its first place ("file:line"), `core` holds those
 * of src/core, and `errors` names each call whose message is not a literal.
 */
export function findMessages(root) {
  const found = new Map();
  const core = new Set();
  const errors = [];
  const scan = (folder, isCall, needs) => {
    for (const file of files(join(root, folder))) {
      const name = relative(root, file).split('\\').join('/');
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const where = (node) => `${name}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const visit = (node) => {
        if (ts.isCallExpression(node) && isCall(node.expression)) {
          const first = node.arguments[0];
          const text = first && literalText(first);
          if (text !== undefined) {
            if (!found.has(text)) found.set(text, where(node));
            if (folder === 'src/core') core.add(text);
          } else if (name !== CORE_TEXT) errors.push(`${where(node)}: ${needs}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  };
  scan(
    'src/extension',
    (callee) => ts.isPropertyAccessExpression(callee) && /(^|\.)l10n\.t$/.test(callee.getText()),
    'l10n.t needs a string literal as its message (with {0} placeholders)',
  );
  // msg in the host too: an error of the host that wraps a core error keeps it translatable (database.ts).
  for (const folder of ['src/core', 'src/extension'])
    scan(
      folder,
      (callee) => ts.isIdentifier(callee) && callee.text === 'msg',
      'msg needs a string literal as its template (with {0} placeholders), the key of its translations',
    );
  return { found, core, errors };
}
