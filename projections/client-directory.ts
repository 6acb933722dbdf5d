import type { EventType, LedgerEvent } from '../src/domain/events/catalogue';
import { clientEventSchemas } from '../src/domain/events/client-events';
import { clientKeyOf, instantMs, type ProjectionDefinition } from './definition';

/** Current ownership and details of one client. Instants are epoch milliseconds. */
export interface ClientRecord {
  readonly clientId: string;
  name: string;
  externalId: string | null;
  industry: string | null;
  region: string | null;
  source: string;
  registeredAt: number;
  /** `null` while the client sits in the pool. */
  ownerId: string | null;
  ownerSince: number | null;
  previousOwnerId: string | null;
  /** Since when the client is in the pool; `null` while owned. */
  pooledSince: number | null;
  locked: boolean;
  archivedAt: number | null;
  mergedInto: string | null;
  /** Stream revision of the last event folded in. */
  revision: number;
}

const takeOwner = (client: ClientRecord, ownerId: string, at: number): void => {
  if (client.ownerId !== ownerId) client.previousOwnerId = client.ownerId;
  client.ownerId = ownerId;
  client.ownerSince = at;
  client.pooledSince = null;
};

const register = (event: Extract<LedgerEvent, { type: 'ClientRegistered' }>) => ({
  clientId: event.data.clientId,
  name: event.data.name,
  externalId: event.data.externalId ?? null,
  industry: event.data.industry ?? null,
  region: event.data.region ?? null,
  source: event.data.source,
  registeredAt: instantMs(event.data.occurredAt),
  ownerId: null,
  ownerSince: null,
  previousOwnerId: null,
  pooledSince: instantMs(event.data.occurredAt),
  locked: false,
  archivedAt: null,
  mergedInto: null,
  revision: event.revision,
});

const evolveClient = (client: ClientRecord, event: LedgerEvent): void => {
  switch (event.type) {
    case 'ClientDetailsChanged': {
      const { changes } = event.data;
      if (changes.name !== undefined) client.name = changes.name;
      if (changes.externalId !== undefined) client.externalId = changes.externalId;
      if (changes.industry !== undefined) client.industry = changes.industry;
      if (changes.region !== undefined) client.region = changes.region;
      return;
    }
    case 'ClientArchived':
      client.archivedAt = instantMs(event.data.occurredAt);
      return;
    case 'ClientsMerged':
      client.mergedInto = event.data.survivorId;
      return;
    case 'OwnershipAssigned':
    case 'ClientClaimed':
      takeOwner(client, event.data.ownerId, instantMs(event.data.occurredAt));
      return;
    case 'OwnershipTransferred':
      takeOwner(client, event.data.toOwnerId, instantMs(event.data.occurredAt));
      return;
    case 'ClientReleasedToPool':
      client.previousOwnerId = client.ownerId ?? event.data.previousOwnerId;
      client.ownerId = null;
      client.ownerSince = null;
      client.pooledSince = instantMs(event.data.occurredAt);
      return;
    case 'ClientLocked':
      client.locked = true;
      return;
    case 'ClientUnlocked':
      client.locked = false;
      return;
    default:
      return;
  }
};

/** Who owns each client now, which clients are pooled, locked, archived or merged. */
export const clientDirectoryProjection: ProjectionDefinition<ClientRecord> = {
  name: 'client-directory',
  eventTypes: Object.keys(clientEventSchemas) as EventType[],
  version: 1,
  settingsKey: '',
  keysOf: clientKeyOf,
  evolve(client, event) {
    if (event.type === 'ClientRegistered') return register(event);
    // Events of a stream whose registration is unknown are ignored, not guessed.
    if (!client) return client;
    evolveClient(client, event);
    client.revision = event.revision;
    return client;
  },
};
