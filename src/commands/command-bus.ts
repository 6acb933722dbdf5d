import type { Logger } from 'pino';
import {
  authoriseHistoricalImport,
  authoriseRole,
  authoriseStanding,
} from '../domain/authorisation';
import { isClientCommand } from '../domain/client/decide';
import type { Command } from '../domain/commands/commands';
import type {
  CommandBus,
  CommandContext,
  CommandOutcome,
} from '../domain/commands/context';
import type { OwnershipLookup } from '../domain/commands/lookups';
import type { DomainSettings } from '../domain/settings';
import type { EventStore } from '../eventstore/port';
import { formatPosition } from '../eventstore/position';
import { logFields, silentLogger } from '../log';
import { outcomeOf } from './command-outcome';
import { type CommandRun, loadPerson } from './command-run';
import { completeCommand } from './completed-command';
import { handleClientCommand, handleMerge } from './handle-client';
import { handleHandoverCommand } from './handle-handover';
import { handlePersonCommand } from './handle-person';
import { StreamCache, type StreamCacheLimits } from './stream-cache';
import type { StepResult } from './stream-step';

export interface CommandBusOptions {
  readonly store: EventStore;
  readonly lookup: OwnershipLookup;
  readonly settings: DomainSettings;
  readonly logger?: Logger;
  /**
   * How often a command is decided again after another writer moved its
   * stream, when the caller did not pin a revision. Defaults to 5.
   */
  readonly maxRetries?: number;
  /**
   * Bounds of the cache of folded streams; `false` turns it off, so that
   * every command reads its streams whole.
   */
  readonly streamCache?: StreamCacheLimits | false;
}

const dispatch = (run: CommandRun, command: Command): Promise<readonly StepResult[]> => {
  if (isClientCommand(command))
    return handleClientCommand(run, command).then((step) => [step]);
  switch (command.type) {
    case 'MergeClients':
      return handleMerge(run, command).then((step) => [step]);
    case 'RequestHandover':
    case 'ApproveHandover':
    case 'RejectHandover':
    case 'CancelHandover':
    case 'ExpireHandover':
      return handleHandoverCommand(run, command);
    case 'AddPerson':
    case 'ChangePersonRole':
    case 'RecordDeparture':
      return handlePersonCommand(run, command);
  }
};

/**
 * Runs commands against the event store: authorise the role, fill in
 * derived ids, then per stream load, answer a repeat from what is stored,
 * authorise against the state, decide, append (retrying on concurrent
 * writes), and report the outcome.
 */
export const createCommandBus = (options: CommandBusOptions): CommandBus => {
  const baseLogger = options.logger ?? silentLogger;
  const maxRetries = options.maxRetries ?? 5;
  const { store, lookup, settings } = options;
  const cache =
    options.streamCache === false ? undefined : new StreamCache(options.streamCache);
  const dependencies = { store, lookup, settings, cache };
  return {
    async execute(command: Command, context: CommandContext): Promise<CommandOutcome> {
      // The bus logs at info and debug only; a child logger serialises its
      // bindings when built, so none is built for a level that writes nothing.
      const logger = baseLogger.isLevelEnabled('info')
        ? baseLogger.child({
            [logFields.commandId]: context.commandId,
            command: command.type,
          })
        : baseLogger;
      const run: CommandRun = { ...dependencies, context, maxRetries, logger };

      // 1. May this role run this command at all, and is the actor still with us?
      //    An import names historical actors, who may have left since.
      authoriseHistoricalImport(context.historicalImport, context.source);
      authoriseRole(command, context.actor, context.source);
      if (context.actor && context.source !== 'import')
        authoriseStanding(context.actor, await loadPerson(run, context.actor.personId));

      // 2. Ids of created things derive from the command id, so a repeat targets
      //    the same streams; each handler then loads, decides and appends.
      const completed = completeCommand(command, context.commandId);
      const outcome = outcomeOf(await dispatch(run, completed.command), completed.ids);

      logger.info(
        {
          [logFields.stream]: outcome.stream,
          revision: outcome.revision,
          [logFields.position]: formatPosition(outcome.position),
          replayed: outcome.replayed,
        },
        'command recorded',
      );
      return outcome;
    },
  };
};
