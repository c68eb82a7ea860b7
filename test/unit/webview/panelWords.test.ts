// The words of the grid, dashboard, charts and Review Disagreements panels (shared/protocol/words.ts): the host's
// builder gives every phrase of the panel's spec, with exactly the placeholders the webview fills (the compiler
// checks the webview's side), every phrase is used by its webview, and the filler and the parser behave.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { REVIEW_PHRASES } from '../../../shared/protocol/adjudicate';
import { CHARTS_PHRASES } from '../../../shared/protocol/charts';
import { DASHBOARD_PHRASES } from '../../../shared/protocol/dashboard';
import { GRID_PHRASES } from '../../../shared/protocol/grid';
import {
  fill,
  pageLanguage,
  parseWords,
  phraseParts,
  placeholderProblems,
  type PhraseSpec,
} from '../../../shared/protocol/words';
import { PROJECT_ROOT } from '../../support/paths';
import { ownWords } from '../../support/webviewText';

interface Panel {
  readonly name: string;
  readonly spec: PhraseSpec;
  /** The host's files that build the words with vscode.l10n.t. */
  readonly builder: readonly string[];
  /** Where the webview's code that fills them lives. */
  readonly webview: readonly string[];
  /** What reads as a word but is not (a language tag, a codicon's name). */
  readonly allowed?: readonly string[];
}

const PANELS: readonly Panel[] = [
  {
    name: 'grid',
    spec: GRID_PHRASES,
    builder: ['src/extension/grid/gridWords.ts'],
    webview: ['webview/grid'],
    allowed: ['mul'],
  },
  {
    name: 'dashboard',
    spec: DASHBOARD_PHRASES,
    builder: ['src/extension/dashboard/dashboardWords.ts', 'src/extension/dashboard/auditWords.ts'],
    webview: ['webview/dashboard', 'webview/shared/audit.ts'],
  },
  {
    name: 'charts',
    spec: CHARTS_PHRASES,
    builder: ['src/extension/charts/chartsWords.ts', 'src/extension/dashboard/auditWords.ts'],
    webview: ['webview/charts', 'webview/shared/audit.ts'],
  },
  {
    name: 'Review Disagreements',
    spec: REVIEW_PHRASES,
    builder: ['src/extension/adjudicate/reviewWords.ts'],
    webview: ['webview/adjudicate'],
  },
];

/** The phrases a builder gives: `key: vscode.l10n.t('literal')` in its source, key → literal. */
function builderPhrases(file: string): Map<string, string> {
  const source = ts.createSourceFile(file, readFileSync(join(PROJECT_ROOT, file), 'utf8'), ts.ScriptTarget.Latest);
  const found = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAssignment(node) &&
      ts.isCallExpression(node.initializer) &&
      /(^|\.)l10n\.t$/.test(node.initializer.expression.getText(source))
    ) {
      const first = node.initializer.arguments[0];
      assert.ok(first && ts.isStringLiteralLike(first), `${file}: ${node.name.getText(source)} is a literal`);
      assert.equal(node.initializer.arguments.length, 1, `${file}: the webview fills the placeholders, not l10n.t`);
      found.set(node.name.getText(source), first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sources(dir: string): string {
  const full = join(PROJECT_ROOT, dir);
  if (dir.endsWith('.ts')) return readFileSync(full, 'utf8');
  return readdirSync(full)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(full, f), 'utf8'))
    .join('\n');
}

describe('panel words (grid, dashboard, charts, Review Disagreements)', () => {
  for (const panel of PANELS) {
    describe(panel.name, () => {
      const phrases = new Map(panel.builder.flatMap((file) => [...builderPhrases(file)]));

      it('the host builds every phrase of the spec, and no other', () => {
        assert.deepEqual([...phrases.keys()].sort(), Object.keys(panel.spec).sort());
      });

      it('each phrase has exactly the placeholders the webview fills', () => {
        for (const [key, phrase] of phrases)
          assert.deepEqual(placeholderProblems(phrase, panel.spec[key]!), [], `${key}: "${phrase}"`);
      });

      it('the webview uses every phrase', () => {
        const code = panel.webview.map(sources).join('\n');
        const unused = Object.keys(panel.spec).filter((key) => !code.includes(`'${key}'`));
        assert.deepEqual(unused, []);
      });

      it('the webview writes no words of its own', () => {
        assert.deepEqual(
          panel.webview.flatMap((dir) => ownWords(join(PROJECT_ROOT, dir), ['words.ts'], panel.allowed ?? [])),
          [],
        );
      });

      it('the parser takes what the host sends and refuses a record missing a phrase', () => {
        const words = { lang: 'he', dir: 'rtl', phrases: Object.fromEntries(phrases) };
        assert.deepEqual(parseWords(words, panel.spec), words);
        const [first] = Object.keys(panel.spec);
        const missing = { ...words, phrases: { ...words.phrases, [first!]: undefined } };
        assert.throws(() => parseWords(missing, panel.spec), new RegExp(`phrase ${first} is missing`));
      });
    });
  }

  it('fills {0}, {1}, … in any order; a placeholder without a value stays visible', () => {
    assert.equal(fill('{0} of {1}', [3, 12]), '3 of 12');
    assert.equal(fill('{1} מתוך {0}', [12, 3]), '3 מתוך 12');
    assert.equal(fill('{0} vs {1}', ['a']), 'a vs {1}');
    assert.equal(fill('{0} and {0}', ['x']), 'x and x');
    assert.equal(fill('no placeholders', ['x']), 'no placeholders');
    assert.deepEqual(phraseParts('{0}: {1} vs {2}', 3), ['', 0, ': ', 1, ' vs ', 2, '']);
  });

  it('names placeholders a phrase lacks or has beyond its spec', () => {
    assert.deepEqual(placeholderProblems('{0} of {1}', 2), []);
    assert.deepEqual(placeholderProblems('{1} of {0}', 2), []);
    assert.deepEqual(placeholderProblems('of {1}', 2), ['{0} is missing']);
    assert.deepEqual(placeholderProblems('{0} {2}', 2), ['{2} is filled by nobody', '{1} is missing']);
  });

  it('refuses words without a language or a direction', () => {
    const spec = { a: 0 };
    assert.throws(() => parseWords({ lang: 'en', dir: 'up', phrases: { a: 'A' } }, spec), /dir/);
    assert.throws(() => parseWords({ lang: '"><script>', dir: 'ltr', phrases: { a: 'A' } }, spec), /lang/);
    assert.throws(() => parseWords({ lang: 'en', dir: 'ltr', phrases: { a: 1 } }, spec), /phrase a is missing/);
    assert.throws(() => parseWords(null, spec), /words is not an object/);
  });

  it("the page's direction follows VS Code's display language: right to left for he and ar", () => {
    assert.deepEqual(pageLanguage('he'), { lang: 'he', dir: 'rtl' });
    assert.deepEqual(pageLanguage('ar'), { lang: 'ar', dir: 'rtl' });
    assert.deepEqual(pageLanguage('en'), { lang: 'en', dir: 'ltr' });
    assert.deepEqual(pageLanguage('zh-cn'), { lang: 'zh-cn', dir: 'ltr' });
    assert.deepEqual(pageLanguage('"><b>'), { lang: 'en', dir: 'ltr' });
  });
});
