import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Config, loadConfig } from '../config';
import { type OpenedEventStore, openEventStore } from '../eventstore/open';
import type { Logger } from '../log';

export interface StoreChoice {
  /** `--store`: a file path, `:memory:` or an esdb:// connection string; wins over CUSTODY_STORE. */
  readonly store?: string | undefined;
}

/** The configuration with `--store` applied over the environment. */
export const cliConfig = (choice: StoreChoice, env: NodeJS.ProcessEnv): Config =>
  loadConfig(env, choice.store === undefined ? {} : { store: choice.store });

/** Opens a store by its text form, creating the folder of a new embedded file. */
export const openStoreAt = (
  spec: string,
  env: NodeJS.ProcessEnv,
  logger: Logger,
): OpenedEventStore => {
  const config = cliConfig({ store: spec }, env);
  return openConfiguredStore(config, logger);
};

export const openConfiguredStore = (config: Config, logger: Logger): OpenedEventStore => {
  if (config.store.kind === 'embedded' && config.store.path !== ':memory:') {
    mkdirSync(dirname(config.store.path), { recursive: true });
  }
  return openEventStore(config.store, { logger });
};
