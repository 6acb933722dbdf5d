import { createHash } from 'node:crypto';

/**
 * Command ids of the policy's actions, derived from the facts an action rests
 * on. The same facts give the same id, so a second run, or a second process
 * running at the same time, repeats a command the bus has already recorded
 * and writes nothing; new facts (another owner, a later tenure) give a new id.
 */

const hashOf = (...parts: readonly (string | number)[]): string =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

export const releaseCommandId = (
  clientId: string,
  ownerId: string,
  ownerSince: number,
  tenureRevision: number,
  reason: string,
): string =>
  `policy-release-${hashOf(clientId, ownerId, ownerSince, tenureRevision, reason)}`;

/** A handover expires once, whatever else happens. */
export const expiryCommandId = (handoverId: string): string =>
  `policy-expire-${hashOf(handoverId)}`;
