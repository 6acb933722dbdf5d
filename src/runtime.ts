import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { bootstrapLedger } from './auth/bootstrap';
import {
  type IssuedToken,
  openTokenService,
  type TokenService,
} from './auth/token-service';
import { createCommandBus } from './commands';
import type { Config } from './config';
import { dashboardHandler } from './dashboard';
import type { CommandBus } from './domain/commands/context';
import { stream } from './domain/events/primitives';
import type { DomainSettings } from './domain/settings';
import { type OpenedEventStore, openEventStore } from './eventstore/open';
import type { EventStore } from './eventstore/port';
import { SqliteEventStore } from './eventstore/sqlite';
import { type AppDeps, type AppOptions, createApp } from './http/app';
import type { ReadModelStatus } from './http/health';
import { commandRoutes } from './http/routes/commands';
import { queryRoutes } from './http/routes/queries';
import { tokenRoutes } from './http/routes/token-routes';
import { createLogger, type Logger } from './log';
import { defaultPolicySchedule, type PolicySchedule, startPolicyProcess } from './policy';
import {
  canFoldInParallel,
  createProjectionRuntime,
  type ProjectionEngine,
  workerFold,
} from './projections';

export interface RuntimeOptions {
  readonly logger?: Logger;
  /** Overrides the business settings of the configuration (tests). */
  readonly settings?: DomainSettings;
  readonly app?: AppOptions;
  /** Other handlers the process serves beside the API; by default the web dashboard at `/`. */
  readonly extraHandlers?: AppDeps['extraHandlers'];
  /** Close gracefully and exit on SIGINT and SIGTERM (default true); not in tests. */
  readonly handleSignals?: boolean;
  /**
   * The pool policy runs once the read models have caught up, then every
   * `intervalMs` (default 15 minutes); `false` turns it off. Off by default
   * under jest (NODE_ENV=test), so that a test decides when the policy runs.
   */
  readonly policy?: PolicySchedule | false;
}

export interface Runtime {
  /** Where the API listens, for example `http://127.0.0.1:3000`. */
  readonly url: string;
  /** Set on the first start of an empty ledger: the admin's token, to show once. */
  readonly bootstrapToken?: IssuedToken;
  readonly store: EventStore;
  readonly bus: CommandBus;
  readonly tokens: TokenService;
  readonly engine: ProjectionEngine;
  /** Stops accepting requests, lets those in flight finish, then closes everything. */
  close(): Promise<void>;
}

/** A bus that tells the token service at once when a person's standing changed. */
const refreshingTokens = (bus: CommandBus, tokens: TokenService): CommandBus => ({
  async execute(command, context) {
    const outcome = await bus.execute(command, context);
    if (outcome.stream.startsWith(stream.person(''))) {
      await tokens.refreshPerson(outcome.stream.slice(stream.person('').length));
    }
    return outcome;
  },
});

/**
 * Where the read models of a store live. Beside an embedded file they get a
 * file of their own (`custody.db` → `custody-projections.db`), which the
 * projection storage opens with NORMAL sync: read models can be rebuilt from
 * the log and are saved with their checkpoint in one transaction, so a power
 * loss only sends them back to an earlier checkpoint. Sharing the log's
 * connection instead made every read-model flush an fsync on the request
 * path, which cost more than the log's own commits. An in-memory store
 * keeps them in its own in-memory database.
 */
export const readModelDatabaseOf = (opened: OpenedEventStore): Database | string => {
  if (opened.kind === 'eventstoredb') return opened.projectionsPath;
  if (opened.path === ':memory:' || opened.path === '') {
    if (opened.store instanceof SqliteEventStore) return opened.store.database;
    return ':memory:';
  }
  return opened.path.replace(/(\.db|\.sqlite3?)?$/, '-projections.db');
};

const ensureDirectoryOf = (path: string): void => {
  if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
};

const drainTimeoutMs = 10_000;

