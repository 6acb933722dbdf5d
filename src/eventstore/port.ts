/**
 * The event store port: the one interface the rest of Custody writes to and
 * reads from. Its semantics are EventStoreDB's, so that the embedded SQLite
 * store and the EventStoreDB adapter are interchangeable and held to one
 * contract suite (test/eventstore/contract.ts).
 *
 * Stream revisions start at 0 and are plain numbers (a stream would need 2^53
 * events to outgrow them). Global positions are `{ commit, prepare }` pairs as
 * in EventStoreDB; the embedded store uses its sequence number for both.
 */

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

export type JsonObject = { readonly [key: string]: JsonValue };

/** Where in the global log an event sits. Compare with `comparePositions`. */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/**
 * What the writer expects of the stream before the append:
 * - `'any'`: no check;
 * - `'no_stream'`: the stream must not exist;
 * - `'stream_exists'`: the stream must exist;
 * - a number: the stream's last revision must be exactly this.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface NewEvent {
  /**
   * A UUID. Pass a deterministic one to make retries idempotent; the store
   * generates a random one when it is omitted.
   */
  readonly id?: string;
  /** PascalCase, past tense. Types starting with `$` are reserved. */
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata?: JsonObject;
}

export interface RecordedEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly position: Position;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  /** When the store committed the event (not when it happened in the world). */
  readonly recordedAt: Date;
}

export interface AppendOptions {
  /** Defaults to `'any'`, as in EventStoreDB. */
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  readonly nextExpectedRevision: number;
  /** Global position of the last event of the batch. */
  readonly position: Position;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** First revision to read (inclusive). Defaults to the start (or end when backwards). */
  readonly fromRevision?: number | 'start' | 'end';
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  readonly direction?: Direction;
  /** Inclusive start. Defaults to the start (or end when backwards). */
  readonly fromPosition?: Position | 'start' | 'end';
  readonly maxCount?: number;
}

export interface EventFilter {
  /** Keep events whose stream name starts with one of these. */
  readonly streamPrefixes?: readonly string[];
  /** Keep events whose type starts with one of these. */
  readonly eventTypePrefixes?: readonly string[];
}

export interface SubscribeOptions {
  /**
   * Exclusive: the subscription delivers events after this position.
   * `'start'` delivers everything, `'end'` only events appended from now on.
   */
  readonly from?: Position | 'start' | 'end';
  readonly filter?: EventFilter;
  /**
   * For consumers that fold the whole log and rarely look past `type` and
   * `data` (projections): a store may then read an event's `id`, `metadata`
   * and `recordedAt` only when they are first accessed. Such events are read
   * through their properties; they are not plain objects to spread or
   * serialise whole. Stores that deliver everything at once ignore it.
   */
  readonly detailsOnAccess?: boolean;
  /**
   * With `detailsOnAccess`: event types the consumer reads `id`, `metadata`
   * or `recordedAt` of, which come with them rather than one read each.
   */
  readonly detailsFor?: readonly string[];
}

export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  /** Everything committed when the subscription started has been delivered. */
  | { readonly kind: 'caught-up' };

/** What a paged subscription hands out: events a page at a time. */
export type PageMessage =
  | { readonly kind: 'events'; readonly events: readonly RecordedEvent[] }
  | { readonly kind: 'caught-up' };

/** `Subscription`'s feed, a page of events per message. */
export interface PagedSubscription extends AsyncIterable<PageMessage> {
  close(): Promise<void>;
}

/**
 * A catch-up subscription: it replays history from its start position, says
 * `caught-up` once, then delivers new events live, in global order, each once.
 * If the underlying connection drops it resumes from the last position it
 * delivered. Iterating ends after `close()`.
 */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends a batch atomically. Re-appending the same event ids at the same
   * expected revision succeeds without writing again and returns the original
   * result; a batch that only partly matches what is stored is a conflict.
   */
  append(
    stream: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;

  /** Throws `StreamNotFoundError` when the stream does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Reads the global log, system events excluded. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  subscribeToAll(options?: SubscribeOptions): Subscription;

  /**
   * Optional: the feed of `subscribeToAll` with the events of each read handed
   * out together, for consumers that fold the whole log and would otherwise
   * pay for a message and a turn of the event loop per event. Consumers fall
   * back to `subscribeToAll` where a store does not offer it.
   */
  subscribeToAllInPages?(options?: SubscribeOptions): PagedSubscription;

  /** The stream's last revision, or `undefined` when it does not exist. */
  streamRevision(stream: string): Promise<number | undefined>;

  /** Position of the last event in the log, or `undefined` when it is empty. */
  headPosition(): Promise<Position | undefined>;

  /** Resolves when the store is reachable; throws `StoreUnavailableError` otherwise. */
  checkHealth(): Promise<void>;

  close(): Promise<void>;
}
