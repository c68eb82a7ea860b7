// The project's declared label schema (docs/formats.md, "Label schemas"): scales, criteria and annotation tasks by
// name. A name is declared once; the same declaration again changes nothing, a different one is refused, so that
// ratings already stored never change meaning.
import type {
  AnnotationTaskDefinition,
  CriterionDefinition,
  LabelSchema,
  LabelScale,
  SchemaRecord,
} from '../model/records';
import type { Database } from './database';
import type { Store } from './store';
import { connectionOf } from './connection';
import { CoreError, msg } from '../util/message';

type Entry = 'scale' | 'criterion' | 'task';

function entriesOf(schema: LabelSchema): { entry: Entry; name: string; definition: string }[] {
  return [
    ...schema.scales.map((s) => ({ entry: 'scale' as const, name: s.name, definition: JSON.stringify(s) })),
    ...schema.criteria.map((c) => ({ entry: 'criterion' as const, name: c.name, definition: JSON.stringify(c) })),
    ...schema.tasks.map((t) => ({ entry: 'task' as const, name: t.name, definition: JSON.stringify(t) })),
  ];
}

/** Declares a schema record's entries inside the writer's transaction. */
export async function declareSchema(
  db: Database,
  record: SchemaRecord,
  sourceId: number | null,
  now: string,
): Promise<void> {
  for (const { entry, name, definition } of entriesOf(record)) {
    const known = await db.get<{ definition: string }>(
      'SELECT definition FROM schema_entries WHERE entry = ? AND name = ?',
      [entry, name],
    );
    if (known && known.definition !== definition) {
      throw new CoreError(
        msg(
          '{0}:{1}: the {2} "{3}" is already declared as {4}; a declared name keeps its meaning (declare a new name instead)',
          record.source.file,
          record.source.line,
          entry,
          name,
          known.definition,
        ),
      );
    }
    if (!known) {
      await db.run(
        'INSERT INTO schema_entries (entry, name, definition, source_id, source_line, declared_at) VALUES (?, ?, ?, ?, ?, ?)',
        [entry, name, definition, sourceId, record.source.line, now],
      );
    }
  }
}

/** Everything the database declares (empty lists when nothing is). */
export async function declaredSchema(store: Store): Promise<LabelSchema> {
  const rows = await connectionOf(store).all<{ entry: Entry; definition: string }>(
    'SELECT entry, definition FROM schema_entries ORDER BY entry, name',
  );
  const of = <T>(entry: Entry) => rows.filter((r) => r.entry === entry).map((r) => JSON.parse(r.definition) as T);
  return {
    scales: of<LabelScale>('scale'),
    criteria: of<CriterionDefinition>('criterion'),
    tasks: of<AnnotationTaskDefinition>('task'),
  };
}
