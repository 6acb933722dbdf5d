import { authorise } from '../domain/authorisation';
import { transferForHandover } from '../domain/client/decide-handoff';
import { type ClientState, initialClientState } from '../domain/client/state';
import type { CommandOf } from '../domain/commands/commands';
import { type HandoverEvent, stream } from '../domain/events';
import { decideHandover, type HandoverCommand } from '../domain/handover/decide';
import {
  evolveHandover,
  type HandoverState,
  initialHandoverState,
} from '../domain/handover/state';
import { type CommandRun, decisionContext } from './command-run';
import { clientFolder, loadClient } from './handle-client';
import type { Folder } from './loaded-stream';
import { runStep, type StepResult } from './stream-step';

const handoverFolder: Folder<HandoverState> = {
  initial: initialHandoverState,
  evolve: (state: HandoverState, event: { type: string }) =>
    evolveHandover(state, event as HandoverEvent),
};

/** The client a handover command is about: named by the request, else by the handover. */
const clientIdOf = (command: HandoverCommand, state: HandoverState) =>
  command.type === 'RequestHandover'
    ? command.clientId
    : state.status === 'none'
      ? undefined
      : state.clientId;

/** Decides on the handover stream; request and approval read the client's state too. */
const handoverStep = (run: CommandRun, command: HandoverCommand) => {
  const { context } = run;
  return runStep(run, {
    folder: handoverFolder,
    stream: stream.handover(command.handoverId as string),
    pinned: context.expectedRevision,
    decide: async ({ state }) => {
      const clientId = clientIdOf(command, state);
      const readsClient =
        command.type === 'RequestHandover' || command.type === 'ApproveHandover';
      const client: ClientState =
        readsClient && clientId ? await loadClient(run, clientId) : initialClientState;
      authorise(command, context.actor, context.source, { client, handover: state });
      const toOwnerId =
        command.type === 'RequestHandover'
          ? command.toOwnerId
          : state.status === 'none'
            ? undefined
            : state.toOwnerId;
      const facts = await decisionContext(run, { people: [toOwnerId] });
      return decideHandover(command, state, client, facts);
    },
  });
};

export const handleHandoverCommand = async (
  run: CommandRun,
  command: HandoverCommand,
): Promise<StepResult[]> => {
  const decided = await handoverStep(run, command);
  if (command.type !== 'ApproveHandover') return [decided];
  return [decided, await completeApproval(run, command, decided)];
};

/**
 * EventStoreDB writes one stream per transaction, so an approval is two
 * appends: the handover stream records the decision first, then the client
 * stream records the transfer. If the process dies in between, retrying the
 * same command id finds the approval already recorded (its event id is
 * derived from the command id), skips deciding it again and completes the
 * transfer, whose event id is derived the same way; a retry after both
 * steps changes nothing. Known gap: if the client changes owner between the
 * two appends, the transfer is refused (handover.owner-changed) and the
 * handover stays approved without a transfer.
 */
const completeApproval = async (
  run: CommandRun,
  command: CommandOf<'ApproveHandover'>,
  decided: StepResult<HandoverState>,
): Promise<StepResult> => {
  const handover = decided.loaded;
  const approval = decided.events[0];
  if (handover.status === 'none' || approval?.type !== 'HandoverApproved')
    throw new Error(`Handover ${command.handoverId} has no approval to complete`);
  const { fromOwnerId, toOwnerId } = handover;
  return runStep(run, {
    folder: clientFolder,
    stream: stream.client(handover.clientId),
    decide: async ({ state }) =>
      transferForHandover({ ...approval.data, fromOwnerId, toOwnerId }, state),
  });
};
