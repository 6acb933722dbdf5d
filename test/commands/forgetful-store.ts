import { ConcurrencyError, StreamNotFoundError } from '../../src/eventstore/errors';
import type {
  AppendOptions,
  EventStore,
  NewEvent,
  Position,
  RecordedEvent,
  Subscription,
} from '../../src/eventstore/port';
import { positionOf } from '../../src/eventstore/position';

/**
 * An in-memory store that checks expected revisions but never recognises a
 * repeated event id: the weakest idempotency a store may offer (EventStoreDB
 * only remembers recent ids, best effort). Command handling must record a
 * repeated command once even here, by finding its ids in the stream.
 */
export const forgetfulStore = (): EventStore => {
  const log: RecordedEvent[] = [];
  const streams = new Map<string, RecordedEvent[]>();

  const append = async (
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ) => {
    const existing = streams.get(stream) ?? [];
    const current = existing.at(-1)?.revision;
    const expected = options.expectedRevision ?? 'any';
    const matches =
      expected === 'any' ||
      (expected === 'no_stream' && current === undefined) ||
      (expected === 'stream_exists' && current !== undefined) ||
      expected === current;
    if (!matches) throw new ConcurrencyError(stream, expected, current);
    for (const event of events) {
      const recorded: RecordedEvent = {
        id: event.id ?? crypto.randomUUID(),
        stream,
        revision: existing.length,
        position: positionOf(log.length + 1),
        type: event.type,
        data: event.data,
        metadata: event.metadata ?? {},
        recordedAt: new Date(),
      };
      existing.push(recorded);
      log.push(recorded);
    }
    streams.set(stream, existing);
    const last = existing.at(-1)!;
    return { nextExpectedRevision: last.revision, position: last.position };
  };

  return {
    append,
    readStream: async (stream) => {
      const events = streams.get(stream);
      if (!events) throw new StreamNotFoundError(stream);
      return [...events];
    },
    readAll: async function* () {
      yield* [...log];
    },
    subscribeToAll: (): Subscription => {
      throw new Error('the forgetful test store has no subscriptions');
    },
    streamRevision: async (stream) => streams.get(stream)?.at(-1)?.revision,
    headPosition: async (): Promise<Position | undefined> => log.at(-1)?.position,
    checkHealth: async () => undefined,
    close: async () => undefined,
  };
};
