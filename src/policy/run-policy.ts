import type { Command } from '../domain/commands/commands';
import type { CommandBus, CommandContext } from '../domain/commands/context';
import type { PoolPolicy } from '../domain/settings';
import { CustodyError } from '../errors';
import type { EventStore } from '../eventstore/port';
import { type Logger, silentLogger } from '../log';
import type { ProjectionEngine } from '../projections/engine';
import type { EntitySource } from '../projections/read-models';
import {
  type DueClient,
  type DueExpiry,
  type DueRelease,
  duePolicyActions,
} from './due-actions';
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

/** An action the bus refused: the facts moved on since the read models were read. */
export interface SkippedAction {
  readonly kind: 'release' | 'expiry';
  readonly id: string;
  readonly code: string;
  readonly message: string;
}

export interface PolicyReport {
  readonly at: string;
  readonly dryRun: boolean;
  /** Released by this run; in a dry run, what it would release. */
  readonly released: readonly DueRelease[];
  readonly expired: readonly DueExpiry[];
  readonly warnings: readonly DueClient[];
  /** Recorded already by an earlier or concurrent run with the same command id. */
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

const releaseNote = (release: DueRelease): string =>
  release.reason === 'neglected-no-interaction'
    ? `The owner logged no interaction since ${release.since}`
    : `No accepted quote since ${release.since}`;

/**
 * One run of the pool policy: wait for the read models, decide, then execute
 * each action as the system (actor null, source policy) under its derived
 * command id. A release is appended only if the client's stream is still at
 * the revision the decision read, so a change of owner (or any new fact)
 * between reading and writing skips it; the next run decides afresh.
 */
export const runPolicy = async (
  deps: PolicyRunDeps,
  options: PolicyRunOptions,
): Promise<PolicyReport> => {
  const logger = deps.logger ?? silentLogger;
  const dryRun = options.dryRun ?? false;

  // 1. Decide on every fact logged so far.
  await deps.catchUp?.();
  const due = duePolicyActions(policyStateOf(deps.source), options.now, deps.settings);
  const report = {
    at: options.now.toISOString(),
    dryRun,
    released: [] as DueRelease[],
    expired: [] as DueExpiry[],
    warnings: due.warnings,
    repeated: [] as string[],
    skipped: [] as SkippedAction[],
  };
  if (dryRun)
    return { ...report, released: [...due.releases], expired: [...due.expiries] };

  // 2. Execute; a refusal skips the action, any other failure ends the run.
  const execute = async (
    kind: SkippedAction['kind'],
    id: string,
    command: Command,
    context: Omit<CommandContext, 'actor' | 'source' | 'now'>,
  ): Promise<boolean> => {
    try {
      const outcome = await deps.bus.execute(command, {
        ...context,
        actor: null,
        source: 'policy',
        now: options.now,
      });
      if (outcome.replayed) report.repeated.push(context.commandId);
      return !outcome.replayed;
    } catch (error) {
      if (!(error instanceof CustodyError)) throw error;
      logger.info({ kind, id, code: error.code }, 'policy action skipped');
      report.skipped.push({ kind, id, code: error.code, message: error.message });
      return false;
    }
  };
  for (const release of due.releases) {
    const command: Command = {
      type: 'ReleaseNeglectedClient',
      clientId: release.clientId,
      reason: release.reason,
      note: releaseNote(release),
    };
    const { commandId, revision } = release;
    if (
      await execute('release', release.clientId, command, {
        commandId,
        expectedRevision: revision,
      })
    )
      report.released.push(release);
  }
  for (const expiry of due.expiries) {
    const command: Command = { type: 'ExpireHandover', handoverId: expiry.handoverId };
    if (
      await execute('expiry', expiry.handoverId, command, { commandId: expiry.commandId })
    )
      report.expired.push(expiry);
  }

  // 3. One line for the operator's log.
  logger.info(
    {
      released: report.released.length,
      expired: report.expired.length,
      warned: report.warnings.length,
      repeated: report.repeated.length,
      skipped: report.skipped.length,
    },
    'pool policy ran',
  );
  return report;
};
