import { createCommandBus } from '../commands';
import type { CommandBus, OwnershipLookup } from '../domain/commands';
import type { DomainSettings } from '../domain/settings';
import type { EventStore } from '../eventstore/port';
import type { Logger } from '../log';

/** The command bus the CLI writes through: the same rules as the HTTP API. */
export const cliBusFactory =
  (settings: DomainSettings, logger: Logger) =>
  (store: EventStore, lookup: OwnershipLookup): CommandBus =>
    createCommandBus({ store, lookup, settings, logger });
