import { createHash } from 'node:crypto';
import type { IdPurpose } from '../domain/client/decision-context';

/**
 * Ids derived from the command id, so that a retried command writes the same
 * events (the store recognises their ids) and creates the same things.
 */

const digest = (...parts: string[]): Buffer =>
  createHash('sha256').update(parts.join('\u0000')).digest();

/** A UUID shaped like a version 5 UUID, from sha256 of (command id, stream, index). */
export const deriveEventId = (
  commandId: string,
  stream: string,
  index: number,
): string => {
  const bytes = digest('event', commandId, stream, String(index)).subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
};

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A valid ULID from sha256 of (command id, purpose): 128 bits in Crockford
 * base 32, so the first character is 0-7. Derived ids are NOT time-ordered:
 * their "timestamp" part is hash bits, so nothing may sort by them in time.
 */
export const deriveUlid = (commandId: string, purpose: IdPurpose): string => {
  let value = BigInt(
    `0x${digest('id', commandId, purpose).subarray(0, 16).toString('hex')}`,
  );
  const chars: string[] = [];
  for (let index = 0; index < 26; index += 1) {
    chars.push(CROCKFORD[Number(value & 31n)]!);
    value >>= 5n;
  }
  return chars.reverse().join('');
};
