// How many items each prompt has for the runs explorer's progress (issue 11: "the explorer's progress counts
// ≤ 100 ms at 4×"): its responses (one rating item each) and its distinct systems (n of them make n (n − 1) / 2
// pairwise items), kept on write so that the explorer's totals read one row per prompt instead of counting every
// response of a run (80–110 ms of its 134–148 ms first count at 4× Shaham et al.'s run).
// Derived from responses and kept by triggers on them, whatever writes or deletes a response: an import, a
// replacement, a deleted run, prompt or system (their responses go by cascade), or a row changed by hand. Filled
// here for the responses a database already has. A prompt without responses may have no row (read as 0).
// SQLite counts one row at a time (an import sets the insert trigger aside inside its transaction and counts the
// prompts it wrote to once: store/responseCounts.ts); PostgreSQL counts again, per statement, the prompts a
// statement touched (an import's batch of rows is one statement, so its counts are not moved row by row).
import type { Migration } from './migration';

const TABLE = `
  CREATE TABLE prompt_item_totals (
    prompt_id INTEGER PRIMARY KEY REFERENCES prompts(id) ON DELETE CASCADE,
    responses INTEGER NOT NULL,
    systems INTEGER NOT NULL
  );
  INSERT INTO prompt_item_totals (prompt_id, responses, systems)
    SELECT prompt_id, count(*), count(DISTINCT system_id) FROM responses GROUP BY prompt_id;`;

/** Whether a prompt has another response of the system than the row `row` (which NEW may be, OLD no longer is). */
const otherOfSystem = (row: 'NEW' | 'OLD') =>
  `EXISTS (SELECT 1 FROM responses x WHERE x.prompt_id = ${row}.prompt_id AND x.system_id = ${row}.system_id` +
  (row === 'NEW' ? ' AND x.id <> NEW.id)' : ')');

const ADD_NEW = `
    INSERT INTO prompt_item_totals (prompt_id, responses, systems) VALUES (NEW.prompt_id, 1, 1)
    ON CONFLICT (prompt_id) DO UPDATE SET responses = responses + 1, systems = systems + (NOT ${otherOfSystem('NEW')});`;
const REMOVE_OLD = `
    UPDATE prompt_item_totals SET responses = responses - 1, systems = systems - (NOT ${otherOfSystem('OLD')})
    WHERE prompt_id = OLD.prompt_id;`;

/**
 * The counts of the prompts named by `prompts` (a query of prompt ids) counted again from their responses, each by
 * the responses' index (a join would let the planner, which cannot tell how few rows a statement touched, scan
 * every response of the database for each statement). Also what an import into SQLite counts once for the prompts
 * it wrote to (store/responseCounts.ts).
 */
export const recountItemTotals = (prompts: string) => `
    INSERT INTO prompt_item_totals (prompt_id, responses, systems)
      SELECT p.id, (SELECT count(*) FROM responses r WHERE r.prompt_id = p.id),
        (SELECT count(DISTINCT r.system_id) FROM responses r WHERE r.prompt_id = p.id)
      FROM prompts p WHERE p.id IN (${prompts})
    ON CONFLICT (prompt_id) DO UPDATE SET responses = excluded.responses, systems = excluded.systems;`;

export const promptItemTotalsMigration: Migration = {
  id: '0018-prompt-item-totals',
  sql: `
  ${TABLE}
  CREATE TRIGGER prompt_item_totals_on_insert AFTER INSERT ON responses BEGIN ${ADD_NEW}
  END;
  CREATE TRIGGER prompt_item_totals_on_delete AFTER DELETE ON responses BEGIN ${REMOVE_OLD}
  END;
  -- No writer moves a response to another prompt or system (an import updates its text); should one, it counts
  -- as the old row gone and the new one come.
  CREATE TRIGGER prompt_item_totals_on_move AFTER UPDATE OF prompt_id, system_id ON responses
    WHEN OLD.prompt_id IS NOT NEW.prompt_id OR OLD.system_id IS NOT NEW.system_id BEGIN ${REMOVE_OLD} ${ADD_NEW}
  END;`,
  // The functions run with their owner's rights (as 0014's do), so that whoever may write responses keeps the
  // counts without a grant on them. A prompt deleted with its responses is gone from prompts when the cascade's
  // statement fires: recount finds it no more, and its row went by cascade.
  postgres: `
  ${TABLE}
  CREATE FUNCTION prompt_item_totals_recount() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path FROM CURRENT AS $$
  BEGIN ${recountItemTotals('SELECT prompt_id FROM changed')}
    RETURN NULL;
  END $$;
  CREATE TRIGGER prompt_item_totals_on_insert AFTER INSERT ON responses REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION prompt_item_totals_recount();
  CREATE TRIGGER prompt_item_totals_on_delete AFTER DELETE ON responses REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION prompt_item_totals_recount();
  CREATE FUNCTION prompt_item_totals_on_move() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path FROM CURRENT AS $$
  BEGIN ${recountItemTotals('OLD.prompt_id, NEW.prompt_id')}
    RETURN NULL;
  END $$;
  CREATE TRIGGER prompt_item_totals_on_move AFTER UPDATE OF prompt_id, system_id ON responses FOR EACH ROW
    WHEN (OLD.prompt_id IS DISTINCT FROM NEW.prompt_id OR OLD.system_id IS DISTINCT FROM NEW.system_id)
    EXECUTE FUNCTION prompt_item_totals_on_move();`,
};
