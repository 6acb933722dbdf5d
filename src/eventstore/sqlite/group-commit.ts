import { randomUUID } from 'node:crypto';
import type { Database, Transaction } from 'better-sqlite3';
import { isCustodyError } from '../../errors';
import type { Logger } from '../../log';
import { StoreUnavailableError } from '../errors';
import type { AppendResult } from '../port';
import { positionOf } from '../position';
import type { ValidatedAppend } from '../validate-append';
import { decideAppend, expectationHolds } from './append-decision';
import type { Statements } from './statements';

type Outcome =
  | { readonly ok: true; readonly result: AppendResult }
  | { readonly ok: false; readonly error: unknown };

interface PendingAppend {
  readonly append: ValidatedAppend;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type GroupWriter = Transaction<
  (group: readonly PendingAppend[], now: number) => Outcome[]
>;

/** Counters that show how well appends were grouped. */
export interface GroupCommitStats {
  /** Write transactions committed, one per flush. */
  transactions: number;
  /** Appends that went through those transactions (refused ones included). */
  appends: number;
  largestGroup: number;
}

/**
 * Group commit. better-sqlite3 is synchronous, so the cost of an append is the
 * fsync at COMMIT. Appends arriving in the same turn of the event loop wait
 * for `setImmediate` and are written in one transaction: one fsync for all.
 * Each append is checked against its own expected revision, seeing the
 * appends before it in the group, so one refused append never fails the
 * others.
 *
 * Two passes keep the common case cheap. The fast pass inserts optimistically:
 * no id lookups, no savepoints. An append whose expected revision does not
 * hold only reads (is it a retry?), so it never needs undoing. Only an event id
 * that is already stored makes an insert fail; then the whole transaction
 * rolls back and the careful pass redoes the group with id lookups and a
 * savepoint per append.
 */
export class GroupCommitter {
  readonly stats: GroupCommitStats = { transactions: 0, appends: 0, largestGroup: 0 };
  private queue: PendingAppend[] = [];
  private scheduled = false;
  private readonly fastPass: GroupWriter;
  private readonly carefulPass: GroupWriter;

  constructor(
    db: Database,
    private readonly statements: Statements,
    private readonly onCommit: () => void,
    private readonly logger: Logger,
  ) {
    const careful = db.transaction((append: ValidatedAppend, now: number) =>
      this.writeChecked(append, now),
    );
    this.fastPass = db.transaction((group, now) =>
      group.map((pending) => this.writeOptimistic(pending.append, now)),
    );
    this.carefulPass = db.transaction((group, now) =>
      group.map((pending) => attempt(() => careful(pending.append, now))),
    );
  }

  enqueue(append: ValidatedAppend): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ append, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes everything queued now, synchronously. */
  flush(): void {
    this.scheduled = false;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;

    let outcomes: Outcome[];
    const now = Date.now();
    try {
      outcomes = this.write(group, now);
    } catch (error) {
      this.logger.error(
        { err: error, appends: group.length },
        'event store commit failed',
      );
      for (const pending of group) pending.reject(asStoreError(error));
      return;
    }

    this.stats.transactions += 1;
    this.stats.appends += group.length;
    this.stats.largestGroup = Math.max(this.stats.largestGroup, group.length);
    this.onCommit();
    group.forEach((pending, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    });
  }

  private write(group: readonly PendingAppend[], now: number): Outcome[] {
    try {
      return this.fastPass.immediate(group, now);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.carefulPass.immediate(group, now);
    }
  }

  private writeOptimistic(append: ValidatedAppend, now: number): Outcome {
    const current = this.statements.lastRevision.get(append.stream);
    if (!expectationHolds(append.expectedRevision, current)) {
      return this.writeChecked(append, now, current);
    }
    return this.insert(append, current, now);
  }

  /** Looks the batch's ids up first: a retry is answered, not written. */
  private writeChecked(
    append: ValidatedAppend,
    now: number,
    current = this.statements.lastRevision.get(append.stream),
  ): Outcome {
    const { stream, events, expectedRevision } = append;
    const withIds = events.some((event) => event.id !== undefined);
    const stored = withIds
      ? events.map((event) =>
          event.id === undefined ? undefined : this.statements.findId.get(event.id),
        )
      : [];
    const decision = decideAppend(stream, expectedRevision, current, stored);
    if (decision.kind === 'refused') return { ok: false, error: decision.error };
    if (decision.kind === 'write') return this.insert(append, current, now);
    const result = {
      nextExpectedRevision: decision.revision,
      position: positionOf(decision.position),
    };
    return { ok: true, result };
  }

  private insert(
    append: ValidatedAppend,
    current: number | undefined,
    now: number,
  ): Outcome {
    let revision = current ?? -1;
    let position = 0;
    for (const event of append.events) {
      revision += 1;
      const row = this.statements.insert.run(
        event.id ?? randomUUID(),
        append.stream,
        revision,
        event.type,
        event.data,
        event.metadata,
        now,
      );
      position = Number(row.lastInsertRowid);
    }
    const result = { nextExpectedRevision: revision, position: positionOf(position) };
    return { ok: true, result };
  }
}

/** Runs one append of the careful pass; its savepoint rolls back if it throws. */
const attempt = (write: () => Outcome): Outcome => {
  try {
    return write();
  } catch (error) {
    return { ok: false, error: asStoreError(error) };
  }
};

const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';

const asStoreError = (error: unknown): unknown =>
  isCustodyError(error)
    ? error
    : new StoreUnavailableError('The event store could not write the append', error);
