// What the tables of one call share: a load several tables need is made once (langlens agreement builds five
// tables on the same items). Made afresh for each call, so a later call sees the labels given since.
export class TableLoads {
  private readonly made = new Map<string, Promise<unknown>>();
  private readonly expected = new Set<string>();
  private readonly values = new Map<string, unknown>();

  /** Says which shared loads (TableSource.shares) some table of the call will make. */
  expect(shares: Iterable<string>): this {
    for (const share of shares) this.expected.add(share);
    return this;
  }

  /** Whether a table of the call will make this shared load. */
  expects(share: string): boolean {
    return this.expected.has(share);
  }

  /** The load under this key, made by `load` the first time it is asked for. */
  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let made = this.made.get(key) as Promise<T> | undefined;
    if (!made) this.made.set(key, (made = load()));
    return made;
  }

  /** What `make` computes under this key, computed the first time it is asked for (a figure several tables show). */
  computed<T>(key: string, make: () => T): T {
    if (!this.values.has(key)) this.values.set(key, make());
    return this.values.get(key) as T;
  }

  /** The load under this key if some table made it already. */
  peek<T>(key: string): Promise<T> | undefined {
    return this.made.get(key) as Promise<T> | undefined;
  }
}
