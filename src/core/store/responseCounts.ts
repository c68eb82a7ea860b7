// The prompts' item totals (migration 0018) during an import into SQLite. Its trigger counts one inserted response
// at a time, and a trigger's every run costs SQLite more than the row it counts: 0.7-1.1 s of the 1.2-1.8 s it
// took to insert the 88,848 responses of Shaham et al.'s run (1,500 characters each), where the import's other
// threads wait for it. So the importing transaction sets the trigger aside at its first responses and counts the
// prompts it wrote responses to once, before it commits, with the trigger back in place. Both happen inside the
// transaction: no other connection ever sees the trigger missing or a count not yet made, and a rollback restores
// both. PostgreSQL's trigger already counts per statement (an import's batch of rows is one).
import type { Database } from './database';
import { recountItemTotals } from './migrations/0018-prompt-item-totals';

const TRIGGER = 'prompt_item_totals_on_insert';

/** The counts of the prompts in the JSON array parameter, counted again from their responses as 0018's are. */
const RECOUNT = recountItemTotals('SELECT value FROM json_each(?)');

export class ImportedResponseCounts {
  /** The trigger's definition while it is set aside; undefined before (or when the database has none). */
  private triggerSql: string | undefined;
  private setAside = false;
  private readonly prompts = new Set<number>();

  constructor(private readonly db: Database) {}

  /** Before the transaction's first responses are written: the trigger stops counting them one by one. */
  async beforeResponses(): Promise<void> {
    if (this.setAside || this.db.engine !== 'sqlite') return;
    this.setAside = true;
    const trigger = await this.db.get<{ sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
      [TRIGGER],
    );
    if (!trigger) return;
    this.triggerSql = trigger.sql;
    await this.db.exec(`DROP TRIGGER ${TRIGGER}`);
  }

  /** A prompt the transaction has written a response to (added or changed). */
  touched(promptId: number): void {
    if (this.triggerSql !== undefined) this.prompts.add(promptId);
  }

  /** Before the commit: the touched prompts counted, the trigger back as it was. */
  async beforeCommit(): Promise<void> {
    if (this.triggerSql === undefined) return;
    if (this.prompts.size > 0) await this.db.run(RECOUNT, [JSON.stringify([...this.prompts])]);
    await this.db.exec(this.triggerSql);
    this.triggerSql = undefined;
    this.prompts.clear();
  }
}
