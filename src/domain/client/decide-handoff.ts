import { domainError } from '../errors';
import { type ClientEvent, parseEvent } from '../events/catalogue';
import type { ClientState } from './state';

/**
 * The client's side of decisions taken in another stream: an approved
 * handover and a departure. They run after the handover or person stream
 * recorded the decision, so they check only what the client stream knows.
 */

export interface ApprovedHandover {
  readonly handoverId: string;
  readonly clientId: string;
  readonly fromOwnerId: string;
  readonly toOwnerId: string;
  readonly approvedBy: string;
  readonly note?: string | undefined;
  readonly occurredAt: string;
}

export const transferForHandover = (
  handover: ApprovedHandover,
  state: ClientState,
): ClientEvent[] => {
  if (state.status === 'unregistered' || state.ownerId !== handover.fromOwnerId)
    throw domainError(
      'handover.owner-changed',
      `The client is no longer owned by ${handover.fromOwnerId}`,
      { details: { handoverId: handover.handoverId, fromOwnerId: handover.fromOwnerId } },
    );
  const { handoverId, clientId, fromOwnerId, toOwnerId, approvedBy, note, occurredAt } =
    handover;
  return [
    parseEvent('OwnershipTransferred', {
      ...{ clientId, fromOwnerId, toOwnerId, reason: 'handover', approvedBy },
      ...{ handoverId, note, occurredAt },
    }),
  ];
};

export interface Departure {
  readonly personId: string;
  readonly successorId: string | null;
  /** Who recorded the departure; approves the transfers it causes. */
  readonly recordedBy: string | null;
  readonly occurredAt: string;
}

/**
 * A departed person owns nothing, so this applies to every client they still
 * own, whatever its state: archived and locked clients move too, and the
 * successor's holding cap is not checked (refusing would leave the client
 * with a departed owner). Empty when the person does not own the client.
 */
export const handOffForDeparture = (
  departure: Departure,
  state: ClientState,
): ClientEvent[] => {
  if (state.status === 'unregistered' || state.ownerId !== departure.personId) return [];
  const { clientId } = state;
  const { personId, successorId, occurredAt } = departure;
  if (successorId === null)
    return [
      parseEvent('ClientReleasedToPool', {
        ...{ clientId, previousOwnerId: personId, reason: 'owner-departed', occurredAt },
      }),
    ];
  return [
    parseEvent('OwnershipTransferred', {
      ...{ clientId, fromOwnerId: personId, toOwnerId: successorId },
      ...{ reason: 'departure', approvedBy: departure.recordedBy ?? successorId },
      occurredAt,
    }),
  ];
};
