// Which runs and languages of the explorer are open, kept in the workspace's state: VS Code keeps a tree's
// expansion only while the window lives, and a reload closed every language the annotator had open.
import * as vscode from 'vscode';

const KEY = 'langlens.explorer.expanded';

export class ExpansionMemory {
  constructor(private readonly state: vscode.Memento) {}

  /** The state a node with this id opens in: as the user left it, else `fallback`. */
  stateOf(id: string, fallback: vscode.TreeItemCollapsibleState): vscode.TreeItemCollapsibleState {
    const remembered = this.all()[id];
    if (remembered === undefined) return fallback;
    return remembered ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  }

  /** Follows the user's expanding and collapsing in `view`, whose items have ids. */
  track<T>(view: vscode.TreeView<T>, idOf: (node: T) => string): vscode.Disposable {
    return vscode.Disposable.from(
      view.onDidExpandElement((e) => this.remember(idOf(e.element), true)),
      view.onDidCollapseElement((e) => this.remember(idOf(e.element), false)),
    );
  }

  private all(): Record<string, boolean> {
    return this.state.get<Record<string, boolean>>(KEY) ?? {};
  }

  private remember(id: string, expanded: boolean): void {
    void this.state.update(KEY, { ...this.all(), [id]: expanded });
  }
}
