import { z } from 'zod';

/**
 * Building blocks shared by every event and command schema. Identifiers are
 * ULIDs (time-sortable, 26 Crockford base-32 characters); instants are ISO
 * 8601 strings in UTC, the form in which they are stored forever.
 */

export const ulidSchema = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID (26 characters, Crockford base 32)');

export const clientIdSchema = ulidSchema.describe('Client id (ULID)');
export const personIdSchema = ulidSchema.describe('Person id (ULID)');
export const handoverIdSchema = ulidSchema.describe('Handover id (ULID)');
export const quoteIdSchema = ulidSchema.describe('Quote id (ULID)');
export const disputeIdSchema = ulidSchema.describe('Dispute id (ULID)');
export const interactionIdSchema = ulidSchema.describe('Interaction id (ULID)');

/** An instant with an explicit offset; stored as given, compared as instants. */
export const instantSchema = z.iso.datetime({ offset: true });

export const shortTextSchema = z.string().trim().min(1).max(200);
export const longTextSchema = z.string().trim().min(1).max(4000);

/** A money amount in major units (for example 1234.5 EUR), never negative. */
export const amountSchema = z.number().finite().nonnegative().max(1e12);
export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');

export const roleSchema = z.enum([
  'salesperson',
  'manager',
  'executive',
  'auditor',
  'admin',
]);
export type Role = z.infer<typeof roleSchema>;

/** Channels of a contact; a visit is its own event. */
export const contactChannelSchema = z.enum(['call', 'email', 'message', 'meeting']);
export type ContactChannel = z.infer<typeof contactChannelSchema>;

export const stream = {
  client: (clientId: string) => `client-${clientId}`,
  handover: (handoverId: string) => `handover-${handoverId}`,
  person: (personId: string) => `person-${personId}`,
} as const;

/** Stream categories, EventStoreDB style: `$ce-client` holds every `client-*`. */
export const streamCategory = {
  client: 'client-',
  handover: 'handover-',
  person: 'person-',
} as const;
