import type { PersonEvent } from '../events/catalogue';
import type { Role } from '../events/primitives';

/** What command handling needs to know of a person, folded from their stream. */
export type PersonState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'active' | 'departed';
      readonly personId: string;
      readonly name: string;
      readonly role: Role;
    };

export const initialPersonState: PersonState = { status: 'unknown' };

export const evolvePerson = (state: PersonState, event: PersonEvent): PersonState => {
  switch (event.type) {
    case 'PersonJoined':
      return {
        status: 'active',
        personId: event.data.personId,
        name: event.data.name,
        role: event.data.role,
      };
    case 'PersonRoleChanged':
      return state.status === 'unknown' ? state : { ...state, role: event.data.role };
    case 'PersonDeparted':
      return state.status === 'unknown' ? state : { ...state, status: 'departed' };
  }
};

/** Roles that may own clients: the brief's "salesperson", nobody else. */
export const ownerRoles: readonly Role[] = ['salesperson'];
