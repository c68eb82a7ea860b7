// Who is labelling. Asked when the annotator first starts annotating without an id (never when the window or a view
// opens: someone who only looks at runs is never asked), and again from "Set Annotator Id".
import * as vscode from 'vscode';
import { annotatorId, setAnnotatorId } from './settings';

/** Shows the input box; resolves to the id now set ("" when the annotator dismissed it). */
export async function promptForAnnotatorId(): Promise<string> {
  const id = await vscode.window.showInputBox({
    title: vscode.l10n.t('LangLens: your annotator id'),
    prompt: vscode.l10n.t(
      'Stored with every label you give. Use the same id on every machine (for example your initials or email).',
    ),
    value: annotatorId(),
    ignoreFocusOut: true,
    validateInput: (value) =>
      value.trim() === ''
        ? vscode.l10n.t('An annotator id cannot be empty')
        : /\s/.test(value.trim())
          ? vscode.l10n.t('Use an id without spaces')
          : undefined,
  });
  if (id === undefined) return annotatorId();
  await setAnnotatorId(id.trim());
  return id.trim();
}

/** The annotator id, asking for it when none is set; undefined when the annotator declines. */
export async function requireAnnotatorId(): Promise<string | undefined> {
  const id = annotatorId() || (await promptForAnnotatorId());
  return id === '' ? undefined : id;
}
