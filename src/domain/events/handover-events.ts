import { z } from 'zod';
import {
  clientIdSchema,
  handoverIdSchema,
  instantSchema,
  longTextSchema,
  personIdSchema,
} from './primitives';

/**
 * Events of the handover stream (`handover-<handoverId>`): a request to move a
 * client from its owner to another salesperson, and how it ended. Approval is
 * four-eyes: the approver is a manager other than the requester. The ownership
 * change itself is an OwnershipTransferred in the client's stream.
 */

export const HandoverRequested = z.strictObject({
  handoverId: handoverIdSchema,
  clientId: clientIdSchema,
  fromOwnerId: personIdSchema,
  toOwnerId: personIdSchema,
  requestedBy: personIdSchema,
  reason: longTextSchema,
  /** After this instant the request can no longer be approved. */
  expiresAt: z.iso.datetime({ offset: true }),
  occurredAt: instantSchema,
});

export const HandoverApproved = z.strictObject({
  handoverId: handoverIdSchema,
  clientId: clientIdSchema,
  approvedBy: personIdSchema,
  note: longTextSchema.optional(),
  occurredAt: instantSchema,
});

export const HandoverRejected = z.strictObject({
  handoverId: handoverIdSchema,
  clientId: clientIdSchema,
  rejectedBy: personIdSchema,
  reason: longTextSchema,
  occurredAt: instantSchema,
});

export const HandoverCancelled = z.strictObject({
  handoverId: handoverIdSchema,
  clientId: clientIdSchema,
  cancelledBy: personIdSchema,
  reason: longTextSchema.optional(),
  occurredAt: instantSchema,
});

export const HandoverExpired = z.strictObject({
  handoverId: handoverIdSchema,
  clientId: clientIdSchema,
  occurredAt: instantSchema,
});

export const handoverEventSchemas = {
  HandoverRequested,
  HandoverApproved,
  HandoverRejected,
  HandoverCancelled,
  HandoverExpired,
} as const;
