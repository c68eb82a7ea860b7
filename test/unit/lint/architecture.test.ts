// The lint rules that encode docs/architecture.md fire on code that breaks them and stay quiet on code that keeps
// them: the project's eslint.config.mjs on sample text at the paths the rules cover, and the folder-cycle rule on a
// small tree of its own.
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint, Linter } from 'eslint';
import { noFolderCycle } from '../../../scripts/eslint/folderCycles.mjs';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';

describe('lint: the architecture rules', function () {
  const eslint = new ESLint({ cwd: PROJECT_ROOT });
  /** The rule ids reported on `code` as if it were the file at `path`. */
  const rulesOn = async (path: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: join(PROJECT_ROOT, path) });
    return result!.messages.map((m) => `${m.line} ${m.ruleId}`);
  };
  const RESTRICTED = '@typescript-eslint/no-restricted-imports';

  it('keeps vscode, the extension and the CLI out of src/core', async () => {
    const code =
      "import * as vscode from 'vscode';\nimport { x } from '../../extension/commands';\nimport { y } from '../../cli/main';\nexport { vscode, x, y };\n";
    assert.deepEqual(await rulesOn('src/core/import/sample.ts', code), [
      `1 ${RESTRICTED}`,
      `2 ${RESTRICTED}`,
      `3 ${RESTRICTED}`,
    ]);
  });

  it('keeps SQLite and SQL in src/core/store', async () => {
    const code =
      "import { SqliteDatabase } from '../store/sqlite';\nimport { connectionOf } from '../store/connection';\nexport const q = `SELECT id FROM runs`;\nexport { SqliteDatabase, connectionOf };\n";
    assert.deepEqual(await rulesOn('src/core/metrics/sample.ts', code), [
      `1 ${RESTRICTED}`,
      `2 ${RESTRICTED}`,
      '3 no-restricted-syntax',
    ]);
    assert.deepEqual(await rulesOn('src/cli/sample.ts', "export const s = 'DELETE FROM labels';\n"), [
      '1 no-restricted-syntax',
    ]);
    assert.deepEqual(
      await rulesOn(
        'src/core/store/sample.ts',
        "import { connectionOf } from './connection';\nexport const q = `SELECT id FROM runs`;\nexport { connectionOf };\n",
      ),
      [],
    );
    assert.deepEqual(
      await rulesOn('src/core/metrics/sample.ts', "export const help = 'select the items from the list';\n"),
      [],
      'prose is not SQL',
    );
  });

  it('keeps statistics out of the extension, type imports aside', async () => {
    const code =
      "import { cohenKappa } from '../core/metrics/stats';\nimport type { Slice } from '../core/metrics/scores';\nexport { cohenKappa, type Slice };\n";
    assert.deepEqual(await rulesOn('src/extension/sample.ts', code), [`1 ${RESTRICTED}`]);
  });

  it('lets a webview import the protocol, webview/shared and its own folder only', async () => {
    const code =
      [
        "import type { GridView } from '../../shared/protocol/grid';",
        "import type { Verdict } from '../../src/shared/protocol';",
        "import { html } from '../shared/html';",
        "import { render } from './render';",
        "import { keys } from '../annotate/keys';",
        "import { parseLanguageTag } from '../../src/core/model/language';",
        'export { html, render, keys, parseLanguageTag, type GridView, type Verdict };',
      ].join('\n') + '\n';
    const reported = await rulesOn('webview/grid/sample.ts', code);
    assert.deepEqual([...new Set(reported)], [`2 ${RESTRICTED}`, `5 ${RESTRICTED}`, `6 ${RESTRICTED}`]);
  });

  it('sends what the extension shows through VS Code through vscode.l10n.t', async () => {
    const L10N = 'langlens/localised-text';
    const code =
      [
        "import * as vscode from 'vscode';",
        "const again = 'Try Again';",
        'export async function sample(run: string, item: vscode.StatusBarItem, panel: vscode.WebviewPanel) {',
        "  await vscode.window.showWarningMessage('LangLens: the run is gone.', again);",
        "  await vscode.window.showQuickPick([{ label: 'Rate each response', description: run }], {",
        "    title: vscode.l10n.t('LangLens: which run?'),",
        '    placeHolder: `Runs of ${run}`,',
        '  });',
        "  await vscode.window.withProgress({ location: 15, title: run ? 'importing' : run }, async () => undefined);",
        '  item.text = `$(sync) ${run}`;',
        "  item.tooltip = vscode.l10n.t('Labels are kept') + ' until saved';",
        "  panel.title = [run, 'agreement'].join(' · ');",
        "  return { viewType: 'langlens.x', get title() { return 'LangLens X'; } };",
        '}',
        "export const fine = vscode.l10n.t('Review · {0}', 'run');",
        '// eslint-disable-next-line langlens/localised-text -- a file name, not words',
        "export const named = (b: vscode.TreeItem) => (b.description = 'langlens.db');",
        'declare function pickText(texts: string[], options: { title?: string }): Promise<string | undefined>;',
        "export const ownPick = () => pickText(['Every run'], { title: 'Which run?' });",
        'export function posted(webview: vscode.Webview, outbox: { post(m: object): void }, run: string) {',
        "  void webview.postMessage({ type: 'error', message: 'The run is gone.' });",
        "  outbox.post({ type: 'notice', message: vscode.l10n.t('Run {0}', run), run: 'the run name is data' });",
        "  outbox.post({ type: 'error', message: run ? `${run} is gone` : run });",
        '}',
      ].join('\n') + '\n';
    assert.deepEqual(await rulesOn('src/extension/sample.ts', code), [
      `2 ${L10N}`, // the const a message item is given
      `4 ${L10N}`,
      `5 ${L10N}`, // an item's label; its description is data
      `7 ${L10N}`,
      `9 ${L10N}`,
      `11 ${L10N}`,
      `12 ${L10N}`,
      `13 ${L10N}`,
      // The extension's own quick pick (quickPick.ts) is checked as showQuickPick is: its texts, its title.
      `19 ${L10N}`,
      `19 ${L10N}`,
      // What the grid, dashboard, charts and review panels show of a message posted to them.
      `21 ${L10N}`,
      `23 ${L10N}`,
    ]);
    assert.deepEqual(
      await rulesOn('src/core/sample.ts', "export const message = { title: 'not shown by VS Code' };\n"),
      [],
      "the rule is the extension's",
    );
  });

  it('finds an import cycle between core folders, at the level of metrics as one folder and inside it', () => {
    const folder = temporaryFolder('langlens-lint-');
    try {
      const write = (path: string, text: string) => {
        mkdirSync(join(folder.path, path, '..'), { recursive: true });
        writeFileSync(join(folder.path, path), text);
      };
      write('src/core/store/rows.ts', "import { a } from '../annotation/order';\nexport const rows = a;\n");
      write('src/core/annotation/order.ts', "import { r } from '../metrics/stats/random';\nexport const a = r;\n");
      write('src/core/metrics/stats/random.ts', 'export const r = 1;\n');
      write(
        'src/core/metrics/scores/score.ts',
        "import { rows } from '../../store/rows';\nimport { k } from '../agreement/kappa';\nexport const s = rows + k;\n",
      );
      write('src/core/metrics/agreement/kappa.ts', "import { t } from '../scores/tally';\nexport const k = t;\n");
      write('src/core/metrics/scores/tally.ts', 'export const t = 2;\n');
      const linter = new Linter({ cwd: folder.path });
      const config = [
        {
          files: ['**/*.ts'],
          plugins: { langlens: { rules: { 'no-folder-cycle': noFolderCycle } } },
          rules: { 'langlens/no-folder-cycle': 'error' as const },
        },
      ];
      const lint = (path: string, code: string) =>
        linter.verify(code, config, join(folder.path, path)).map((m) => m.message.replace(/ \(move.*/, ''));
      assert.deepEqual(lint('src/core/store/rows.ts', "import { a } from '../annotation/order';\n"), [
        'import cycle between core folders: store → annotation → metrics → store',
      ]);
      assert.deepEqual(
        lint('src/core/metrics/agreement/kappa.ts', "import { r } from '../stats/random';\n"),
        [],
        'stats imports nothing: no way back',
      );
      assert.deepEqual(
        lint(
          'src/core/metrics/scores/score.ts',
          "import { rows } from '../../store/rows';\nimport { k } from '../agreement/kappa';\n",
        ),
        [
          'import cycle between core folders: metrics → store → annotation → metrics',
          'import cycle between core folders: metrics/scores → metrics/agreement → metrics/scores',
        ],
      );
    } finally {
      folder.remove();
    }
  });
});
