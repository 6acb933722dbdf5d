import type { RouteDefinition } from '../../route';
import { auditQueryRoutes } from './audit-query-routes';
import { clientQueryRoutes } from './client-query-routes';
import { dashboardQueryRoutes } from './dashboard-query-routes';
import { disputeQueryRoutes } from './dispute-query-routes';
import { policyQueryRoutes } from './policy-query-routes';
import type { QueryRouteDeps } from './query-deps';
import { relationshipQueryRoutes } from './relationship-query-routes';

export type { QueryRouteDeps } from './query-deps';

/** Every read-model query the API answers. */
export const queryRoutes = (deps: QueryRouteDeps): RouteDefinition[] => [
  ...clientQueryRoutes(deps),
  ...relationshipQueryRoutes(deps),
  ...auditQueryRoutes(deps),
  ...dashboardQueryRoutes(deps),
  ...disputeQueryRoutes(deps),
  ...policyQueryRoutes(deps),
];
