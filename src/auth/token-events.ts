import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EventMetadata, EventSource } from '../domain/events/metadata';
import {
  instantSchema,
  personIdSchema,
  roleSchema,
  shortTextSchema,
  ulidSchema,
} from '../domain/events/primitives';
import type { NewEvent } from '../eventstore/port';

/**
 * Tokens live in the event store like everything else (`token-<tokenId>`), so
 * that they work on both stores, every process sees them, and issuing or
 * revoking one is audited. Only the hash of a token is ever stored.
 */

export const tokenStreamPrefix = 'token-';
export const tokenStream = (tokenId: string): string => `${tokenStreamPrefix}${tokenId}`;

export const TokenIssued = z.strictObject({
  tokenId: ulidSchema,
  personId: personIdSchema,
  /** The role when issued; authentication uses the person's current role. */
  role: roleSchema,
  /** SHA-256 of the token, hex. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  label: shortTextSchema,
  occurredAt: instantSchema,
});

export const TokenRevoked = z.strictObject({
  tokenId: ulidSchema,
  occurredAt: instantSchema,
});

export type TokenIssuedData = z.infer<typeof TokenIssued>;
export type TokenRevokedData = z.infer<typeof TokenRevoked>;

/** Who issues or revokes a token: a person (API or CLI), or the system at first start. */
export interface TokenActor {
  readonly actor: {
    readonly personId: string;
    readonly role: EventMetadata['actorRole'];
  } | null;
  readonly source: EventSource;
}

export const tokenEvent = (
  type: 'TokenIssued' | 'TokenRevoked',
  data: TokenIssuedData | TokenRevokedData,
  by: TokenActor,
  now: Date,
): NewEvent => {
  const commandId = randomUUID();
  const metadata = {
    actorId: by.actor?.personId ?? null,
    actorRole: by.actor?.role ?? null,
    commandId,
    correlationId: commandId,
    causationId: commandId,
    source: by.source,
    schemaVersion: 1,
    recordedAt: now.toISOString(),
  } satisfies EventMetadata;
  return { id: randomUUID(), type, data: { ...data }, metadata };
};
