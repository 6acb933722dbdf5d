import type { Command } from '../../src/domain/commands/commands';
import type {
  CommandBus,
  CommandContext,
  CommandOutcome,
} from '../../src/domain/commands/context';
import { ConcurrencyError } from '../../src/eventstore/errors';
import { positionOf } from '../../src/eventstore/position';

/**
 * A command bus that records what it is asked and answers a fixed outcome:
 * for the tests of the HTTP mechanics, which must not depend on the domain.
 * A pinned revision other than 0 fails as the store would.
 */
export const createFakeBus = () => {
  const calls: { command: Command; context: CommandContext }[] = [];
  const bus: CommandBus = {
    async execute(command, context): Promise<CommandOutcome> {
      calls.push({ command, context });
      const id = 'clientId' in command ? command.clientId : 'none';
      if (context.expectedRevision !== undefined && context.expectedRevision !== 0) {
        throw new ConcurrencyError(`client-${id}`, context.expectedRevision, 0);
      }
      return {
        stream: `client-${id}`,
        revision: 0,
        position: positionOf(7),
        events: [{ id: 'e', type: 'Fake' }],
        ids: { clientId: String(id) },
        replayed: false,
      };
    },
  };
  return { bus, calls };
};
