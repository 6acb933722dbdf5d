import type { Command } from '../commands/commands';
import type { ClientEvent } from '../events/catalogue';
import {
  closeQuote,
  issueQuote,
  logContact,
  logVisit,
  reviseQuote,
} from './decide-activity';
import { raiseDispute, resolveDispute } from './decide-dispute';
import {
  archiveClient,
  changeClientDetails,
  lockClient,
  registerClient,
} from './decide-lifecycle';
import {
  assignOwner,
  claimClient,
  releaseClient,
  releaseNeglectedClient,
} from './decide-ownership';
import type { DecisionContext } from './decision-context';
import type { ClientState } from './state';

/** Commands decided on one client stream alone (MergeClients also reads the survivor). */
export const clientCommandTypes = [
  'RegisterClient',
  'ChangeClientDetails',
  'ArchiveClient',
  'AssignOwner',
  'ClaimClient',
  'ReleaseClient',
  'LogContact',
  'LogVisit',
  'IssueQuote',
  'ReviseQuote',
  'AcceptQuote',
  'LoseQuote',
  'LockClient',
  'UnlockClient',
  'RaiseDispute',
  'ResolveDispute',
  'ReleaseNeglectedClient',
] as const;

export type ClientCommand = Extract<
  Command,
  { readonly type: (typeof clientCommandTypes)[number] }
>;

export const isClientCommand = (command: Command): command is ClientCommand =>
  (clientCommandTypes as readonly string[]).includes(command.type);

/** The client decider: the events a command yields on the client's stream, or an error. */
export const decideClient = (
  command: ClientCommand,
  state: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  switch (command.type) {
    case 'RegisterClient':
      return registerClient(command, state, context);
    case 'ChangeClientDetails':
      return changeClientDetails(command, state, context);
    case 'ArchiveClient':
      return archiveClient(command, state, context);
    case 'AssignOwner':
      return assignOwner(command, state, context);
    case 'ClaimClient':
      return claimClient(command, state, context);
    case 'ReleaseClient':
      return releaseClient(command, state, context);
    case 'LogContact':
      return logContact(command, state, context);
    case 'LogVisit':
      return logVisit(command, state, context);
    case 'IssueQuote':
      return issueQuote(command, state, context);
    case 'ReviseQuote':
      return reviseQuote(command, state, context);
    case 'AcceptQuote':
      return closeQuote(command, 'accepted', state, context);
    case 'LoseQuote':
      return closeQuote(command, 'lost', state, context);
    case 'LockClient':
      return lockClient(command, true, state, context);
    case 'UnlockClient':
      return lockClient(command, false, state, context);
    case 'RaiseDispute':
      return raiseDispute(command, state, context);
    case 'ResolveDispute':
      return resolveDispute(command, state, context);
    case 'ReleaseNeglectedClient':
      return releaseNeglectedClient(command, state, context);
  }
};
