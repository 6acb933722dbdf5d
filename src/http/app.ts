import express, { type Express, type RequestHandler } from 'express';
import type { Authenticator } from '../auth/authenticator';
import { domainErrorList } from '../domain/errors';
import type { EventStore } from '../eventstore/port';
import { type Logger, silentLogger } from '../log';
import { createBodyReader, defaultBodyLimitBytes } from './body';
import { errorHandler, notFoundHandler } from './error-handler';
import { createFailureLimiter, type FailureLimiterOptions } from './failure-limiter';
import { healthRouter, type ReadModelStatus } from './health';
import { createHttpMetrics } from './metrics';
import { mountRoutes } from './mount-routes';
import { buildOpenApiDocument, type ExtraParameter } from './openapi/document';
import type { ReadModelProgress } from './read-your-writes';
import { requestLogger } from './request-log';
import type { RouteDefinition } from './route';
import { commandHeaderParameters } from './routes/commands/headers';
import { readModelParameters } from './routes/read-model-parameters';

export interface AppOptions {
  /** Largest JSON body accepted; larger ones are answered 413. */
  readonly bodyLimitBytes?: number;
  /** How long a read-model route waits for `X-Custody-Min-Position`. */
  readonly readYourWritesTimeoutMs?: number;
  /** Failed authentications tolerated per client address before 429. */
  readonly authFailures?: Omit<FailureLimiterOptions, 'now'>;
  /** Express's `trust proxy`: set it behind a load balancer, so limits see client IPs. */
  readonly trustProxy?: boolean | number | string;
  readonly version?: string;
}

export interface AppDeps {
  /** Every API route (commands and queries), mounted under `/v1`. */
  readonly routes: readonly RouteDefinition[];
  readonly authenticator: Authenticator;
  readonly store: EventStore;
  readonly readModels?: ReadModelProgress & {
    status(): ReadModelStatus | Promise<ReadModelStatus>;
  };
  readonly logger?: Logger;
  /** Other handlers served by the process (the dashboard), mounted before the 404. */
  readonly extraHandlers?: readonly {
    readonly path: string;
    readonly handler: RequestHandler;
  }[];
  readonly options?: AppOptions;
}

export const apiBasePath = '/v1';

const extraParameters = (route: RouteDefinition): readonly ExtraParameter[] =>
  route.consistency === 'read-model'
    ? readModelParameters
    : commandHeaderParameters(route);

/** The HTTP application: health, the versioned API and its OpenAPI document. */
export const createApp = (deps: AppDeps): Express => {
  const options = deps.options ?? {};
  const metrics = createHttpMetrics();
  const openApi = buildOpenApiDocument(deps.routes, {
    title: 'Custody',
    version: options.version ?? '0.1.0',
    basePath: apiBasePath,
    extraParameters,
    errorCodes: domainErrorList,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(requestLogger(deps.logger ?? silentLogger));
  app.use(metrics.middleware);

  // The API's routes sit on the application itself, before the health
  // routes (none of which is under the base path): no nested router for a
  // request to walk through.
  // Answers are per caller and change with every write: never cache nor sniff them.
  app.use(apiBasePath, (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  app.get(`${apiBasePath}/openapi.json`, (_req, res) => {
    res.json(openApi);
  });
  mountRoutes(
    app,
    deps.routes,
    {
      authenticator: deps.authenticator,
      limiter: createFailureLimiter(
        options.authFailures ?? { maxFailures: 10, windowMs: 60_000 },
      ),
      readBody: createBodyReader(options.bodyLimitBytes ?? defaultBodyLimitBytes),
      progress: deps.readModels,
      readYourWritesTimeoutMs: options.readYourWritesTimeoutMs ?? 5_000,
    },
    apiBasePath,
  );
  app.use(
    healthRouter({
      store: deps.store,
      metrics,
      ...(deps.readModels === undefined ? {} : { readModels: deps.readModels }),
    }),
  );

  for (const extra of deps.extraHandlers ?? []) app.use(extra.path, extra.handler);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
};
