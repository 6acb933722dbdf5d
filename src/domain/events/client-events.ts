import { z } from 'zod';
import {
  amountSchema,
  clientIdSchema,
  contactChannelSchema,
  currencySchema,
  disputeIdSchema,
  handoverIdSchema,
  instantSchema,
  interactionIdSchema,
  longTextSchema,
  personIdSchema,
  quoteIdSchema,
  shortTextSchema,
} from './primitives';

/**
 * Events of the client stream (`client-<clientId>`). Names and fields are
 * stored forever: add optional fields or a new version, never rename.
 * Every event carries `occurredAt`, when it happened in the world; when the
 * ledger learned of it is `recordedAt` in the metadata.
 */

/** How the company first learned of the client (registration card, invoice...). */
export const clientSourceSchema = z.enum([
  'sales',
  'registration-card',
  'invoice',
  'shipment',
  'payment',
  'import',
]);

export const clientContactSchema = z.strictObject({
  name: shortTextSchema,
  role: shortTextSchema.optional(),
  email: z.email().max(200).optional(),
  phone: z.string().trim().min(3).max(40).optional(),
});

export const clientDetailsSchema = z.strictObject({
  name: shortTextSchema,
  /** The client's id in another system (an old CRM, the invoicing system). */
  externalId: shortTextSchema.optional(),
  industry: shortTextSchema.optional(),
  region: shortTextSchema.optional(),
  address: longTextSchema.optional(),
  contacts: z.array(clientContactSchema).max(50).optional(),
});

export const ClientRegistered = z.strictObject({
  clientId: clientIdSchema,
  ...clientDetailsSchema.shape,
  source: clientSourceSchema,
  occurredAt: instantSchema,
});

/** Only the fields that changed; `null` clears an optional field. */
export const ClientDetailsChanged = z.strictObject({
  clientId: clientIdSchema,
  changes: z.strictObject({
    name: shortTextSchema.optional(),
    externalId: shortTextSchema.nullable().optional(),
    industry: shortTextSchema.nullable().optional(),
    region: shortTextSchema.nullable().optional(),
    address: longTextSchema.nullable().optional(),
    contacts: z.array(clientContactSchema).max(50).optional(),
  }),
  occurredAt: instantSchema,
});

export const ClientArchived = z.strictObject({
  clientId: clientIdSchema,
  reason: longTextSchema,
  occurredAt: instantSchema,
});

/** Written to the duplicate's stream: it accepts nothing more; its history stays. */
export const ClientsMerged = z.strictObject({
  clientId: clientIdSchema.describe('The duplicate, folded into the survivor'),
  survivorId: clientIdSchema,
  reason: longTextSchema.optional(),
  occurredAt: instantSchema,
});

/** Why an ownership changed hands; kept with every change for the audit trail. */
export const ownershipReasonSchema = z.enum([
  'assignment',
  'import',
  'handover',
  'dispute',
  'departure',
]);

/** A manager (or an import) names the owner of a client, pooled or owned. */
export const OwnershipAssigned = z.strictObject({
  clientId: clientIdSchema,
  ownerId: personIdSchema,
  previousOwnerId: personIdSchema.nullable(),
  assignedBy: personIdSchema,
  reason: ownershipReasonSchema,
  note: longTextSchema.optional(),
  occurredAt: instantSchema,
});

/** An owned client moves to another owner: handover, dispute or departure. */
export const OwnershipTransferred = z.strictObject({
  clientId: clientIdSchema,
  fromOwnerId: personIdSchema,
  toOwnerId: personIdSchema,
  reason: ownershipReasonSchema,
  approvedBy: personIdSchema,
  handoverId: handoverIdSchema.optional(),
  disputeId: disputeIdSchema.optional(),
  note: longTextSchema.optional(),
  occurredAt: instantSchema,
});

export const releaseReasonSchema = z.enum([
  'owner-released',
  'manager-released',
  'owner-departed',
  'neglected-no-interaction',
  'neglected-no-accepted-quote',
]);

export const ClientReleasedToPool = z.strictObject({
  clientId: clientIdSchema,
  previousOwnerId: personIdSchema,
  reason: releaseReasonSchema,
  note: longTextSchema.optional(),
  occurredAt: instantSchema,
});

