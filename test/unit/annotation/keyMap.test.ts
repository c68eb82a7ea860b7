// Rebindable keys: the user's keybindings.json entries for langlens.annotate.<action> take that action from the
// panel's own keys (VS Code runs its command instead) and show in the help; everything else keeps its default keys.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANNOTATE_ACTIONS, keyMapOf } from '../../../src/extension/annotate/keybindings';
import { actionById, actionFor, actionId, bindings, userKeyName } from '../../../webview/annotate/keys';

const FILE = '/home/u/.config/Code/User/keybindings.json';

describe('annotation panel: rebindable keys', () => {
  it('reads the user’s keybindings of the panel’s commands, with comments and trailing commas', () => {
    const map = keyMapOf(
      `// my keys
      [
        { "key": "x", "command": "langlens.annotate.pass", "when": "activeWebviewPanelId == 'langlens.annotate'" },
        /* a second key for the same */ { "key": "ctrl+k p", "command": "langlens.annotate.pass" },
        { "key": "2", "command": "-langlens.annotate.pass" },
        { "key": "q", "command": "langlens.annotate.notAnAction" },
        { "key": "ctrl+s", "command": "workbench.action.files.save" },
      ]`,
      FILE,
    );
    assert.deepEqual(map, { rebound: ['pass'], userKeys: { pass: ['x', 'ctrl+k p'] } });
  });

  it('an empty file rebinds nothing; a broken one names the file', () => {
    assert.deepEqual(keyMapOf('  ', FILE), { rebound: [], userKeys: {} });
    assert.throws(() => keyMapOf('[{"key": "x",', FILE), new RegExp(`^Error: ${FILE}: not valid JSON`));
    assert.throws(() => keyMapOf('{}', FILE), /expected a list of keybindings/);
  });

  it('a rebound action leaves its default keys; the others keep theirs', () => {
    const map = { rebound: ['pass'], userKeys: { pass: ['x'] } };
    assert.deepEqual(actionFor('rating', '2', undefined, map), undefined);
    assert.deepEqual(actionFor('rating', 'p', undefined, map), undefined);
    // The user's key reaches the panel as the command, not as a key the webview reads.
    assert.deepEqual(actionFor('rating', 'x', undefined, map), undefined);
    assert.deepEqual(actionFor('rating', '1', undefined, map), { kind: 'label', value: 'excellent' });
    assert.deepEqual(actionFor('rating', '2'), { kind: 'label', value: 'pass' });
    const pass = bindings('rating', undefined, map).find((b) => actionId(b.action) === 'pass')!;
    assert.deepEqual(pass.keys, []);
    assert.deepEqual(pass.userKeys, ['x']);
    assert.equal(userKeyName('ctrl+k p'), 'Ctrl+K P');
  });

  it('every command maps to an action of its task, and the package contributes each with a keybinding in the panel', () => {
    assert.deepEqual(actionById('rating', 'pass'), { kind: 'label', value: 'pass' });
    assert.deepEqual(actionById('pairwise', 'flagRight'), { kind: 'flag', slot: 'right' });
    assert.equal(actionById('rating', 'tie'), undefined);
    for (const id of ANNOTATE_ACTIONS)
      assert.ok(actionById('rating', id) ?? actionById('pairwise', id), `${id} is an action of a task`);
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: {
        commands: { command: string; category?: string }[];
        keybindings: { command: string; when: string }[];
      };
    };
    for (const id of ANNOTATE_ACTIONS) {
      const command = `langlens.annotate.${id}`;
      assert.equal(pkg.contributes.commands.find((c) => c.command === command)?.category, 'LangLens', command);
      const binding = pkg.contributes.keybindings.find((k) => k.command === command);
      assert.match(
        binding?.when ?? '',
        /activeWebviewPanelId == 'langlens.annotate' && langlens.annotateTask/,
        command,
      );
    }
  });
});
