import { z } from 'zod';
import { isoOf } from '../../../../projections/definition';
import { personIdSchema } from '../../../domain/events/primitives';
import { accountsAtRisk, keyPersonReport } from '../../../projections/queries/dashboards';
import {
  atRiskSorts,
  keyPersonSorts,
  portfolioClientSorts,
} from '../../../projections/queries/list-sorts';
import { paginate } from '../../../projections/queries/paginate';
import { portfolio } from '../../../projections/queries/portfolio';
import { defineRoute, type RouteDefinition } from '../../route';
import { listParameters, pageInfoShape, pageQueryOf } from './list-parameters';
import { poolActivityQueryRoutes } from './pool-activity-query-routes';
import {
  daysParam,
  instantParam,
  nowOf,
  periodOf,
  periodQuery,
  personParams,
  type QueryRouteDeps,
  readers,
  requireSelfOrPrivileged,
} from './query-deps';
import {
  atRiskClientSchema,
  keyPersonReportSchema,
  portfolioSchema,
} from './response-schemas';

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
      ...listParameters(portfolioClientSorts),
    }),
    response: portfolioSchema,
    consistency: 'read-model',
    handle: async ({ params, query, principal }) => {
      requireSelfOrPrivileged(principal, params.personId, 'params.personId');
      const at = query.at ?? nowOf(deps);
      const period = periodOf({ from: query.from, to: query.to }, at);
      const report = portfolio(
        deps.readModels,
        params.personId,
        { at, period, ...(query.days === undefined ? {} : { days: query.days }) },
        deps.settings.strength,
      );
      const { items, ...page } = paginate(
        report.clients,
        pageQueryOf(query),
        portfolioClientSorts,
      );
      return { body: { ...report, clients: items, ...page } };
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
      ...listParameters(atRiskSorts),
    }),
    response: z.object({
      at: z.string(),
      days: z.number(),
      clients: z.array(atRiskClientSchema),
      ...pageInfoShape,
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
      const { items, ...page } = paginate(clients, pageQueryOf(query), atRiskSorts);
      return { body: { at: isoOf(at), days, clients: items, ...page } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/dashboards/key-person-risk',
    operationId: 'listKeyPersonRisk',
    summary: 'List clients whose relationship rests on one person',
    tags: ['dashboards'],
    roles: readers,
    query: z.strictObject({
      at: instantParam.optional(),
      ...listParameters(keyPersonSorts),
    }),
    response: keyPersonReportSchema,
    consistency: 'read-model',
    handle: async ({ query, principal }) => {
      const report = keyPersonReport(
        deps.readModels,
        query.at ?? nowOf(deps),
        deps.settings.strength,
      );
      // A salesperson sees the risks of their own portfolio only.
      const visible = <T extends { ownerId: string | null }>(entries: readonly T[]) =>
        principal.role === 'salesperson'
          ? entries.filter((entry) => entry.ownerId === principal.personId)
          : entries;
      // Both lists are paged by the same parameters, each with its own page info.
      const { items: keyPersonRisk, ...riskPage } = paginate(
        visible(report.keyPersonRisk),
        pageQueryOf(query),
        keyPersonSorts,
      );
      const { items: ownerNotStrongest, ...ownerPage } = paginate(
        visible(report.ownerNotStrongest),
        pageQueryOf(query),
        keyPersonSorts,
      );
      return {
        body: {
          at: report.at,
          keyPersonRisk,
          ownerNotStrongest,
          pages: { keyPersonRisk: riskPage, ownerNotStrongest: ownerPage },
        },
      };
    },
  }),
  ...poolActivityQueryRoutes(deps),
];
