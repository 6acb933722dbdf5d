import { z } from 'zod';
import {
  instantSchema,
  longTextSchema,
  personIdSchema,
  roleSchema,
  shortTextSchema,
} from './primitives';

/** Events of the person stream (`person-<personId>`): people of our company. */

export const PersonJoined = z.strictObject({
  personId: personIdSchema,
  name: shortTextSchema,
  email: z.email().max(200),
  role: roleSchema,
  /** Reports to, when known; managers see their team's dashboards. */
  managerId: personIdSchema.optional(),
  occurredAt: instantSchema,
});

export const PersonRoleChanged = z.strictObject({
  personId: personIdSchema,
  role: roleSchema,
  previousRole: roleSchema,
  occurredAt: instantSchema,
});

/**
 * The person left. Their clients go to `successorId` (each an
 * OwnershipTransferred, reason `departure`) or, without a successor, to the
 * pool (ClientReleasedToPool, reason `owner-departed`), in the client streams.
 */
export const PersonDeparted = z.strictObject({
  personId: personIdSchema,
  successorId: personIdSchema.nullable(),
  reason: longTextSchema.optional(),
  occurredAt: instantSchema,
});

export const personEventSchemas = {
  PersonJoined,
  PersonRoleChanged,
  PersonDeparted,
} as const;
