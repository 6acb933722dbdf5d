import type { NextFunction, Request, Response } from 'express';
import { CustodyError, isCustodyError } from '../errors';
import { translateParserError } from './body';
import { internalProblem, problemOf, sendProblem } from './problem';
import { requestIdOf } from './request-id';

/** Headers some problems carry, taken from the error's details, not shown in the body. */
const applyProblemHeaders = (
  res: Response,
  error: CustodyError,
): Record<string, unknown> => {
  const { challenge, ...rest } = error.details;
  if (error.kind === 'unauthenticated') {
    res.setHeader(
      'WWW-Authenticate',
      typeof challenge === 'string' ? challenge : 'Bearer',
    );
  }
  const retryAfter = rest.retryAfterSeconds;
  if (error.kind === 'rate-limited' && typeof retryAfter === 'number') {
    res.setHeader('Retry-After', String(retryAfter));
  }
  return rest;
};

/** Errors express itself raises for bad requests (an undecodable path, for one). */
const translateClientError = (error: unknown): CustodyError | undefined => {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  return new CustodyError('validation', 'request.malformed', 'The request is malformed');
};

/**
 * The API's one error handler: our errors become problem+json with their
 * kind's status; anything else is a 500 that says nothing and is logged.
 */
export const errorHandler = (
  error: unknown,
  req: Request,
  res: Response,
  next: NextFunction,
): void => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const instance =
    requestIdOf(req) === '' ? undefined : `urn:custody:request:${requestIdOf(req)}`;
  const known = isCustodyError(error)
    ? error
    : (translateParserError(error) ?? translateClientError(error));
  if (known === undefined) {
    req.log?.error({ err: error }, 'request failed unexpectedly');
    sendProblem(res, internalProblem(instance));
    return;
  }
  const details = applyProblemHeaders(res, known);
  const problem = problemOf(
    new CustodyError(known.kind, known.code, known.message, {
      ...(known.path === undefined ? {} : { path: known.path }),
      issues: known.issues,
      details,
    }),
    instance,
  );
  if (problem.status >= 500)
    req.log?.warn({ err: error }, 'request answered unavailable');
  sendProblem(res, problem);
};

export const notFoundHandler = (req: Request): never => {
  throw new CustodyError(
    'not-found',
    'route.not-found',
    `No route answers ${req.method} ${req.path}`,
  );
};
