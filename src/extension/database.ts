// The workspace's LangLens database, opened on first use. Two connections: one for reading and importing, and
// one only for labels, so that a label never joins (and is never rolled back with) an import's transaction.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_DATABASE_PATH, redactedUrl, Store, type ConnectionState } from '../core/store/store';
import { CoreError, messageOf, msg } from '../core/util/message';
import { databaseSetting, databaseUrl } from './settings';

/** The secret holding the password of a team's server, by its URL (VS Code's secret storage, never settings). */
export function passwordSecret(url: string): string {
  return `langlens.database.password:${redactedUrl(url)}`;
}

/** What changed: run files imported, labels written, judge verdicts stored, or another database file opened. */
export type DataChange = 'imported' | 'labels' | 'verdicts' | 'reopened';

export class Database implements vscode.Disposable {
  private main: Promise<Store> | undefined;
  private labelConnection: Promise<Store> | undefined;
  private readonly changed = new vscode.EventEmitter<DataChange>();
  private readonly reachability = new vscode.EventEmitter<{ state: ConnectionState; detail: string }>();
  /** The connections that cannot reach the server now (each reconnects by itself). */
  private readonly unreachable = new Set<Store>();
  /**
   * Fired when the server stops answering any of the editor's connections, and when all of them answer again (a
   * PostgreSQL store; a file always answers).
   */
  readonly onDidChangeReachability = this.reachability.event;
  /** Fired after anything changed the data, saying what: views refresh, the annotation queue only on new items. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly globalStorage: vscode.Uri,
    private readonly secrets?: vscode.SecretStorage,
  ) {}

  /**
   * Where the database is: a team's PostgreSQL server (langlens.database.url), else the file of
   * langlens.database.path (relative to the first workspace folder), else .langlens/ in it.
   */
  location(): string {
    if (databaseUrl() !== '') return databaseUrl();
    const setting = databaseSetting();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const base = folder ?? this.globalStorage.fsPath;
    if (setting === '') return path.join(base, folder ? DEFAULT_DATABASE_PATH : 'langlens.db');
    const expanded = setting.replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~');
    return path.isAbsolute(expanded) ? expanded : path.join(base, expanded);
  }

  store(): Promise<Store> {
    this.main ??= this.open();
    return this.main;
  }

  /** The connection labels are written on. */
  labels(): Promise<Store> {
    this.labelConnection ??= this.open();
    return this.labelConnection;
  }

  notifyChanged(change: DataChange): void {
    this.changed.fire(change);
  }

  /** Closes both connections; the next use opens the (possibly moved) database again. */
  async reopen(): Promise<void> {
    const old = [this.main, this.labelConnection];
    if (this.unreachable.size > 0) {
      this.unreachable.clear();
      this.reachability.fire({ state: 'connected', detail: 'the database was closed' });
    }
    this.main = this.labelConnection = undefined;
    for (const store of old) await store?.then((s) => s.close()).catch(() => undefined);
    this.changed.fire('reopened');
  }

  /** A connection of its own (a judge job's), with the server's password when there is one. */
  async openConnection(): Promise<Store> {
    const location = this.location();
    const password = databaseUrl() === '' ? undefined : await this.secrets?.get(passwordSecret(location));
    return Store.open(location, password ? { password } : {});
  }

  private open(): Promise<Store> {
    const location = this.location();
    const shown = databaseUrl() === '' ? location : redactedUrl(location);
    const opening = this.openConnection().then(
      (store) => this.watchReachability(store),
      (err: Error) => {
        // Forget the failure so the next use tries again (after the user fixed the setting or the file).
        if (this.main === opening) this.main = undefined;
        if (this.labelConnection === opening) this.labelConnection = undefined;
        throw new CoreError(
          databaseUrl() === ''
            ? msg(
                'LangLens cannot open its database {0}: {1}. Check the setting langlens.database.path, or that the folder is writable.',
                shown,
                messageOf(err),
              )
            : msg(
                'LangLens cannot open its database {0}: {1}. Check the setting langlens.database.url and the password (LangLens: Set Database Password).',
                shown,
                messageOf(err),
              ),
        );
      },
    );
    return opening;
  }

  private watchReachability(store: Store): Store {
    store.onConnectionState((state, detail) => {
      const before = this.unreachable.size;
      if (state === 'unreachable') this.unreachable.add(store);
      else this.unreachable.delete(store);
      if ((before === 0) !== (this.unreachable.size === 0)) {
        this.reachability.fire({ state: this.unreachable.size === 0 ? 'connected' : 'unreachable', detail });
      }
    });
    return store;
  }

  dispose(): void {
    void this.reopen();
    this.changed.dispose();
    this.reachability.dispose();
  }
}
