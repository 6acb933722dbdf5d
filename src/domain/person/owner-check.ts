import type { CustodyError } from '../../errors';
import { domainError } from '../errors';
import { ownerRoles, type PersonState } from './state';

/**
 * Why a person may not receive a client (claim, assignment, handover,
 * dispute award, succession), or `undefined` when they may. Departed people
 * own nothing; only salespeople own clients.
 */
export const cannotOwn = (
  personId: string,
  person: PersonState,
  path: string,
): CustodyError | undefined => {
  if (person.status === 'unknown')
    return domainError('person.not-found', `No person ${personId}`, {
      path,
      details: { personId },
    });
  if (person.status === 'departed')
    return domainError('person.departed', `${person.name} has left the company`, {
      path,
      details: { personId },
    });
  if (!ownerRoles.includes(person.role))
    return domainError(
      'person.cannot-own',
      `${person.name} is a ${person.role}; only salespeople own clients`,
      { path, details: { personId, role: person.role } },
    );
  return undefined;
};

export const assertCanOwn = (personId: string, person: PersonState, path: string) => {
  const error = cannotOwn(personId, person, path);
  if (error) throw error;
};
