import { randomUUID } from 'node:crypto';
import { ConcurrencyError, StoreUnavailableError } from '../../src/eventstore/errors';
import type { NewEvent } from '../../src/eventstore/port';
import { openSqliteEventStore, type SqliteEventStore } from '../../src/eventstore/sqlite';
import { tempStoreFile } from './fixtures/temp-store';

const event = (index = 0): NewEvent => ({
  id: randomUUID(),
  type: 'ThingHappened',
  data: { index },
});

describe('embedded store group commit', () => {
  let file: ReturnType<typeof tempStoreFile>;
  let store: SqliteEventStore;

  beforeEach(() => {
    file = tempStoreFile();
    store = openSqliteEventStore({ path: file.path });
  });

  afterEach(async () => {
    await store.close();
    file.remove();
  });

  it('writes 64 appends made in the same turn in one transaction', async () => {
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, index) =>
        store.append(`s-${index}`, [event(index)]),
      ),
    );
    expect(store.stats).toEqual({ transactions: 1, appends: 64, largestGroup: 64 });
    const positions = results.map((result) => result.position.commit);
    expect(positions).toEqual(
      Array.from({ length: 64 }, (_, index) => BigInt(index + 1)),
    );
  });

  it('groups 64 appenders that each await their appends', async () => {
    await Promise.all(
      Array.from({ length: 64 }, async (_, appender) => {
        for (let index = 0; index < 10; index += 1) {
          await store.append(`appender-${appender}`, [event(index)], {
            expectedRevision: index === 0 ? 'no_stream' : index - 1,
          });
        }
      }),
    );
    expect(store.stats.appends).toBe(640);
    expect(store.stats.transactions).toBeLessThanOrEqual(20);
    expect(await store.headPosition()).toEqual({ commit: 640n, prepare: 640n });
  });

  it('checks each append of a group on its own, seeing the ones before it', async () => {
    const first = [event(0), event(1)];
    const outcomes = await Promise.allSettled([
      store.append('orders-1', first, { expectedRevision: 'no_stream' }),
      store.append('orders-1', [event()], { expectedRevision: 'no_stream' }),
      store.append('orders-2', [event()], { expectedRevision: 5 }),
      store.append('orders-1', [event(2)], { expectedRevision: 1 }),
      store.append('orders-1', first, { expectedRevision: 'no_stream' }),
      store.append('orders-3', [event()], { expectedRevision: 'no_stream' }),
    ]);
    expect(store.stats.transactions).toBe(1);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    const [original, , , , retried] = outcomes;
    expect(retried).toEqual(original);
    expect(outcomes[1]).toMatchObject({ reason: { expected: 'no_stream', actual: 1 } });
    expect(outcomes[2]).toMatchObject({ reason: expect.any(ConcurrencyError) });
    expect((await store.readStream('orders-1')).map((e) => e.data.index)).toEqual([
      0, 1, 2,
    ]);
    expect(await store.streamRevision('orders-2')).toBeUndefined();
    expect(await store.headPosition()).toEqual({ commit: 4n, prepare: 4n });
  });

  it('redoes a group carefully when a batch repeats stored ids', async () => {
    const stored = [event(0)];
    const original = await store.append('orders-1', stored);
    const outcomes = await Promise.allSettled([
      store.append('orders-2', [event(1)]),
      store.append('orders-1', stored),
      store.append('orders-3', stored),
      store.append('orders-2', [event(2)], { expectedRevision: 0 }),
    ]);
    expect(store.stats.transactions).toBe(2);
    expect(outcomes).toEqual([
      {
        status: 'fulfilled',
        value: expect.objectContaining({ nextExpectedRevision: 0 }),
      },
      { status: 'fulfilled', value: original },
      {
        status: 'rejected',
        reason: expect.objectContaining({ code: 'store.duplicate-event-id' }),
      },
      {
        status: 'fulfilled',
        value: expect.objectContaining({ nextExpectedRevision: 1 }),
      },
    ]);
    expect(await store.streamRevision('orders-1')).toBe(0);
    expect(await store.streamRevision('orders-3')).toBeUndefined();
    expect(await store.headPosition()).toEqual({ commit: 3n, prepare: 3n });
  });

  it('writes accepted appends when closing, refuses later ones', async () => {
    const pending = store.append('late', [event()]);
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0 });
    await expect(store.append('late', [event()])).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    store = openSqliteEventStore({ path: file.path });
    expect(await store.streamRevision('late')).toBe(0);
  });
});