/**
 * Stops accepting connections; idle keep-alive ones close now, busy ones
 * after their response, and any still open after the drain timeout are cut.
 */
const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), drainTimeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });

const listen = (server: Server, host: string, port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

const urlOf = (server: Server): string => {
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const reachable = host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host;
  return `http://${reachable}:${address.port}`;
};

/**
 * The composition root: opens the store, runs the projections, wires the
 * command bus and the token service, sets up an empty ledger, and serves the
 * API. Everything it opens, `close()` closes, in reverse order.
 */
export const startRuntime = async (
  config: Config,
  options: RuntimeOptions = {},
): Promise<Runtime> => {
  const logger =
    options.logger ?? createLogger(config.logLevel ? { level: config.logLevel } : {});
  const settings = options.settings ?? config.domain;
  const closers: (() => Promise<void> | void)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close();
  };

  try {
    // 1. The log, and the read models beside it.
    if (config.store.kind === 'embedded') ensureDirectoryOf(config.store.path);
    const opened = openEventStore(config.store, { logger });
    const { store } = opened;
    closers.push(() => store.close());
    const database = readModelDatabaseOf(opened);
    if (typeof database === 'string') ensureDirectoryOf(database);
    const { engine, readModels, ownershipLookup } = createProjectionRuntime({
      store,
      database,
      settings,
      logger,
      ...(canFoldInParallel(config.store)
        ? { parallel: workerFold({ store: config.store, strength: settings.strength }) }
        : {}),
    });
    closers.push(() => engine.close());
    await engine.start();

    // 2. Commands and tokens.
    const tokens = await openTokenService({ store, logger });
    closers.push(() => tokens.close());
    const bus = refreshingTokens(
      createCommandBus({ store, lookup: ownershipLookup, settings, logger }),
      tokens,
    );

    // 3. An empty ledger gets its first administrator.
    const bootstrapToken = await bootstrapLedger({ bus, tokens, logger });

    // 4. The pool policy, on its schedule.
    const schedule =
      options.policy ?? (process.env.NODE_ENV === 'test' ? false : defaultPolicySchedule);
    if (schedule) {
      const policy = startPolicyProcess(
        { bus, store, engine, settings, logger },
        schedule,
      );
      closers.push(() => policy.stop());
    }

    // 5. The API.
    const app = createApp({
      routes: [
        ...commandRoutes(bus),
        ...queryRoutes({ readModels, store, settings }),
        ...tokenRoutes(tokens),
      ],
      authenticator: tokens,
      store,
      readModels: {
        waitForPosition: (position, timeoutMs) =>
          engine.waitForPosition(position, timeoutMs),
        status: async (): Promise<ReadModelStatus> => {
          const lag = await engine.lag();
          const failure = engine.status().failure;
          return {
            position: lag.position,
            caughtUp: lag.caughtUp,
            behind: lag.behind,
            ...(failure === undefined ? {} : { failure }),
          };
        },
      },
      logger,
      extraHandlers: options.extraHandlers ?? [
        { path: '/', handler: dashboardHandler() },
      ],
      ...(options.app === undefined ? {} : { options: options.app }),
    });
    // 6. Listen, and close in order on a signal.
    const server = createServer(app);
    await listen(server, config.http.host, config.http.port);
    closers.push(() => closeServer(server));
    const url = urlOf(server);
    logger.info({ url, store: opened.kind }, 'custody is serving');

    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= closeAll().then(() => logger.info('custody stopped'));
      return closing;
    };
    if (options.handleSignals ?? true) {
      const onSignal = (signal: NodeJS.Signals) => {
        logger.info({ signal }, 'shutting down');
        close().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      closers.unshift(() => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      });
    }

    return {
      url,
      ...(bootstrapToken === undefined ? {} : { bootstrapToken }),
      store,
      bus,
      tokens,
      engine,
      close,
    };
  } catch (error) {
    await closeAll().catch(() => undefined);
    throw error;
  }
};
