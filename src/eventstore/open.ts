import type { StoreConfig } from '../config';
import { CustodyError } from '../errors';
import { type Logger, silentLogger } from '../log';
import { EsdbEventStore } from './esdb';
import type { EventStore } from './port';
import { openSqliteEventStore } from './sqlite';

export type OpenedEventStore =
  | { readonly kind: 'embedded'; readonly store: EventStore; readonly path: string }
  | {
      readonly kind: 'eventstoredb';
      readonly store: EventStore;
      /** Where the read models live, since the log itself is remote. */
      readonly projectionsPath: string;
    };

/**
 * Opens the store the configuration names. The EventStoreDB client connects
 * lazily, so this does not fail when the server is down; call
 * `store.checkHealth()` to find out.
 */
export const openEventStore = (
  config: StoreConfig,
  options: { readonly logger?: Logger } = {},
): OpenedEventStore => {
  const logger = options.logger ?? silentLogger;
  if (config.kind === 'embedded') {
    const store = openSqliteEventStore({ path: config.path, logger });
    logger.info({ store: 'embedded', path: config.path }, 'event store opened');
    return { kind: 'embedded', store, path: config.path };
  }

  let store: EsdbEventStore;
  try {
    store = EsdbEventStore.fromConnectionString(config.connectionString, { logger });
  } catch (error) {
    // The client's parser is stricter than the configuration's pattern.
    throw new CustodyError(
      'validation',
      'config.invalid',
      `CUSTODY_STORE: ${error instanceof Error ? error.message : String(error)}`,
      { path: 'CUSTODY_STORE', cause: error },
    );
  }
  logger.info(
    { store: 'eventstoredb', hosts: hostsOf(config.connectionString) },
    'event store opened',
  );
  return { kind: 'eventstoredb', store, projectionsPath: config.projectionsPath };
};

/** The hosts of a connection string, without credentials, for logging. */
const hostsOf = (connectionString: string): string =>
  connectionString.replace(/^[^:]+:\/\/([^@/]+@)?/, '').replace(/[/?].*$/, '');
