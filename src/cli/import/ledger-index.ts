import type { Role } from '../../domain/events/primitives';
import type { EventStore, JsonObject } from '../../eventstore/port';
import { normaliseClientName } from './client-names';

/**
 * What an import needs to know of the ledger: people by email, clients by
 * external id and normalised name with their owner, and which interactions
 * and quotes are already recorded. Folded from the log, and kept current by
 * feeding it the events the import appends, so that it also answers the
 * command bus's ownership lookup.
 */

export interface IndexedPerson {
  readonly id: string;
  readonly email: string;
  role: Role;
  departed: boolean;
}

export interface IndexedClient {
  readonly id: string;
  name: string;
  externalId: string | undefined;
  ownerId: string | null;
  closed: boolean;
}

export type QuoteState = 'issued' | 'accepted' | 'lost';

const text = (data: JsonObject, key: string): string => String(data[key]);

export class LedgerIndex {
  readonly people = new Map<string, IndexedPerson>();
  readonly peopleByEmail = new Map<string, IndexedPerson>();
  readonly clients = new Map<string, IndexedClient>();
  readonly clientsByExternalId = new Map<string, IndexedClient>();
  readonly clientsByName = new Map<string, IndexedClient>();
  readonly interactions = new Set<string>();
  readonly quotes = new Map<string, QuoteState>();

  static async load(store: EventStore): Promise<LedgerIndex> {
    const index = new LedgerIndex();
    for await (const event of store.readAll()) index.apply(event.type, event.data);
    return index;
  }

  /** A person by id or by email (case-insensitive). */
  person(reference: string): IndexedPerson | undefined {
    return this.people.get(reference) ?? this.peopleByEmail.get(reference.toLowerCase());
  }

  /** The client a row names: by id, then external id, then normalised name. */
  client(reference: string): IndexedClient | undefined {
    return (
      this.clients.get(reference) ??
      this.clientsByExternalId.get(reference.trim()) ??
      this.clientsByName.get(normaliseClientName(reference))
    );
  }

  clientsOwnedBy(personId: string): string[] {
    const owned: string[] = [];
    for (const client of this.clients.values()) {
      if (client.ownerId === personId && !client.closed) owned.push(client.id);
    }
    return owned;
  }

  apply(type: string, data: JsonObject): void {
    const clientId = typeof data.clientId === 'string' ? data.clientId : '';
    const client = this.clients.get(clientId);
    switch (type) {
      case 'PersonJoined': {
        const person: IndexedPerson = {
          id: text(data, 'personId'),
          email: text(data, 'email').toLowerCase(),
          role: data.role as Role,
          departed: false,
        };
        this.people.set(person.id, person);
        this.peopleByEmail.set(person.email, person);
        return;
      }
      case 'PersonRoleChanged': {
        const person = this.people.get(text(data, 'personId'));
        if (person) person.role = data.role as Role;
        return;
      }
      case 'PersonDeparted': {
        const person = this.people.get(text(data, 'personId'));
        if (person) person.departed = true;
        return;
      }
      case 'ClientRegistered':
        this.registerClient(clientId, data);
        return;
      case 'ClientDetailsChanged':
        if (client) this.changeClient(client, data.changes as JsonObject);
        return;
      case 'ClientArchived':
      case 'ClientsMerged':
        if (client) client.closed = true;
        return;
      case 'OwnershipAssigned':
      case 'ClientClaimed':
        if (client) client.ownerId = text(data, 'ownerId');
        return;
      case 'OwnershipTransferred':
        if (client) client.ownerId = text(data, 'toOwnerId');
        return;
      case 'ClientReleasedToPool':
        if (client) client.ownerId = null;
        return;
      case 'ContactLogged':
      case 'VisitLogged':
        this.interactions.add(text(data, 'interactionId'));
        return;
      case 'QuoteIssued':
        if (!this.quotes.has(text(data, 'quoteId')))
          this.quotes.set(text(data, 'quoteId'), 'issued');
        return;
      case 'QuoteAccepted':
        this.quotes.set(text(data, 'quoteId'), 'accepted');
        return;
      case 'QuoteLost':
        this.quotes.set(text(data, 'quoteId'), 'lost');
        return;
      default:
        return;
    }
  }

  private registerClient(clientId: string, data: JsonObject): void {
    const externalId = typeof data.externalId === 'string' ? data.externalId : undefined;
    const client: IndexedClient = {
      id: clientId,
      name: String(data.name),
      externalId,
      ownerId: null,
      closed: false,
    };
    this.clients.set(clientId, client);
    if (externalId !== undefined) this.clientsByExternalId.set(externalId, client);
    this.clientsByName.set(normaliseClientName(client.name), client);
  }

  private changeClient(client: IndexedClient, changes: JsonObject): void {
    if (typeof changes.name === 'string') {
      client.name = changes.name;
      this.clientsByName.set(normaliseClientName(changes.name), client);
    }
    if (changes.externalId !== undefined) {
      if (client.externalId !== undefined)
        this.clientsByExternalId.delete(client.externalId);
      client.externalId =
        typeof changes.externalId === 'string' ? changes.externalId : undefined;
      if (client.externalId !== undefined)
        this.clientsByExternalId.set(client.externalId, client);
    }
  }
}
