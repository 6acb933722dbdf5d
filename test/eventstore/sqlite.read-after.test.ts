import { StreamNotFoundError } from '../../src/eventstore/errors';
import type { RecordedEvent } from '../../src/eventstore/port';
import { openSqliteEventStore, type SqliteEventStore } from '../../src/eventstore/sqlite';

/** Reading a stream forwards from a revision, the read the command bus makes most. */
describe('embedded store, reading the events after a revision', () => {
  let store: SqliteEventStore;
  const revisions = (events: readonly RecordedEvent[]) => events.map((e) => e.revision);

  beforeEach(async () => {
    store = openSqliteEventStore({ path: ':memory:' });
    const events = Array.from({ length: 5 }, (_, index) => ({
      type: 'ThingHappened',
      data: { index },
    }));
    await store.append('s-1', events);
    await store.append('s-2', events);
  });
  afterEach(() => store.close());

  it('reads from the revision, within maxCount, parsed as any read', async () => {
    expect(revisions(await store.readStream('s-1', { fromRevision: 1 }))).toEqual([
      1, 2, 3, 4,
    ]);
    const two = await store.readStream('s-1', { fromRevision: 2, maxCount: 2 });
    expect(revisions(two)).toEqual([2, 3]);
    expect(two.map((event) => event.data)).toEqual([{ index: 2 }, { index: 3 }]);
    expect(two[0]).toMatchObject({ stream: 's-1', type: 'ThingHappened' });
  });

  it('reads nothing from just past the end, or far past it, of a stream that exists', async () => {
    expect(await store.readStream('s-1', { fromRevision: 5 })).toEqual([]);
    expect(await store.readStream('s-1', { fromRevision: 50 })).toEqual([]);
    expect(await store.readStream('s-1', { fromRevision: 3, maxCount: 0 })).toEqual([]);
  });

  it('still throws StreamNotFoundError for a stream that does not exist', async () => {
    await expect(store.readStream('s-3', { fromRevision: 1 })).rejects.toBeInstanceOf(
      StreamNotFoundError,
    );
    await expect(store.readStream('s-3', { fromRevision: 4 })).rejects.toBeInstanceOf(
      StreamNotFoundError,
    );
  });
});
