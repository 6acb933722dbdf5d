import { randomUUID } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import {
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type AppendResult,
  StreamNotFoundError as EsdbStreamNotFoundError,
  type EventData,
  type Filter,
  type ReadPosition,
  type ReadRevision,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  ConcurrencyError,
  StoreUnavailableError,
  StreamNotFoundError,
} from '../../src/eventstore/errors';
import { type EsdbClient, EsdbEventStore } from '../../src/eventstore/esdb';
import type {
  NewEvent,
  Position,
  RecordedEvent,
  SubscriptionMessage,
} from '../../src/eventstore/port';
import { comparePositions } from '../../src/eventstore/position';

/**
 * The adapter's own logic (idempotent-retry recovery, inclusive reads,
 * skipping system records, caught-up and resubscription) driven through an
 * in-memory stand-in for the client. The stand-in follows the server as the
 * client's sources and tests describe it: forward reads of $all include the
 * start position, backward reads start strictly before it, subscriptions
 * start after it, and projections interleave `$>` records with ours.
 */

type Record = NonNullable<AllStreamResolvedEvent['event']>;

const caughtUpMarker = Symbol('caught up');

/**
 * Like the client's subscription, a Transform fed by the server's messages:
 * events are pushed on, and CaughtUp is emitted as an event when its message
 * is transformed, so it may overtake events still in the readable buffer.
 */
class FakeSubscription extends Transform {
  readonly unsubscribe = jest.fn(async () => undefined);
  constructor(readonly options: { fromPosition?: ReadPosition; filter?: Filter }) {
    super({ objectMode: true });
  }

  override _transform(
    message: unknown,
    _encoding: string,
    next: TransformCallback,
  ): void {
    if (message === caughtUpMarker) {
      this.emit('caughtUp');
      next();
    } else next(null, message);
  }
}

const cmp = (a: Position, b: Position) => comparePositions(a, b);

class FakeEsdb {
  readonly log: Record[] = [];
  readonly appends: {
    stream: string;
    events: EventData[];
    expected: AppendExpectedRevision;
  }[] = [];
  readonly subscriptions: FakeSubscription[] = [];
  /** Whether a subscription reports CaughtUp, as servers from 23.10 do. */
  sendCaughtUp = true;
  /** Whether projections write a `$>` link after each of our events. */
  links = true;
  /** `down` refuses reads; `hung` accepts them and never answers. */
  health: 'up' | 'down' | 'hung' = 'up';
  disposed = false;
  #next = 100n;

  readonly client = {
    appendToStream: async (
      stream: string,
      events: EventData | EventData[],
      options?: { expectedRevision?: AppendExpectedRevision },
    ) =>
      this.append(
        stream,
        Array.isArray(events) ? events : [events],
        options?.expectedRevision ?? 'any',
      ),
    readStream: (
      stream: string,
      options: {
        fromRevision?: ReadRevision;
        direction?: string;
        maxCount?: number | bigint;
      } = {},
    ) => this.readStream(stream, options),
    readAll: (
      options: {
        fromPosition?: ReadPosition;
        direction?: string;
        maxCount?: number | bigint;
      } = {},
    ) => this.readAll(options),
    subscribeToAll: (options: { fromPosition?: ReadPosition; filter?: Filter } = {}) =>
      this.subscribe(options),
    dispose: async () => {
      this.disposed = true;
    },
  } as unknown as EsdbClient;

  revisionOf(stream: string): bigint | undefined {
    const own = this.log.filter((record) => record.streamId === stream);
    return own.at(-1)?.revision;
  }

