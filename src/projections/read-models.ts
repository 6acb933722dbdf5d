import type {
  ClientQuotes,
  ClientRecord,
  ClientStrength,
  HandoverRecord,
  NeglectRecord,
  OwnershipHistory,
  PersonActivity,
  PersonRecord,
} from '../../projections';
import type { Position } from '../eventstore/port';

/** Anything that holds projection entities by projection name: the engine does. */
export interface EntitySource {
  entities<E>(name: string): ReadonlyMap<string, E>;
  /** Changes whenever the entities may have changed; derived indexes key on it. */
  readonly position?: Position | undefined;
}

interface OwnerIndex {
  readonly clients: ReadonlyMap<string, ClientRecord>;
  readonly position: Position | undefined;
  readonly byOwner: ReadonlyMap<string, readonly ClientRecord[]>;
}

/**
 * Typed, read-only access to the read models the engine keeps in memory.
 * Always asks the source anew: a rebuild replaces the maps.
 */
export class ReadModels {
  private ownerIndex: OwnerIndex | undefined;

  constructor(private readonly source: EntitySource) {}

  /**
   * The clients a person owns now. Portfolios ask this on every request, so
   * the index is kept until the read models move on (or are rebuilt).
   */
  clientsOwnedBy(personId: string): readonly ClientRecord[] {
    const clients = this.clients();
    const position = this.source.position;
    let index = this.ownerIndex;
    if (!index || index.clients !== clients || index.position !== position) {
      const byOwner = new Map<string, ClientRecord[]>();
      for (const client of clients.values()) {
        if (client.ownerId === null) continue;
        const list = byOwner.get(client.ownerId);
        if (list) list.push(client);
        else byOwner.set(client.ownerId, [client]);
      }
      index = { clients, position, byOwner };
      this.ownerIndex = index;
    }
    return index.byOwner.get(personId) ?? [];
  }

  clients(): ReadonlyMap<string, ClientRecord> {
    return this.source.entities<ClientRecord>('client-directory');
  }

  client(clientId: string): ClientRecord | undefined {
    return this.clients().get(clientId);
  }

  ownershipHistory(clientId: string): OwnershipHistory | undefined {
    return this.source.entities<OwnershipHistory>('ownership-history').get(clientId);
  }

  allOwnershipHistories(): Iterable<OwnershipHistory> {
    return this.source.entities<OwnershipHistory>('ownership-history').values();
  }

  strength(clientId: string): ClientStrength | undefined {
    return this.source.entities<ClientStrength>('relationship-strength').get(clientId);
  }

  allStrengths(): Iterable<ClientStrength> {
    return this.source.entities<ClientStrength>('relationship-strength').values();
  }

  quotes(clientId: string): ClientQuotes | undefined {
    return this.source.entities<ClientQuotes>('quotes').get(clientId);
  }

  person(personId: string): PersonRecord | undefined {
    return this.source.entities<PersonRecord>('people').get(personId);
  }

  people(): ReadonlyMap<string, PersonRecord> {
    return this.source.entities<PersonRecord>('people');
  }

  handovers(): Iterable<HandoverRecord> {
    return this.source.entities<HandoverRecord>('handovers').values();
  }

  /** Per owned client, what the pool policy judges neglect by. */
  neglect(): Iterable<NeglectRecord> {
    return this.source.entities<NeglectRecord>('neglect').values();
  }

  activity(personId: string): PersonActivity | undefined {
    return this.source.entities<PersonActivity>('activity').get(personId);
  }

  personName(personId: string | null): string | null {
    return personId === null ? null : (this.person(personId)?.name ?? null);
  }
}
