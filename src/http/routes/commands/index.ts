import type { CommandBus } from '../../../domain/commands/context';
import type { RouteDefinition } from '../../route';
import { activityCommandRoutes } from './activity-routes';
import { clientCommandRoutes } from './client-routes';
import { ownershipCommandRoutes } from './ownership-routes';
import { peopleCommandRoutes } from './people-routes';

export { commandResponseSchema } from './command-route';

/** Every command the API accepts, one route each. */
export const commandRoutes = (bus: CommandBus): RouteDefinition[] => [
  ...clientCommandRoutes(bus),
  ...ownershipCommandRoutes(bus),
  ...activityCommandRoutes(bus),
  ...peopleCommandRoutes(bus),
];
