import type { Command } from 'commander';
import type { Config } from '../config';
import type { OpenedEventStore } from '../eventstore/open';
import type { Logger } from '../log';
import type { CliContext } from './context';
import { cliConfig, openConfiguredStore } from './open-store';

export interface StoreSession {
  readonly config: Config;
  readonly opened: OpenedEventStore;
  readonly logger: Logger;
}

/** Opens the store named by --store (or CUSTODY_STORE), runs `work`, and closes it. */
export const withStore = async <T>(
  context: CliContext,
  command: Command,
  work: (session: StoreSession) => Promise<T>,
): Promise<T> => {
  const globals = context.globals(command);
  const logger = context.logger();
  const config = cliConfig({ store: globals.store }, context.io.env);
  const opened = openConfiguredStore(config, logger);
  try {
    return await work({ config, opened, logger });
  } finally {
    await opened.store.close();
  }
};
