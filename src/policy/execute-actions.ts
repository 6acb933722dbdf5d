import type { Command } from '../domain/commands/commands';
import type { CommandBus } from '../domain/commands/context';
import { CustodyError } from '../errors';
import type { Logger } from '../log';
import type { DueActions, DueExpiry, DueRelease } from './due-actions';

/** An action the bus refused: the facts moved on since the read models were read. */
export interface SkippedAction {
  readonly kind: 'release' | 'expiry';
  readonly id: string;
  readonly code: string;
  readonly message: string;
}

export interface ExecutedActions {
  readonly released: DueRelease[];
  readonly expired: DueExpiry[];
  /** Command ids recorded already by an earlier or concurrent run: nothing written. */
  readonly repeated: string[];
  readonly skipped: SkippedAction[];
}

const releaseNote = (release: DueRelease): string =>
  release.reason === 'neglected-no-interaction'
    ? `The owner logged no interaction since ${release.since}`
    : `No accepted quote since ${release.since}`;

/**
 * Executes the actions one by one as the system (actor null, source policy)
 * under their derived command ids. A release is appended only if the
 * client's stream is still at the revision the decision read: a change of
 * owner, or any new fact, between reading and writing skips it, and the next
 * run decides afresh. A refusal skips its action; any other failure (the
 * store gone) ends the run.
 */
export const executeActions = async (
  bus: CommandBus,
  due: Pick<DueActions, 'releases' | 'expiries'>,
  now: Date,
  logger: Logger,
): Promise<ExecutedActions> => {
  const done: ExecutedActions = { released: [], expired: [], repeated: [], skipped: [] };
  const execute = async (
    kind: SkippedAction['kind'],
    id: string,
    command: Command,
    pinned: { commandId: string; expectedRevision?: number },
  ): Promise<boolean> => {
    try {
      const context = { ...pinned, actor: null, source: 'policy', now } as const;
      const outcome = await bus.execute(command, context);
      if (outcome.replayed) done.repeated.push(pinned.commandId);
      return !outcome.replayed;
    } catch (error) {
      if (!(error instanceof CustodyError)) throw error;
      logger.info({ kind, id, code: error.code }, 'policy action skipped');
      done.skipped.push({ kind, id, code: error.code, message: error.message });
      return false;
    }
  };

  for (const release of due.releases) {
    const { clientId, reason, commandId, revision } = release;
    const note = releaseNote(release);
    const command: Command = { type: 'ReleaseNeglectedClient', clientId, reason, note };
    const pinned = { commandId, expectedRevision: revision };
    if (await execute('release', clientId, command, pinned)) done.released.push(release);
  }
  for (const expiry of due.expiries) {
    const { handoverId, commandId } = expiry;
    const command: Command = { type: 'ExpireHandover', handoverId };
    if (await execute('expiry', handoverId, command, { commandId }))
      done.expired.push(expiry);
  }
  return done;
};
