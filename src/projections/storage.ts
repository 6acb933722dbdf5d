import Database from 'better-sqlite3';
import type { Position } from '../eventstore/port';
import { formatPosition, parsePosition } from '../eventstore/position';
import { applyMigrations, type Migration } from '../eventstore/sqlite/migrations';

/** Name under which the projection tables are migrated in `schema_migrations`. */
export const projectionComponent = 'projections';

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'projection checkpoints and entity state',
    up: (db) => {
      db.exec(`
        CREATE TABLE projection_checkpoints (
          name         TEXT    PRIMARY KEY,
          version      INTEGER NOT NULL,
          settings_key TEXT    NOT NULL,
          position     TEXT,
          events       INTEGER NOT NULL
        );
        CREATE TABLE projection_state (
          projection TEXT NOT NULL,
          key        TEXT NOT NULL,
          value      TEXT NOT NULL,
          PRIMARY KEY (projection, key)
        ) WITHOUT ROWID;`);
    },
  },
];

export interface StoredCheckpoint {
  readonly version: number;
  readonly settingsKey: string;
  readonly position: Position | undefined;
  readonly events: number;
}

/**
 * An entity already in its persisted JSON form (folded on another thread,
 * which serialised it there): saved as it is.
 */
export class PersistedJson {
  constructor(readonly text: string) {}
}

/** What one projection persists in one flush. */
export interface ProjectionSave {
  readonly name: string;
  readonly checkpoint: StoredCheckpoint;
  /** Changed entities, or their JSON as `PersistedJson`; `undefined` deletes the key. */
  readonly changes: Iterable<readonly [string, unknown]>;
}

interface CheckpointRow {
  readonly version: number;
  readonly settings_key: string;
  readonly position: string | null;
  readonly events: number;
}

/**
 * The SQLite tables behind the read models: one row per entity (JSON) and one
 * checkpoint per projection, always written in the same transaction so that
 * the state on disk is exactly the fold of the log up to the checkpoint.
 */
export class ProjectionStorage {
  readonly database: Database.Database;
  private readonly ownsDatabase: boolean;

  constructor(database: Database.Database | string) {
    this.ownsDatabase = typeof database === 'string';
    this.database = typeof database === 'string' ? openFile(database) : database;
    applyMigrations(this.database, projectionComponent, migrations);
  }

  readCheckpoint(name: string): StoredCheckpoint | undefined {
    const row = this.database
      .prepare<[string], CheckpointRow>(
        'SELECT version, settings_key, position, events FROM projection_checkpoints WHERE name = ?',
      )
      .get(name);
    if (!row) return undefined;
    return {
      version: row.version,
      settingsKey: row.settings_key,
      position: row.position === null ? undefined : parsePosition(row.position),
      events: row.events,
    };
  }

  loadEntities(name: string): Map<string, unknown> {
    const entities = new Map<string, unknown>();
    const rows = this.database
      .prepare<[string], { key: string; value: string }>(
        'SELECT key, value FROM projection_state WHERE projection = ?',
      )
      .iterate(name);
    for (const row of rows) entities.set(row.key, JSON.parse(row.value));
    return entities;
  }

  reset(names: readonly string[]): void {
    const dropState = this.database.prepare(
      'DELETE FROM projection_state WHERE projection = ?',
    );
    const dropCheckpoint = this.database.prepare(
      'DELETE FROM projection_checkpoints WHERE name = ?',
    );
    this.database.transaction(() => {
      for (const name of names) {
        dropState.run(name);
        dropCheckpoint.run(name);
      }
    })();
  }

  save(saves: readonly ProjectionSave[]): void {
    const upsert = this.database.prepare(
      'INSERT OR REPLACE INTO projection_state (projection, key, value) VALUES (?, ?, ?)',
    );
    const remove = this.database.prepare(
      'DELETE FROM projection_state WHERE projection = ? AND key = ?',
    );
    const checkpoint = this.database.prepare(
      `INSERT OR REPLACE INTO projection_checkpoints
         (name, version, settings_key, position, events) VALUES (?, ?, ?, ?, ?)`,
    );
    this.database.transaction(() => {
      for (const save of saves) {
        for (const [key, value] of save.changes) {
          if (value === undefined) remove.run(save.name, key);
          else
            upsert.run(
              save.name,
              key,
              value instanceof PersistedJson ? value.text : JSON.stringify(value),
            );
        }
        const { version, settingsKey, position, events } = save.checkpoint;
        checkpoint.run(
          save.name,
          version,
          settingsKey,
          position ? formatPosition(position) : null,
          events,
        );
      }
    })();
  }

  close(): void {
    if (this.ownsDatabase) this.database.close();
  }
}

/**
 * A file of our own, next to an EventStoreDB log. Read models can always be
 * rebuilt from the log, so NORMAL sync (no fsync per commit) is enough.
 */
const openFile = (path: string): Database.Database => {
  const database = new Database(path);
  database.pragma('busy_timeout = 5000');
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  return database;
};
