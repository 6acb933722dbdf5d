import { randomUUID } from 'node:crypto';
import type { Database, Transaction } from 'better-sqlite3';
import { isCustodyError } from '../../errors';
import type { Logger } from '../../log';
import { StoreUnavailableError } from '../errors';
import type { AppendResult } from '../port';
import { positionOf } from '../position';
import type { ValidatedAppend } from '../validate-append';
import { decideAppend } from './append-decision';
import type { Statements } from './statements';

type Outcome =
  | { readonly ok: true; readonly result: AppendResult }
  | { readonly ok: false; readonly error: unknown };

interface PendingAppend {
  readonly append: ValidatedAppend;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

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
 * Each append runs in its own savepoint and is checked against its own
 * expected revision, seeing the appends before it in the group, so one
 * refused append never fails the others.
 */
export class GroupCommitter {
  readonly stats: GroupCommitStats = { transactions: 0, appends: 0, largestGroup: 0 };
  private queue: PendingAppend[] = [];
  private scheduled = false;
  private readonly writeOne: Transaction<
    (append: ValidatedAppend, now: number) => Outcome
  >;
  private readonly writeGroup: Transaction<
    (group: PendingAppend[], now: number) => Outcome[]
  >;

  constructor(
    db: Database,
    private readonly statements: Statements,
    private readonly onCommit: () => void,
    private readonly logger: Logger,
  ) {
    this.writeOne = db.transaction((append, now) => this.write(append, now));
    this.writeGroup = db.transaction((group, now) =>
      group.map((pending) => this.attempt(pending.append, now)),
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
    try {
      outcomes =
        group.length === 1
          ? [this.writeOne.immediate(group[0]!.append, Date.now())]
          : this.writeGroup.immediate(group, Date.now());
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

  /** One append of a group, in a savepoint that rolls back if it throws. */
  private attempt(append: ValidatedAppend, now: number): Outcome {
    try {
      return this.writeOne(append, now);
    } catch (error) {
      return { ok: false, error: asStoreError(error) };
    }
  }

  private write(append: ValidatedAppend, now: number): Outcome {
    const { stream, events, expectedRevision } = append;
    const current = this.statements.lastRevision.get(stream);
    const withIds = events.some((event) => event.id !== undefined);
    const stored = withIds
      ? events.map((event) =>
          event.id === undefined ? undefined : this.statements.findId.get(event.id),
        )
      : [];
    const decision = decideAppend(stream, expectedRevision, current, stored);
    if (decision.kind === 'refused') return { ok: false, error: decision.error };
    if (decision.kind === 'already-written') {
      const { revision, position } = decision;
      return {
        ok: true,
        result: { nextExpectedRevision: revision, position: positionOf(position) },
      };
    }

    let revision = current ?? -1;
    let position = 0;
    for (const event of events) {
      revision += 1;
      const row = this.statements.insert.run(
        event.id ?? randomUUID(),
        stream,
        revision,
        event.type,
        event.data,
        event.metadata,
        now,
      );
      position = Number(row.lastInsertRowid);
    }
    return {
      ok: true,
      result: { nextExpectedRevision: revision, position: positionOf(position) },
    };
  }
}

const asStoreError = (error: unknown): unknown =>
  isCustodyError(error)
    ? error
    : new StoreUnavailableError('The event store could not write the append', error);
