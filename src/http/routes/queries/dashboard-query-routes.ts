import { z } from 'zod';
import { dayMs } from '../../../../projections';
import { isoOf } from '../../../../projections/definition';
import { personIdSchema } from '../../../domain/events/primitives';
import { accountsAtRisk, keyPersonReport } from '../../../projections/queries/dashboards';
import { pendingHandovers, poolClients } from '../../../projections/queries/pool';
import { activityReport, portfolio } from '../../../projections/queries/portfolio';
import { defineRoute, type RouteDefinition } from '../../route';
import {
  instantParam,
  nowOf,
  personParams,
  type QueryRouteDeps,
  readers,
  requireOrdered,
  requireSelfOrPrivileged,
} from './query-deps';
import {
  activityRowSchema,
  atRiskClientSchema,
  keyPersonReportSchema,
  pendingHandoverSchema,
  poolEntrySchema,
  portfolioSchema,
} from './response-schemas';

const daysParam = z.coerce.number().int().min(1).max(3650);
const periodQuery = { from: instantParam.optional(), to: instantParam.optional() };

/** A period ending at `to` (default now), starting at `from` (default 90 days earlier). */
const periodOf = (
  query: { from?: number | undefined; to?: number | undefined },
  now: number,
) => {
  const to = query.to ?? now;
  const from = query.from ?? to - 90 * dayMs;
  requireOrdered(from, to);
  return { from, to };
};

/** Portfolios, accounts at risk, key-person risk, the pool, handovers, activity. */
export const dashboardQueryRoutes = (deps: QueryRouteDeps): RouteDefinition[] => [
  defineRoute({
    method: 'get',
    path: '/dashboards/portfolio/:personId',
    operationId: 'getPortfolio',
    summary: 'Read a salesperson’s portfolio and its health',
    tags: ['dashboards'],
    roles: readers,
    params: personParams,
    query: z.strictObject({
      at: instantParam.optional(),
      days: daysParam.optional(),
      ...periodQuery,
    }),
    response: portfolioSchema,
    consistency: 'read-model',
    handle: async ({ params, query, principal }) => {
      requireSelfOrPrivileged(principal, params.personId, 'params.personId');
      const at = query.at ?? nowOf(deps);
      const period = periodOf({ from: query.from, to: query.to }, at);
      return {
        body: portfolio(
          deps.readModels,
          params.personId,
          { at, period, ...(query.days === undefined ? {} : { days: query.days }) },
          deps.settings.strength,
        ),
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/dashboards/at-risk',
    operationId: 'listAccountsAtRisk',
    summary: 'List accounts at risk',
    tags: ['dashboards'],
    roles: readers,
    query: z.strictObject({
      at: instantParam.optional(),
      days: daysParam.optional(),
      owner: personIdSchema.optional(),
    }),
    response: z.object({
      at: z.string(),
      days: z.number(),
      clients: z.array(atRiskClientSchema),
    }),
    consistency: 'read-model',
    handle: async ({ query, principal }) => {
      const at = query.at ?? nowOf(deps);
      const days = query.days ?? deps.settings.pool.noInteractionDays;
      // A salesperson's list is their own portfolio's.
      const owner = principal.role === 'salesperson' ? principal.personId : query.owner;
      if (principal.role === 'salesperson' && query.owner !== undefined) {
        requireSelfOrPrivileged(principal, query.owner, 'query.owner');
      }
      const clients = accountsAtRisk(
        deps.readModels,
        { at, days, ...(owner === undefined ? {} : { ownerId: owner }) },
        deps.settings.strength,
      );
      return { body: { at: isoOf(at), days, clients } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/dashboards/key-person-risk',
    operationId: 'listKeyPersonRisk',
    summary: 'List clients whose relationship rests on one person',
    tags: ['dashboards'],
    roles: readers,
    query: z.strictObject({ at: instantParam.optional() }),
    response: keyPersonReportSchema,
    consistency: 'read-model',
    handle: async ({ query, principal }) => {
      const report = keyPersonReport(
        deps.readModels,
        query.at ?? nowOf(deps),
        deps.settings.strength,
      );
      if (principal.role !== 'salesperson') return { body: report };
      // A salesperson sees the risks of their own portfolio only.
      const own = (entry: { ownerId: string | null }) =>
        entry.ownerId === principal.personId;
      return {
        body: {
          ...report,
          keyPersonRisk: report.keyPersonRisk.filter(own),
          ownerNotStrongest: report.ownerNotStrongest.filter(own),
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/dashboards/pool',
    operationId: 'listPool',
    summary: 'List the clients in the pool',
    tags: ['dashboards'],
    roles: readers,
    response: z.object({ clients: z.array(poolEntrySchema) }),
    consistency: 'read-model',
    handle: async () => ({ body: { clients: poolClients(deps.readModels) } }),
  }),
  defineRoute({
    method: 'get',
    path: '/dashboards/pending-handovers',
    operationId: 'listPendingHandovers',
    summary: 'List handovers awaiting a decision',
    tags: ['dashboards'],
    roles: readers,
    query: z.strictObject({ at: instantParam.optional() }),
    response: z.object({ handovers: z.array(pendingHandoverSchema) }),
    consistency: 'read-model',
    handle: async ({ query }) => ({
      body: { handovers: pendingHandovers(deps.readModels, query.at ?? nowOf(deps)) },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/dashboards/activity',
    operationId: 'listActivity',
    summary: 'Read activity and results per salesperson over a period',
    tags: ['dashboards'],
    roles: readers,
    query: z.strictObject({ ...periodQuery, person: personIdSchema.optional() }),
    response: z.object({
      from: z.string(),
      to: z.string(),
      people: z.array(activityRowSchema),
    }),
    consistency: 'read-model',
    handle: async ({ query, principal }) => {
      const period = periodOf(query, nowOf(deps));
      if (query.person !== undefined) {
        requireSelfOrPrivileged(principal, query.person, 'query.person');
      }
      const person = principal.role === 'salesperson' ? principal.personId : query.person;
      return {
        body: {
          from: isoOf(period.from),
          to: isoOf(period.to),
          people: activityReport(deps.readModels, period, person),
        },
      };
    },
  }),
];
