import { subscribeInPages } from '../../src/eventstore/paged-feed';
import type {
  EventStore,
  NewEvent,
  RecordedEvent,
  SubscriptionMessage,
} from '../../src/eventstore/port';
import { openSqliteEventStore, type SqliteEventStore } from '../../src/eventstore/sqlite';
import { tempStoreFile } from './fixtures/temp-store';

const events = (count: number): NewEvent[] =>
  Array.from({ length: count }, (_, index) => ({
    type: 'ThingHappened',
    data: { index },
  }));

describe('embedded store subscriptions', () => {
  let file: ReturnType<typeof tempStoreFile>;
  let store: SqliteEventStore;

  beforeEach(() => {
    file = tempStoreFile();
    // An hour: these tests must pass without the poll for other processes.
    store = openSqliteEventStore({ path: file.path, pollIntervalMs: 3_600_000 });
  });

  afterEach(async () => {
    await store.close();
    file.remove();
  });

  it('catches up over several pages, then wakes on commits of this process', async () => {
    await store.append('history', events(4_000));
    const subscription = store.subscribeToAll({ from: 'start' });
    const positions: bigint[] = [];
    let caughtUpAfter = -1;
    for await (const message of subscription) {
      if (message.kind === 'caught-up') {
        caughtUpAfter = positions.length;
        await store.append('live', events(1));
        await store.append('live', events(2));
        continue;
      }
      positions.push(message.event.position.commit);
      if (positions.length === 4_003) break;
    }
    expect(caughtUpAfter).toBe(4_000);
    expect(positions).toEqual(
      Array.from({ length: 4_003 }, (_, index) => BigInt(index + 1)),
    );
  });

  it('ends live subscriptions when the store closes', async () => {
    const subscription = store.subscribeToAll({ from: 'end' });
    const messages: SubscriptionMessage[] = [];
    for await (const message of subscription) {
      messages.push(message);
      await store.close();
    }
    expect(messages).toEqual([{ kind: 'caught-up' }]);
    const late = store.subscribeToAll.bind(store);
    expect(late).toThrow(expect.objectContaining({ code: 'store.unavailable' }));
  });

  it('ends a subscription created before the store closed but never iterated', async () => {
    const subscription = store.subscribeToAll({ from: 'start' });
    await store.close();
    const messages: SubscriptionMessage[] = [];
    for await (const message of subscription) messages.push(message);
    expect(messages).toEqual([]);
  });

  it('with details on access, delivers the same events, reading id, metadata and time on demand', async () => {
    await store.append('one', [
      { type: 'ThingHappened', data: { index: 0 }, metadata: { actor: 'ada' } },
    ]);
    await store.append('two', events(2));
    const full: RecordedEvent[] = [];
    for await (const event of store.readAll()) full.push(event);

    const lean: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({
      from: 'start',
      detailsOnAccess: true,
      filter: { streamPrefixes: ['one', 'two'] },
    });
    for await (const message of subscription) {
      if (message.kind === 'caught-up') break;
      lean.push(message.event);
    }
    expect(lean).toHaveLength(3);
    lean.forEach((event, index) => {
      const expected = full[index]!;
      expect(event.position).toEqual(expected.position);
      expect(event.stream).toBe(expected.stream);
      expect(event.revision).toBe(expected.revision);
      expect(event.type).toBe(expected.type);
      expect(event.data).toEqual(expected.data);
      expect(event.id).toBe(expected.id);
      expect(event.metadata).toEqual(expected.metadata);
      expect(event.recordedAt).toEqual(expected.recordedAt);
    });
    expect(lean[0]!.metadata).toEqual({ actor: 'ada' });
  });

  it('with details on access, delivers the types asked for whole, the rest on demand', async () => {
    await store.append('one', [
      { type: 'Wanted', data: {}, metadata: { actor: 'ada' } },
      { type: 'Other', data: {}, metadata: { actor: 'bob' } },
    ]);
    const full: RecordedEvent[] = [];
    for await (const event of store.readAll()) full.push(event);
    const lean: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({
      detailsOnAccess: true,
      detailsFor: ['Wanted'],
    });
    for await (const message of subscription) {
      if (message.kind === 'caught-up') break;
      lean.push(message.event);
    }
    await store.close();
    // Read with the row: still there once the store is closed.
    expect(lean[0]!.id).toBe(full[0]!.id);
    expect(lean[0]!.metadata).toEqual({ actor: 'ada' });
    expect(lean[0]!.recordedAt).toEqual(full[0]!.recordedAt);
    // Read on demand: needs the store.
    expect(() => lean[1]!.metadata).toThrow(
      expect.objectContaining({ code: 'store.unavailable' }),
    );
  });

  it('with details on access, filters on the stream and the type of the lean row', async () => {
    await store.append('keep-1', events(1));
    await store.append('drop-1', events(1));
    await store.append('keep-2', [{ type: 'OtherThing', data: {} }]);
    const seen: string[] = [];
    const subscription = store.subscribeToAll({
      detailsOnAccess: true,
      filter: { streamPrefixes: ['keep-'], eventTypePrefixes: ['Thing'] },
    });
    for await (const message of subscription) {
      if (message.kind === 'caught-up') break;
      seen.push(`${message.event.stream}:${message.event.type}`);
    }
    expect(seen).toEqual(['keep-1:ThingHappened']);
  });

  it('hands out the same feed a page at a time, then live pages after commits', async () => {
    await store.append('history', events(4_500));
    const pages: number[] = [];
    const positions: bigint[] = [];
    let caughtUpAfter = -1;
    for await (const message of store.subscribeToAllInPages({ from: 'start' })) {
      if (message.kind === 'caught-up') {
        caughtUpAfter = positions.length;
        await store.append('live', events(3));
        continue;
      }
      pages.push(message.events.length);
      for (const event of message.events) positions.push(event.position.commit);
      if (positions.length === 4_503) break;
    }
    expect(caughtUpAfter).toBe(4_500);
    expect(pages).toEqual([2_000, 2_000, 500, 3]);
    expect(positions).toEqual(
      Array.from({ length: 4_503 }, (_, index) => BigInt(index + 1)),
    );
  });

  it('reads a store without pages of its own as pages of one event', async () => {
    await store.append('one', events(3));
    // The port's methods, the optional paged feed left out.
    const withoutPages: EventStore = {
      append: store.append.bind(store),
      readStream: store.readStream.bind(store),
      readAll: store.readAll.bind(store),
      subscribeToAll: store.subscribeToAll.bind(store),
      streamRevision: store.streamRevision.bind(store),
      headPosition: store.headPosition.bind(store),
      checkHealth: store.checkHealth.bind(store),
      close: store.close.bind(store),
    };
    const pages: number[] = [];
    for await (const message of subscribeInPages(withoutPages, { from: 'start' })) {
      if (message.kind === 'caught-up') break;
      pages.push(message.events.length);
    }
    expect(pages).toEqual([1, 1, 1]);
  });
});
