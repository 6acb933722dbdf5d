import { z } from 'zod';
import { isoOf } from '../../../../projections/definition';
import {
  clientRelationshipSorts,
  personRelationshipSorts,
} from '../../../projections/queries/list-sorts';
import { paginate } from '../../../projections/queries/paginate';
import {
  clientRelationships,
  personRelationships,
} from '../../../projections/queries/relationships';
import { defineRoute, type RouteDefinition } from '../../route';
import { listParameters, pageQueryOf } from './list-parameters';
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

const at = { at: instantParam.optional() };

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
    query: z.strictObject({ ...at, ...listParameters(clientRelationshipSorts) }),
    response: clientRelationshipsSchema,
    consistency: 'read-model',
    handle: async ({ params, query, principal }) => {
      const result = clientRelationships(
        deps.readModels,
        params.clientId,
        query.at ?? nowOf(deps),
        deps.settings.strength,
      );
      // A salesperson sees the client's flags but only their own relationship.
      const people =
        principal.role === 'salesperson'
          ? result.people.filter((person) => person.personId === principal.personId)
          : result.people;
      const { items, ...page } = paginate(
        people,
        pageQueryOf(query),
        clientRelationshipSorts,
      );
      return { body: { ...result, people: items, ...page } };
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
    query: z.strictObject({ ...at, ...listParameters(personRelationshipSorts) }),
    response: personRelationshipsSchema,
    consistency: 'read-model',
    handle: async ({ params, query, principal }) => {
      requireSelfOrPrivileged(principal, params.personId, 'params.personId');
      const instant = query.at ?? nowOf(deps);
      const { items, ...page } = paginate(
        personRelationships(
          deps.readModels,
          params.personId,
          instant,
          deps.settings.strength,
        ),
        pageQueryOf(query),
        personRelationshipSorts,
      );
      return {
        body: { personId: params.personId, at: isoOf(instant), clients: items, ...page },
      };
    },
  }),
];
