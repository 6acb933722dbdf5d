import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import { newUlid } from './new-ulid';

export const requestIdHeader = 'x-request-id';

/** Ids a proxy or caller may pass on: short, printable, no spaces. */
const acceptable = /^[\x21-\x7E]{1,200}$/;

/**
 * The request's id: the caller's `X-Request-Id` when it is acceptable, else a
 * new ULID. Echoed in the response so a caller can quote it.
 */
export const genRequestId = (req: IncomingMessage, res: ServerResponse): string => {
  const offered = req.headers[requestIdHeader];
  const id =
    typeof offered === 'string' && acceptable.test(offered) ? offered : newUlid();
  res.setHeader('X-Request-Id', id);
  return id;
};

export const requestIdOf = (req: Request): string => String(req.id ?? '');
