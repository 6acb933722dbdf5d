import type { RecordedEvent, SubscriptionMessage } from '../../src/eventstore/port';
import { openSqliteEventStore, type SqliteEventStore } from '../../src/eventstore/sqlite';
import { runScript } from './fixtures/spawn-script';
import { tempStoreFile } from './fixtures/temp-store';

describe('embedded store shared by two processes', () => {
  let file: ReturnType<typeof tempStoreFile>;
  let store: SqliteEventStore;

  beforeEach(() => {
    file = tempStoreFile();
    store = openSqliteEventStore({ path: file.path, pollIntervalMs: 50 });
  });

  afterEach(async () => {
    await store.close();
    file.remove();
  });

  it('delivers events appended by another process to a live subscription', async () => {
    await store.append('parent', [{ type: 'ParentAppended', data: { n: 0 } }]);
    const subscription = store.subscribeToAll({ from: 'start' });
    const messages: SubscriptionMessage[] = [];
    let caughtUp: () => void = () => undefined;
    const isCaughtUp = new Promise<void>((resolve) => {
      caughtUp = resolve;
    });
    const received = (async () => {
      const events: RecordedEvent[] = [];
      for await (const message of subscription) {
        messages.push(message);
        if (message.kind === 'event') events.push(message.event);
        else caughtUp();
        if (events.length === 6) break;
      }
      return events;
    })();

    // The child starts only once the subscription is live, so its events
    // can reach it only through the poll for other processes' commits.
    await isCaughtUp;
    const output = await runScript('append-events.ts', [file.path, 'child', '5']);
    const events = await received;

    expect(output.trim()).toBe('2 3 4 5 6');
    expect(messages[1]).toEqual({ kind: 'caught-up' });
    expect(events.map((event) => event.stream)).toEqual([
      'parent',
      ...Array<string>(5).fill('child'),
    ]);
    expect(events.map((event) => event.position.commit)).toEqual([
      1n,
      2n,
      3n,
      4n,
      5n,
      6n,
    ]);
    expect(events.slice(1).map((event) => event.data.index)).toEqual([0, 1, 2, 3, 4]);

    const next = await store.append('parent', [
      { type: 'ParentAppended', data: { n: 1 } },
    ]);
    expect(next).toEqual({
      nextExpectedRevision: 1,
      position: { commit: 7n, prepare: 7n },
    });
  });

  it('lets two processes append to one file at once, positions without gaps', async () => {
    const children = await Promise.all([
      runScript('append-events.ts', [file.path, 'first-child', '150']),
      runScript('append-events.ts', [file.path, 'second-child', '150']),
      store.append('parent', [{ type: 'ParentAppended', data: { n: 0 } }]),
    ]);
    const childPositions = children
      .slice(0, 2)
      .flatMap((output) => String(output).trim().split(' ').map(Number));
    expect(childPositions).toHaveLength(300);

    const all: RecordedEvent[] = [];
    for await (const event of store.readAll()) all.push(event);
    expect(all.map((event) => Number(event.position.commit))).toEqual(
      Array.from({ length: 301 }, (_, index) => index + 1),
    );
    for (const stream of ['first-child', 'second-child']) {
      const revisions = all.filter((e) => e.stream === stream).map((e) => e.revision);
      expect(revisions).toEqual(Array.from({ length: 150 }, (_, index) => index));
    }
  });
});
