import {
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  START,
} from '@eventstore/db-client';
import type { Logger } from '../../log';
import type {
  Position,
  SubscribeOptions,
  Subscription,
  SubscriptionMessage,
} from '../port';
import { comparePositions, formatPosition } from '../position';
import { type EsdbClient, lastPosition } from './client';
import { planFilter } from './filter';
import {
  fromEsdbPosition,
  isSystemEvent,
  toEsdbPosition,
  toRecordedEvent,
} from './mapping';
import { translateEsdbError } from './translate-error';

export interface RetryPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  initialDelayMs: 250,
  maxDelayMs: 30_000,
};

/** Messages held for a slow consumer before the gRPC stream is paused. */
const highWaterMark = 512;
const lowWaterMark = 128;

type CaughtUpState =
  | { readonly state: 'waiting' }
  /** The server said caught up while `remaining` earlier events were still buffered. */
  | { readonly state: 'draining'; remaining: number }
  | { readonly state: 'done' };

/**
 * A catch-up subscription to `$all` with the port's semantics, over the
 * client's subscription:
 *
 * 1. On start it reads the last position of the log. `'end'` becomes that
 *    position, so a resubscription after a drop misses nothing appended since.
 * 2. It subscribes after the last position it has seen (exclusive, as the
 *    server does) and delivers Custody's events that pass the filter.
 * 3. `caught-up` is said once: when the server sends its CaughtUp message
 *    (servers 23.10 and later do, and client 6.2.1 emits it as `caughtUp`),
 *    or when a record at or after the start-time head has passed, whichever
 *    comes first. The client emits `caughtUp` out of band, ahead of events it
 *    still holds in its buffer, so the message waits for those to drain.
 * 4. When the stream fails or ends it resubscribes after the last record
 *    seen, with exponential backoff, logging each attempt.
 */
export class EsdbSubscription implements Subscription {
  readonly #client: Pick<EsdbClient, 'subscribeToAll' | 'readAll'>;
  readonly #logger: Logger;
  readonly #retry: RetryPolicy;
  readonly #onClose: () => void;
  readonly #from: NonNullable<SubscribeOptions['from']>;
  readonly #filter: ReturnType<typeof planFilter>;

