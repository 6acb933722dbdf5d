import { randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
import { ConcurrencyError, StreamNotFoundError } from '../../src/eventstore/errors';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  JsonObject,
  NewEvent,
  Position,
  RecordedEvent,
  Subscription,
  SubscriptionMessage,
} from '../../src/eventstore/port';
import { comparePositions } from '../../src/eventstore/position';
import { MAX_APPEND_BYTES } from '../../src/eventstore/validate-append';

/**
 * The one behaviour every EventStore adapter must show. Each adapter's test
 * file calls `describeEventStoreContract` with a factory; what legitimately
 * differs between stores is declared in `ContractOptions`, never by copying
 * the suite. Stream names and event types carry a fresh ULID so the suite can
 * run against a shared server that other tests write to at the same time.
 */

export interface ContractOptions {
  /**
   * The store remembers every event id forever (the embedded store's unique
   * index). EventStoreDB only keeps a best-effort cache of recent ids, so the
   * `any`/`stream_exists` retries and cross-stream id reuse are only asserted
   * when this is true. Defaults to false.
   */
  readonly strictIdempotency?: boolean;
  /**
   * Each factory call yields an empty store that nobody else writes to, so
   * the suite may assert an empty head and positions 1, 2, 3... Defaults to
   * false.
   */
  readonly isolated?: boolean;
}

export interface StoreUnderTest {
  readonly store: EventStore;
  dispose(): Promise<void>;
}

const newStream = (label: string): string => `${label}-${ulid()}`;

const newEvent = (type = 'ThingHappened', data: JsonObject = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
});

const newEvents = (count: number, type = 'ThingHappened'): NewEvent[] =>
  Array.from({ length: count }, (_, index) => newEvent(type, { index }));

const ids = (events: readonly { readonly id?: string | undefined }[]): string[] =>
  events.map((event) => event.id!);

const rejection = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected the promise to be rejected');
    },
    (error: unknown) => error,
  );

const expectConflict = async (
  promise: Promise<unknown>,
  expected: ExpectedRevision,
  actual: number | undefined,
): Promise<void> => {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(ConcurrencyError);
  expect(error).toMatchObject({
    kind: 'conflict',
    code: 'store.wrong-expected-revision',
    expected,
    actual,
  });
};

const expectInvalid = async (
  promise: Promise<unknown>,
  code: string,
  kind = 'validation',
): Promise<void> => {
  expect(await rejection(promise)).toMatchObject({ kind, code });
};

/** Events of this test only, read from the global log starting at `from`. */
const readOwn = async (
  store: EventStore,
  prefix: string,
  options: { from: Position | 'start' | 'end'; direction?: 'forwards' | 'backwards' },
): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll({
    fromPosition: options.from,
    direction: options.direction ?? 'forwards',
  })) {
    if (event.stream.startsWith(prefix)) events.push(event);
  }
  return events;
};

interface Received {
  readonly messages: SubscriptionMessage[];
  readonly events: RecordedEvent[];
}

/** Iterates until `done` holds for the events received, then closes. */
const receive = async (
  subscription: Subscription,
  done: (events: readonly RecordedEvent[], caughtUp: boolean) => boolean,
): Promise<Received> => {
  const messages: SubscriptionMessage[] = [];
  const events: RecordedEvent[] = [];
  let caughtUp = false;
  for await (const message of subscription) {
    messages.push(message);
    if (message.kind === 'event') events.push(message.event);
    else caughtUp = true;
    if (done(events, caughtUp)) break;
  }
  await subscription.close();
  return { messages, events };
};

const expectStrictlyIncreasing = (events: readonly RecordedEvent[]): void => {
  events.slice(1).forEach((event, index) => {
    expect(comparePositions(event.position, events[index]!.position)).toBeGreaterThan(0);
  });
};

