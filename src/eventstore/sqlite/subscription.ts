import type {
  PagedSubscription,
  PageMessage,
  RecordedEvent,
  Subscription,
  SubscriptionMessage,
} from '../port';
import type { CommitSignal } from './commit-signal';

/** Where a subscription reads its rows, and how it turns them into events. */
export interface SubscriptionSource<Row> {
  readonly signal: CommitSignal;
  /** Rows with a position >= `from`, in order, at most `limit`. */
  readonly readPage: (from: number, limit: number) => Row[];
  readonly positionOf: (row: Row) => number;
  readonly toEvent: (row: Row) => RecordedEvent;
  readonly filter: ((row: Row) => boolean) | undefined;
  readonly pageSize: number;
  readonly onClose: (subscription: Subscription | PagedSubscription) => void;
}

/**
 * Catch-up then live, from one loop: read the page after the last position
 * seen; when a page comes back short everything committed so far has been
 * delivered, so wait for the next commit and read again. Positions are handed
 * out inside SQLite's single write lock, so a reader never sees a gap that a
 * later commit could fill: reading strictly after the last position delivered
 * neither misses nor repeats an event.
 */
export class SqliteSubscription<Row = unknown> implements Subscription {
  private readonly pages: SqlitePagedSubscription<Row>;

  constructor(source: SubscriptionSource<Row>, after: number) {
    // The store knows this subscription, not the pages inside it.
    this.pages = new SqlitePagedSubscription(
      { ...source, onClose: () => source.onClose(this) },
      after,
    );
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return this.messages();
  }

  close(): Promise<void> {
    return this.pages.close();
  }

  private async *messages(): AsyncGenerator<SubscriptionMessage> {
    for await (const message of this.pages) {
      if (message.kind === 'caught-up') {
        yield message;
        continue;
      }
      for (const event of message.events) {
        yield { kind: 'event', event };
        if (this.pages.closed) return;
      }
    }
  }
}

/**
 * The same feed a page of events per message: what `SqliteSubscription`
 * hands out one by one, and what folding the log reads directly.
 */
export class SqlitePagedSubscription<Row = unknown> implements PagedSubscription {
  closed = false;
  private seenGeneration = -1;
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly source: SubscriptionSource<Row>,
    private readonly after: number,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<PageMessage> {
    return this.messages();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wake();
    this.source.onClose(this);
  }

  private async *messages(): AsyncGenerator<PageMessage> {
    const { signal, readPage, positionOf, toEvent, filter, pageSize } = this.source;
    if (this.closed) return;
    const unlisten = signal.listen(() => this.wake());
    let after = this.after;
    let caughtUp = false;
    try {
      while (!this.closed) {
        this.seenGeneration = signal.generation;
        const rows = readPage(after + 1, pageSize);
        const events: RecordedEvent[] = [];
        for (const row of rows) {
          if (!filter || filter(row)) events.push(toEvent(row));
        }
        const last = rows.at(-1);
        if (last !== undefined) after = positionOf(last);
        if (events.length > 0) {
          yield { kind: 'events', events };
          if (this.closed) return;
        }
        if (rows.length === pageSize) continue;
        if (!caughtUp) {
          caughtUp = true;
          yield { kind: 'caught-up' };
        }
        await this.nextCommit();
      }
    } finally {
      // Leaving the loop early (break) ends the subscription too.
      unlisten();
      await this.close();
    }
  }

  private nextCommit(): Promise<void> {
    if (this.closed || this.source.signal.generation !== this.seenGeneration) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.wakeUp = resolve;
    });
  }

  private wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }
}
