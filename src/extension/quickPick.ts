// Every quick pick of the extension. Run from the command palette over a webview (the annotation panel, the
// dashboard), the palette hands the focus back to the webview as it closes, and that may land just after our pick
// showed and hide it at once (microsoft/vscode#93950): the user sees nothing happen. A pick hidden within
// FOCUS_SETTLES_MS of showing, without a choice, is shown again (twice at most); one the user dismisses later is
// dismissed.
import * as vscode from 'vscode';

/** A quick pick hidden this soon after it showed lost its focus to a webview, not to the user. */
const FOCUS_SETTLES_MS = 500;
const MOST_SHOWS = 3;

export interface PickOptions {
  readonly title?: string;
  readonly placeHolder?: string;
  readonly matchOnDescription?: boolean;
  readonly matchOnDetail?: boolean;
}

/** Shows a quick pick and gives what was accepted (the selected items when it picks many), undefined when dismissed. */
export function pickFrom<T extends vscode.QuickPickItem>(pick: vscode.QuickPick<T>): Promise<readonly T[] | undefined> {
  return new Promise((resolve) => {
    let shownAt = 0;
    let shows = 0;
    let accepted = false;
    const active = pick.activeItems;
    const selected = pick.selectedItems;
    const show = () => {
      shownAt = Date.now();
      shows++;
      pick.activeItems = active;
      if (pick.canSelectMany) pick.selectedItems = selected;
      pick.show();
    };
    pick.onDidAccept(() => {
      accepted = true;
      const one = pick.selectedItems[0] ?? pick.activeItems[0];
      resolve(pick.canSelectMany ? pick.selectedItems : one === undefined ? undefined : [one]);
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!accepted && shows < MOST_SHOWS && Date.now() - shownAt < FOCUS_SETTLES_MS) {
        setTimeout(show, 50);
        return;
      }
      if (!accepted) resolve(undefined);
      pick.dispose();
    });
    show();
  });
}

function configured<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions, many: boolean) {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = options.title;
  pick.placeholder = options.placeHolder;
  pick.matchOnDescription = options.matchOnDescription ?? false;
  pick.matchOnDetail = options.matchOnDetail ?? false;
  pick.canSelectMany = many;
  pick.items = items;
  const picked = items.filter((i) => i.picked);
  if (many) pick.selectedItems = picked;
  else if (picked.length > 0) pick.activeItems = picked.slice(0, 1);
  return pick;
}

/** One item of a list, as vscode.window.showQuickPick gives it, but shown again if a webview took its focus. */
export async function pickOne<T extends vscode.QuickPickItem>(
  items: readonly T[],
  options: PickOptions = {},
): Promise<T | undefined> {
  return (await pickFrom(configured(items, options, false)))?.[0];
}

/** Some items of a list (those with `picked` start selected); undefined when dismissed. */
export async function pickMany<T extends vscode.QuickPickItem>(
  items: readonly T[],
  options: PickOptions = {},
): Promise<T[] | undefined> {
  const chosen = await pickFrom(configured(items, options, true));
  return chosen && [...chosen];
}

/** One text of a list of texts. */
export async function pickText(texts: readonly string[], options: PickOptions = {}): Promise<string | undefined> {
  return (
    await pickOne(
      texts.map((label) => ({ label })),
      options,
    )
  )?.label;
}
