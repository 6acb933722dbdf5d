import * as crypto from 'node:crypto';
import type { IdPurpose } from '../domain/client/decision-context';

/**
 * Ids derived from the command id, so that a retried command writes the same
 * events (the store recognises their ids) and creates the same things.
 */

// One-shot hashing (Node 20.12 and later) builds no Hash object per id.
const sha256: (text: string) => Buffer =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'buffer')
    : (text) => crypto.createHash('sha256').update(text).digest();

const digest = (...parts: string[]): Buffer => sha256(parts.join('\u0000'));

const hexSha256: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

const variantNibble = '89ab89ab89ab89ab';

/**
 * A UUID shaped like a version 5 UUID, from sha256 of (command id, stream,
 * index): its first 128 bits with the version nibble set to 5 and the
 * variant bits to 10. Cut from the hex digest: the import derives one per
 * event, and the Buffer and its hex copy cost a twentieth of it.
 */
export const deriveEventId = (
  commandId: string,
  stream: string,
  index: number,
): string => {
  const hex = hexSha256(`event\u0000${commandId}\u0000${stream}\u0000${index}`);
  // The nibble at 16 keeps its low two bits under the variant's 10.
  const variant = variantNibble[Number.parseInt(hex[16]!, 16)]!;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A valid ULID from sha256 of (command id, purpose): 128 bits in Crockford
 * base 32, so the first character is 0-7. Derived ids are NOT time-ordered:
 * their "timestamp" part is hash bits, so nothing may sort by them in time.
 */
export const deriveUlid = (commandId: string, purpose: IdPurpose): string => {
  const bytes = digest('id', commandId, purpose);
  // 26 characters of 5 bits cover 130 bits: the 128 bits after two zero bits.
  // `pending` holds the bits not yet written, `count` of them (two zeros first).
  let chars = '';
  let pending = 0;
  let count = 2;
  for (let index = 0; index < 16; index += 1) {
    pending = (pending << 8) | bytes[index]!;
    count += 8;
    while (count >= 5) {
      count -= 5;
      chars += CROCKFORD[(pending >> count) & 31];
    }
    pending &= (1 << count) - 1;
  }
  return chars;
};
