import type { CommandBus } from '../../../domain/commands/context';
import type { RouteDefinition } from '../../route';
import { commandRoute } from './command-route';

/** People of the company: joining, changing role, leaving. */
export const peopleCommandRoutes = (bus: CommandBus): RouteDefinition[] => [
  commandRoute(bus, {
    type: 'AddPerson',
    path: '/people',
    summary: 'Add a person',
    tag: 'people',
    creates: true,
  }),
  commandRoute(bus, {
    type: 'ChangePersonRole',
    path: '/people/:personId/role',
    summary: 'Change a person’s role',
    tag: 'people',
  }),
  commandRoute(bus, {
    type: 'RecordDeparture',
    path: '/people/:personId/departure',
    summary: 'Record that a person left',
    tag: 'people',
  }),
];
