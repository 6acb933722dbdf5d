import { pinoHttp } from 'pino-http';
import { type Logger, logFields } from '../log';
import { genRequestId } from './request-id';

/**
 * One structured line per request, with a child logger on `req.log` that
 * carries the request id. Client errors log at info (they are the caller's
 * business), server errors at error.
 */
export const requestLogger = (logger: Logger) =>
  pinoHttp({
    logger,
    genReqId: genRequestId,
    // Child loggers carry only the request id, under the name every log line uses.
    quietReqLogger: true,
    customAttributeKeys: { reqId: logFields.requestId },
    customLogLevel: (_req, res, error) =>
      error !== undefined || res.statusCode >= 500 ? 'error' : 'info',
    // Never log the bearer token.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