  record(
    streamId: string,
    type: string,
    revision: bigint,
    id: string,
    data: unknown,
  ): Record {
    this.#next += 10n;
    const record = {
      streamId,
      id,
      isJson: true,
      revision,
      type,
      created: new Date(),
      data,
      metadata: undefined,
      position: { commit: this.#next, prepare: this.#next },
    } as Record;
    this.log.push(record);
    for (const subscription of this.subscriptions) {
      if (this.passes(subscription, record)) subscription.write({ event: record });
    }
    return record;
  }

  async append(
    stream: string,
    events: EventData[],
    expected: AppendExpectedRevision,
  ): Promise<AppendResult> {
    this.appends.push({ stream, events, expected });
    const current = this.revisionOf(stream);
    const own = this.log.filter((record) => record.streamId === stream);
    const at =
      expected === 'no_stream'
        ? 0
        : typeof expected === 'bigint'
          ? Number(expected) + 1
          : -1;
    const retry =
      at >= 0 && events.every((event, index) => own[at + index]?.id === event.id);
    if (retry && at + events.length <= own.length) {
      // The server acknowledges an idempotent retry without a position.
      return { success: true, nextExpectedRevision: BigInt(at + events.length - 1) };
    }
    const conflict =
      (expected === 'no_stream' && current !== undefined) ||
      (expected === 'stream_exists' && current === undefined) ||
      (typeof expected === 'bigint' && current !== expected);
    if (conflict) {
      throw new WrongExpectedVersionError(undefined, {
        streamName: stream,
        expected,
        current: current ?? 'no_stream',
      });
    }
    let revision = current ?? -1n;
    let last: Record | undefined;
    for (const event of events) {
      revision += 1n;
      last = this.record(stream, event.type, revision, event.id, event.data);
      if (this.links)
        this.record(`$ce-${stream.split('-')[0]}`, '$>', revision, randomUUID(), {});
    }
    return { success: true, nextExpectedRevision: revision, position: last!.position };
  }

  readStream(
    stream: string,
    options: {
      fromRevision?: ReadRevision;
      direction?: string;
      maxCount?: number | bigint;
    },
  ) {
    const own = this.log.filter((record) => record.streamId === stream);
    if (own.length === 0) {
      const failing = new Readable({
        objectMode: true,
        read() {
          this.destroy(new EsdbStreamNotFoundError(undefined, stream));
        },
      });
      return Object.assign(failing, { cancel: async () => undefined });
    }
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    let selected = backwards ? [...own].reverse() : own;
    // END forwards starts after the last revision; START backwards at revision 0.
    if (from === 'end' && !backwards) selected = [];
    if (from === 'start' && backwards) selected = own.slice(0, 1);
    if (typeof from === 'bigint') {
      selected = selected.filter((r) =>
        backwards ? r.revision <= from : r.revision >= from,
      );
    }
    return this.#readable(selected.slice(0, Number(options.maxCount ?? own.length)));
  }

  readAll(options: {
    fromPosition?: ReadPosition;
    direction?: string;
    maxCount?: number | bigint;
  }) {
    if (this.health === 'hung') {
      const silent = new Readable({ objectMode: true, read() {} });
      return Object.assign(silent, { cancel: async () => undefined });
    }
    if (this.health === 'down') {
      const failing = new Readable({
        objectMode: true,
        read() {
          this.destroy(new UnavailableError(undefined, 'connection refused'));
        },
      });
      return Object.assign(failing, { cancel: async () => undefined });
    }
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    let selected = backwards ? [...this.log].reverse() : this.log;
    if (typeof from === 'object') {
      selected = selected.filter((r) =>
        backwards ? cmp(r.position!, from) < 0 : cmp(r.position!, from) >= 0,
      );
    }
    return this.#readable(selected.slice(0, Number(options.maxCount ?? this.log.length)));
  }

  subscribe(options: { fromPosition?: ReadPosition; filter?: Filter }) {
    const subscription = new FakeSubscription(options);
    const from = options.fromPosition ?? 'start';
    const history = this.log.filter(
      (record) =>
        (from === 'start' || (from !== 'end' && cmp(record.position!, from) > 0)) &&
        this.passes(subscription, record),
    );
    setImmediate(() => {
      this.subscriptions.push(subscription);
      subscription.emit('confirmation');
      for (const record of history) subscription.write({ event: record });
      if (this.sendCaughtUp) subscription.write(caughtUpMarker);
    });
    return subscription;
  }

  passes(subscription: FakeSubscription, record: Record): boolean {
    const filter = subscription.options.filter;
    if (filter === undefined || !('prefixes' in filter)) return true;
    const value = filter.filterOn === 'streamName' ? record.streamId : record.type;
    return filter.prefixes.some((prefix) => value.startsWith(prefix));
  }

  #readable(records: Record[]) {
    return Object.assign(Readable.from(records.map((event) => ({ event }))), {
      cancel: jest.fn(async () => undefined),
    });
  }
}

