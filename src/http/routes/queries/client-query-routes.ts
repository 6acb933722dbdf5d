import { z } from 'zod';
import { personIdSchema } from '../../../domain/events/primitives';
import {
  listClients,
  requireClient,
  toClientView,
} from '../../../projections/queries/client-directory';
import {
  ownerAt,
  ownershipIntervals,
} from '../../../projections/queries/ownership-history';
import { defineRoute, type RouteDefinition } from '../../route';
import {
  booleanParam,
  clientParams,
  compact,
  instantParam,
  limitParam,
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
  sort: z.enum(['name', 'ownerSince']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: limitParam.optional(),
  cursor: z.string().max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

const instantQuery = z.strictObject({
  asOf: instantParam.optional(),
  knownAt: instantParam.optional(),
});

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
    query: instantQuery,
    response: z.object({
      clientId: z.string(),
      intervals: z.array(ownershipIntervalSchema),
    }),
    consistency: 'read-model',
    handle: async ({ params, query }) => ({
      body: {
        clientId: params.clientId,
        intervals: ownershipIntervals(deps.readModels, params.clientId, compact(query)),
      },
    }),
  }),
];
