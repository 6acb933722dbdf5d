import { ulid } from 'ulid';
import { createCommandBus } from '../../src/commands';
import type { Command } from '../../src/domain/commands/commands';
import type { CommandContext } from '../../src/domain/commands/context';
import type { OwnershipLookup } from '../../src/domain/commands/lookups';
import { type LedgerEvent, toLedgerEvent } from '../../src/domain/events';
import { defaultDomainSettings } from '../../src/domain/settings';
import { CustodyError } from '../../src/errors';
import type { EventStore, NewEvent } from '../../src/eventstore/port';
import { openSqliteEventStore } from '../../src/eventstore/sqlite';
import { NOW, type PersonName, people } from '../domain/decider-spec';
import { forgetfulStore } from './forgetful-store';

/**
 * The command bus over the embedded store in memory, with an ownership
 * lookup folded from the whole log on every call: exact, so tests of the
 * bus do not depend on how far a projection trails.
 */

export const storeLookup = (store: EventStore): OwnershipLookup => ({
  async clientsOwnedBy(personId) {
    const owners = new Map<string, string | null>();
    for await (const recorded of store.readAll()) {
      const event = toLedgerEvent(recorded);
      if (!event) continue;
      if (event.type === 'ClientClaimed' || event.type === 'OwnershipAssigned')
        owners.set(event.data.clientId, event.data.ownerId);
      if (event.type === 'OwnershipTransferred')
        owners.set(event.data.clientId, event.data.toOwnerId);
      if (event.type === 'ClientReleasedToPool') owners.set(event.data.clientId, null);
    }
    return [...owners].filter(([, owner]) => owner === personId).map(([id]) => id);
  },
});

export const context = (
  actor: PersonName | null,
  extra: Partial<CommandContext> = {},
): CommandContext => ({
  actor: actor === null ? null : { personId: people[actor].id, role: people[actor].role },
  commandId: ulid(),
  source: actor === null ? 'system' : 'api',
  now: NOW,
  ...extra,
});

export type Fixture = Awaited<ReturnType<typeof openFixture>>;

/** Stores the bus is tested on: the embedded one, and one that never dedupes ids. */
export const storeKinds: readonly (readonly [string, () => EventStore])[] = [
  ['the embedded store', () => openSqliteEventStore({ path: ':memory:' })],
  ['a store that never recognises a repeated event id', forgetfulStore],
];

/** A fresh in-memory store and bus, with every fixture person added. */
export const openFixture = async (
  options: {
    /** The store under the bus; the embedded store in memory by default. */
    base?: () => EventStore;
    store?: (inner: EventStore) => EventStore;
    maxRetries?: number;
  } = {},
) => {
  const inner = options.base
    ? options.base()
    : openSqliteEventStore({ path: ':memory:' });
  const store = options.store ? options.store(inner) : inner;
  const lookup = storeLookup(inner);
  const bus = createCommandBus({
    store,
    lookup,
    settings: defaultDomainSettings,
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
  });
  for (const [name, person] of Object.entries(people))
    await bus.execute(
      {
        type: 'AddPerson',
        personId: person.id,
        name,
        email: `${name}@example.com`,
        role: person.role,
      },
      context(null),
    );
  const events = async (stream: string): Promise<LedgerEvent[]> =>
    (await inner.readStream(stream)).map((event) => toLedgerEvent(event)!);
  const refusal = async (command: Command, ctx: CommandContext) => {
    try {
      await bus.execute(command, ctx);
    } catch (error) {
      if (error instanceof CustodyError) return error;
      throw error;
    }
    throw new Error(`${command.type} was expected to be refused`);
  };
  return { inner, store, bus, lookup, events, refusal, close: () => inner.close() };
};

/** Delegates to a store, letting a test intercept appends (a crash, a concurrent writer). */
export const interceptAppends = (
  store: EventStore,
  before: (stream: string, events: readonly NewEvent[]) => Promise<void>,
): EventStore => ({
  append: async (stream, events, options) => {
    await before(stream, events);
    return store.append(stream, events, options);
  },
  readStream: (stream, options) => store.readStream(stream, options),
  readAll: (options) => store.readAll(options),
  subscribeToAll: (options) => store.subscribeToAll(options),
  streamRevision: (stream) => store.streamRevision(stream),
  headPosition: () => store.headPosition(),
  checkHealth: () => store.checkHealth(),
  close: () => store.close(),
});