const events = (count: number, type = 'ThingHappened'): NewEvent[] =>
  Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    type,
    data: { index },
  }));

const quietLogger = () => {
  const warn = jest.fn();
  const info = jest.fn();
  const logger = { warn, info, error: jest.fn(), debug: jest.fn() };
  return { warn, info, logger: logger as unknown as import('pino').Logger };
};

const setup = () => {
  const fake = new FakeEsdb();
  const { warn, info, logger } = quietLogger();
  const store = new EsdbEventStore(fake.client, {
    logger,
    retry: { initialDelayMs: 1, maxDelayMs: 5 },
  });
  return { fake, store, warn, info };
};

const collect = async (iterable: AsyncIterable<RecordedEvent>) => {
  const out: RecordedEvent[] = [];
  for await (const event of iterable) out.push(event);
  return out;
};

const tags = (list: readonly RecordedEvent[]) =>
  list.map((e) => `${e.stream}@${e.revision}`);

describe('EsdbEventStore appends', () => {
  it('sends one appendToStream with our ids and mapped expected revision', async () => {
    const { fake, store } = setup();
    const batch = events(3);
    const result = await store.append('client-1', batch, {
      expectedRevision: 'no_stream',
    });
    expect(fake.appends).toHaveLength(1);
    expect(fake.appends[0]!.expected).toBe('no_stream');
    expect(fake.appends[0]!.events.map((e) => e.id)).toEqual(batch.map((e) => e.id));
    const stored = await store.readStream('client-1');
    expect(result).toEqual({ nextExpectedRevision: 2, position: stored[2]!.position });

    await store.append('client-1', events(1), { expectedRevision: 2 });
    expect(fake.appends[1]!.expected).toBe(2n);
  });

  it('validates before calling the server', async () => {
    const { fake, store } = setup();
    await expect(store.append('$all', events(1))).rejects.toMatchObject({
      code: 'store.invalid-stream-name',
    });
    await expect(store.append('client-1', [])).rejects.toMatchObject({
      code: 'store.empty-batch',
    });
    expect(fake.appends).toHaveLength(0);
  });

  it('recovers the original result of an idempotent retry from the stream', async () => {
    const { store } = setup();
    await store.append('client-2', events(2), { expectedRevision: 'no_stream' });
    const batch = events(2);
    const first = await store.append('client-2', batch, { expectedRevision: 1 });
    await store.append('client-2', events(1), { expectedRevision: 3 });
    const again = await store.append('client-2', batch, { expectedRevision: 1 });
    expect(again).toEqual(first);
  });

  it('reports a wrong expected revision as ConcurrencyError with the actual', async () => {
    const { store } = setup();
    await store.append('client-3', events(2));
    const failure = store.append('client-3', events(1), {
      expectedRevision: 'no_stream',
    });
    await expect(failure).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(
      store.append('client-4', events(1), { expectedRevision: 'stream_exists' }),
    ).rejects.toMatchObject({ expected: 'stream_exists', actual: undefined });
  });
});

