import type { Database } from 'better-sqlite3';
import { CustodyError } from '../../errors';

/**
 * Versioned schema migrations shared by every component that keeps tables in
 * the store's SQLite file (the event store, projections, tokens). Each
 * component owns an ordered list and its own version counter, keyed by name in
 * one `schema_migrations` table, so components upgrade independently.
 */
export interface Migration {
  /** 1, 2, 3... in order; a shipped migration never changes. */
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database) => void;
}

const createLedger = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    component  TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    applied_at TEXT    NOT NULL,
    PRIMARY KEY (component, version)
  )`;

/** The file was written by a newer Custody than the one opening it. */
export class SchemaTooNewError extends CustodyError {
  constructor(component: string, found: number, known: number) {
    super(
      'unavailable',
      'store.schema-too-new',
      `The ${component} schema in this file is at version ${found}; ` +
        `this build knows up to ${known}`,
      { details: { component, found, known } },
    );
    this.name = 'SchemaTooNewError';
  }
}

/**
 * Applies the migrations of `component` that the file lacks, in order, in one
 * immediate transaction (so two processes opening the same file at once do not
 * both migrate). Returns the versions applied.
 */
export const applyMigrations = (
  db: Database,
  component: string,
  migrations: readonly Migration[],
): number[] => {
  assertOrdered(component, migrations);
  db.exec(createLedger);
  const currentVersion = db
    .prepare<[string], number>(
      'SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE component = ?',
    )
    .pluck();
  const record = db.prepare(
    `INSERT INTO schema_migrations (component, version, name, applied_at)
     VALUES (?, ?, ?, ?)`,
  );

  const migrate = db.transaction((): number[] => {
    const current = currentVersion.get(component) ?? 0;
    const known = migrations.at(-1)?.version ?? 0;
    if (current > known) throw new SchemaTooNewError(component, current, known);
    const pending = migrations.filter((migration) => migration.version > current);
    for (const migration of pending) {
      migration.up(db);
      record.run(component, migration.version, migration.name, new Date().toISOString());
    }
    return pending.map((migration) => migration.version);
  });
  return migrate.immediate();
};

const assertOrdered = (component: string, migrations: readonly Migration[]): void => {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migrations of ${component} must be numbered 1, 2, 3...; ` +
          `found ${migration.version} at ${index}`,
      );
    }
  });
};