export function describeEventStoreContract(
  name: string,
  factory: () => Promise<StoreUnderTest>,
  options: ContractOptions = {},
): void {
  const strict = options.strictIdempotency ?? false;
  const isolated = options.isolated ?? false;
  // Known differences: tests that need a property are only declared when the
  // store has it, rather than skipped.
  const strictIt = (title: string, test: () => Promise<void>) => {
    if (strict) it(title, test);
  };
  const isolatedIt = (title: string, test: () => Promise<void>) => {
    if (isolated) it(title, test);
  };

  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      const made = await factory();
      store = made.store;
      dispose = () => made.dispose();
    });

    afterEach(async () => {
      await dispose();
    });

    describe('expected revisions', () => {
      it('any creates a stream and appends to it', async () => {
        const stream = newStream('any');
        const first = await store.append(stream, newEvents(2), {
          expectedRevision: 'any',
        });
        const second = await store.append(stream, newEvents(1));
        expect(first.nextExpectedRevision).toBe(1);
        expect(second.nextExpectedRevision).toBe(2);
        expect(comparePositions(second.position, first.position)).toBeGreaterThan(0);
        expect(await store.streamRevision(stream)).toBe(2);
      });

      it('no_stream succeeds on a new stream, conflicts on an existing one', async () => {
        const stream = newStream('nostream');
        const first = await store.append(stream, newEvents(1), {
          expectedRevision: 'no_stream',
        });
        expect(first.nextExpectedRevision).toBe(0);
        await expectConflict(
          store.append(stream, newEvents(1), { expectedRevision: 'no_stream' }),
          'no_stream',
          0,
        );
        expect(await store.streamRevision(stream)).toBe(0);
      });

      it('stream_exists conflicts on a new stream, succeeds on one', async () => {
        const stream = newStream('exists');
        await expectConflict(
          store.append(stream, newEvents(1), { expectedRevision: 'stream_exists' }),
          'stream_exists',
          undefined,
        );
        expect(await store.streamRevision(stream)).toBeUndefined();
        await store.append(stream, newEvents(1));
        const result = await store.append(stream, newEvents(2), {
          expectedRevision: 'stream_exists',
        });
        expect(result.nextExpectedRevision).toBe(2);
      });

      it('an exact revision succeeds only when it is the last one', async () => {
        const stream = newStream('exact');
        await expectConflict(
          store.append(stream, newEvents(1), { expectedRevision: 0 }),
          0,
          undefined,
        );
        await store.append(stream, newEvents(2), { expectedRevision: 'no_stream' });
        const result = await store.append(stream, newEvents(3), { expectedRevision: 1 });
        expect(result.nextExpectedRevision).toBe(4);
        await expectConflict(
          store.append(stream, newEvents(1), { expectedRevision: 3 }),
          3,
          4,
        );
        await expectConflict(
          store.append(stream, newEvents(1), { expectedRevision: 7 }),
          7,
          4,
        );
        expect(await store.streamRevision(stream)).toBe(4);
      });

      it('answers with the last event of the batch', async () => {
        const stream = newStream('result');
        const result = await store.append(stream, newEvents(3));
        const [lastEvent] = await store.readStream(stream, {
          direction: 'backwards',
          maxCount: 1,
        });
        expect(result.nextExpectedRevision).toBe(2);
        expect(lastEvent!.revision).toBe(2);
        expect(lastEvent!.position).toEqual(result.position);
      });

      it('of concurrent appends at one expected revision, one wins', async () => {
        const stream = newStream('race');
        await store.append(stream, newEvents(1));
        const outcomes = await Promise.allSettled(
          Array.from({ length: 5 }, () =>
            store.append(stream, newEvents(1), { expectedRevision: 0 }),
          ),
        );
        const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
        expect(won).toHaveLength(1);
        for (const outcome of lost)
          expect(outcome.reason).toBeInstanceOf(ConcurrencyError);
        expect(await store.streamRevision(stream)).toBe(1);
      });
    });

    describe('idempotent appends', () => {
      it('a retried first append with no_stream gets the first result', async () => {
        const stream = newStream('retry');
        const batch = newEvents(2);
        const first = await store.append(stream, batch, {
          expectedRevision: 'no_stream',
        });
        const again = await store.append(stream, batch, {
          expectedRevision: 'no_stream',
        });
        expect(again).toEqual(first);
        expect(ids(await store.readStream(stream))).toEqual(ids(batch));
      });

      it('a retry at an exact revision gets the first result later on', async () => {
        const stream = newStream('retry');
        await store.append(stream, newEvents(2), { expectedRevision: 'no_stream' });
        const batch = newEvents(2);
        const first = await store.append(stream, batch, { expectedRevision: 1 });
        await store.append(stream, newEvents(1), { expectedRevision: 3 });
        const again = await store.append(stream, batch, { expectedRevision: 1 });
        expect(again).toEqual(first);
        expect(await store.streamRevision(stream)).toBe(4);
      });

      it('a batch partly matching what is stored conflicts, writes nothing', async () => {
        const stream = newStream('partial');
        const batch = newEvents(2);
        await store.append(stream, batch, { expectedRevision: 'no_stream' });
        await expectConflict(
          store.append(stream, [batch[0]!, newEvent()], {
            expectedRevision: 'no_stream',
          }),
          'no_stream',
          1,
        );
        expect(ids(await store.readStream(stream))).toEqual(ids(batch));
      });

      strictIt(
        'retrying with any or stream_exists returns the first result',
        async () => {
          const stream = newStream('retry');
          await store.append(stream, newEvents(1));
          const batch = newEvents(2);
          const first = await store.append(stream, batch, { expectedRevision: 'any' });
          await store.append(stream, newEvents(1));
          expect(await store.append(stream, batch, { expectedRevision: 'any' })).toEqual(
            first,
          );
          expect(
            await store.append(stream, batch, { expectedRevision: 'stream_exists' }),
          ).toEqual(first);
          expect(await store.streamRevision(stream)).toBe(3);
        },
      );

      strictIt('a partial retry with any conflicts and writes nothing', async () => {
        const stream = newStream('partial');
        const batch = newEvents(2);
        await store.append(stream, batch);
        await expectConflict(store.append(stream, [newEvent(), batch[1]!]), 'any', 1);
        expect(await store.streamRevision(stream)).toBe(1);
      });

      strictIt('a retry at a different expected revision conflicts', async () => {
        const stream = newStream('retry');
        const batch = newEvents(2);
        await store.append(stream, batch, { expectedRevision: 'no_stream' });
        await expectConflict(store.append(stream, batch, { expectedRevision: 1 }), 1, 1);
        expect(await store.streamRevision(stream)).toBe(1);
      });

      strictIt('an event id already stored in another stream is a conflict', async () => {
        const batch = newEvents(1);
        await store.append(newStream('owner'), batch);
        const other = newStream('other');
        const error = await rejection(store.append(other, batch));
        expect(error).toMatchObject({ kind: 'conflict' });
        expect(await store.streamRevision(other)).toBeUndefined();
      });
    });

    describe('reading a stream', () => {
      it('returns events in order with their type, data, metadata and id', async () => {
        const stream = newStream('read');
        const data = {
          text: 'héllo',
          amount: 1.5,
          nested: { list: [1, 'a', null, true] },
        };
        const metadata = { correlationId: 'c-1', actor: { id: 'u-1' } };
        const id = randomUUID();
        await store.append(stream, [
          { id, type: 'ThingHappened', data, metadata },
          { type: 'OtherThingHappened', data: {} },
        ]);
        const [first, second] = await store.readStream(stream);
        expect(first).toMatchObject({
          id,
          stream,
          revision: 0,
          type: 'ThingHappened',
          data,
          metadata,
        });
        expect(first!.recordedAt).toBeInstanceOf(Date);
        expect(Number.isNaN(first!.recordedAt.getTime())).toBe(false);
        expect(second).toMatchObject({
          revision: 1,
          type: 'OtherThingHappened',
          metadata: {},
        });
        expect(second!.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(comparePositions(second!.position, first!.position)).toBeGreaterThan(0);
      });

      it('reads backwards, from a revision, and at most maxCount events', async () => {
        const stream = newStream('read');
        await store.append(stream, newEvents(10));
        const revisions = (events: readonly RecordedEvent[]) =>
          events.map((e) => e.revision);
        const backwards = await store.readStream(stream, { direction: 'backwards' });
        expect(revisions(backwards)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
        expect(revisions(await store.readStream(stream, { fromRevision: 7 }))).toEqual([
          7, 8, 9,
        ]);
        expect(
          revisions(
            await store.readStream(stream, { direction: 'backwards', fromRevision: 2 }),
          ),
        ).toEqual([2, 1, 0]);
        expect(
          revisions(await store.readStream(stream, { fromRevision: 3, maxCount: 2 })),
        ).toEqual([3, 4]);
        expect(
          revisions(
            await store.readStream(stream, {
              direction: 'backwards',
              fromRevision: 'end',
              maxCount: 3,
            }),
          ),
        ).toEqual([9, 8, 7]);
      });

      it('throws StreamNotFoundError for a stream that does not exist', async () => {
        const error = await rejection(store.readStream(newStream('missing')));
        expect(error).toBeInstanceOf(StreamNotFoundError);
        expect(error).toMatchObject({
          kind: 'not-found',
          code: 'store.stream-not-found',
        });
      });

      it('appends a batch of 1,000 events atomically and in order', async () => {
        const stream = newStream('large');
        const batch = newEvents(1_000);
        const result = await store.append(stream, batch, {
          expectedRevision: 'no_stream',
        });
        expect(result.nextExpectedRevision).toBe(999);
        const stored = await store.readStream(stream);
        expect(ids(stored)).toEqual(ids(batch));
        expect(stored.map((event) => event.data.index)).toEqual(batch.map((_, i) => i));
        expectStrictlyIncreasing(stored);
        expect(stored.at(-1)!.position).toEqual(result.position);
      });
    });

    describe('reading all', () => {
      const appendInterleaved = async (prefix: string) => {
        const results: AppendResult[] = [];
        for (let round = 0; round < 3; round += 1) {
          for (const label of ['a', 'b']) {
            results.push(await store.append(`${prefix}-${label}`, newEvents(2)));
          }
        }
        return results;
      };

      it('reads forwards from an inclusive position in append order', async () => {
        const prefix = newStream('all');
        const results = await appendInterleaved(prefix);
        const events = await readOwn(store, prefix, { from: results[0]!.position });
        expect(events.map((e) => `${e.stream.slice(-1)}${e.revision}`)).toEqual([
          'a1',
          'b0',
          'b1',
          'a2',
          'a3',
          'b2',
          'b3',
          'a4',
          'a5',
          'b4',
          'b5',
        ]);
        expectStrictlyIncreasing(events);
        expect(events.at(-1)!.position).toEqual(results.at(-1)!.position);
      });

      it('reads backwards from an inclusive position', async () => {
        const prefix = newStream('all');
        const results = await appendInterleaved(prefix);
        const backwards: RecordedEvent[] = [];
        for await (const event of store.readAll({
          direction: 'backwards',
          fromPosition: results[3]!.position,
        })) {
          if (event.stream.startsWith(prefix)) backwards.push(event);
          if (backwards.length === 8) break;
        }
        expect(backwards.map((e) => `${e.stream.slice(-1)}${e.revision}`)).toEqual([
          'b3',
          'b2',
          'a3',
          'a2',
          'b1',
          'b0',
          'a1',
          'a0',
        ]);
      });

      it('stops after maxCount events', async () => {
        const stream = newStream('all');
        const result = await store.append(stream, newEvents(5));
        const [first] = await store.readStream(stream);
        const events: RecordedEvent[] = [];
        for await (const event of store.readAll({
          fromPosition: first!.position,
          maxCount: 3,
        })) {
          events.push(event);
        }
        expect(events).toHaveLength(3);
        expect(events[0]!.position).toEqual(first!.position);
        expect(comparePositions(events[2]!.position, result.position)).toBeLessThan(0);
      });

      it('reports the head position and stream revisions', async () => {
        const stream = newStream('head');
        expect(await store.streamRevision(stream)).toBeUndefined();
        const result = await store.append(stream, newEvents(3));
        expect(await store.streamRevision(stream)).toBe(2);
        const head = await store.headPosition();
        expect(head).toBeDefined();
        expect(comparePositions(head!, result.position)).toBeGreaterThanOrEqual(0);
        await expect(store.checkHealth()).resolves.toBeUndefined();
      });

      isolatedIt(
        'an empty store has no head; positions count from 1 without gaps',
        async () => {
          expect(await store.headPosition()).toBeUndefined();
          expect(await readOwn(store, '', { from: 'start' })).toEqual([]);
          await store.append(newStream('one'), newEvents(2));
          const result = await store.append(newStream('two'), newEvents(3));
          expect(result.position).toEqual({ commit: 5n, prepare: 5n });
          expect(await store.headPosition()).toEqual(result.position);
          const all = await readOwn(store, '', { from: 'start' });
          expect(all.map((event) => event.position.commit)).toEqual([1n, 2n, 3n, 4n, 5n]);
          const backwards = await readOwn(store, '', {
            from: 'end',
            direction: 'backwards',
          });
          expect(backwards.map((event) => event.position.commit)).toEqual([
            5n,
            4n,
            3n,
            2n,
            1n,
          ]);
        },
      );
    });

    describe('subscribing to all', () => {
      const startOf = async (): Promise<Position | 'start'> =>
        (await store.headPosition()) ?? 'start';

      it('catches up, says so once, then goes live while writers append', async () => {
        const prefix = newStream('sub');
        const from = await startOf();
        // A history long enough that catching up takes several reads, during
        // which the writers below keep appending.
        const history: string[] = [];
        for (let index = 0; index < 10; index += 1) {
          const batch = newEvents(index === 4 ? 2_500 : 2);
          history.push(...ids(batch));
          await store.append(`${prefix}-h${index % 3}`, batch);
        }

        const subscription = store.subscribeToAll({
          from,
          filter: { streamPrefixes: [prefix] },
        });
        const writers = Array.from({ length: 4 }, async (_, writer) => {
          const written: string[] = [];
          for (let index = 0; index < 20; index += 1) {
            const batch = newEvents(index % 5 === 0 ? 3 : 1);
            await store.append(`${prefix}-w${writer}`, batch);
            const shared = newEvent('SharedThingHappened');
            await store.append(`${prefix}-shared`, [shared]);
            written.push(...ids(batch), shared.id!);
          }
          return written;
        });
        const total = history.length + 4 * (20 + 4 * 2) + 4 * 20;
        const received = receive(subscription, (events) => events.length >= total);

        const live = (await Promise.all(writers)).flat();
        const { messages, events } = await received;

        const delivered = ids(events);
        expect(delivered).toHaveLength(total);
        expect([...delivered].sort()).toEqual([...history, ...live].sort());
        expectStrictlyIncreasing(events);
        expect(ids(await readOwn(store, prefix, { from }))).toEqual(delivered);

        const caughtUpAt = messages.findIndex((message) => message.kind === 'caught-up');
        expect(messages.filter((message) => message.kind === 'caught-up')).toHaveLength(
          1,
        );
        expect(caughtUpAt).toBeGreaterThanOrEqual(history.length);
        expect(delivered.slice(0, history.length)).toEqual(history);
      });

      it('keeps only events matching the stream and type prefixes', async () => {
        const prefix = newStream('filter');
        const token = `T${ulid()}`;
        const from = await startOf();
        await store.append(`${prefix}-keep`, [
          newEvent(`${token}.Alpha`),
          newEvent(`${token}.Beta`),
        ]);
        await store.append(`${prefix}-drop`, [
          newEvent(`${token}.Alpha`),
          newEvent(`${token}.Beta`),
        ]);
        const marker = await store.append(`${prefix}-keep`, [
          newEvent(`${token}.Marker`),
        ]);
        const upToMarker = (events: readonly RecordedEvent[]) =>
          events.some((event) => comparePositions(event.position, marker.position) >= 0);
        const untilCaughtUp = (_: unknown, caughtUp: boolean) => caughtUp;

        const byStream = await receive(
          store.subscribeToAll({ from, filter: { streamPrefixes: [`${prefix}-keep`] } }),
          upToMarker,
        );
        expect(byStream.events.map((e) => e.type)).toEqual([
          `${token}.Alpha`,
          `${token}.Beta`,
          `${token}.Marker`,
        ]);

        const byType = await receive(
          store.subscribeToAll({
            from,
            filter: { eventTypePrefixes: [`${token}.Al`, `${token}.Mar`] },
          }),
          untilCaughtUp,
        );
        expect(
          byType.events.map((e) => `${e.stream.slice(-4)}:${e.type.slice(-5)}`),
        ).toEqual(['keep:Alpha', 'drop:Alpha', 'keep:arker']);

        const byBoth = await receive(
          store.subscribeToAll({
            from,
            filter: {
              streamPrefixes: [`${prefix}-drop`],
              eventTypePrefixes: [`${token}.B`],
            },
          }),
          untilCaughtUp,
        );
        expect(
          byBoth.events.map((e) => `${e.stream.slice(-4)}:${e.type.slice(-4)}`),
        ).toEqual(['drop:Beta']);
      });

      it('resumes after a position, exclusively', async () => {
        const stream = newStream('resume');
        await store.append(stream, newEvents(5));
        const stored = await store.readStream(stream);
        const subscription = store.subscribeToAll({
          from: stored[2]!.position,
          filter: { streamPrefixes: [stream] },
        });
        const received = receive(subscription, (events) => events.length === 3);
        const live = await store.append(stream, newEvents(1));
        const { events } = await received;
        expect(events.map((event) => event.revision)).toEqual([3, 4, 5]);
        expect(events[2]!.position).toEqual(live.position);
      });

      it('from the end delivers only events appended afterwards', async () => {
        const stream = newStream('end');
        await store.append(stream, newEvents(3));
        const subscription = store.subscribeToAll({
          from: 'end',
          filter: { streamPrefixes: [stream] },
        });
        // Append once the subscription says it is live, so that the event is
        // certainly after the end it started from.
        const events: RecordedEvent[] = [];
        for await (const message of subscription) {
          if (message.kind === 'caught-up') await store.append(stream, newEvents(1));
          else events.push(message.event);
          if (events.length === 1) break;
        }
        await subscription.close();
        expect(events.map((event) => event.revision)).toEqual([3]);
      });

      it('ends the iteration when closed while waiting for events', async () => {
        const subscription = store.subscribeToAll({
          from: 'end',
          filter: { streamPrefixes: [newStream('closed')] },
        });
        const messages: SubscriptionMessage[] = [];
        const iteration = (async () => {
          for await (const message of subscription) {
            messages.push(message);
            if (message.kind === 'caught-up') void subscription.close();
          }
        })();
        await iteration;
        expect(messages).toEqual([{ kind: 'caught-up' }]);
      });
    });

    describe('bad input', () => {
      it.each([
        ['an empty name', ''],
        ['a system stream', '$all'],
        ['a space', 'has space'],
        ['201 characters', 'x'.repeat(201)],
      ])('refuses a stream name with %s', async (_, stream) => {
        await expectInvalid(
          store.append(stream, newEvents(1)),
          'store.invalid-stream-name',
        );
      });

      const cyclic: Record<string, unknown> = { name: 'loop' };
      cyclic.self = cyclic;
      interface Refusal {
        readonly what: string;
        readonly events: () => NewEvent[];
        readonly expectedRevision?: ExpectedRevision;
        readonly code: string;
        readonly kind?: string;
      }
      const half = 'x'.repeat(MAX_APPEND_BYTES / 2);
      const refusals: Refusal[] = [
        { what: 'an empty batch', events: () => [], code: 'store.empty-batch' },
        {
          what: 'a BigInt in data',
          events: () => [withData({ amount: 10n })],
          code: 'store.invalid-event',
        },
        {
          what: 'a cycle in data',
          events: () => [withData(cyclic)],
          code: 'store.invalid-event',
        },
        {
          what: 'a reserved event type',
          events: () => [newEvent('$Deleted')],
          code: 'store.invalid-event',
        },
        {
          what: 'a malformed event id',
          events: () => [{ ...newEvent(), id: 'nope' }],
          code: 'store.invalid-event',
        },
        {
          what: 'a negative expected revision',
          events: () => newEvents(1),
          expectedRevision: -1,
          code: 'store.invalid-expected-revision',
        },
        {
          what: 'a batch over MAX_APPEND_BYTES',
          events: () => [withData({ text: half }), withData({ text: half })],
          code: 'store.batch-too-large',
          kind: 'too-large',
        },
      ];

      for (const refusal of refusals) {
        it(`refuses ${refusal.what} and writes nothing`, async () => {
          const stream = newStream('bad');
          const expectedRevision = refusal.expectedRevision ?? 'any';
          const attempt = () =>
            store.append(stream, refusal.events(), { expectedRevision });
          await expectInvalid(attempt(), refusal.code, refusal.kind);
          expect(await store.streamRevision(stream)).toBeUndefined();

          await store.append(stream, newEvents(1));
          await expectInvalid(attempt(), refusal.code, refusal.kind);
          expect(await store.streamRevision(stream)).toBe(0);
        });
      }
    });
  });
}

/** Sneaks values past the JsonObject type, as an untyped caller would. */
const withData = (data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(),
  type: 'ThingHappened',
  data: data as JsonObject,
});
