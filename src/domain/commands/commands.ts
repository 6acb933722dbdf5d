import { z } from 'zod';
import {
  checkInSchema,
  clientContactSchema,
  clientDetailsSchema,
  clientSourceSchema,
} from '../events/client-events';
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
  roleSchema,
  shortTextSchema,
} from '../events/primitives';

/**
 * Commands: what a person asks the ledger to do, in the imperative. Each
 * schema is the whole command; the HTTP layer takes ids named in the path
 * from the path and the rest from the body. Optional ids of things being
 * created (clientId, quoteId...) are derived from the command id when absent,
 * so that a retried command creates the same thing. Optional `occurredAt`
 * defaults to the moment the command is handled.
 */

const clientCommand = { clientId: clientIdSchema };
const when = { occurredAt: instantSchema.optional() };

export const RegisterClient = z.strictObject({
  clientId: clientIdSchema.optional(),
  ...clientDetailsSchema.shape,
  source: clientSourceSchema.default('sales'),
  /** Owner from the start: a salesperson may name only themselves, a manager anyone. */
  ownerId: personIdSchema.optional(),
  ...when,
});

export const ChangeClientDetails = z.strictObject({
  ...clientCommand,
  changes: z
    .strictObject({
      name: shortTextSchema.optional(),
      externalId: shortTextSchema.nullable().optional(),
      industry: shortTextSchema.nullable().optional(),
      region: shortTextSchema.nullable().optional(),
      address: longTextSchema.nullable().optional(),
      contacts: z.array(clientContactSchema).max(50).optional(),
    })
    .refine(
      (changes) => Object.keys(changes).length > 0,
      'must change at least one field',
    ),
  ...when,
});

export const ArchiveClient = z.strictObject({
  ...clientCommand,
  reason: longTextSchema,
  ...when,
});

export const MergeClients = z.strictObject({
  clientId: clientIdSchema.describe('The duplicate to fold into the survivor'),
  survivorId: clientIdSchema,
  reason: longTextSchema.optional(),
  ...when,
});

export const AssignOwner = z.strictObject({
  ...clientCommand,
  ownerId: personIdSchema,
  note: longTextSchema.optional(),
  ...when,
});

export const ClaimClient = z.strictObject({ ...clientCommand, ...when });

export const ReleaseClient = z.strictObject({
  ...clientCommand,
  note: longTextSchema.optional(),
  ...when,
});

export const LogContact = z.strictObject({
  ...clientCommand,
  interactionId: interactionIdSchema.optional(),
  channel: contactChannelSchema,
  /** People of our company who took part; defaults to the actor alone. */
  participants: z.array(personIdSchema).min(1).max(20).optional(),
  clientInitiated: z.boolean().default(false),
  clientContacts: z.array(shortTextSchema).max(50).optional(),
  summary: longTextSchema.optional(),
  occurredAt: instantSchema,
});

export const LogVisit = z.strictObject({
  ...clientCommand,
  interactionId: interactionIdSchema.optional(),
  participants: z.array(personIdSchema).min(1).max(20).optional(),
  clientInitiated: z.boolean().default(false),
  attendees: z.array(shortTextSchema).max(50).optional(),
  location: shortTextSchema.optional(),
  checkIn: checkInSchema.optional(),
  summary: longTextSchema.optional(),
  occurredAt: instantSchema,
});

export const IssueQuote = z.strictObject({
  ...clientCommand,
  quoteId: quoteIdSchema.optional(),
  amount: amountSchema,
  currency: currencySchema,
  description: longTextSchema.optional(),
  validUntil: instantSchema.optional(),
  ...when,
});

export const ReviseQuote = z.strictObject({
  ...clientCommand,
  quoteId: quoteIdSchema,
  amount: amountSchema,
  currency: currencySchema.optional(),
  reason: longTextSchema.optional(),
  ...when,
});

export const AcceptQuote = z.strictObject({
  ...clientCommand,
  quoteId: quoteIdSchema,
  ...when,
});

export const LoseQuote = z.strictObject({
  ...clientCommand,
  quoteId: quoteIdSchema,
  reason: longTextSchema.optional(),
  ...when,
});

export const LockClient = z.strictObject({
  ...clientCommand,
  reason: longTextSchema,
  ...when,
});

export const UnlockClient = z.strictObject({
  ...clientCommand,
  reason: longTextSchema.optional(),
  ...when,
});

export const RaiseDispute = z.strictObject({
  ...clientCommand,
  disputeId: disputeIdSchema.optional(),
  argument: longTextSchema,
  ...when,
});

export const ResolveDispute = z.strictObject({
  ...clientCommand,
  disputeId: disputeIdSchema,
  outcome: z.enum(['awarded', 'rejected']),
  reason: longTextSchema,
  ...when,
});

/** The pool policy releases a neglected client; only the system issues it. */
export const ReleaseNeglectedClient = z.strictObject({
  ...clientCommand,
  reason: z.enum(['neglected-no-interaction', 'neglected-no-accepted-quote']),
  note: longTextSchema.optional(),
  ...when,
});

export const RequestHandover = z.strictObject({
  handoverId: handoverIdSchema.optional(),
  clientId: clientIdSchema,
  toOwnerId: personIdSchema,
  reason: longTextSchema,
  ...when,
});

export const ApproveHandover = z.strictObject({
  handoverId: handoverIdSchema,
  note: longTextSchema.optional(),
  ...when,
});

export const RejectHandover = z.strictObject({
  handoverId: handoverIdSchema,
  reason: longTextSchema,
  ...when,
});

export const CancelHandover = z.strictObject({
  handoverId: handoverIdSchema,
  reason: longTextSchema.optional(),
  ...when,
});

export const ExpireHandover = z.strictObject({ handoverId: handoverIdSchema, ...when });

export const AddPerson = z.strictObject({
  personId: personIdSchema.optional(),
  name: shortTextSchema,
  email: z.email().max(200),
  role: roleSchema,
  managerId: personIdSchema.optional(),
  ...when,
});

export const ChangePersonRole = z.strictObject({
  personId: personIdSchema,
  role: roleSchema,
  ...when,
});

export const RecordDeparture = z.strictObject({
  personId: personIdSchema,
  /** Receives every client of the departing person; without one they go to the pool. */
  successorId: personIdSchema.nullable().default(null),
  reason: longTextSchema.optional(),
  ...when,
});

export const commandSchemas = {
  RegisterClient,
  ChangeClientDetails,
  ArchiveClient,
  MergeClients,
  AssignOwner,
  ClaimClient,
  ReleaseClient,
  LogContact,
  LogVisit,
  IssueQuote,
  ReviseQuote,
  AcceptQuote,
  LoseQuote,
  LockClient,
  UnlockClient,
  RaiseDispute,
  ResolveDispute,
  ReleaseNeglectedClient,
  RequestHandover,
  ApproveHandover,
  RejectHandover,
  CancelHandover,
  ExpireHandover,
  AddPerson,
  ChangePersonRole,
  RecordDeparture,
} as const;

export type CommandType = keyof typeof commandSchemas;
export type CommandOf<T extends CommandType> = z.output<(typeof commandSchemas)[T]>;
export type Command = {
  [K in CommandType]: { readonly type: K } & CommandOf<K>;
}[CommandType];
