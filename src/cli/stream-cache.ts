import { StreamNotFoundError } from '../eventstore/errors';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  JsonObject,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../eventstore/port';
import { positionOf } from '../eventstore/position';

/**
 * Keeps every stream it has read, and what it appended to it, in memory.
 * The command bus reads a client's whole stream before each command; a bulk
 * writer (import, demo) sends that client dozens of commands in a row, and
 * reading and parsing the growing stream again each time costs more than
 * deciding. Only for a store this process alone writes to while it runs, and
 * whose positions within a batch are consecutive (the embedded store); other
 * appends drop the stream from the cache.
 */
export class StreamCache implements EventStore {
  private readonly streams = new Map<string, RecordedEvent[] | 'absent'>();

  constructor(
    private readonly inner: EventStore,
    private readonly consecutivePositions: boolean,
  ) {}

  async readStream(
    stream: string,
    options?: ReadStreamOptions,
  ): Promise<RecordedEvent[]> {
    const whole =
      options === undefined ||
      ((options.direction ?? 'forwards') === 'forwards' &&
        (options.fromRevision ?? 'start') === 'start' &&
        options.maxCount === undefined);
    if (!whole) return this.inner.readStream(stream, options);
    const cached = this.streams.get(stream);
    if (cached === 'absent') throw new StreamNotFoundError(stream);
    if (cached !== undefined) return cached.slice();
    try {
      const events = await this.inner.readStream(stream);
      this.streams.set(stream, events);
      return events.slice();
    } catch (error) {
      if (error instanceof StreamNotFoundError) this.streams.set(stream, 'absent');
      throw error;
    }
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    const cached = this.streams.get(stream);
    let result: AppendResult;
    try {
      result = await this.inner.append(stream, events, options);
    } catch (error) {
      this.streams.delete(stream);
      throw error;
    }
    const known = cached === 'absent' ? [] : cached;
    const first = result.nextExpectedRevision - events.length + 1;
    if (
      known === undefined ||
      !this.consecutivePositions ||
      events.some((event) => event.id === undefined) ||
      (known.at(-1)?.revision ?? -1) !== first - 1
    ) {
      // A repeated append, or one the cache cannot describe exactly: read it again next time.
      this.streams.delete(stream);
      return result;
    }
    const last = Number(result.position.commit);
    const recordedAt = new Date();
    events.forEach((event, index) => {
      known.push({
        id: event.id!.toLowerCase(),
        stream,
        revision: first + index,
        position: positionOf(last - events.length + 1 + index),
        type: event.type,
        // As the store would hand it back: through JSON, undefined fields dropped.
        data: JSON.parse(JSON.stringify(event.data)) as JsonObject,
        metadata: JSON.parse(JSON.stringify(event.metadata ?? {})) as JsonObject,
        recordedAt,
      });
    });
    this.streams.set(stream, known);
    return result;
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(options);
  }

  streamRevision(stream: string): Promise<number | undefined> {
    return this.inner.streamRevision(stream);
  }

  headPosition() {
    return this.inner.headPosition();
  }

  checkHealth(): Promise<void> {
    return this.inner.checkHealth();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
