import { z } from 'zod';
import { personIdSchema } from '../../../domain/events/primitives';
import { duePolicyActions, policyStateOf } from '../../../policy';
import { dueForReleaseSorts } from '../../../projections/queries/list-sorts';
import { paginate } from '../../../projections/queries/paginate';
import { defineRoute, type RouteDefinition } from '../../route';
import { listParameters, pageInfoShape, pageQueryOf } from './list-parameters';
import {
  instantParam,
  nowOf,
  type QueryRouteDeps,
  readers,
  requireSelfOrPrivileged,
} from './query-deps';

const dueClientSchema = z.object({
  clientId: z.string(),
  name: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  ownerSince: z.string(),
  reason: z.enum(['neglected-no-interaction', 'neglected-no-accepted-quote']),
  since: z.string().describe('The instant the rule counts from'),
  dueAt: z.string().describe('When the pool policy releases the client'),
});

/**
 * The pool policy's warnings: owned clients it will release within the
 * warning period unless their owner acts. Computed from the neglect read
 * model at the instant asked; no event records a warning.
 */
export const policyQueryRoutes = (deps: QueryRouteDeps): RouteDefinition[] => [
  defineRoute({
    method: 'get',
    path: '/dashboards/due-for-release',
    operationId: 'listDueForRelease',
    summary: 'List clients the pool policy will release soon, with the date and reason',
    tags: ['dashboards'],
    roles: readers,
    query: z.strictObject({
      at: instantParam.optional(),
      owner: personIdSchema.optional(),
      ...listParameters(dueForReleaseSorts),
    }),
    response: z.object({
      at: z.string(),
      clients: z.array(dueClientSchema),
      ...pageInfoShape,
    }),
    consistency: 'read-model',
    handle: async ({ query, principal }) => {
      // A salesperson's list is their own portfolio's.
      if (principal.role === 'salesperson' && query.owner !== undefined)
        requireSelfOrPrivileged(principal, query.owner, 'query.owner');
      const owner = principal.role === 'salesperson' ? principal.personId : query.owner;
      const at = new Date(query.at ?? nowOf(deps));
      const state = policyStateOf(deps.readModels);
      const { warnings } = duePolicyActions(state, at, deps.settings.pool);
      const { items, ...page } = paginate(
        warnings.filter((warning) => owner === undefined || warning.ownerId === owner),
        pageQueryOf(query),
        dueForReleaseSorts,
      );
      const clients = items.map((warning) => ({
        ...warning,
        ownerName: deps.readModels.personName(warning.ownerId),
      }));
      return { body: { at: at.toISOString(), clients, ...page } };
    },
  }),
];
