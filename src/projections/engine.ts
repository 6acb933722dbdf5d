import type { Database } from 'better-sqlite3';
import type { ProjectionDefinition } from '../../projections/definition';
import { subscribeInPages } from '../eventstore/paged-feed';
import type {
  EventStore,
  PagedSubscription,
  Position,
  RecordedEvent,
} from '../eventstore/port';
import { comparePositions, formatPosition } from '../eventstore/position';
import { type Logger, logFields, silentLogger } from '../log';
import { type DispatchTable, detailedTypes, dispatchTable, foldEvent } from './dispatch';
import type { FoldedProjection, FoldJob, ParallelFold } from './parallel-fold';
import { PositionWaiters } from './position-waiters';
import { RunningProjection } from './running-projection';
import { SharedEntities } from './shared-entities';
import { ProjectionStorage } from './storage';

export interface ProjectionEngineOptions {
  readonly store: EventStore;
  /**
   * Where read models live: the embedded store's own better-sqlite3 handle,
   * or the path of a local SQLite file (when the log is in EventStoreDB).
   */
  readonly database: Database | string;
  readonly projections: readonly ProjectionDefinition<unknown>[];
  readonly logger?: Logger;
  /** While catching up, persist after this many events (default 500,000). */
  readonly catchUpBatch?: number;
  /** Once live, persist after this many events or as soon as the feed is idle. */
  readonly liveBatch?: number;
  /** Pause before resubscribing after the feed failed (default 1 s). */
  readonly retryDelayMs?: number;
  /** Lets `rebuild` fold some projections on another thread. */
  readonly parallel?: ParallelFold;
}

export interface RebuildProgress {
  readonly events: number;
  readonly position: Position;
  readonly head: Position | undefined;
  /** 0 to 1, by position (exact for the embedded store, approximate for EventStoreDB). */
  readonly fraction: number;
}

export interface RebuildOptions {
  /** Names of the projections to rebuild; all when omitted. */
  readonly projections?: readonly string[];
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Calls `onProgress` every this many events (default 10,000). */
  readonly progressEvery?: number;
}

export interface EngineLag {
  readonly position: Position | undefined;
  readonly head: Position | undefined;
  /** Commit positions behind the head: events for the embedded store, bytes for EventStoreDB. */
  readonly behind: number;
  readonly caughtUp: boolean;
}

export interface EngineStatus {
  readonly running: boolean;
  readonly caughtUp: boolean;
  readonly position: Position | undefined;
  readonly failure: string | undefined;
  readonly projections: readonly { name: string; version: number; events: number }[];
}

/** Events folded between two turns of the event loop. */
const yieldEvery = 2_000;

interface Run {
  readonly subscription: PagedSubscription;
  readonly done: Promise<void>;
}

/** The fold thread failed, or sent what this engine cannot take. */
class HandOffFailed extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'HandOffFailed';
  }
}

/** Projections being folded on another thread, through `until`. */
interface HandOff {
  readonly until: Position;
  readonly job: FoldJob;
}

interface ProgressState {
  readonly onProgress: (progress: RebuildProgress) => void;
  readonly every: number;
  readonly head: Position | undefined;
  events: number;
}

/**
 * Runs projections from the store's global feed. Entities live in memory
 * (queries read them there); changed ones are persisted with the checkpoint
 * in one SQLite transaction, in large batches while catching up and as soon
 * as the feed is idle once live. On start it loads the persisted state and
 * resumes after the checkpoint; a projection whose version or settings
 * changed starts again from zero.
 */
export class ProjectionEngine {
  private readonly store: EventStore;
  private readonly storage: ProjectionStorage;
  private readonly running: RunningProjection[];
  private readonly byName = new Map<string, RunningProjection>();
  /** Event type to the projections that fold it here; unknown types are absent. */
  private dispatch: DispatchTable;
  private readonly parallel: ParallelFold | undefined;
  private handOff: HandOff | undefined;
  private readonly logger: Logger;
  private readonly catchUpBatch: number;
  private readonly liveBatch: number;
  private readonly retryDelayMs: number;
  private readonly waiters = new PositionWaiters();

