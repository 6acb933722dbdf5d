import { z } from 'zod';
import { instantSchema, personIdSchema, roleSchema, ulidSchema } from './primitives';

/**
 * Metadata on every Custody event. The actor always comes from authentication
 * (or from the operator running the CLI), never from a request body.
 */
export const eventSourceSchema = z.enum(['api', 'cli', 'import', 'policy', 'system']);
export type EventSource = z.infer<typeof eventSourceSchema>;

export const eventMetadataSchema = z.strictObject({
  /** The person who caused the event; `null` for the system itself (policy, first start). */
  actorId: personIdSchema.nullable(),
  actorRole: roleSchema.nullable(),
  /** Identifies the command; the same command id always yields the same event ids. */
  commandId: z.string().min(1).max(200),
  correlationId: z.string().min(1).max(200),
  causationId: z.string().min(1).max(200),
  source: eventSourceSchema,
  schemaVersion: z.number().int().positive(),
  /**
   * When the ledger learned of the event. Kept in the metadata rather than
   * taken from the store so that it survives a migration between stores.
   */
  recordedAt: instantSchema,
  /** The HTTP request id, when the command came over HTTP. */
  requestId: z.string().max(200).optional(),
});

export type EventMetadata = z.infer<typeof eventMetadataSchema>;

export const commandIdSchema = ulidSchema;
