// The words a webview's files write themselves, for the tests that keep them out (the host sends every panel's
// words): the literal text of html`` templates outside tags and attributes, the literal values of attributes the
// user sees (title, aria-label, placeholder, label), and text or titles assigned as literals.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as ts from 'typescript';

/** Attributes whose value the user sees or hears. */
const SEEN_ATTRIBUTES = /\b(title|aria-label|placeholder|label|alt)="([^"$]*)"/g;

/**
 * `file:line: words` for each place in the folder's .ts files (but `except`), or in the one .ts file, that writes
 * words of its own.
 */
export function ownWords(path: string, except: readonly string[] = [], allowed: readonly string[] = []): string[] {
  const found: string[] = [];
  const isWords = (w: string) => !allowed.includes(w);
  const [dir, files] = path.endsWith('.ts')
    ? [dirname(path), [basename(path)]]
    : [path, readdirSync(path).filter((f) => f.endsWith('.ts') && !except.includes(f))];
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    const visit = (node: ts.Node): void => {
      if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'html') {
        const t = node.template;
        const parts = ts.isNoSubstitutionTemplateLiteral(t)
          ? [t.text]
          : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)];
        const joined = parts.join('\u0000');
        const attributes = [...joined.matchAll(SEEN_ATTRIBUTES)].flatMap((m) => m[2]!.match(/\p{L}{2,}/gu) ?? []);
        const visible = joined
          // Names of settings and fields in <code> are the project's identifiers, not words to translate.
          .replace(/<code>[^<]*<\/code>/g, ' ')
          .replace(/<[^>]*>/g, ' ')
          .replace(/[^<>\u0000]*"/g, ' ');
        const words = [...attributes, ...(visible.match(/\p{L}{2,}/gu) ?? [])].filter(isWords);
        if (words.length) found.push(`${file}:${line(node)}: ${words.join(' ')}`);
      }
      // textContent = 'words' and title/placeholder attributes given as text.
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        /\.(textContent|title|placeholder|innerText)$/.test(node.left.getText()) &&
        (ts.isStringLiteral(node.right) || ts.isNoSubstitutionTemplateLiteral(node.right)) &&
        /\p{L}{2,}/u.test(node.right.text)
      )
        found.push(`${file}:${line(node)}: ${node.right.text}`);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
