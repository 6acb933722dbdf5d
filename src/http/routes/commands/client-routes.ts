import type { CommandBus } from '../../../domain/commands/context';
import type { RouteDefinition } from '../../route';
import { commandRoute } from './command-route';

/** Registering, changing, archiving, merging, locking and unlocking clients. */
export const clientCommandRoutes = (bus: CommandBus): RouteDefinition[] => [
  commandRoute(bus, {
    type: 'RegisterClient',
    path: '/clients',
    summary: 'Register a client',
    tag: 'clients',
    creates: true,
  }),
  commandRoute(bus, {
    type: 'ChangeClientDetails',
    method: 'patch',
    path: '/clients/:clientId',
    summary: 'Change a client’s details',
    tag: 'clients',
  }),
  commandRoute(bus, {
    type: 'ArchiveClient',
    path: '/clients/:clientId/archive',
    summary: 'Archive a client',
    tag: 'clients',
  }),
  commandRoute(bus, {
    type: 'MergeClients',
    path: '/clients/:clientId/merge',
    summary: 'Merge a duplicate client into a survivor',
    tag: 'clients',
  }),
  commandRoute(bus, {
    type: 'LockClient',
    path: '/clients/:clientId/lock',
    summary: 'Lock a client against the pool policy',
    tag: 'clients',
  }),
  commandRoute(bus, {
    type: 'UnlockClient',
    path: '/clients/:clientId/unlock',
    summary: 'Unlock a client',
    tag: 'clients',
  }),
];