export const ClientClaimed = z.strictObject({
  clientId: clientIdSchema,
  ownerId: personIdSchema,
  occurredAt: instantSchema,
});

/** Who of our company took part; the first is the one who logged it. */
const participantsSchema = z.array(personIdSchema).min(1).max(20);

export const ContactLogged = z.strictObject({
  clientId: clientIdSchema,
  interactionId: interactionIdSchema,
  channel: contactChannelSchema,
  participants: participantsSchema,
  clientInitiated: z.boolean(),
  /** Names of the people on the client's side. */
  clientContacts: z.array(shortTextSchema).max(50).optional(),
  summary: longTextSchema.optional(),
  occurredAt: instantSchema,
});

export const checkInSchema = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  at: instantSchema,
});

export const VisitLogged = z.strictObject({
  clientId: clientIdSchema,
  interactionId: interactionIdSchema,
  participants: participantsSchema,
  clientInitiated: z.boolean(),
  /** Names of the people met on the client's side. */
  attendees: z.array(shortTextSchema).max(50).optional(),
  location: shortTextSchema.optional(),
  checkIn: checkInSchema.optional(),
  summary: longTextSchema.optional(),
  occurredAt: instantSchema,
});

export const QuoteIssued = z.strictObject({
  clientId: clientIdSchema,
  quoteId: quoteIdSchema,
  issuedBy: personIdSchema,
  amount: amountSchema,
  currency: currencySchema,
  description: longTextSchema.optional(),
  validUntil: instantSchema.optional(),
  occurredAt: instantSchema,
});

export const QuoteRevised = z.strictObject({
  clientId: clientIdSchema,
  quoteId: quoteIdSchema,
  revisedBy: personIdSchema,
  amount: amountSchema,
  currency: currencySchema,
  reason: longTextSchema.optional(),
  occurredAt: instantSchema,
});

/** `issuedBy` repeats the issuer so that relationship strength needs no lookup. */
export const QuoteAccepted = z.strictObject({
  clientId: clientIdSchema,
  quoteId: quoteIdSchema,
  issuedBy: personIdSchema,
  amount: amountSchema,
  currency: currencySchema,
  occurredAt: instantSchema,
});

export const QuoteLost = z.strictObject({
  clientId: clientIdSchema,
  quoteId: quoteIdSchema,
  issuedBy: personIdSchema,
  reason: longTextSchema.optional(),
  occurredAt: instantSchema,
});

export const DisputeRaised = z.strictObject({
  clientId: clientIdSchema,
  disputeId: disputeIdSchema,
  claimantId: personIdSchema,
  /** The owner at the time the dispute was raised, `null` for a pooled client. */
  ownerId: personIdSchema.nullable(),
  argument: longTextSchema,
  occurredAt: instantSchema,
});

/** When awarded, an OwnershipTransferred (reason `dispute`) follows in the same append. */
export const DisputeResolved = z.strictObject({
  clientId: clientIdSchema,
  disputeId: disputeIdSchema,
  claimantId: personIdSchema,
  outcome: z.enum(['awarded', 'rejected']),
  resolvedBy: personIdSchema,
  reason: longTextSchema,
  occurredAt: instantSchema,
});

export const ClientLocked = z.strictObject({
  clientId: clientIdSchema,
  reason: longTextSchema,
  occurredAt: instantSchema,
});

export const ClientUnlocked = z.strictObject({
  clientId: clientIdSchema,
  reason: longTextSchema.optional(),
  occurredAt: instantSchema,
});

export const clientEventSchemas = {
  ClientRegistered,
  ClientDetailsChanged,
  ClientArchived,
  ClientsMerged,
  OwnershipAssigned,
  OwnershipTransferred,
  ClientReleasedToPool,
  ClientClaimed,
  ContactLogged,
  VisitLogged,
  QuoteIssued,
  QuoteRevised,
  QuoteAccepted,
  QuoteLost,
  DisputeRaised,
  DisputeResolved,
  ClientLocked,
  ClientUnlocked,
} as const;
