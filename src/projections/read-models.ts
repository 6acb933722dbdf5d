import type {
  ClientQuotes,
  ClientRecord,
  ClientStrength,
  HandoverRecord,
  OwnershipHistory,
  PersonActivity,
  PersonRecord,
} from '../../projections';

/** Anything that holds projection entities by projection name: the engine does. */
export interface EntitySource {
  entities<E>(name: string): ReadonlyMap<string, E>;
}

/**
 * Typed, read-only access to the read models the engine keeps in memory.
 * Always asks the source anew: a rebuild replaces the maps.
 */
export class ReadModels {
  constructor(private readonly source: EntitySource) {}

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

  activity(personId: string): PersonActivity | undefined {
    return this.source.entities<PersonActivity>('activity').get(personId);
  }

  personName(personId: string | null): string | null {
    return personId === null ? null : (this.person(personId)?.name ?? null);
  }
}
