import type { LedgerEvent } from '../src/domain/events/catalogue';
import {
  formatPositionOf,
  instantMs,
  noKeys,
  type ProjectionDefinition,
  recordedMs,
} from './definition';

/** One change of a client's owner, as the ledger recorded it. */
export interface OwnershipChange {
  readonly eventType: string;
  /** The owner from this change on; `null` when the client went to the pool. */
  readonly ownerId: string | null;
  readonly previousOwnerId: string | null;
  /** `assignment`, `handover`, `claim`, `owner-released`... */
  readonly reason: string;
  readonly actorId: string | null;
  /** The manager who assigned or approved the change, when there was one. */
  readonly approverId: string | null;
  readonly occurredAt: number;
  readonly recordedAt: number;
  readonly position: string;
  readonly note: string | null;
}

export interface OwnershipHistory {
  readonly clientId: string;
  /** In the order the ledger recorded them (global position). */
  readonly changes: OwnershipChange[];
}

type Fields = Pick<OwnershipChange, 'ownerId' | 'reason' | 'approverId' | 'note'>;

const changeFields = (event: LedgerEvent): Fields | undefined => {
  switch (event.type) {
    case 'OwnershipAssigned':
      return {
        ownerId: event.data.ownerId,
        reason: event.data.reason,
        approverId: event.data.assignedBy,
        note: event.data.note ?? null,
      };
    case 'OwnershipTransferred':
      return {
        ownerId: event.data.toOwnerId,
        reason: event.data.reason,
        approverId: event.data.approvedBy,
        note: event.data.note ?? null,
      };
    case 'ClientReleasedToPool':
      return {
        ownerId: null,
        reason: event.data.reason,
        approverId: null,
        note: event.data.note ?? null,
      };
    case 'ClientClaimed':
      return {
        ownerId: event.data.ownerId,
        reason: 'claim',
        approverId: null,
        note: null,
      };
    default:
      return undefined;
  }
};

/** Turns an ownership event into a change record; `undefined` for other events. */
export const ownershipChangeOf = (
  event: LedgerEvent,
  previousOwnerId: string | null,
): OwnershipChange | undefined => {
  const fields = changeFields(event);
  if (!fields) return undefined;
  return {
    eventType: event.type,
    ...fields,
    previousOwnerId,
    actorId: event.metadata.actorId,
    occurredAt: instantMs(event.data.occurredAt),
    recordedAt: recordedMs(event),
    position: formatPositionOf(event),
  };
};

/** Every ownership change of every client, with reason, actor and approver. */
export const ownershipHistoryProjection: ProjectionDefinition<OwnershipHistory> = {
  name: 'ownership-history',
  eventTypes: [
    'OwnershipAssigned',
    'OwnershipTransferred',
    'ClientReleasedToPool',
    'ClientClaimed',
  ],
  version: 1,
  settingsKey: '',
  keysOf(event) {
    switch (event.type) {
      case 'OwnershipAssigned':
      case 'OwnershipTransferred':
      case 'ClientReleasedToPool':
      case 'ClientClaimed':
        return [event.data.clientId];
      default:
        return noKeys;
    }
  },
  evolve(history, event, clientId) {
    const last = history?.changes.at(-1);
    const change = ownershipChangeOf(event, last ? last.ownerId : null);
    if (!change) return history;
    const next = history ?? { clientId, changes: [] };
    next.changes.push(change);
    return next;
  },
};
