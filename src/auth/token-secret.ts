import { createHash, randomBytes } from 'node:crypto';

/** Every Custody token starts with this, so a leaked one is easy to recognise. */
export const tokenPrefix = 'cst_';

const tokenPattern = /^cst_[A-Za-z0-9_-]{43}$/;

/** A new secret: 32 random bytes (256 bits), base64url, behind the prefix. */
export const generateTokenSecret = (): string =>
  `${tokenPrefix}${randomBytes(32).toString('base64url')}`;

export const looksLikeToken = (value: string): boolean => tokenPattern.test(value);

/**
 * The stored form of a token. A plain SHA-256 is enough here, unlike for
 * passwords: the secret has 256 bits of randomness, so there is no dictionary
 * to try and a slow hash would add nothing but latency to every request.
 */
export const hashTokenSecret = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');
