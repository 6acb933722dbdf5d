import { z } from 'zod';
import { isoOf } from '../../../../projections/definition';
import { personIdSchema } from '../../../domain/events/primitives';
import {
  activitySorts,
  handoverSorts,
  poolSorts,
} from '../../../projections/queries/list-sorts';
import { paginate } from '../../../projections/queries/paginate';
import { pendingHandovers, poolClients } from '../../../projections/queries/pool';
import { activityReport } from '../../../projections/queries/portfolio';
import { defineRoute, type RouteDefinition } from '../../route';
import { listParameters, pageInfoShape, pageQueryOf } from './list-parameters';
import {
  instantParam,
  nowOf,
  periodOf,
  periodQuery,
  type QueryRouteDeps,
  readers,
  requireSelfOrPrivileged,
} from './query-deps';
import {
  activityRowSchema,
  pendingHandoverSchema,
  poolEntrySchema,
} from './response-schemas';

/** The pool, the handovers awaiting a decision, and activity per salesperson. */
export const poolActivityQueryRoutes = (deps: QueryRouteDeps): RouteDefinition[] => [
  defineRoute({
    method: 'get',
    path: '/dashboards/pool',
    operationId: 'listPool',
    summary: 'List the clients in the pool',
    tags: ['dashboards'],
    roles: readers,
    query: z.strictObject(listParameters(poolSorts)),
    response: z.object({ clients: z.array(poolEntrySchema), ...pageInfoShape }),
    consistency: 'read-model',
    handle: async ({ query }) => {
      const { items, ...page } = paginate(
        poolClients(deps.readModels),
        pageQueryOf(query),
        poolSorts,
      );
      return { body: { clients: items, ...page } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/dashboards/pending-handovers',
    operationId: 'listPendingHandovers',
    summary: 'List handovers awaiting a decision',
    tags: ['dashboards'],
    roles: readers,
    query: z.strictObject({
      at: instantParam.optional(),
      ...listParameters(handoverSorts),
    }),
    response: z.object({ handovers: z.array(pendingHandoverSchema), ...pageInfoShape }),
    consistency: 'read-model',
    handle: async ({ query }) => {
      const { items, ...page } = paginate(
        pendingHandovers(deps.readModels, query.at ?? nowOf(deps)),
        pageQueryOf(query),
        handoverSorts,
      );
      return { body: { handovers: items, ...page } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/dashboards/activity',
    operationId: 'listActivity',
    summary: 'Read activity and results per salesperson over a period',
    tags: ['dashboards'],
    roles: readers,
    query: z.strictObject({
      ...periodQuery,
      person: personIdSchema.optional(),
      ...listParameters(activitySorts),
    }),
    response: z.object({
      from: z.string(),
      to: z.string(),
      people: z.array(activityRowSchema),
      ...pageInfoShape,
    }),
    consistency: 'read-model',
    handle: async ({ query, principal }) => {
      const period = periodOf(query, nowOf(deps));
      if (query.person !== undefined) {
        requireSelfOrPrivileged(principal, query.person, 'query.person');
      }
      const person = principal.role === 'salesperson' ? principal.personId : query.person;
      const { items, ...page } = paginate(
        activityReport(deps.readModels, period, person),
        pageQueryOf(query),
        activitySorts,
      );
      return {
        body: { from: isoOf(period.from), to: isoOf(period.to), people: items, ...page },
      };
    },
  }),
];
