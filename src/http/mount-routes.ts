import type { Request, Response, Router } from 'express';
import type { Authenticator } from '../auth/authenticator';
import { CustodyError, type ErrorIssue } from '../errors';
import { authenticateRequest } from './authenticate';
import type { BodyReader } from './body';
import type { FailureLimiter } from './failure-limiter';
import {
  queryWithoutMinPosition,
  type ReadModelProgress,
  requestedMinPosition,
} from './read-your-writes';
import { requestIdOf } from './request-id';
import type { Principal, RouteDefinition, RouteResult } from './route';
import { parsePart, validationFailed } from './validation';

export interface MountOptions {
  readonly authenticator: Authenticator;
  readonly limiter: FailureLimiter;
  readonly readBody: BodyReader;
  readonly progress: ReadModelProgress | undefined;
  readonly readYourWritesTimeoutMs: number;
}

const forbidden = (principal: Principal, route: RouteDefinition): CustodyError =>
  new CustodyError(
    'forbidden',
    'auth.forbidden',
    `The role ${principal.role} may not ${route.summary.toLowerCase()}`,
    { details: { role: principal.role, allowedRoles: route.roles } },
  );

/** The request's headers, repeated ones joined; Node joins all but a few itself. */
const headersOf = (req: Request): Readonly<Record<string, string | undefined>> => {
  const { headers } = req;
  for (const name in headers) {
    if (!Array.isArray(headers[name])) continue;
    return Object.fromEntries(
      Object.entries(headers).map(([key, value]) => [
        key,
        Array.isArray(value) ? value.join(', ') : value,
      ]),
    );
  }
  return headers as Readonly<Record<string, string | undefined>>;
};

const send = (res: Response, route: RouteDefinition, result: RouteResult): void => {
  res.status(result.status ?? route.successStatus ?? 200);
  for (const [name, value] of Object.entries(result.headers ?? {}))
    res.setHeader(name, value);
  if (result.contentType === undefined) {
    res.json(result.body);
    return;
  }
  res.type(result.contentType).send(String(result.body));
};

/**
 * One handler per route, in a fixed order: who is calling (401, 429), may
 * they (403), is the input well-formed (415, 413, 400), are the read models
 * far enough (504), then the route itself.
 */
const handlerOf =
  (route: RouteDefinition, options: MountOptions) =>
  async (req: Request, res: Response): Promise<void> => {
    // 1. Authenticate and authorise before reading anything the caller sent.
    const principal = await authenticateRequest(
      req,
      options.authenticator,
      options.limiter,
    );
    if (!route.roles.includes(principal.role)) throw forbidden(principal, route);

    // 2. Read and validate every part, reporting all bad fields at once.
    const rawBody =
      route.body === undefined ? undefined : await options.readBody(req, res);
    const readModel = route.consistency === 'read-model';
    const rawQuery = readModel ? queryWithoutMinPosition(req.query) : req.query;
    const issues: ErrorIssue[] = [];
    const params = parsePart('params', route.params, { ...req.params }, issues);
    const query = parsePart('query', route.query, rawQuery, issues);
    const body = parsePart('body', route.body, rawBody, issues);
    const minPosition = readModel ? requestedMinPosition(req) : undefined;
    if (issues.length > 0) throw validationFailed(issues);

    // 3. Read-your-writes: wait, boundedly, for the caller's last write.
    if (minPosition !== undefined) {
      if (options.progress === undefined) {
        throw new CustodyError(
          'unavailable',
          'query.not-caught-up',
          'The read models are not running in this process',
        );
      }
      await options.progress.waitForPosition(
        minPosition,
        options.readYourWritesTimeoutMs,
      );
    }

    // 4. The route itself.
    const result = await route.handle({
      params,
      query,
      body,
      principal,
      requestId: requestIdOf(req),
      headers: headersOf(req),
    });
    send(res, route, result);
  };

/** Where routes are mounted: the application itself or a router. */
export type RouteTarget = Pick<Router, RouteDefinition['method']>;

/**
 * Mounts route definitions on the application (or a router), each at the
 * base path followed by its own. Mounting them on the application itself,
 * rather than on nested routers, spares every request the nested routers'
 * walk through their layers.
 */
export const mountRoutes = (
  target: RouteTarget,
  routes: readonly RouteDefinition[],
  options: MountOptions,
  basePath = '',
): void => {
  for (const route of routes)
    target[route.method](`${basePath}${route.path}`, handlerOf(route, options));
};
