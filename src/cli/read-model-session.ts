import type { DomainSettings } from '../domain/settings';
import type { EventStore } from '../eventstore/port';
import type { Logger } from '../log';
import { createProjectionRuntime } from '../projections';
import type { ReadModels } from '../projections/read-models';

/**
 * Read models built afresh in memory from the log, for one CLI command. They
 * never touch the read-model tables a running server keeps, so an export or
 * a replay is safe while `custody serve` runs on the same store.
 */
export const withReadModels = async <T>(
  store: EventStore,
  settings: DomainSettings,
  logger: Logger,
  work: (models: ReadModels) => Promise<T> | T,
): Promise<T> => {
  const runtime = createProjectionRuntime({
    store,
    database: ':memory:',
    settings,
    logger,
  });
  await runtime.engine.start();
  try {
    return await work(runtime.readModels);
  } finally {
    await runtime.engine.close();
  }
};
