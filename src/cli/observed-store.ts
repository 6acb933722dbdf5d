import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../eventstore/port';

/**
 * An event store that tells an observer about every append that succeeded,
 * so that a long-running CLI command (import, demo) keeps its own view of the
 * ledger current without reading the log back.
 */
export class ObservedStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly observe: (stream: string, events: readonly NewEvent[]) => void,
  ) {}

  async append(
    stream: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    const result = await this.inner.append(stream, events, options);
    this.observe(stream, events);
    return result;
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(stream, options);
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
