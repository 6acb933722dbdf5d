import type { EventType, LedgerEvent } from '../src/domain/events/catalogue';
import { clientEventSchemas } from '../src/domain/events/client-events';
import {
  clientKeyOf,
  dictionary,
  instantMs,
  type ProjectionDefinition,
} from './definition';

/**
 * What the pool policy needs to know about one client: who owns it since
 * when, when each of our people last took part in an interaction with it,
 * and when it last accepted a quote. Instants are epoch milliseconds of
 * `occurredAt`, so an interaction recorded late counts from when it happened.
 */
export interface NeglectRecord {
  readonly clientId: string;
  name: string;
  /** `null` while the client sits in the pool. */
  ownerId: string | null;
  ownerSince: number | null;
  /**
   * Stream revision of the event that made the current owner the owner:
   * with the owner it names one tenure, which the policy's command ids hash.
   */
  tenureRevision: number | null;
  locked: boolean;
  /** Latest interaction per participant of ours, whoever owned the client then. */
  lastInteraction: Record<string, number>;
  lastAcceptedQuoteAt: number | null;
  /**
   * Stream revision of the last event folded in: the policy appends only if
   * the stream is still there, so a release never rests on stale facts.
   */
  revision: number;
}

const takeOwner = (record: NeglectRecord, ownerId: string, event: LedgerEvent) => {
  // A repeated assignment to the owner continues their tenure.
  if (record.ownerId === ownerId) return;
  record.ownerId = ownerId;
  record.ownerSince = instantMs(event.data.occurredAt);
  record.tenureRevision = event.revision;
};

const noteInteraction = (
  record: NeglectRecord,
  people: readonly string[],
  at: number,
) => {
  for (const personId of people) {
    const last = record.lastInteraction[personId];
    if (last === undefined || at > last) record.lastInteraction[personId] = at;
  }
};

const evolveRecord = (record: NeglectRecord, event: LedgerEvent): void => {
  switch (event.type) {
    case 'ClientDetailsChanged':
      if (event.data.changes.name !== undefined) record.name = event.data.changes.name;
      return;
    case 'OwnershipAssigned':
    case 'ClientClaimed':
      takeOwner(record, event.data.ownerId, event);
      return;
    case 'OwnershipTransferred':
      takeOwner(record, event.data.toOwnerId, event);
      return;
    case 'ClientReleasedToPool':
      record.ownerId = null;
      record.ownerSince = null;
      record.tenureRevision = null;
      return;
    case 'ContactLogged':
    case 'VisitLogged':
      noteInteraction(record, event.data.participants, instantMs(event.data.occurredAt));
      return;
    case 'QuoteAccepted': {
      const at = instantMs(event.data.occurredAt);
      if (record.lastAcceptedQuoteAt === null || at > record.lastAcceptedQuoteAt)
        record.lastAcceptedQuoteAt = at;
      return;
    }
    case 'ClientLocked':
      record.locked = true;
      return;
    case 'ClientUnlocked':
      record.locked = false;
      return;
    default:
      return;
  }
};

/** Per client, the facts the pool policy decides on; archived, merged ones drop out. */
export const neglectProjection: ProjectionDefinition<NeglectRecord> = {
  name: 'neglect',
  // Every client event, so that `revision` is the stream's own revision.
  eventTypes: Object.keys(clientEventSchemas) as EventType[],
  version: 1,
  settingsKey: '',
  keysOf: clientKeyOf,
  evolve(record, event) {
    if (event.type === 'ClientRegistered')
      return {
        clientId: event.data.clientId,
        name: event.data.name,
        ownerId: null,
        ownerSince: null,
        tenureRevision: null,
        locked: false,
        lastInteraction: dictionary<number>(),
        lastAcceptedQuoteAt: null,
        revision: event.revision,
      };
    // Archived and merged clients accept no new activity: the policy ignores them.
    if (!record || event.type === 'ClientArchived' || event.type === 'ClientsMerged')
      return undefined;
    evolveRecord(record, event);
    record.revision = event.revision;
    return record;
  },
};
