/**
 * One step of the schema. Migrations are identified by name, not by position, so that modules (the judge
 * runner, the annotation panel) can each add their own tables; the store applies the ones a database lacks,
 * in the order of MIGRATIONS, and records them in schema_migrations. Never edit a released migration: add one.
 */
export interface Migration {
  readonly id: string;
  readonly sql: string;
}
