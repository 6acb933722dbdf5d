import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  type ReadRevision,
  START,
} from '@eventstore/db-client';
import { isCustodyError } from '../../errors';
import { type Logger, silentLogger } from '../../log';
import { ConcurrencyError, StoreUnavailableError, StreamNotFoundError } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../port';
import { validateAppend } from '../validate-append';
import { type EsdbClient, lastPosition } from './client';
import {
  fromEsdbPosition,
  toEsdbEvent,
  toEsdbExpectedRevision,
  toRecordedEvent,
} from './mapping';
import { readAllEvents } from './read-all';
import { EsdbSubscription, type RetryPolicy } from './subscription';
import { translateEsdbError } from './translate-error';

export interface EsdbEventStoreOptions {
  readonly logger?: Logger;
  /** Backoff for resubscribing after a dropped subscription. */
  readonly retry?: RetryPolicy;
  /** How long the health check waits for an answer, in milliseconds. */
  readonly healthDeadlineMs?: number;
}

/** How far back an idempotent retry looks for its own last event. */
const recoveryWindow = 64;

/** The production store: the port over `@eventstore/db-client`. */
export class EsdbEventStore implements EventStore {
  readonly #client: EsdbClient;
  readonly #logger: Logger;
  readonly #options: EsdbEventStoreOptions;
  readonly #subscriptions = new Set<Subscription>();
  #closed = false;

  constructor(client: EsdbClient, options: EsdbEventStoreOptions = {}) {
    this.#client = client;
    this.#options = options;
    this.#logger = options.logger ?? silentLogger;
  }

  /** `esdb://host:2113?tls=false`, `esdb+discover://...`, or several hosts. */
  static fromConnectionString(
    connectionString: string,
    options: EsdbEventStoreOptions = {},
  ): EsdbEventStore {
    return new EsdbEventStore(
      EventStoreDBClient.connectionString(connectionString),
      options,
    );
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    const valid = validateAppend(stream, events, options);
    const batch = events.map((event, index) => toEsdbEvent(event, valid.events[index]!));
    const context = {
      stream: valid.stream,
      expected: valid.expectedRevision,
      size: valid.size,
    };
    try {
      const result = await this.#client.appendToStream(valid.stream, batch, {
        expectedRevision: toEsdbExpectedRevision(valid.expectedRevision),
      });
      if (!result.success) {
        // Only with `throwOnAppendFailure=false` in the connection string; the
        // revision it reports is unreliable, so ask the stream itself.
        const actual = await this.streamRevision(valid.stream);
        throw new ConcurrencyError(valid.stream, valid.expectedRevision, actual);
      }
      if (result.position !== undefined) {
        return {
          nextExpectedRevision: Number(result.nextExpectedRevision),
          position: fromEsdbPosition(result.position),
        };
      }
      // An idempotent retry writes nothing, and the server may acknowledge it
      // without a position (it looks the original up in its index and sends
      // none when that fails; older servers never send one). The original
      // position is that of the batch's last event: read it back, found by
      // its id at or just before the revision reported.
      return await this.#recoverAppend(
        valid.stream,
        result.nextExpectedRevision,
        batch.at(-1)!.id,
      );
    } catch (error) {
      throw translateEsdbError(error, context);
    }
  }

  async #recoverAppend(
    stream: string,
    revision: bigint,
    lastId: string,
  ): Promise<AppendResult> {
    const recent = await this.#read(stream, {
      direction: BACKWARDS,
      fromRevision: revision,
      maxCount: recoveryWindow,
    });
    const original = recent.find((event) => event.id === lastId) ?? recent[0];
    if (original === undefined) {
      throw new StoreUnavailableError(
        `The event store acknowledged an append to ${stream} it cannot show`,
      );
    }
    return { nextExpectedRevision: original.revision, position: original.position };
  }

  async readStream(
    stream: string,
    options: ReadStreamOptions = {},
  ): Promise<RecordedEvent[]> {
    const direction = options.direction === 'backwards' ? BACKWARDS : FORWARDS;
    const from = options.fromRevision ?? (direction === FORWARDS ? 'start' : 'end');
    if (options.maxCount !== undefined && options.maxCount <= 0) {
      if ((await this.streamRevision(stream)) === undefined)
        throw new StreamNotFoundError(stream);
      return [];
    }
    if (direction === FORWARDS && from === 'end') {
      // The port reads 'end' as the last revision, inclusive; the server
      // starts a forward read after it and returns nothing.
      return this.#read(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    }
    return this.#read(stream, {
      direction,
      fromRevision: from === 'start' ? START : from === 'end' ? END : BigInt(from),
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
  }

  async #read(
    stream: string,
    options: {
      direction: typeof FORWARDS | typeof BACKWARDS;
      fromRevision: ReadRevision;
      maxCount?: number;
    },
  ): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.#client.readStream(stream, options)) {
        events.push(toRecordedEvent(resolved));
      }
      return events;
    } catch (error) {
      throw translateEsdbError(error, { stream });
    }
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return readAllEvents(this.#client, options, this.#logger);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const subscription: Subscription = new EsdbSubscription(this.#client, options, {
      logger: this.#logger,
      ...(this.#options.retry === undefined ? {} : { retry: this.#options.retry }),
      onClose: () => this.#subscriptions.delete(subscription),
    });
    this.#subscriptions.add(subscription);
    return subscription;
  }

  async streamRevision(stream: string): Promise<number | undefined> {
    try {
      const [last] = await this.#read(stream, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      });
      return last?.revision;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  async headPosition(): Promise<Position | undefined> {
    try {
      return await lastPosition(this.#client, { skipSystem: true });
    } catch (error) {
      throw translateEsdbError(error);
    }
  }

  async checkHealth(): Promise<void> {
    // The client gives streaming reads no deadline whatever the options say,
    // so a server that accepts the call and never answers is timed out here.
    const limitMs = this.#options.healthDeadlineMs ?? 5_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new StoreUnavailableError(
              `The event store did not answer within ${limitMs} ms`,
            ),
          ),
        limitMs,
      );
    });
    try {
      await Promise.race([lastPosition(this.#client, { skipSystem: false }), timeout]);
    } catch (error) {
      const translated = translateEsdbError(error);
      if (isCustodyError(translated)) throw translated;
      throw new StoreUnavailableError('The event store failed its health check', error);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(
      [...this.#subscriptions].map((subscription) => subscription.close()),
    );
    await this.#client.dispose();
  }
}