  private current: Position | undefined;
  private run: Run | undefined;
  private caughtUp = false;
  private stopped = false;
  private failure: string | undefined;
  private unsaved = 0;
  private flushScheduled = false;
  private progress: ProgressState | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private sinceYield = 0;

  constructor(options: ProjectionEngineOptions) {
    this.store = options.store;
    this.storage = new ProjectionStorage(options.database);
    this.logger = options.logger ?? silentLogger;
    this.catchUpBatch = options.catchUpBatch ?? 500_000;
    this.liveBatch = options.liveBatch ?? 1_000;
    this.retryDelayMs = options.retryDelayMs ?? 1_000;
    this.parallel = options.parallel;
    const shared = new SharedEntities(options.projections.length);
    this.running = options.projections.map(
      (definition, index) => new RunningProjection(definition, index, shared),
    );
    for (const projection of this.running) this.byName.set(projection.name, projection);
    this.dispatch = dispatchTable(this.running);
  }

  /** Loads persisted state, then catches up; resolves once caught up with the log. */
  async start(): Promise<void> {
    if (this.run) throw new Error('The projection engine is already running');
    this.stopped = false;
    this.flush();
    for (const projection of this.running) {
      projection.reset();
      this.restore(projection);
    }
    this.refreshDispatch();
    // Projections starting from zero on a long log (first start, a new
    // version) may be folded on another thread like a rebuild.
    const fresh = this.running.filter(({ position }) => position === undefined);
    if (fresh.length > 0 && this.parallel) {
      await this.handOver(fresh, await this.store.headPosition());
    }
    try {
      await this.beginOrFoldHere();
    } finally {
      await this.dropHandOff();
    }
  }

  /** Persists what is pending and stops following the feed. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.halt();
    this.flush();
  }

  /** Stops the engine and closes the read-model file when the engine opened it. */
  async close(): Promise<void> {
    await this.stop();
    this.storage.close();
  }

  /** Replays projections from zero; resolves once they have caught up again. */
  async rebuild(options: RebuildOptions = {}): Promise<{ events: number }> {
    const names =
      options.projections ?? this.running.map((projection) => projection.name);
    const chosen = names.map((name) => this.projection(name));
    await this.halt();
    this.flush();
    this.storage.reset(names);
    for (const projection of chosen) projection.reset();
    const head = await this.store.headPosition();
    await this.handOver(chosen, head);
    const progress: ProgressState = {
      onProgress: options.onProgress ?? (() => undefined),
      every: options.progressEvery ?? 10_000,
      head,
      events: 0,
    };
    this.progress = progress;
    this.stopped = false;
    try {
      await this.beginOrFoldHere(() => {
        progress.events = 0;
      });
    } finally {
      this.progress = undefined;
      await this.dropHandOff();
    }
    if (this.current) this.report(progress, this.current);
    return { events: progress.events };
  }

  /** The position up to which every projection has folded the log. */
  get position(): Position | undefined {
    return this.current;
  }

  async lag(): Promise<EngineLag> {
    const head = await this.store.headPosition();
    const at = this.current?.commit ?? 0n;
    const behind = head && head.commit > at ? Number(head.commit - at) : 0;
    return { position: this.current, head, behind, caughtUp: this.caughtUp };
  }

  /** Resolves once the read models include `position`; rejects `query.not-caught-up`. */
  waitForPosition(position: Position, timeoutMs: number): Promise<void> {
    return this.waiters.wait(position, timeoutMs, () => this.current);
  }

  status(): EngineStatus {
    return {
      running: this.run !== undefined,
      caughtUp: this.caughtUp,
      position: this.current,
      failure: this.failure,
      projections: this.running.map(({ definition, events }) => ({
        name: definition.name,
        version: definition.version,
        events,
      })),
    };
  }

  /** The entities of one projection, read-only, for query services. */
  entities<E>(name: string): ReadonlyMap<string, E> {
    return this.projection(name).entities as ReadonlyMap<string, E>;
  }

