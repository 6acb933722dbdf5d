import type { CommandBus } from '../../../domain/commands/context';
import type { RouteDefinition } from '../../route';
import { commandRoute } from './command-route';

/** Who owns a client: assignment, the pool, handovers and disputes. */
export const ownershipCommandRoutes = (bus: CommandBus): RouteDefinition[] => [
  commandRoute(bus, {
    type: 'AssignOwner',
    path: '/clients/:clientId/owner',
    summary: 'Assign the owner of a client',
    tag: 'ownership',
  }),
  commandRoute(bus, {
    type: 'ClaimClient',
    path: '/clients/:clientId/claim',
    summary: 'Claim a client from the pool',
    tag: 'ownership',
  }),
  commandRoute(bus, {
    type: 'ReleaseClient',
    path: '/clients/:clientId/release',
    summary: 'Release a client to the pool',
    tag: 'ownership',
  }),
  commandRoute(bus, {
    type: 'RequestHandover',
    path: '/handovers',
    summary: 'Request the handover of a client',
    tag: 'handovers',
    creates: true,
  }),
  commandRoute(bus, {
    type: 'ApproveHandover',
    path: '/handovers/:handoverId/approve',
    summary: 'Approve a handover',
    tag: 'handovers',
  }),
  commandRoute(bus, {
    type: 'RejectHandover',
    path: '/handovers/:handoverId/reject',
    summary: 'Reject a handover',
    tag: 'handovers',
  }),
  commandRoute(bus, {
    type: 'CancelHandover',
    path: '/handovers/:handoverId/cancel',
    summary: 'Cancel a handover',
    tag: 'handovers',
  }),
  commandRoute(bus, {
    type: 'RaiseDispute',
    path: '/clients/:clientId/disputes',
    summary: 'Raise a dispute over a client',
    tag: 'disputes',
    creates: true,
  }),
  commandRoute(bus, {
    type: 'ResolveDispute',
    path: '/clients/:clientId/disputes/:disputeId/resolve',
    summary: 'Resolve a dispute',
    tag: 'disputes',
  }),
];
