import { z } from 'zod';
import { personIdSchema } from '../../../domain/events/primitives';
import {
  auditTrailCsv,
  clientAuditTrail,
  ownershipChanges,
  ownershipChangesCsv,
} from '../../../projections/queries/audit';
import { requireClient } from '../../../projections/queries/client-directory';
import { defineRoute, type RouteDefinition } from '../../route';
import {
  clientParams,
  compact,
  instantParam,
  type QueryRouteDeps,
  readers,
  requireOrdered,
} from './query-deps';
import { auditEntrySchema, ownershipChangeSchema } from './response-schemas';

const format = z.enum(['json', 'csv']).optional();
const csvType = 'text/csv; charset=utf-8';

const changesQuery = z.strictObject({
  actor: personIdSchema.optional(),
  person: personIdSchema.optional(),
  from: instantParam.optional(),
  to: instantParam.optional(),
  knownAt: instantParam.optional(),
  format,
});

/** The audit trail of a client and the company-wide feed of ownership changes. */
export const auditQueryRoutes = (deps: QueryRouteDeps): RouteDefinition[] => [
  defineRoute({
    method: 'get',
    path: '/clients/:clientId/audit',
    operationId: 'getClientAuditTrail',
    summary: 'Read every recorded event of a client, with actor and late flag',
    tags: ['audit'],
    roles: readers,
    params: clientParams,
    query: z.strictObject({ format }),
    response: z.object({ clientId: z.string(), entries: z.array(auditEntrySchema) }),
    consistency: 'read-model',
    handle: async ({ params, query }) => {
      requireClient(deps.readModels, params.clientId);
      const entries = await clientAuditTrail(
        deps.store,
        params.clientId,
        deps.lateAfterMs,
      );
      if (query.format === 'csv') {
        return {
          body: auditTrailCsv(entries),
          contentType: csvType,
          headers: {
            'content-disposition': `attachment; filename="audit-${params.clientId}.csv"`,
          },
        };
      }
      return { body: { clientId: params.clientId, entries } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/audit/ownership-changes',
    operationId: 'listOwnershipChanges',
    summary: 'List ownership changes across clients, by actor, person and time',
    tags: ['audit'],
    roles: readers,
    query: changesQuery,
    response: z.object({ changes: z.array(ownershipChangeSchema) }),
    consistency: 'read-model',
    handle: async ({ query }) => {
      const { format: wanted, ...filter } = query;
      if (filter.from !== undefined && filter.to !== undefined) {
        requireOrdered(filter.from, filter.to);
      }
      const changes = ownershipChanges(deps.readModels, compact(filter));
      if (wanted === 'csv') {
        return {
          body: ownershipChangesCsv(changes),
          contentType: csvType,
          headers: {
            'content-disposition': 'attachment; filename="ownership-changes.csv"',
          },
        };
      }
      return { body: { changes } };
    },
  }),
];
