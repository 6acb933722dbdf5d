import { type DecisionContext, nowIso, personIn } from '../client/decision-context';
import type { Command } from '../commands/commands';
import { domainError } from '../errors';
import { type PersonEvent, parseEvent } from '../events/catalogue';
import type { Role } from '../events/primitives';
import { assertCanOwn } from './owner-check';
import { ownerRoles, type PersonState } from './state';

export type PersonCommand = Extract<
  Command,
  { readonly type: 'AddPerson' | 'ChangePersonRole' | 'RecordDeparture' }
>;

/**
 * The person decider. A departure is recorded here first; the hand-off of
 * each client the person owned follows in the client streams
 * (`handOffForDeparture`).
 */
export const decidePerson = (
  command: PersonCommand,
  state: PersonState,
  context: DecisionContext,
): PersonEvent[] => {
  const occurredAt = command.occurredAt ?? nowIso(context);
  if (command.type === 'AddPerson') {
    const personId = command.personId ?? context.newId('person');
    if (state.status !== 'unknown')
      throw domainError('person.already-registered', `Person ${personId} exists`, {
        path: 'personId',
      });
    const { name, email, role, managerId } = command;
    return [
      parseEvent('PersonJoined', { personId, name, email, role, managerId, occurredAt }),
    ];
  }

  const { personId } = command;
  const person = assertPresent(state, personId);
  if (command.type === 'ChangePersonRole') {
    if (person.role === command.role)
      throw domainError(
        'person.same-role',
        `${person.name} is a ${person.role} already`,
        {
          path: 'role',
        },
      );
    assertOwnsNothingIfNoLongerOwner(command.role, personId, context);
    return [
      parseEvent('PersonRoleChanged', {
        ...{ personId, role: command.role, previousRole: person.role, occurredAt },
      }),
    ];
  }

  const { successorId } = command;
  if (successorId === personId)
    throw domainError('person.successor-self', 'A person cannot succeed themselves', {
      path: 'successorId',
    });
  if (successorId !== null)
    assertCanOwn(successorId, personIn(context, successorId), 'successorId');
  return [
    parseEvent('PersonDeparted', {
      ...{ personId, successorId, reason: command.reason, occurredAt },
    }),
  ];
};

const assertPresent = (state: PersonState, personId: string) => {
  if (state.status === 'unknown')
    throw domainError('person.not-found', `No person ${personId}`, {
      path: 'personId',
      details: { personId },
    });
  if (state.status === 'departed')
    throw domainError('person.departed', `${state.name} has left the company`, {
      path: 'personId',
      details: { personId },
    });
  return state;
};

/** A salesperson who becomes, say, an auditor must first hand over their clients. */
const assertOwnsNothingIfNoLongerOwner = (
  role: Role,
  personId: string,
  context: DecisionContext,
) => {
  if (ownerRoles.includes(role)) return;
  const owned = context.holdings.get(personId);
  if (owned === undefined)
    throw new Error(`Holdings of ${personId} were not loaded before deciding`);
  if (owned.length > 0)
    throw domainError(
      'person.owns-clients',
      `The person still owns ${owned.length} clients; hand them over first`,
      { details: { personId, count: owned.length } },
    );
};
