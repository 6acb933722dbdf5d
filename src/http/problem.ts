import type { Response } from 'express';
import type { CustodyError, ErrorIssue, ErrorKind } from '../errors';

/**
 * Problem details (RFC 9457) for every error the API answers. The mapping of
 * error kinds to status codes lives here and nowhere else.
 */

export const problemContentType = 'application/problem+json';

export const statusOfKind: Readonly<Record<ErrorKind, number>> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  rule: 409,
  conflict: 409,
  precondition: 412,
  'too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  unavailable: 503,
  timeout: 504,
};

const titleOfStatus: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly instance?: string;
  readonly errors?: readonly ErrorIssue[];
  readonly [extra: string]: unknown;
}

/** Stable, dereferenceable-looking identifier of a problem type, built from its code. */
export const problemType = (code: string): string => `urn:custody:problem:${code}`;

/** Fields a problem already has; details never overwrite them. */
const reserved = new Set([
  'type',
  'title',
  'status',
  'code',
  'detail',
  'instance',
  'errors',
]);

export const problemOf = (error: CustodyError, instance?: string): Problem => {
  const status = statusOfKind[error.kind];
  const issues =
    error.issues.length > 0
      ? error.issues
      : error.path === undefined
        ? []
        : [{ path: error.path, message: error.message }];
  const details = Object.fromEntries(
    Object.entries(error.details).filter(([key]) => !reserved.has(key)),
  );
  return {
    type: problemType(error.code),
    title: titleOfStatus[status] ?? 'Error',
    status,
    code: error.code,
    detail: error.message,
    ...(instance === undefined ? {} : { instance }),
    ...(issues.length > 0 ? { errors: issues } : {}),
    ...details,
  };
};

/** The answer to anything unexpected: it says nothing about the cause. */
export const internalProblem = (instance?: string): Problem => ({
  type: problemType('internal'),
  title: titleOfStatus[500]!,
  status: 500,
  code: 'internal',
  detail: 'The server failed to handle the request; it has been logged',
  ...(instance === undefined ? {} : { instance }),
});

export const sendProblem = (res: Response, problem: Problem): void => {
  res.status(problem.status).type(problemContentType).send(JSON.stringify(problem));
};
