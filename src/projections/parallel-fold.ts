import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StoreConfig } from '../config';
import type { StrengthModel } from '../domain/settings';
import type { Position } from '../eventstore/port';
import { formatPosition } from '../eventstore/position';

/** One projection folded on another thread, in its persisted form. */
export interface FoldedProjection {
  readonly name: string;
  readonly version: number;
  readonly settingsKey: string;
  /** Events the projection folded in. */
  readonly events: number;
  /** Every entity as `[key, persisted JSON]`. */
  readonly entries: readonly (readonly [string, string])[];
}

/** A fold under way on another thread. */
export interface FoldJob {
  readonly result: Promise<readonly FoldedProjection[]>;
  /** Stops the thread; `result` then never resolves. */
  cancel(): Promise<void>;
}

/**
 * Folds some projections on another thread while the engine folds the rest,
 * so that a rebuild uses a second core. Each thread reads the log itself,
 * about a fifth of a one-thread rebuild, and handing the state back costs
 * some more: measured on a million events, two threads took about four
 * fifths of the time one did.
 */
export interface ParallelFold {
  /** The projections worth handing over, by name. */
  readonly projections: readonly string[];
  /** Smaller logs are folded on one thread: starting another and the hand-over cost more than it saves. */
  readonly minEvents: number;
  /**
   * Whether a second thread would run beside this one now. Both threads read
   * the whole log, so without a core of its own the pair is slower than one.
   */
  available(): Promise<boolean>;
  /** Folds the named projections from the start of the log through `until`. */
  fold(names: readonly string[], until: Position): FoldJob;
}

/** What the fold thread is told; everything in it crosses the thread boundary by copy. */
export interface FoldWorkerInput {
  readonly store: StoreConfig;
  readonly strength: StrengthModel;
  readonly projections: readonly string[];
  /** The last position to fold, in its text form. */
  readonly until: string;
}

export interface WorkerFoldOptions {
  /** How the thread opens the log: an embedded file or EventStoreDB, never `:memory:`. */
  readonly store: StoreConfig;
  readonly strength: StrengthModel;
  readonly projections?: readonly string[];
  readonly minEvents?: number;
  /** Defaults to `aCoreIsFree`. */
  readonly available?: () => Promise<boolean>;
}

const busyAndTotal = (): readonly [busy: number, total: number][] =>
  cpus().map(({ times }) => {
    const total = times.user + times.nice + times.sys + times.idle + times.irq;
    return [total - times.idle, total];
  });

/**
 * True when, over a fifth of a second, other processes kept the machine's
 * cores busy for less than half a core's worth, so that one is free for the
 * fold thread. This process's own use (a collector finishing with the last
 * rebuild, say) is left out; the load average would react too slowly to
 * what ran a moment ago.
 */
export const aCoreIsFree = async (sampleMs = 200): Promise<boolean> => {
  if (availableParallelism() < 2) return false;
  const before = busyAndTotal();
  const ownBefore = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, sampleMs));
  const after = busyAndTotal();
  const own = process.cpuUsage(ownBefore);
  let busyCores = 0;
  let elapsedMs = 0;
  after.forEach(([busy, total], core) => {
    const [busyBefore, totalBefore] = before[core] ?? [busy, total];
    if (total <= totalBefore) return;
    busyCores += (busy - busyBefore) / (total - totalBefore);
    elapsedMs = Math.max(elapsedMs, total - totalBefore);
  });
  if (elapsedMs === 0) return false;
  const ownCores = (own.user + own.system) / 1000 / elapsedMs;
  return busyCores - ownCores < 0.5;
};

/**
 * What the second thread folds: the projections that follow most events,
 * besides relationship strength, which alone costs about as much as these
 * together and stays with the engine, with quotes, people and handovers.
 * The split was chosen by measuring: this way both threads finish their
 * folds at about the same time, and the state handed back is small enough
 * to install in a fraction of what the thread saves.
 */
export const defaultParallelProjections: readonly string[] = [
  'neglect',
  'client-directory',
  'ownership-history',
  'activity',
];

/** `ParallelFold` on a worker thread that opens the log the way the process did. */
export const workerFold = (options: WorkerFoldOptions): ParallelFold => ({
  projections: options.projections ?? defaultParallelProjections,
  minEvents: options.minEvents ?? 200_000,
  available: options.available ?? aCoreIsFree,
  fold(names, until) {
    const input: FoldWorkerInput = {
      store: options.store,
      strength: options.strength,
      projections: [...names],
      until: formatPosition(until),
    };
    // The thread starts without this process's TypeScript loader: its entry
    // point registers one before loading the fold.
    const worker = new Worker(join(__dirname, 'fold-worker.cjs'), { workerData: input });
    const result = new Promise<readonly FoldedProjection[]>((resolve, reject) => {
      worker.once('message', (message: readonly FoldedProjection[]) => resolve(message));
      worker.once('error', reject);
      worker.once('exit', (code) =>
        reject(
          new Error(`The fold thread stopped (exit code ${code}) before it finished`),
        ),
      );
    });
    return {
      result,
      cancel: async () => {
        await worker.terminate();
      },
    };
  },
});

/** Whether a store can be opened again from another thread. */
export const canFoldInParallel = (store: StoreConfig): boolean =>
  store.kind === 'eventstoredb' || (store.path !== ':memory:' && store.path !== '');
