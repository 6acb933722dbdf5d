import { z } from 'zod';
import { buildDisputeReport } from '../../../projections/dispute-report';
import {
  renderDisputeMarkdown,
  renderDisputeText,
} from '../../../projections/dispute-report-render';
import { requireClient } from '../../../projections/queries/client-directory';
import { defineRoute, type RouteDefinition } from '../../route';
import {
  clientParams,
  instantParam,
  nowOf,
  type QueryRouteDeps,
  readers,
} from './query-deps';
import { disputeReportSchema } from './response-schemas';

/** The replayed evidence for a dispute over one client. */
export const disputeQueryRoutes = (deps: QueryRouteDeps): RouteDefinition[] => [
  defineRoute({
    method: 'get',
    path: '/clients/:clientId/dispute-report',
    operationId: 'getDisputeReport',
    summary: 'Replay a client’s history up to an instant as dispute evidence',
    tags: ['disputes'],
    roles: readers,
    params: clientParams,
    query: z.strictObject({
      at: instantParam.optional(),
      format: z.enum(['json', 'text', 'markdown']).optional(),
    }),
    response: disputeReportSchema,
    consistency: 'read-model',
    handle: async ({ params, query }) => {
      requireClient(deps.readModels, params.clientId);
      const report = await buildDisputeReport({
        store: deps.store,
        clientId: params.clientId,
        at: query.at ?? nowOf(deps),
        model: deps.settings.strength,
        personName: (personId) => deps.readModels.personName(personId),
        ...(deps.lateAfterMs === undefined ? {} : { lateAfterMs: deps.lateAfterMs }),
      });
      if (query.format === 'text') {
        return {
          body: renderDisputeText(report),
          contentType: 'text/plain; charset=utf-8',
        };
      }
      if (query.format === 'markdown') {
        return {
          body: renderDisputeMarkdown(report),
          contentType: 'text/markdown; charset=utf-8',
        };
      }
      return { body: report };
    },
  }),
];
