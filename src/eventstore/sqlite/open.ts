import Database from 'better-sqlite3';
import { type Logger, silentLogger } from '../../log';
import { StoreUnavailableError } from '../errors';
import { applyMigrations } from './migrations';
import { eventStoreComponent, eventStoreMigrations } from './schema';
import { SqliteEventStore } from './store';

export interface SqliteEventStoreOptions {
  /** A file path, or `':memory:'` for a store that lives as long as the process. */
  readonly path: string;
  /**
   * `FULL` (the default) syncs the log on every commit, so an acknowledged
   * append survives power loss; `NORMAL` may lose the last commits on power
   * loss (never on a process crash) and never corrupts the file.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** How often subscriptions look for events appended by other processes. */
  readonly pollIntervalMs?: number;
  /** How long a write waits for another process holding the file. */
  readonly busyTimeoutMs?: number;
  readonly logger?: Logger;
}

/**
 * Opens (creating or upgrading) an embedded event store. Synchronous, so it
 * may be awaited or used directly.
 */
export const openSqliteEventStore = (
  options: SqliteEventStoreOptions,
): SqliteEventStore => {
  const logger = options.logger ?? silentLogger;
  let database: Database.Database;
  try {
    database = new Database(options.path);
  } catch (error) {
    throw new StoreUnavailableError(
      `Cannot open the event store at ${options.path}`,
      error,
    );
  }

  try {
    // The busy timeout comes first: switching to WAL waits on other processes.
    database.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5_000}`);
    database.pragma('journal_mode = WAL');
    database.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    const applied = applyMigrations(database, eventStoreComponent, eventStoreMigrations);
    if (applied.length > 0)
      logger.info({ path: options.path, applied }, 'event store migrated');
  } catch (error) {
    database.close();
    throw error;
  }

  return new SqliteEventStore(database, {
    pollIntervalMs: options.pollIntervalMs ?? 250,
    shared: options.path !== ':memory:' && options.path !== '',
    logger,
  });
};
