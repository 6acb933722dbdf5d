import type { Request } from 'express';
import type { Authenticator } from '../auth/authenticator';
import { CustodyError } from '../errors';
import type { FailureLimiter } from './failure-limiter';
import type { Principal } from './route';

const bearerPattern = /^Bearer +([\x21-\x7E]{1,512})$/i;

/** The challenge sent with every 401, as RFC 6750 asks. */
export const bearerChallenge = (error?: 'invalid_token'): string =>
  error === undefined
    ? 'Bearer realm="custody"'
    : `Bearer realm="custody", error="${error}"`;

const unauthenticated = (message: string, challenge: string): CustodyError =>
  new CustodyError('unauthenticated', 'auth.unauthenticated', message, {
    details: { challenge },
  });

/**
 * Resolves the caller from the Authorization header. Every failed attempt
 * counts against the client address; past the limit the address is refused
 * before its token is even looked at, so a valid guess cannot be told apart.
 */
export const authenticateRequest = async (
  req: Request,
  authenticator: Authenticator,
  limiter: FailureLimiter,
): Promise<Principal> => {
  const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  const retryAfterMs = limiter.retryAfterMs(address);
  if (retryAfterMs > 0) {
    throw new CustodyError(
      'rate-limited',
      'auth.rate-limited',
      'Too many failed authentication attempts from this address; try again later',
      { details: { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } },
    );
  }

  const header = req.headers.authorization;
  if (header === undefined || header.trim() === '') {
    limiter.recordFailure(address);
    throw unauthenticated('A bearer token is required', bearerChallenge());
  }
  const token = bearerPattern.exec(header.trim())?.[1];
  const principal =
    token === undefined ? undefined : await authenticator.authenticate(token);
  if (principal === undefined) {
    limiter.recordFailure(address);
    throw unauthenticated(
      'The bearer token is malformed, unknown, revoked or belongs to a departed person',
      bearerChallenge('invalid_token'),
    );
  }
  return principal;
};
