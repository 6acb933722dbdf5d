import type { Database, Statement } from 'better-sqlite3';
import type { Logger } from '../../log';
import { StoreUnavailableError, StreamNotFoundError } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  PagedSubscription,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../port';
import { positionOf } from '../position';
import { validateAppend } from '../validate-append';
import { CommitSignal } from './commit-signal';
import { type GroupCommitStats, GroupCommitter } from './group-commit';
import {
  type DetailsRow,
  type EventRow,
  eventRowColumns,
  type LeanRow,
  leanPageQuery,
  leanRowColumns,
  leanRowPosition,
  rowFilter,
  rowPosition,
  toLeanRecordedEvent,
  toRecordedEvent,
} from './rows';
import { prepareStatements, type Statements } from './statements';
import {
  SqlitePagedSubscription,
  SqliteSubscription,
  type SubscriptionSource,
} from './subscription';

/** Rows fetched per query when reading the log or catching up. */
const pageSize = 2_000;
const last = Number.MAX_SAFE_INTEGER;

export interface SqliteEventStoreSettings {
  /** How often subscriptions look for commits made by other processes. */
  readonly pollIntervalMs: number;
  /** False for an in-memory database, which no other process can reach. */
  readonly shared: boolean;
  readonly logger: Logger;
}

/** The embedded event store: one SQLite file, EventStoreDB's semantics. */
export class SqliteEventStore implements EventStore {
  private readonly statements: Statements;
  private readonly committer: GroupCommitter;
  private readonly signal: CommitSignal;
  private readonly subscriptions = new Set<Subscription | PagedSubscription>();
  private closed = false;

  /**
   * The open handle, for components that keep their own tables in the same
   * file (through their own migrations, see `applyMigrations`).
   */
  constructor(
    readonly database: Database,
    settings: SqliteEventStoreSettings,
  ) {
    this.statements = prepareStatements(database);
    const readVersion = settings.shared
      ? () => this.statements.dataVersion.get()!
      : undefined;
    this.signal = new CommitSignal(readVersion, settings.pollIntervalMs);
    this.committer = new GroupCommitter(
      database,
      this.statements,
      () => this.signal.notify(),
      settings.logger,
    );
  }

  /** How appends were grouped into transactions so far. */
  get stats(): Readonly<GroupCommitStats> {
    return { ...this.committer.stats };
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    this.assertOpen();
    return this.committer.enqueue(validateAppend(stream, events, options));
  }

  async readStream(
    stream: string,
    options: ReadStreamOptions = {},
  ): Promise<RecordedEvent[]> {
    this.assertOpen();
    const forwards = (options.direction ?? 'forwards') === 'forwards';
    const from = options.fromRevision ?? (forwards ? 'start' : 'end');
    const revision = from === 'start' ? 0 : from === 'end' ? last : from;
    const limit = options.maxCount ?? -1;
    const rows = forwards
      ? this.statements.streamForwards.all(stream, revision, limit)
      : this.statements.streamBackwards.all(stream, revision, limit);
    if (rows.length === 0 && this.statements.lastRevision.get(stream) === undefined) {
      throw new StreamNotFoundError(stream);
    }
    return rows.map(toRecordedEvent);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    this.assertOpen();
    const forwards = (options.direction ?? 'forwards') === 'forwards';
    const from = options.fromPosition ?? (forwards ? 'start' : 'end');
    let next =
      from === 'start' ? 0 : from === 'end' ? this.endFor(forwards) : Number(from.commit);
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      this.assertOpen();
      const limit = Math.min(pageSize, remaining);
      const rows = forwards
        ? this.statements.allForwards.all(next, limit)
        : this.statements.allBackwards.all(next, limit);
      for (const row of rows) yield toRecordedEvent(row);
      const tail = rows.at(-1);
      if (rows.length < limit || tail === undefined) return;
      remaining -= rows.length;
      next = forwards ? rowPosition(tail) + 1 : rowPosition(tail) - 1;
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    return this.follow<Subscription>(
      options,
      (source, after) => new SqliteSubscription(source, after),
    );
  }

  subscribeToAllInPages(options: SubscribeOptions = {}): PagedSubscription {
    return this.follow<PagedSubscription>(
      options,
      (source, after) => new SqlitePagedSubscription(source, after),
    );
  }

  private follow<S extends Subscription | PagedSubscription>(
    options: SubscribeOptions,
    create: <Row>(source: SubscriptionSource<Row>, after: number) => S,
  ): S {
    this.assertOpen();
    const from = options.from ?? 'start';
    const after =
      from === 'start' ? 0 : from === 'end' ? this.head() : Number(from.commit);
    const shared = {
      signal: this.signal,
      pageSize,
      onClose: (closed: Subscription | PagedSubscription) =>
        this.subscriptions.delete(closed),
    };
    const subscription = options.detailsOnAccess
      ? create<LeanRow>(
          {
            ...shared,
            readPage: this.leanPages(options.detailsFor ?? []),
            positionOf: leanRowPosition,
            toEvent: (row) => toLeanRecordedEvent(row, this.readDetails),
            filter: rowFilter(options.filter, leanRowColumns),
          },
          after,
        )
      : create<EventRow>(
          {
            ...shared,
            readPage: (start, limit) => this.statements.allForwards.all(start, limit),
            positionOf: rowPosition,
            toEvent: toRecordedEvent,
            filter: rowFilter(options.filter, eventRowColumns),
          },
          after,
        );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Reads a page of lean rows, with details for the event types given. */
  private leanPages(
    detailsFor: readonly string[],
  ): (start: number, limit: number) => LeanRow[] {
    const types = [...new Set(detailsFor)];
    const statement = this.database
      .prepare<unknown[], LeanRow>(leanPageQuery(types.length))
      .raw() as unknown as Statement<unknown[], LeanRow>;
    // The list is asked once per column read whole.
    const parameters = [...types, ...types, ...types];
    return (start, limit) => statement.all(...parameters, start, limit);
  }

  /** The columns a lean subscription left out, for the event at `position`. */
  private readonly readDetails = (position: number): DetailsRow => {
    this.assertOpen();
    const details = this.statements.details.get(position);
    if (!details) throw new Error(`No event at position ${position}`);
    return details;
  };

  async streamRevision(stream: string): Promise<number | undefined> {
    this.assertOpen();
    return this.statements.lastRevision.get(stream);
  }

  async headPosition(): Promise<Position | undefined> {
    this.assertOpen();
    const head = this.head();
    return head === 0 ? undefined : positionOf(head);
  }

  async checkHealth(): Promise<void> {
    this.assertOpen();
    try {
      this.head();
    } catch (error) {
      throw new StoreUnavailableError('The event store file cannot be read', error);
    }
  }

  /** Writes appends already accepted, ends subscriptions, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.committer.flush();
    this.closed = true;
    this.signal.stop();
    await Promise.all(
      [...this.subscriptions].map((subscription) => subscription.close()),
    );
    this.database.close();
  }

  private head(): number {
    return this.statements.head.get() ?? 0;
  }

  /** `'end'` as an inclusive start: past the head forwards, the head backwards. */
  private endFor(forwards: boolean): number {
    return forwards ? this.head() + 1 : last;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('The event store is closed');
  }
}
