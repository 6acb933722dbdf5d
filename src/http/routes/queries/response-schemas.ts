import { z } from 'zod';
import { pageInfoSchema, pageInfoShape } from './list-parameters';

/** Response shapes for the OpenAPI document; instants are ISO 8601 strings. */

const instant = z.string().describe('ISO 8601 instant');
const id = z.string();
const nullableId = id.nullable();
const byCurrency = z.record(z.string(), z.number());

export const clientViewSchema = z.object({
  clientId: id,
  name: z.string(),
  externalId: z.string().nullable(),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  source: z.string(),
  registeredAt: instant,
  ownerId: nullableId,
  ownerName: z.string().nullable(),
  ownerSince: instant.nullable(),
  previousOwnerId: nullableId,
  pooledSince: instant.nullable(),
  locked: z.boolean(),
  archived: z.boolean(),
  archivedAt: instant.nullable(),
  mergedInto: nullableId,
  revision: z.number().int(),
});

export const clientPageSchema = z.object({
  items: z.array(clientViewSchema),
  ...pageInfoShape,
});

export const ownerAtSchema = z.object({
  clientId: id,
  asOf: instant.nullable(),
  knownAt: instant.nullable(),
  registered: z.boolean(),
  ownerId: nullableId,
  ownerName: z.string().nullable(),
  since: instant.nullable(),
  reason: z.string().nullable(),
});

export const ownershipIntervalSchema = z.object({
  ownerId: nullableId,
  ownerName: z.string().nullable(),
  from: instant,
  to: instant.nullable(),
  reason: z.string(),
  eventType: z.string(),
  actorId: nullableId,
  approverId: nullableId,
  recordedAt: instant.nullable(),
  position: z.string().nullable(),
  note: z.string().nullable(),
});

export const relationshipSchema = z.object({
  personId: id,
  personName: z.string().nullable(),
  strength: z.number(),
  score: z.number().int(),
  band: z.enum(['strong', 'moderate', 'weak', 'none']),
  interactions: z.number().int(),
  firstInteractionAt: instant.nullable(),
  lastInteractionAt: instant.nullable(),
});

export const keyPersonRiskSchema = z.object({
  atRisk: z.boolean(),
  reason: z.enum(['dominant-share', 'sole-relationship']).nullable(),
  personId: nullableId,
  share: z.number(),
});

export const clientRelationshipsSchema = z.object({
  clientId: id,
  at: instant,
  ownerId: nullableId,
  totalStrength: z.number(),
  /** One page of the people; the risk flags and total count them all. */
  people: z.array(relationshipSchema),
  ...pageInfoShape,
  keyPersonRisk: keyPersonRiskSchema,
  strongestPersonId: nullableId,
  ownerNotStrongest: z.boolean(),
});

export const personRelationshipsSchema = z.object({
  personId: id,
  at: instant,
  clients: z.array(
    relationshipSchema.extend({
      clientId: id,
      clientName: z.string(),
      ownerId: nullableId,
      isOwner: z.boolean(),
    }),
  ),
  ...pageInfoShape,
});

export const auditEntrySchema = z.object({
  position: z.string(),
  revision: z.number().int(),
  type: z.string(),
  actorId: nullableId,
  actorRole: z.string().nullable(),
  source: z.string(),
  occurredAt: instant,
  recordedAt: instant,
  lateRecorded: z.boolean(),
  data: z.record(z.string(), z.unknown()),
});

export const ownershipChangeSchema = z.object({
  clientId: id,
  clientName: z.string(),
  eventType: z.string(),
  fromOwnerId: nullableId,
  toOwnerId: nullableId,
  reason: z.string(),
  actorId: nullableId,
  approverId: nullableId,
  occurredAt: instant,
  recordedAt: instant,
  position: z.string(),
});

export const atRiskClientSchema = z.object({
  clientId: id,
  name: z.string(),
  ownerId: id,
  ownerName: z.string().nullable(),
  locked: z.boolean(),
  lastOwnerInteractionAt: instant.nullable(),
  ownerScore: z.number().int(),
  ownerBand: z.enum(['strong', 'moderate', 'weak', 'none']),
  reasons: z.array(z.enum(['no-owner-interaction', 'weak-owner-relationship'])),
});

const activityTotals = {
  contacts: z.number().int(),
  visits: z.number().int(),
  quotesIssued: z.number().int(),
  quotesWon: z.number().int(),
  quotesLost: z.number().int(),
  wonValue: byCurrency,
};

export const portfolioSchema = z.object({
  personId: id,
  personName: z.string().nullable(),
  at: instant,
  period: z.object({ from: instant, to: instant }),
  clientsHeld: z.number().int(),
  bands: z.object({
    strong: z.number().int(),
    moderate: z.number().int(),
    weak: z.number().int(),
    none: z.number().int(),
  }),
  atRiskCount: z.number().int(),
  openQuoteValue: byCurrency,
  openQuotes: z.number().int(),
  wonValue: byCurrency,
  /** One page of the clients held; `clientsHeld` counts them all. */
  clients: z.array(atRiskClientSchema),
  ...pageInfoShape,
});

export const keyPersonEntrySchema = z.object({
  clientId: id,
  name: z.string(),
  ownerId: nullableId,
  personId: nullableId,
  personName: z.string().nullable(),
  reason: z.string().nullable(),
  share: z.number(),
  ownerNotStrongest: z.boolean(),
});

export const keyPersonReportSchema = z.object({
  at: instant,
  keyPersonRisk: z.array(keyPersonEntrySchema),
  ownerNotStrongest: z.array(keyPersonEntrySchema),
  /** Both lists are paged by the same parameters; each has its own page info. */
  pages: z.object({ keyPersonRisk: pageInfoSchema, ownerNotStrongest: pageInfoSchema }),
});

export const poolEntrySchema = z.object({
  clientId: id,
  name: z.string(),
  pooledSince: instant.nullable(),
  previousOwnerId: nullableId,
  previousOwnerName: z.string().nullable(),
  locked: z.boolean(),
});

export const pendingHandoverSchema = z.object({
  handoverId: id,
  clientId: id,
  clientName: z.string().nullable(),
  fromOwnerId: id,
  toOwnerId: id,
  requestedBy: id,
  reason: z.string(),
  requestedAt: instant,
  expiresAt: instant,
  overdue: z.boolean(),
});

export const activityRowSchema = z.object({
  personId: id,
  personName: z.string().nullable(),
  ...activityTotals,
});

/** The dispute report is large and nested; documented by its top-level fields. */
export const disputeReportSchema = z.looseObject({
  clientId: id,
  clientName: z.string(),
  at: instant,
  lateAfterHours: z.number(),
  asOccurred: z.looseObject({ ownerId: nullableId }),
  asKnown: z.looseObject({ ownerId: nullableId }),
  lateEntries: z.array(auditEntrySchema),
  learnedAfter: z.array(auditEntrySchema),
  disputes: z.array(auditEntrySchema),
});