describe('EsdbEventStore reads', () => {
  it('reads a stream both ways; a missing one is StreamNotFoundError', async () => {
    const { store } = setup();
    await store.append('client-1', events(5));
    const revisions = (list: RecordedEvent[]) => list.map((e) => e.revision);
    expect(revisions(await store.readStream('client-1', { fromRevision: 3 }))).toEqual([
      3, 4,
    ]);
    expect(
      revisions(await store.readStream('client-1', { fromRevision: 'end' })),
    ).toEqual([4]);
    expect(
      revisions(
        await store.readStream('client-1', { direction: 'backwards', maxCount: 2 }),
      ),
    ).toEqual([4, 3]);
    await expect(store.readStream('client-9')).rejects.toBeInstanceOf(
      StreamNotFoundError,
    );
    await expect(store.readStream('client-9', { maxCount: 0 })).rejects.toBeInstanceOf(
      StreamNotFoundError,
    );
    expect(await store.readStream('client-1', { maxCount: 0 })).toEqual([]);
    expect(await store.streamRevision('client-1')).toBe(4);
    expect(await store.streamRevision('client-9')).toBeUndefined();
  });

  it('reads $all without system records, maxCount counting only ours', async () => {
    const { store } = setup();
    await store.append('client-1', events(2));
    await store.append('person-1', events(2));
    const all = await collect(store.readAll());
    expect(tags(all)).toEqual(['client-1@0', 'client-1@1', 'person-1@0', 'person-1@1']);
    expect(tags(await collect(store.readAll({ maxCount: 3 })))).toEqual(
      tags(all.slice(0, 3)),
    );
    const fromSecond = await collect(store.readAll({ fromPosition: all[1]!.position }));
    expect(tags(fromSecond)).toEqual(tags(all.slice(1)));
  });

  it('reads $all backwards including the record at the start position', async () => {
    const { store } = setup();
    await store.append('client-1', events(2));
    await store.append('person-1', events(2));
    const all = await collect(store.readAll());
    const backwards = await collect(
      store.readAll({ direction: 'backwards', fromPosition: all[2]!.position }),
    );
    expect(tags(backwards)).toEqual(['person-1@0', 'client-1@1', 'client-1@0']);
    const lastTwo = await collect(store.readAll({ direction: 'backwards', maxCount: 2 }));
    expect(tags(lastTwo)).toEqual(['person-1@1', 'person-1@0']);
  });

  it('gives the head of our events, not of system records', async () => {
    const { fake, store } = setup();
    expect(await store.headPosition()).toBeUndefined();
    const result = await store.append('client-1', events(2));
    expect(fake.log.at(-1)!.type).toBe('$>');
    expect(await store.headPosition()).toEqual(result.position);
  });

  it('fails the health check with StoreUnavailableError when down', async () => {
    const { fake, store } = setup();
    await expect(store.checkHealth()).resolves.toBeUndefined();
    fake.health = 'down';
    await expect(store.checkHealth()).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('fails the health check when the server accepts the read and never answers', async () => {
    const fake = new FakeEsdb();
    const store = new EsdbEventStore(fake.client, { healthDeadlineMs: 20 });
    fake.health = 'hung';
    await expect(store.checkHealth()).rejects.toThrow(/did not answer within 20 ms/);
  });
});

/** Reads messages until `done` says stop; `into` shows them as they arrive. */
const take = async (
  subscription: AsyncIterable<SubscriptionMessage>,
  done: (messages: SubscriptionMessage[]) => boolean,
  into: SubscriptionMessage[] = [],
): Promise<SubscriptionMessage[]> => {
  for await (const message of subscription) {
    into.push(message);
    if (done(into)) break;
  }
  return into;
};

/**
 * Lets the adapter's asynchronous steps run until `condition` holds, so a
 * test acts at a known point (say, once the subscription is registered)
 * instead of after a guessed delay.
 */
const until = async (condition: () => boolean): Promise<void> => {
  for (let turn = 0; turn < 10_000; turn += 1) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the condition never held');
};

const describeMessages = (messages: SubscriptionMessage[]) =>
  messages.map((m) =>
    m.kind === 'event' ? `${m.event.stream}@${m.event.revision}` : 'caught-up',
  );

const eventCount = (n: number) => (messages: SubscriptionMessage[]) =>
  messages.filter((m) => m.kind === 'event').length >= n;

describe('EsdbEventStore subscriptions', () => {
  it('replays, says caught-up once after the history, then goes live', async () => {
    const { fake, store } = setup();
    await store.append('client-1', events(3));
    const subscription = store.subscribeToAll({ from: 'start' });
    const received = take(subscription, eventCount(5));
    await until(() => fake.subscriptions.length === 1);
    await store.append('client-2', events(2));
    expect(describeMessages(await received)).toEqual([
      'client-1@0',
      'client-1@1',
      'client-1@2',
      'caught-up',
      'client-2@0',
      'client-2@1',
    ]);
    expect(fake.subscriptions[0]!.options.fromPosition).toBe('start');
  });

  it('starts after the given position, exclusively', async () => {
    const { fake, store } = setup();
    await store.append('client-1', events(4));
    const [, second] = await store.readStream('client-1');
    const messages = await take(
      store.subscribeToAll({ from: second!.position }),
      (list) => list.some((m) => m.kind === 'caught-up'),
    );
    expect(describeMessages(messages)).toEqual(['client-1@2', 'client-1@3', 'caught-up']);
    expect(fake.subscriptions[0]!.options.fromPosition).toEqual(second!.position);
  });

  it('holds caught-up back until events buffered before it are delivered', async () => {
    const { fake, store } = setup();
    fake.links = false;
    // More than the adapter holds before pausing the client's stream.
    await store.append('client-1', events(1_000));
    const messages = await take(store.subscribeToAll(), (list) =>
      list.some((m) => m.kind === 'caught-up'),
    );
    expect(messages).toHaveLength(1_001);
    expect(messages.at(-1)).toEqual({ kind: 'caught-up' });
  });

  it('says caught-up past the start-time head if the server never does', async () => {
    const { fake, store } = setup();
    fake.sendCaughtUp = false;
    await store.append('client-1', events(2));
    const messages = await take(store.subscribeToAll(), (list) =>
      list.some((m) => m.kind === 'caught-up'),
    );
    expect(describeMessages(messages)).toEqual(['client-1@0', 'client-1@1', 'caught-up']);
  });

  it('from the end: caught up at once, then only new events, from the head', async () => {
    const { fake, store } = setup();
    await store.append('client-1', events(2));
    const subscription = store.subscribeToAll({ from: 'end' });
    const received = take(subscription, eventCount(1));
    await until(() => fake.subscriptions.length === 1);
    await store.append('client-1', events(1));
    expect(describeMessages(await received)).toEqual(['caught-up', 'client-1@2']);
    expect(fake.subscriptions[0]!.options.fromPosition).toEqual(fake.log[3]!.position);
  });

  it('filters by stream on the server and by type here', async () => {
    const { fake, store } = setup();
    await store.append('client-1', [
      { type: 'ContactLogged', data: {} },
      { type: 'ClientRegistered', data: {} },
    ]);
    await store.append('person-1', [{ type: 'ContactLogged', data: {} }]);
    const messages = await take(
      store.subscribeToAll({
        filter: { streamPrefixes: ['client-'], eventTypePrefixes: ['Contact'] },
      }),
      (list) => list.some((m) => m.kind === 'caught-up'),
    );
    expect(describeMessages(messages)).toEqual(['client-1@0', 'caught-up']);
    expect(fake.subscriptions[0]!.options.filter).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['client-'],
    });
  });

  it('resubscribes after the last delivered event when the stream fails', async () => {
    const { fake, store, warn, info } = setup();
    await store.append('client-1', events(2));
    const subscription = store.subscribeToAll();
    const seen: SubscriptionMessage[] = [];
    const received = take(subscription, eventCount(4), seen);
    await until(() => seen.some((message) => message.kind === 'caught-up'));
    const first = fake.subscriptions[0]!;
    first.emit('error', new UnavailableError(undefined, 'connection reset'));
    await store.append('client-1', events(2));
    const messages = await received;

    expect(describeMessages(messages)).toEqual([
      'client-1@0',
      'client-1@1',
      'caught-up',
      'client-1@2',
      'client-1@3',
    ]);
    expect(first.unsubscribe).toHaveBeenCalled();
    expect(fake.subscriptions).toHaveLength(2);
    // The last record seen before the failure was the projection's link.
    expect(fake.subscriptions[1]!.options.fromPosition).toEqual(fake.log[3]!.position);
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ attempt: 1, err: expect.any(StoreUnavailableError) }),
      'subscription to $all dropped; resubscribing',
    );
    expect(info).toHaveBeenCalledWith({ attempts: 1 }, 'subscription to $all resumed');
  });

  it('ends iteration on close and closes open subscriptions with the store', async () => {
    const { fake, store } = setup();
    const subscription = store.subscribeToAll({ from: 'end' });
    const messages: SubscriptionMessage[] = [];
    for await (const message of subscription) {
      messages.push(message);
      void subscription.close();
    }
    expect(messages).toEqual([{ kind: 'caught-up' }]);

    const open = store.subscribeToAll();
    const seen: SubscriptionMessage[] = [];
    const pending = take(open, () => false, seen);
    await until(() => seen.length === 1);
    await store.close();
    expect(await pending).toEqual([{ kind: 'caught-up' }]);
    expect(fake.disposed).toBe(true);
  });
});
