import type { CommandBus } from '../domain/commands/context';
import type { PoolPolicy } from '../domain/settings';
import type { EventStore } from '../eventstore/port';
import { type Logger, silentLogger } from '../log';
import type { ProjectionEngine } from '../projections/engine';
import { type EntitySource, ReadModels } from '../projections/read-models';
import {
  type DueClient,
  type DueExpiry,
  type DueRelease,
  duePolicyActions,
} from './due-actions';
import { executeActions, type SkippedAction } from './execute-actions';
import { policyStateOf } from './policy-state';

export interface PolicyRunDeps {
  readonly bus: CommandBus;
  /** The projection engine, or anything holding its entities by projection name. */
  readonly source: EntitySource;
  readonly settings: PoolPolicy;
  /** Resolves once the read models hold every event logged so far. */
  readonly catchUp?: () => Promise<void>;
  readonly logger?: Logger;
}

export interface PolicyRunOptions {
  readonly now: Date;
  /** Decide and report, write nothing. */
  readonly dryRun?: boolean;
}

export interface PolicyReport {
  readonly at: string;
  readonly dryRun: boolean;
  /** Released by this run; in a dry run, what it would release. */
  readonly released: readonly DueRelease[];
  readonly expired: readonly DueExpiry[];
  readonly warnings: readonly DueClient[];
  /** Command ids recorded already by an earlier or concurrent run. */
  readonly repeated: readonly string[];
  readonly skipped: readonly SkippedAction[];
}

/** Resolves once the engine has folded the log's head as it is now. */
export const caughtUpWith =
  (
    store: EventStore,
    engine: Pick<ProjectionEngine, 'waitForPosition'>,
    timeoutMs = 60_000,
  ) =>
  async (): Promise<void> => {
    const head = await store.headPosition();
    if (head) await engine.waitForPosition(head, timeoutMs);
  };

/** One run of the pool policy: catch up, decide, execute (unless dry), report. */
export const runPolicy = async (
  deps: PolicyRunDeps,
  options: PolicyRunOptions,
): Promise<PolicyReport> => {
  const logger = deps.logger ?? silentLogger;
  const { now } = options;
  const dryRun = options.dryRun ?? false;

  // 1. Decide on every fact logged so far.
  await deps.catchUp?.();
  const due = duePolicyActions(
    policyStateOf(new ReadModels(deps.source)),
    now,
    deps.settings,
  );
  const head = { at: now.toISOString(), dryRun, warnings: due.warnings };
  if (dryRun)
    return {
      ...head,
      released: due.releases,
      expired: due.expiries,
      repeated: [],
      skipped: [],
    };

  // 2. Execute, then one line for the operator's log.
  const done = await executeActions(deps.bus, due, now, logger);
  logger.info(
    {
      released: done.released.length,
      expired: done.expired.length,
      warned: due.warnings.length,
      repeated: done.repeated.length,
      skipped: done.skipped.length,
    },
    'pool policy ran',
  );
  return { ...head, ...done };
};
