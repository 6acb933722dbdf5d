import { CustodyError, type CustodyErrorOptions, type ErrorKind } from '../errors';

/**
 * Every error code the domain (deciders, authorisation, command handling)
 * reports, with its kind and a one-line meaning. The HTTP layer maps kinds to
 * statuses and documents these codes; codes are public: never rename one.
 */
export const domainErrorCodes = {
  'auth.forbidden': ['forbidden', 'The role may not run this command'],
  'ownership.not-owner': ['forbidden', 'Only the owner (or a manager) may do this'],
  'interaction.not-participant': ['forbidden', 'The actor must take part'],
  'handover.self-approval': ['forbidden', 'The requester may not approve or reject'],

  'client.not-found': ['not-found', 'No client with this id'],
  'person.not-found': ['not-found', 'No person with this id'],
  'handover.not-found': ['not-found', 'No handover with this id'],
  'quote.not-found': ['not-found', 'No quote with this id on the client'],
  'dispute.not-found': ['not-found', 'No dispute with this id on the client'],

  'client.already-registered': ['rule', 'A client with this id exists'],
  'client.archived': ['rule', 'The client is archived and accepts no activity'],
  'client.merged': ['rule', 'The client was merged into another'],
  'client.locked': ['rule', 'The client is locked and cannot be released'],
  'client.already-locked': ['rule', 'The client is locked already'],
  'client.not-locked': ['rule', 'The client is not locked'],
  'client.merge-into-self': ['rule', 'A client cannot be merged into itself'],
  'ownership.already-owned': ['rule', 'Another salesperson owns the client'],
  'ownership.already-owner': ['rule', 'The person owns the client already'],
  'ownership.in-pool': ['rule', 'The client is in the pool: nobody owns it'],
  'pool.cap-reached': ['rule', 'The salesperson holds as many clients as allowed'],
  'pool.claim-back-cooldown': ['rule', 'A previous owner cannot claim back yet'],
  'person.already-registered': ['rule', 'A person with this id exists'],
  'person.departed': ['rule', 'The person has left the company'],
  'person.cannot-own': ['rule', 'Only salespeople own clients'],
  'person.same-role': ['rule', 'The person has this role already'],
  'person.owns-clients': ['rule', 'The person still owns clients'],
  'person.successor-self': ['rule', 'A person cannot succeed themselves'],
  'interaction.future': ['rule', 'occurredAt is in the future'],
  'interaction.too-old': ['rule', 'occurredAt is older than the allowed age'],
  'interaction.already-logged': ['rule', 'An interaction with this id exists'],
  'interaction.no-participants': ['validation', 'Name who took part'],
  'quote.already-issued': ['rule', 'A quote with this id exists'],
  'quote.closed': ['rule', 'The quote was accepted or lost already'],
  'dispute.already-owner': ['rule', 'The claimant owns the client already'],
  'dispute.already-open': ['rule', 'The claimant has an open dispute on the client'],
  'dispute.not-open': ['rule', 'The dispute is resolved already'],
  'handover.already-requested': ['rule', 'A handover with this id exists'],
  'handover.not-pending': ['rule', 'The handover is no longer pending'],
  'handover.expired': ['rule', 'The handover expired'],
  'handover.not-expired': ['rule', 'The handover has not reached its expiry'],
  'handover.owner-changed': ['rule', 'The client changed owner since the request'],

  'precondition.failed': ['precondition', 'The stream is not at the pinned revision'],
} as const satisfies Record<string, readonly [ErrorKind, string]>;

export type DomainErrorCode = keyof typeof domainErrorCodes;

/** The codes as a list, for documentation (OpenAPI, README). */
export const domainErrorList: readonly {
  readonly code: DomainErrorCode;
  readonly kind: ErrorKind;
  readonly summary: string;
}[] = Object.entries(domainErrorCodes).map(([code, [kind, summary]]) => ({
  code: code as DomainErrorCode,
  kind,
  summary,
}));

/** A CustodyError for a domain code; the kind comes from the table above. */
export const domainError = (
  code: DomainErrorCode,
  message: string,
  options: CustodyErrorOptions = {},
): CustodyError => new CustodyError(domainErrorCodes[code][0], code, message, options);
