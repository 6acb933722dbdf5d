import { authorise } from '../domain/authorisation';
import { type ClientCommand, decideClient } from '../domain/client/decide';
import { mergeClients } from '../domain/client/decide-lifecycle';
import type { Actor } from '../domain/client/decision-context';
import { evolveClient } from '../domain/client/evolve';
import { type ClientState, initialClientState } from '../domain/client/state';
import type { CommandOf } from '../domain/commands/commands';
import { type ClientEvent, stream } from '../domain/events';
import { type CommandRun, decisionContext, type FactNeeds } from './command-run';
import { type Folder, loadStream } from './loaded-stream';
import { runStep, type StepResult } from './stream-step';

export const clientFolder: Folder<ClientState> = {
  initial: initialClientState,
  evolve: (state: ClientState, event: { type: string }) =>
    evolveClient(state, event as ClientEvent),
};

export const loadClient = async (run: CommandRun, clientId: string) =>
  (await loadStream(run.store, stream.client(clientId), clientFolder, run.cache)).state;

/** People and holdings each client command's rules consult. */
const factNeeds = (
  command: ClientCommand,
  actor: Actor | null,
  state: ClientState,
): FactNeeds => {
  switch (command.type) {
    case 'ClaimClient':
      return { people: [actor?.personId], holdings: [actor?.personId] };
    case 'RaiseDispute':
      return { people: [actor?.personId] };
    case 'AssignOwner':
    case 'RegisterClient':
      return { people: [command.ownerId], holdings: [command.ownerId] };
    case 'ResolveDispute': {
      const disputes = state.status === 'unregistered' ? {} : state.disputes;
      return { people: [disputes[command.disputeId]?.claimantId] };
    }
    default:
      return {};
  }
};

/** A command on one client stream: load, authorise, decide, append. */
export const handleClientCommand = (
  run: CommandRun,
  command: ClientCommand,
): Promise<StepResult<ClientState>> => {
  const { context } = run;
  // completeCommand has derived the id of a client being registered.
  const clientId = command.clientId as string;
  return runStep(run, {
    folder: clientFolder,
    stream: stream.client(clientId),
    pinned: context.expectedRevision,
    decide: async ({ state }) => {
      authorise(command, context.actor, context.source, { client: state });
      const facts = await decisionContext(run, factNeeds(command, context.actor, state));
      return decideClient(command, state, facts);
    },
  });
};

/** The duplicate's stream records the merge; the survivor is read, not written. */
export const handleMerge = (
  run: CommandRun,
  command: CommandOf<'MergeClients'> & { readonly type: 'MergeClients' },
): Promise<StepResult<ClientState>> => {
  const { context } = run;
  return runStep(run, {
    folder: clientFolder,
    stream: stream.client(command.clientId),
    pinned: context.expectedRevision,
    decide: async ({ state }) => {
      authorise(command, context.actor, context.source, { client: state });
      const survivor = await loadClient(run, command.survivorId);
      return mergeClients(command, state, survivor, await decisionContext(run));
    },
  });
};