  /** Persists changed entities and checkpoints now, in one transaction. */
  flush(): void {
    this.flushScheduled = false;
    if (this.unsaved === 0) return;
    const current = this.current;
    // A parked projection's rows are gone and its state is elsewhere: nothing to save.
    const saving = this.running.filter((projection) => !projection.parked);
    this.storage.save(saving.map((projection) => projection.takeSave(current)));
    this.unsaved = 0;
  }

  private projection(name: string): RunningProjection {
    const projection = this.byName.get(name);
    if (!projection) throw new Error(`No projection named ${name}`);
    return projection;
  }

  private restore(projection: RunningProjection): void {
    const { definition } = projection;
    const checkpoint = this.storage.readCheckpoint(definition.name);
    if (!checkpoint) return;
    if (
      checkpoint.version !== definition.version ||
      checkpoint.settingsKey !== definition.settingsKey
    ) {
      this.logger.info(
        { [logFields.projection]: definition.name, from: checkpoint.version },
        'projection changed; rebuilding it from the start of the log',
      );
      this.storage.reset([definition.name]);
      projection.reset();
      return;
    }
    projection.restore(checkpoint, this.storage.loadEntities(definition.name));
  }

  /** The earliest position any projection has reached: where the feed resumes. */
  private resumePoint(): Position | undefined {
    let earliest: Position | undefined;
    for (const { position } of this.running) {
      if (!position) return undefined;
      if (!earliest || comparePositions(position, earliest) < 0) earliest = position;
    }
    return earliest;
  }

  private begin(): Promise<void> {
    // Positions are brought up to date by a save; then the feed resumes from the
    // earliest one, and projections further on skip what they already hold.
    this.flush();
    this.current = this.resumePoint();
    for (const projection of this.running) projection.resumeFrom(this.current);
    this.caughtUp = false;
    const subscription = subscribeInPages(this.store, {
      from: this.current ?? 'start',
      detailsOnAccess: true,
      detailsFor: detailedTypes(this.running),
    });
    return new Promise((resolve, reject) => {
      const done = this.follow(subscription, resolve).catch((error: unknown) => {
        this.run = undefined;
        // Not the feed's failure: the caller folds those projections here instead.
        if (error instanceof HandOffFailed) return reject(error);
        this.failure = error instanceof Error ? error.message : String(error);
        this.logger.error({ err: error }, 'projection feed failed');
        if (!this.caughtUp) reject(error);
        else this.retry();
      });
      this.run = { subscription, done };
    });
  }