  readonly #queue: SubscriptionMessage[] = [];
  readonly #waiters: Array<(result: IteratorResult<SubscriptionMessage>) => void> = [];
  #closed = false;
  /** Exclusive resume point; `undefined` until the start has been resolved. */
  #resume: Position | 'start' | undefined;
  #head: Position | undefined;
  #caughtUp: CaughtUpState = { state: 'waiting' };
  #current: AllStreamSubscription | undefined;
  #attempt = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    client: Pick<EsdbClient, 'subscribeToAll' | 'readAll'>,
    options: SubscribeOptions,
    dependencies: { logger: Logger; retry?: RetryPolicy; onClose?: () => void },
  ) {
    this.#client = client;
    this.#from = options.from ?? 'start';
    this.#filter = planFilter(options.filter);
    this.#logger = dependencies.logger;
    this.#retry = dependencies.retry ?? defaultRetryPolicy;
    this.#onClose = dependencies.onClose ?? (() => undefined);
    void this.#start();
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return {
      next: () => this.#next(),
      return: async () => {
        await this.close();
        return { done: true, value: undefined };
      },
    };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#queue.length = 0;
    for (const waiter of this.#waiters.splice(0))
      waiter({ done: true, value: undefined });
    const current = this.#current;
    this.#current = undefined;
    if (current !== undefined) await discard(current);
    this.#onClose();
  }

  #next(): Promise<IteratorResult<SubscriptionMessage>> {
    if (this.#closed) return Promise.resolve({ done: true, value: undefined });
    const message = this.#queue.shift();
    if (message === undefined) {
      return new Promise((resolve) => this.#waiters.push(resolve));
    }
    if (this.#queue.length <= lowWaterMark && this.#current?.isPaused()) {
      this.#current.resume();
    }
    return Promise.resolve({ done: false, value: message });
  }

  #push(message: SubscriptionMessage): void {
    const waiter = this.#waiters.shift();
    if (waiter !== undefined) waiter({ done: false, value: message });
    else this.#queue.push(message);
  }

  async #start(): Promise<void> {
    try {
      if (this.#resume === undefined) await this.#resolveStart();
      if (!this.#closed) this.#subscribe();
    } catch (error) {
      this.#scheduleRetry(error);
    }
  }

  async #resolveStart(): Promise<void> {
    const head = await lastPosition(this.#client, { skipSystem: false });
    if (this.#closed) return;
    this.#head = head;
    const from = this.#from;
    this.#resume = from === 'end' ? (head ?? 'start') : from;
    const nothingToReplay =
      head === undefined ||
      from === 'end' ||
      (from !== 'start' && comparePositions(from, head) >= 0);
    if (nothingToReplay) this.#markCaughtUp();
  }

  #subscribe(): void {
    const resume = this.#resume ?? 'start';
    const subscription = this.#client.subscribeToAll({
      fromPosition: resume === 'start' ? START : toEsdbPosition(resume),
      ...(this.#filter.server === undefined ? {} : { filter: this.#filter.server }),
    });
    this.#current = subscription;
    subscription
      .on('data', (resolved: AllStreamResolvedEvent) =>
        this.#onData(subscription, resolved),
      )
      .on('caughtUp', () => this.#onServerCaughtUp(subscription))
      .on('confirmation', () => this.#onConfirmed())
      .on('error', (error: Error) => this.#onBroken(subscription, error))
      .on('end', () =>
        this.#onBroken(subscription, new Error('The server ended the subscription')),
      );
  }

  #onConfirmed(): void {
    if (this.#attempt > 0) {
      this.#logger.info({ attempts: this.#attempt }, 'subscription to $all resumed');
    }
    this.#attempt = 0;
  }

  #onData(subscription: AllStreamSubscription, resolved: AllStreamResolvedEvent): void {
    if (subscription !== this.#current || resolved.event === undefined) return;
    const position = fromEsdbPosition(resolved.event.position);
    this.#resume = position;
    this.#deliver(resolved);

    if (this.#caughtUp.state === 'draining') {
      this.#caughtUp.remaining -= 1;
      if (this.#caughtUp.remaining <= 0) this.#markCaughtUp();
    } else if (
      this.#caughtUp.state === 'waiting' &&
      this.#head !== undefined &&
      comparePositions(position, this.#head) >= 0
    ) {
      this.#markCaughtUp();
    }
    if (this.#queue.length >= highWaterMark) subscription.pause();
  }

  #deliver(resolved: AllStreamResolvedEvent): void {
    if (isSystemEvent(resolved)) return;
    try {
      const event = toRecordedEvent(resolved);
      if (this.#filter.matches(event)) this.#push({ kind: 'event', event });
    } catch (error) {
      // An event another writer stored in a form Custody cannot read (binary
      // data, say) is logged and passed over rather than stalling every reader.
      this.#logger.warn({ err: error }, 'skipped an unreadable event in $all');
    }
  }

  #onServerCaughtUp(subscription: AllStreamSubscription): void {
    if (subscription !== this.#current || this.#caughtUp.state !== 'waiting') return;
    const buffered = subscription.readableLength;
    if (buffered === 0) this.#markCaughtUp();
    else this.#caughtUp = { state: 'draining', remaining: buffered };
  }

  #markCaughtUp(): void {
    if (this.#caughtUp.state === 'done') return;
    this.#caughtUp = { state: 'done' };
    this.#push({ kind: 'caught-up' });
  }

  #onBroken(subscription: AllStreamSubscription, error: unknown): void {
    if (subscription !== this.#current || this.#closed) return;
    this.#current = undefined;
    // Whatever the dropped stream still buffered is read again on resubscribing.
    if (this.#caughtUp.state === 'draining') this.#caughtUp = { state: 'waiting' };
    void discard(subscription);
    this.#scheduleRetry(error);
  }

  #scheduleRetry(error: unknown): void {
    if (this.#closed) return;
    const delayMs = Math.min(
      this.#retry.maxDelayMs,
      this.#retry.initialDelayMs * 2 ** Math.min(this.#attempt, 20),
    );
    this.#attempt += 1;
    const resume = this.#resume;
    this.#logger.warn(
      {
        err: translateEsdbError(error),
        attempt: this.#attempt,
        delayMs,
        position:
          typeof resume === 'object' ? formatPosition(resume) : (resume ?? 'start'),
      },
      'subscription to $all dropped; resubscribing',
    );
    this.#timer = setTimeout(() => void this.#start(), delayMs);
  }
}

/** Stops a client subscription whose events are no longer wanted. */
const discard = async (subscription: AllStreamSubscription): Promise<void> => {
  subscription.removeAllListeners();
  // The stream may still report its cancellation; nobody listens any more.
  subscription.on('error', () => undefined);
  await subscription.unsubscribe().catch(() => undefined);
  subscription.destroy();
};
