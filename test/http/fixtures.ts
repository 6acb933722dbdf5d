import { ulid } from 'ulid';
import { openTokenService, type TokenService } from '../../src/auth/token-service';
import type { Role } from '../../src/domain/events/primitives';
import type { EventStore } from '../../src/eventstore/port';
import { openSqliteEventStore } from '../../src/eventstore/sqlite';

/** Test fixtures shared by the HTTP and auth tests: a store, people and their tokens. */

export const systemMetadata = () => {
  const commandId = ulid();
  return {
    actorId: null,
    actorRole: null,
    commandId,
    correlationId: commandId,
    causationId: commandId,
    source: 'system',
    schemaVersion: 1,
    recordedAt: new Date().toISOString(),
  };
};

/** Adds a person straight to the store, as the command bus would. */
export const addPerson = async (
  store: EventStore,
  role: Role,
  personId = ulid(),
): Promise<string> => {
  await store.append(
    `person-${personId}`,
    [
      {
        type: 'PersonJoined',
        data: {
          personId,
          name: `${role} ${personId.slice(-4)}`,
          email: `${personId.toLowerCase()}@example.com`,
          role,
          occurredAt: new Date().toISOString(),
        },
        metadata: systemMetadata(),
      },
    ],
    { expectedRevision: 'no_stream' },
  );
  return personId;
};

export interface Caller {
  readonly personId: string;
  readonly token: string;
  readonly auth: string;
}

export const addCaller = async (
  store: EventStore,
  tokens: TokenService,
  role: Role,
): Promise<Caller> => {
  const personId = await addPerson(store, role);
  const { token } = await tokens.issueToken({ personId, label: 'test' });
  return { personId, token, auth: `Bearer ${token}` };
};

export const openMemoryStore = () => openSqliteEventStore({ path: ':memory:' });

export const openStoreAndTokens = async () => {
  const store = openMemoryStore();
  const tokens = await openTokenService({ store });
  return {
    store,
    tokens,
    close: async () => {
      await tokens.close();
      await store.close();
    },
  };
};

/** Waits, boundedly, until `check` holds: for what subscriptions deliver. */
export const eventually = async (
  check: () => boolean,
  attempts = 1000,
): Promise<void> => {
  for (let attempt = 0; attempt < attempts && !check(); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!check()) throw new Error('condition did not hold in time');
};
