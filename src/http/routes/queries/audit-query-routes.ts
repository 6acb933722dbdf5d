import { z } from 'zod';
import { personIdSchema } from '../../../domain/events/primitives';
import {
  auditTrailCsv,
  clientAuditTrail,
  ownershipChanges,
  ownershipChangesCsv,
} from '../../../projections/queries/audit';
import { requireClient } from '../../../projections/queries/client-directory';
import {
  auditSorts,
  ownershipChangeSorts,
} from '../../../projections/queries/list-sorts';
import { paginate, sortList } from '../../../projections/queries/paginate';
import { defineRoute, type RouteDefinition } from '../../route';
import {
  listParameters,
  pageInfoShape,
  pageQueryOf,
  requireUnpagedExport,
} from './list-parameters';
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
  ...listParameters(ownershipChangeSorts),
});

/**
 * The audit trail of a client and the company-wide feed of ownership changes.
 * CSV exports hold the whole list, sorted as asked; JSON answers one page. A
 * page parameter beside `format=csv` is refused rather than dropped.
 */
export const auditQueryRoutes = (deps: QueryRouteDeps): RouteDefinition[] => [
  defineRoute({
    method: 'get',
    path: '/clients/:clientId/audit',
    operationId: 'getClientAuditTrail',
    summary: 'Read every recorded event of a client, with actor and late flag',
    tags: ['audit'],
    roles: readers,
    params: clientParams,
    query: z.strictObject({ format, ...listParameters(auditSorts) }),
    response: z.object({
      clientId: z.string(),
      entries: z.array(auditEntrySchema),
      ...pageInfoShape,
    }),
    consistency: 'read-model',
    handle: async ({ params, query }) => {
      if (query.format === 'csv') requireUnpagedExport(query);
      requireClient(deps.readModels, params.clientId);
      const entries = await clientAuditTrail(
        deps.store,
        params.clientId,
        deps.lateAfterMs,
      );
      if (query.format === 'csv') {
        return {
          body: auditTrailCsv(sortList(entries, pageQueryOf(query), auditSorts)),
          contentType: csvType,
          headers: {
            'content-disposition': `attachment; filename="audit-${params.clientId}.csv"`,
          },
        };
      }
      const { items, ...page } = paginate(entries, pageQueryOf(query), auditSorts);
      return { body: { clientId: params.clientId, entries: items, ...page } };
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
    response: z.object({ changes: z.array(ownershipChangeSchema), ...pageInfoShape }),
    consistency: 'read-model',
    handle: async ({ query }) => {
      const { actor, person, from, to, knownAt } = query;
      if (from !== undefined && to !== undefined) requireOrdered(from, to);
      if (query.format === 'csv') requireUnpagedExport(query);
      const changes = ownershipChanges(
        deps.readModels,
        compact({ actor, person, from, to, knownAt }),
      );
      if (query.format === 'csv') {
        return {
          body: ownershipChangesCsv(
            sortList(changes, pageQueryOf(query), ownershipChangeSorts),
          ),
          contentType: csvType,
          headers: {
            'content-disposition': 'attachment; filename="ownership-changes.csv"',
          },
        };
      }
      const { items, ...page } = paginate(
        changes,
        pageQueryOf(query),
        ownershipChangeSorts,
      );
      return { body: { changes: items, ...page } };
    },
  }),
];
