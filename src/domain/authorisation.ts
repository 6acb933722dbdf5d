import type { CustodyError } from '../errors';
import type { Actor } from './client/decision-context';
import type { ClientState } from './client/state';
import type { Command, CommandType } from './commands/commands';
import { domainError } from './errors';
import type { EventSource } from './events/metadata';
import type { Role } from './events/primitives';
import type { HandoverState } from './handover/state';
import type { PersonState } from './person/state';

/**
 * Who may run which command, enforced here and nowhere else. Two stages:
 * the role may run the command at all (the matrix below), then, for the
 * commands a salesperson runs on their own clients, the client's state says
 * whether it is theirs. Interactions are logged by people who took part:
 * the actor must be among the participants (imports excepted, they record
 * other people's history), and a salesperson logs only on a client they own
 * or together with its owner, so nobody builds a relationship record on a
 * colleague's client behind their back; pool clients are claimed first.
 * A person who has left acts no more. Four-eyes approval of handovers is a
 * rule of the handover itself (`handover.self-approval`), in its decider.
 */

/** A role, or no person: `system` (policy, first start) or `import` (the operator). */
export type Party = Role | 'system' | 'import';

export interface MatrixEntry {
  readonly commands: readonly CommandType[];
  readonly rule: string;
}

const clientWork: readonly CommandType[] = [
  'RegisterClient',
  'ChangeClientDetails',
  'ArchiveClient',
  'MergeClients',
  'AssignOwner',
  'ReleaseClient',
  'LogContact',
  'LogVisit',
  'IssueQuote',
  'ReviseQuote',
  'AcceptQuote',
  'LoseQuote',
  'LockClient',
  'UnlockClient',
  'ResolveDispute',
  'RequestHandover',
  'ApproveHandover',
  'RejectHandover',
  'CancelHandover',
];

export const authorisationMatrix: Readonly<Record<Party, MatrixEntry>> = {
  salesperson: {
    commands: [
      'RegisterClient',
      'ChangeClientDetails',
      'ClaimClient',
      'ReleaseClient',
      'LogContact',
      'LogVisit',
      'IssueQuote',
      'ReviseQuote',
      'AcceptQuote',
      'LoseQuote',
      'RaiseDispute',
      'RequestHandover',
      'CancelHandover',
    ],
    rule:
      'Own clients only; logs interactions they took part in; claims within the cap; ' +
      'cancels own handover requests',
  },
  manager: {
    commands: clientWork,
    rule: 'Everything on clients; approves and rejects handovers others requested',
  },
  executive: {
    commands: ['LogContact', 'LogVisit'],
    rule: 'Logs interactions they took part in (key-account visits); reads',
  },
  auditor: { commands: [], rule: 'Reads only' },
  admin: {
    commands: ['AddPerson', 'ChangePersonRole', 'RecordDeparture'],
    rule: 'Manages people (and API tokens)',
  },
  system: {
    commands: ['ReleaseNeglectedClient', 'ExpireHandover', 'AddPerson'],
    rule:
      'The pool policy releases neglected clients and expires handovers; ' +
      'first start adds the first person',
  },
  import: {
    commands: [
      'RegisterClient',
      'AssignOwner',
      'LogContact',
      'LogVisit',
      'IssueQuote',
      'ReviseQuote',
      'AcceptQuote',
      'LoseQuote',
      'AddPerson',
    ],
    rule: 'An operator import records history as it was, participants as given',
  },
};

/**
 * An import is authorised as the operator who runs it, whoever it names as
 * the actor (the person who issued a historical quote, say): it records
 * history as it was, so the state checks below do not apply to it.
 */
export const partyOf = (actor: Actor | null, source: EventSource): Party =>
  source === 'import' ? 'import' : actor ? actor.role : 'system';

export interface AuthorisationFacts {
  readonly client?: ClientState;
  readonly handover?: HandoverState;
}

/** The first stage alone: may this role run this command at all? (`auth.forbidden`) */
export const authoriseRole = (
  command: Command,
  actor: Actor | null,
  source: EventSource,
): void => {
  const party = partyOf(actor, source);
  if (!authorisationMatrix[party].commands.includes(command.type))
    throw domainError('auth.forbidden', `A ${party} may not run ${command.type}`, {
      details: { command: command.type, role: party },
    });
};

/**
 * Both stages, once the target stream's state is known. Throws
 * `auth.forbidden`, `ownership.not-owner` or `interaction.not-participant`.
 */
export const authorise = (
  command: Command,
  actor: Actor | null,
  source: EventSource,
  facts: AuthorisationFacts,
): void => {
  authoriseRole(command, actor, source);
  if (actor === null || source === 'import') return;
  const refusal = refuseByState(command, actor, facts);
  if (refusal) throw refusal;
};

/**
 * A person who has left acts no more, whatever their token says. An actor
 * without a person stream is left to the role check: the token service
 * vouches for them.
 */
export const authoriseStanding = (actor: Actor | null, person: PersonState): void => {
  if (actor !== null && person.status === 'departed')
    throw domainError('person.departed', `${person.name} has left the company`, {
      path: 'actor',
      details: { personId: actor.personId },
    });
};

/** Lifting the interaction age limit is for imports only. */
export const authoriseHistoricalImport = (
  historicalImport: boolean | undefined,
  source: EventSource,
): void => {
  if (historicalImport && source !== 'import')
    throw domainError('auth.forbidden', 'Only an import may record old interactions', {
      details: { source },
    });
};

const ownClientCommands: readonly CommandType[] = [
  'ChangeClientDetails',
  'ReleaseClient',
  'IssueQuote',
  'ReviseQuote',
  'AcceptQuote',
  'LoseQuote',
  'RequestHandover',
];

const refuseByState = (
  command: Command,
  actor: Actor,
  facts: AuthorisationFacts,
): CustodyError | undefined => {
  const { client, handover } = facts;
  if (command.type === 'LogContact' || command.type === 'LogVisit') {
    const participants = command.participants ?? [actor.personId];
    if (!participants.includes(actor.personId))
      return domainError(
        'interaction.not-participant',
        'Log interactions you took part in',
        {
          path: 'participants',
        },
      );
    if (actor.role !== 'salesperson' || !client || client.status === 'unregistered')
      return undefined;
    if (client.ownerId === actor.personId) return undefined;
    if (client.ownerId !== null && participants.includes(client.ownerId))
      return undefined;
    return notOwner(client.ownerId === null ? 'Claim the client first' : undefined);
  }
  if (actor.role !== 'salesperson') return undefined;
  if (command.type === 'RegisterClient')
    return command.ownerId === undefined || command.ownerId === actor.personId
      ? undefined
      : domainError('auth.forbidden', 'A salesperson may name only themselves as owner', {
          path: 'ownerId',
        });
  if (command.type === 'CancelHandover')
    return handover?.status === 'none' || handover?.requestedBy === actor.personId
      ? undefined
      : domainError(
          'auth.forbidden',
          'Only the requester or a manager cancels a handover',
        );
  if (!ownClientCommands.includes(command.type)) return undefined;
  if (!client || client.status === 'unregistered') return undefined;
  return client.ownerId === actor.personId ? undefined : notOwner();
};

const notOwner = (hint?: string) =>
  domainError(
    'ownership.not-owner',
    hint ?? 'Only the owner of the client or a manager may do this',
  );
