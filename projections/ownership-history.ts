import type { LedgerEvent } from '../src/domain/events/catalogue';
import {
  formatPositionOf,
  instantMs,
  noKeys,
  type ProjectionDefinition,
  recordedMs,
  type StoredForm,
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
  // 2: persisted as rows of values (see storedHistory).
  version: 2,
  settingsKey: '',
  // Actor and recording time come from the metadata.
  readsDetails: true,
  stored: storedHistory(),
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

/** A change persisted as its values in the order of `OwnershipChange`'s fields. */
type StoredChange = readonly [
  eventType: string,
  ownerId: string | null,
  previousOwnerId: string | null,
  reason: string,
  actorId: string | null,
  approverId: string | null,
  occurredAt: number,
  recordedAt: number,
  position: string,
  note: string | null,
];

interface StoredHistory {
  readonly clientId: string;
  readonly changes: readonly StoredChange[];
}

/** Rows of values: the field names were most of the persisted text. */
function storedHistory(): StoredForm<OwnershipHistory> {
  return {
    encode(history): StoredHistory {
      return {
        clientId: history.clientId,
        changes: history.changes.map((change) => [
          change.eventType,
          change.ownerId,
          change.previousOwnerId,
          change.reason,
          change.actorId,
          change.approverId,
          change.occurredAt,
          change.recordedAt,
          change.position,
          change.note,
        ]),
      };
    },
    decode(stored) {
      const { clientId, changes } = stored as StoredHistory;
      return {
        clientId,
        changes: changes.map(
          ([
            eventType,
            ownerId,
            previousOwnerId,
            reason,
            actorId,
            approverId,
            occurredAt,
            recordedAt,
            position,
            note,
          ]) => ({
            eventType,
            ownerId,
            reason,
            approverId,
            note,
            previousOwnerId,
            actorId,
            occurredAt,
            recordedAt,
            position,
          }),
        ),
      };
    },
  };
}
