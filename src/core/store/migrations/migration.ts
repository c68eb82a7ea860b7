/**
 * One step of the schema. Migrations are identified by name, not by position, so that modules (the judge
 * runner, the annotation panel) can each add their own tables; the store applies the ones a database lacks,
 * in the order of MIGRATIONS, and records them in schema_migrations. Never edit a released migration: add one.
 *
 * `sql` is SQLite's. A PostgreSQL database gets `postgres` when given, else `sql` with PostgreSQL's types
 * (postgresDdl in ../dialect.ts), which is right for tables, columns and indexes; a trigger, a view or a rebuilt
 * table needs its own `postgres` form (the store says so when one is missing).
 */
export interface Migration {
  readonly id: string;
  readonly sql: string;
  readonly postgres?: string;
}
