import type { CommandType } from '../../../domain/commands/commands';
import type { Role } from '../../../domain/events/primitives';

/**
 * Which roles may send each command over HTTP at all. This is the coarse
 * gate (403 before the body is read); the command bus checks the finer
 * rules (only the owner or a manager may release, and so on).
 */
const sellers: readonly Role[] = ['salesperson', 'manager'];
const managers: readonly Role[] = ['manager'];
const peopleAdmins: readonly Role[] = ['admin', 'manager'];

const rolesByCommand: Readonly<Record<CommandType, readonly Role[]>> = {
  RegisterClient: ['salesperson', 'manager', 'admin'],
  ChangeClientDetails: ['salesperson', 'manager', 'admin'],
  ArchiveClient: ['manager', 'admin'],
  MergeClients: ['manager', 'admin'],
  AssignOwner: ['manager', 'admin'],
  ClaimClient: ['salesperson'],
  ReleaseClient: sellers,
  LogContact: ['salesperson', 'manager', 'executive'],
  LogVisit: ['salesperson', 'manager', 'executive'],
  IssueQuote: sellers,
  ReviseQuote: sellers,
  AcceptQuote: sellers,
  LoseQuote: sellers,
  LockClient: managers,
  UnlockClient: managers,
  RaiseDispute: ['salesperson'],
  ResolveDispute: managers,
  ReleaseNeglectedClient: [],
  RequestHandover: sellers,
  ApproveHandover: managers,
  RejectHandover: managers,
  CancelHandover: sellers,
  ExpireHandover: [],
  AddPerson: peopleAdmins,
  ChangePersonRole: ['admin'],
  RecordDeparture: peopleAdmins,
};

export const rolesFor = (type: CommandType): readonly Role[] => rolesByCommand[type];
