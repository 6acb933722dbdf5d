import type { RequestHandler } from 'express';
import { type Logger, logFields, silentLogger } from '../log';
import { genRequestId } from './request-id';

declare module 'http' {
  interface ServerResponse {
    /** An error a handler wants on the request's log line. */
    err?: Error | undefined;
  }
  interface IncomingMessage {
    /** The request's id, set by requestLogger before any route runs. */
    id: string;
    /** A logger whose lines carry the request id; built on first use. */
    log: Logger;
  }
}

const baseLogger = Symbol('request base logger');
const childLogger = Symbol('request child logger');

interface LoggedRequest {
  [baseLogger]?: Logger;
  [childLogger]?: Logger;
  id: string;
}

const withLogAccessor = new WeakSet<object>();

/**
 * `req.log` as an accessor on the requests' prototype, defined once: an
 * accessor defined on each request would cost two closures per request and
 * give every request a shape of its own.
 */
const defineLogAccessor = (req: object): void => {
  const prototype = Object.getPrototypeOf(req) as object;
  if (withLogAccessor.has(prototype)) return;
  Object.defineProperty(prototype, 'log', {
    configurable: true,
    get(this: LoggedRequest): Logger {
      const base = this[baseLogger];
      if (base === undefined) return silentLogger;
      this[childLogger] ??= base.child({ [logFields.requestId]: this.id });
      return this[childLogger];
    },
    set(this: LoggedRequest, replaced: Logger) {
      this[childLogger] = replaced;
    },
  });
  withLogAccessor.add(prototype);
};

/**
 * Gives every request its id and a logger carrying it on `req.log`, and logs
 * one structured line per request when it ends. Client errors log at info
 * (they are the caller's business), server errors at error. Nothing is built
 * per request for a level that writes nothing: the child logger only when
 * code asks for `req.log` (it serialises its bindings when built), the line
 * only when its level is enabled. The bearer token is never logged.
 */
export const requestLogger =
  (logger: Logger): RequestHandler =>
  (req, res, next) => {
    const id = genRequestId(req, res);
    req.id = id;
    defineLogAccessor(req);
    (req as LoggedRequest)[baseLogger] = logger;
    if (logger.isLevelEnabled('error')) {
      const started = Date.now();
      // 'close' follows 'finish' on a completed response, and also comes when
      // the caller hangs up first.
      res.once('close', () => {
        const failed = res.err !== undefined || res.statusCode >= 500;
        const level = failed ? 'error' : 'info';
        if (!logger.isLevelEnabled(level)) return;
        const line = {
          [logFields.requestId]: id,
          req: { id, method: req.method, url: req.originalUrl ?? req.url },
          res: { statusCode: res.statusCode },
          responseTime: Date.now() - started,
          ...(res.err === undefined ? {} : { err: res.err }),
        };
        logger[level](
          line,
          res.writableFinished ? 'request completed' : 'request aborted',
        );
      });
    }
    next();
  };
