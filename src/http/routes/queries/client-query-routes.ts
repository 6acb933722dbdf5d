import { z } from 'zod';
import { personIdSchema } from '../../../domain/events/primitives';
import {
  clientSorts,
  listClients,
  requireClient,
  toClientView,
} from '../../../projections/queries/client-directory';
import { ownershipIntervalSorts } from '../../../projections/queries/list-sorts';
import {
  ownerAt,
  ownershipIntervals,
} from '../../../projections/queries/ownership-history';
import { paginate } from '../../../projections/queries/paginate';
import { defineRoute, type RouteDefinition } from '../../route';
import { listParameters, pageInfoShape, pageQueryOf } from './list-parameters';
import {
  booleanParam,
  clientParams,
  compact,
  instantParam,
  type QueryRouteDeps,
  readers,
} from './query-deps';
import {
  clientPageSchema,
  clientViewSchema,
  ownerAtSchema,
  ownershipIntervalSchema,
} from './response-schemas';

const listQuery = z.strictObject({
  owner: personIdSchema.optional(),
  pool: booleanParam.optional(),
  locked: booleanParam.optional(),
  archived: booleanParam.optional(),
  merged: booleanParam.optional(),
  search: z.string().trim().min(1).max(200).optional(),
  ...listParameters(clientSorts),
});

const instants = { asOf: instantParam.optional(), knownAt: instantParam.optional() };
const instantQuery = z.strictObject(instants);

/** The client directory, one client, and who owned it when. */
export const clientQueryRoutes = (deps: QueryRouteDeps): RouteDefinition[] => [
  defineRoute({
    method: 'get',
    path: '/clients',
    operationId: 'listClients',
    summary: 'List clients',
    tags: ['clients'],
    roles: readers,
    query: listQuery,
    response: clientPageSchema,
    consistency: 'read-model',
    handle: async ({ query }) => ({ body: listClients(deps.readModels, compact(query)) }),
  }),
  defineRoute({
    method: 'get',
    path: '/clients/:clientId',
    operationId: 'getClient',
    summary: 'Read a client',
    tags: ['clients'],
    roles: readers,
    params: clientParams,
    response: clientViewSchema,
    consistency: 'read-model',
    handle: async ({ params }) => ({
      body: toClientView(
        requireClient(deps.readModels, params.clientId),
        deps.readModels,
      ),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/clients/:clientId/owner',
    operationId: 'getClientOwner',
    summary: 'Read who owned a client as of an instant or as known at an instant',
    tags: ['ownership'],
    roles: readers,
    params: clientParams,
    query: instantQuery,
    response: ownerAtSchema,
    consistency: 'read-model',
    handle: async ({ params, query }) => ({
      body: ownerAt(deps.readModels, params.clientId, compact(query)),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/clients/:clientId/ownership-history',
    operationId: 'getOwnershipHistory',
    summary: 'Read the ownership history of a client',
    tags: ['ownership'],
    roles: readers,
    params: clientParams,
    query: z.strictObject({ ...instants, ...listParameters(ownershipIntervalSorts) }),
    response: z.object({
      clientId: z.string(),
      intervals: z.array(ownershipIntervalSchema),
      ...pageInfoShape,
    }),
    consistency: 'read-model',
    handle: async ({ params, query }) => {
      const { asOf, knownAt } = query;
      const { items, ...page } = paginate(
        ownershipIntervals(deps.readModels, params.clientId, compact({ asOf, knownAt })),
        pageQueryOf(query),
        ownershipIntervalSorts,
      );
      return { body: { clientId: params.clientId, intervals: items, ...page } };
    },
  }),
];
