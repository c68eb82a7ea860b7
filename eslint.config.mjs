// ESLint: the architecture rules of docs/architecture.md, checked instead of remembered (each block names the rule
// it enforces), on top of the recommended TypeScript checks. `npm run lint`, part of `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { noFolderCycle } from './scripts/eslint/folderCycles.mjs';
import { localisedText } from './scripts/eslint/localisedText.mjs';

/** no-restricted-imports (the TypeScript version, so that type-only imports can be allowed) with these patterns. */
const restrict = (patterns, allowTypeImports = false) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    { patterns: patterns.map((p) => ({ ...p, allowTypeImports })) },
  ],
});

// "Only src/core/store writes SQL": no SQL statement in a string outside it.
const SQL =
  '/\\b(SELECT\\s[\\s\\S]*\\bFROM|INSERT\\s+(OR\\s+\\w+\\s+)?INTO|UPDATE\\s+\\w+\\s+SET|DELETE\\s+FROM|CREATE\\s+(TABLE|INDEX|VIEW))\\b/';
const NO_SQL = {
  'no-restricted-syntax': [
    'error',
    { selector: `Literal[value=${SQL}]`, message: 'SQL belongs in src/core/store (docs/architecture.md).' },
    { selector: `TemplateElement[value.raw=${SQL}]`, message: 'SQL belongs in src/core/store (docs/architecture.md).' },
  ],
};
const SQLITE = {
  group: [
    'sqlite3',
    'pg',
    '**/store/sqlite',
    '**/store/postgres',
    '**/store/dialect',
    '**/store/connection',
    '**/store/migrations',
    '**/store/migrations/*',
  ],
  message: 'Only src/core/store touches the database engines, SQLite and PostgreSQL (docs/architecture.md).',
};

// "Nothing in src/core imports vscode", nor the faces built on the core (CLI, extension, webviews).
const CORE_FACES = [
  { group: ['vscode'], message: 'src/core never imports vscode (docs/architecture.md).' },
  {
    regex: '(^|/)(extension|cli)(/|$)',
    message: 'src/core never imports src/extension or src/cli (docs/architecture.md).',
  },
  { regex: '(^|/)webview(/|$)', message: 'src/core never imports the webviews (docs/architecture.md).' },
  {
    regex: '(^|/)shared/protocol(/|$)',
    message:
      "src/core knows nothing of the panels: the protocol is the extension's and the webviews' (docs/architecture.md).",
  },
];

// "Webviews import only the protocol": what runs in the browser imports no vscode, core, extension or CLI module.
const BROWSER = [
  {
    group: ['vscode'],
    message: 'Webviews and the protocol run in the browser: no vscode import (docs/architecture.md).',
  },
  {
    regex: '(^|/)src(/|$)',
    message:
      'Webviews import only the protocol (shared/protocol) and their own folders, nothing of src/ (docs/architecture.md).',
  },
  {
    regex: '(^|/)(core|extension|cli)(/|$)',
    message: 'Webviews and the protocol import no core, extension or CLI module (docs/architecture.md).',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'media/**', '.e2e/**', 'artifacts/**', 'demo-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The build, packaging and check scripts run on Node.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  {
    files: ['**/*.ts'],
    plugins: { langlens: { rules: { 'no-folder-cycle': noFolderCycle, 'localised-text': localisedText } } },
    rules: {
      // The code base's own conventions, where the recommended set disagrees with them.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Control characters are matched on purpose (NUL in CSV cells, ANSI escapes in terminal output).
      'no-control-regex': 'off',
    },
  },
  {
    // "Nothing in src/core imports vscode", nor the faces built on the core (CLI, extension, webviews).
    files: ['src/core/**/*.ts'],
    rules: {
      ...restrict(CORE_FACES),
      // "Imports point one way" between the core's folders too.
      'langlens/no-folder-cycle': 'error',
    },
  },
  {
    // "Only src/core/store writes SQL": the rest of the core reaches the database through Store and store/*.ts.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/store/**'],
    rules: {
      ...NO_SQL,
      ...restrict([...CORE_FACES, SQLITE]),
    },
  },
  {
    // The CLI: SQL only through the store.
    files: ['src/cli/**/*.ts'],
    rules: { ...NO_SQL, ...restrict([SQLITE]) },
  },
  {
    // The extension: SQL only through the store, and "no figure computed in src/extension": nothing from the
    // statistics and score modules (the dashboard's figures come ready from metrics/audit; types may be named).
    files: ['src/extension/**/*.ts'],
    rules: {
      ...NO_SQL,
      ...restrict(
        [
          SQLITE,
          {
            regex: '(^|/)core/metrics/(stats|scores|chanceCorrected)(/|$)',
            message: 'No figure is computed in src/extension: use the core (docs/architecture.md).',
          },
        ],
        true,
      ),
      // "What VS Code shows goes through vscode.l10n.t": no words as literals in its messages, picks, titles.
      'langlens/localised-text': 'error',
    },
  },
  {
    // The protocol is shared with the webviews: it imports nothing of the host either.
    files: ['shared/**/*.ts'],
    rules: {
      ...NO_SQL,
      ...restrict([...BROWSER, SQLITE]),
    },
  },
  {
    // "Webviews import only the protocol": shared/protocol, webview/shared and their own folder, not another panel's.
    files: ['webview/**/*.ts'],
    rules: {
      ...NO_SQL,
      ...restrict([
        ...BROWSER,
        {
          regex: '^\\.\\./(?!shared/|\\.\\./shared/protocol/)',
          message:
            "A panel's webview imports its own folder and webview/shared, not another panel (docs/architecture.md).",
        },
        SQLITE,
      ]),
    },
  },
);
