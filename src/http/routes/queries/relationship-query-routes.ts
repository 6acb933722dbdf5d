import { z } from 'zod';
import { isoOf } from '../../../../projections/definition';
import {
  clientRelationships,
  personRelationships,
} from '../../../projections/queries/relationships';
import { defineRoute, type RouteDefinition } from '../../route';
import {
  clientParams,
  instantParam,
  nowOf,
  personParams,
  type QueryRouteDeps,
  readers,
  requireSelfOrPrivileged,
} from './query-deps';
import { clientRelationshipsSchema, personRelationshipsSchema } from './response-schemas';

const atQuery = z.strictObject({ at: instantParam.optional() });

/** Relationship strength per client and per person, at any instant. */
export const relationshipQueryRoutes = (deps: QueryRouteDeps): RouteDefinition[] => [
  defineRoute({
    method: 'get',
    path: '/clients/:clientId/relationships',
    operationId: 'getClientRelationships',
    summary: 'Read the relationship strength of every person with a client',
    tags: ['relationships'],
    roles: readers,
    params: clientParams,
    query: atQuery,
    response: clientRelationshipsSchema,
    consistency: 'read-model',
    handle: async ({ params, query, principal }) => {
      const at = query.at ?? nowOf(deps);
      const result = clientRelationships(
        deps.readModels,
        params.clientId,
        at,
        deps.settings.strength,
      );
      if (principal.role !== 'salesperson') return { body: result };
      // A salesperson sees the client's flags but only their own relationship.
      return {
        body: {
          ...result,
          people: result.people.filter(
            (person) => person.personId === principal.personId,
          ),
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/people/:personId/relationships',
    operationId: 'getPersonRelationships',
    summary: 'Read a person’s relationships with every client, strongest first',
    tags: ['relationships'],
    roles: readers,
    params: personParams,
    query: atQuery,
    response: personRelationshipsSchema,
    consistency: 'read-model',
    handle: async ({ params, query, principal }) => {
      requireSelfOrPrivileged(principal, params.personId, 'params.personId');
      const at = query.at ?? nowOf(deps);
      return {
        body: {
          personId: params.personId,
          at: isoOf(at),
          clients: personRelationships(
            deps.readModels,
            params.personId,
            at,
            deps.settings.strength,
          ),
        },
      };
    },
  }),
];