  private async follow(
    subscription: PagedSubscription,
    caughtUp: () => void,
  ): Promise<void> {
    for await (const message of subscription) {
      if (message.kind === 'caught-up') {
        if (this.handOff) await this.takeHandOff(this.handOff);
        this.caughtUp = true;
        this.failure = undefined;
        this.flush();
        caughtUp();
        continue;
      }
      for (const event of message.events) {
        // Projections folded elsewhere join before the first event past their end.
        if (this.handOff && comparePositions(event.position, this.handOff.until) > 0) {
          await this.takeHandOff(this.handOff);
        }
        this.fold(event);
      }
      if (this.current) this.waiters.reached(this.current);
      this.afterPage();
      // A page of the embedded feed is read synchronously; yield now and then so
      // that HTTP requests and timers still run during a long catch-up.
      this.sinceYield += message.events.length;
      if (this.sinceYield >= yieldEvery) {
        this.sinceYield = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    // Closed before catching up (stopped or rebuilt meanwhile): nobody waits any more.
    caughtUp();
  }

  private fold(event: RecordedEvent): void {
    foldEvent(this.dispatch, event);
    this.current = event.position;
    this.unsaved += 1;
    if (this.progress) this.countProgress(this.progress, event.position);
  }

  private afterPage(): void {
    if (!this.caughtUp) {
      // A rebuild persists once, when caught up: saving its growing state on the way
      // cost a fifth of its time. A crash midway sends it back to zero.
      if (!this.progress && this.unsaved >= this.catchUpBatch) this.flush();
      return;
    }
    if (this.unsaved >= this.liveBatch) this.flush();
    else if (!this.flushScheduled) {
      // Runs once the feed has handed out what it had: one commit per burst.
      this.flushScheduled = true;
      setImmediate(() => {
        if (this.flushScheduled) this.flush();
      });
    }
  }

  /**
   * Hands the chosen projections named by the parallel fold to another
   * thread, which folds them through `head` while this one folds the rest;
   * `takeHandOff` installs them when this feed gets there.
   */
  private async handOver(
    chosen: readonly RunningProjection[],
    head: Position | undefined,
  ): Promise<void> {
    const parallel = this.parallel;
    if (!parallel || !head || head.commit < BigInt(parallel.minEvents)) return;
    if (!(await parallel.available())) {
      this.logger.info('no core free for a second fold thread; folding on one');
      return;
    }
    const handed = chosen.filter(({ name }) => parallel.projections.includes(name));
    if (handed.length === 0) return;
    const job = parallel.fold(
      handed.map(({ name }) => name),
      head,
    );
    // A failure is reported when the fold is awaited; until then it must not go unhandled.
    job.result.catch(() => undefined);
    for (const projection of handed) projection.parked = true;
    this.refreshDispatch();
    this.handOff = { until: head, job };
    this.logger.info(
      {
        projections: handed.map(({ name }) => name),
        [logFields.position]: formatPosition(head),
      },
      'folding projections on another thread',
    );
  }

  private async takeHandOff(handOff: HandOff): Promise<void> {
    // While the other thread finishes, save what this one folded (it is at
    // `until` too): after the join only the other thread's state is left to
    // save, already serialised there.
    this.flush();
    let folded: readonly FoldedProjection[];
    try {
      folded = await handOff.job.result;
      for (const result of folded) {
        const { definition } = this.projection(result.name);
        if (
          result.version !== definition.version ||
          result.settingsKey !== definition.settingsKey
        ) {
          throw new Error(
            `The fold thread built ${result.name} version ${result.version}, expected ${definition.version} with the same settings`,
          );
        }
      }
    } catch (error) {
      throw new HandOffFailed(error);
    }
    for (const result of folded)
      this.projection(result.name).install(result, handOff.until);
    this.handOff = undefined;
    this.refreshDispatch();
    this.unsaved += 1;
  }

  /**
   * `begin`; if the fold thread fails (or sends state of another version),
   * again from the start of the log with its projections folded here, the
   * others skipping what they already hold.
   */
  private async beginOrFoldHere(restarting?: () => void): Promise<void> {
    try {
      await this.begin();
    } catch (error) {
      if (!(error instanceof HandOffFailed)) throw error;
      this.logger.warn(
        { err: error.cause },
        'the fold thread failed; folding its projections on this one',
      );
      await this.dropHandOff();
      for (const projection of this.running) if (projection.parked) projection.reset();
      this.refreshDispatch();
      restarting?.();
      await this.begin();
    }
  }

  /**
   * Stops a fold that was not taken (the rebuild failed or was stopped). Its
   * projections stay parked, with neither rows nor checkpoint: the next start
   * rebuilds them from zero.
   */
  private async dropHandOff(): Promise<void> {
    const handOff = this.handOff;
    if (!handOff) return;
    this.handOff = undefined;
    await handOff.job.cancel();
  }

  private refreshDispatch(): void {
    this.dispatch = dispatchTable(this.running.filter(({ parked }) => !parked));
  }

  private countProgress(progress: ProgressState, position: Position): void {
    progress.events += 1;
    if (progress.events % progress.every === 0) this.report(progress, position);
  }

  private report(progress: ProgressState, position: Position): void {
    const head = progress.head;
    const fraction =
      head && head.commit > 0n
        ? Math.min(1, Number(position.commit) / Number(head.commit))
        : 1;
    progress.onProgress({ events: progress.events, position, head, fraction });
  }

  private retry(): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.stopped) return;
      this.logger.info(
        { [logFields.position]: this.current ? formatPosition(this.current) : null },
        'resubscribing to the projection feed',
      );
      this.begin().catch(() => this.retry());
    }, this.retryDelayMs);
  }

  private async halt(): Promise<void> {
    const run = this.run;
    this.run = undefined;
    this.flushScheduled = false;
    if (!run) return;
    await run.subscription.close();
    await run.done;
  }
}
