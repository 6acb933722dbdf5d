import type { Migration } from './migrations';

/** The name under which the event store's migrations are recorded. */
export const eventStoreComponent = 'event-store';

/**
 * `position` is the rowid: SQLite hands out max + 1 inside the write
 * transaction, and only one writer holds the file at a time, so positions are
 * contiguous and every reader sees a gap-free prefix of the log. No
 * AUTOINCREMENT, which would leave gaps after a rolled-back append.
 */
export const eventStoreMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'events table',
    up: (db) => {
      db.exec(`
        CREATE TABLE events (
          position    INTEGER PRIMARY KEY,
          id          TEXT    NOT NULL UNIQUE,
          stream      TEXT    NOT NULL,
          revision    INTEGER NOT NULL,
          type        TEXT    NOT NULL,
          data        TEXT    NOT NULL,
          metadata    TEXT    NOT NULL,
          recorded_at INTEGER NOT NULL,
          UNIQUE (stream, revision)
        )`);
    },
  },
];
