import type { Role } from '../src/domain/events/primitives';
import { instantMs, noKeys, type ProjectionDefinition } from './definition';

/** People of our company, for names in read models and reports. */
export interface PersonRecord {
  readonly personId: string;
  name: string;
  email: string;
  role: Role;
  managerId: string | null;
  joinedAt: number;
  departedAt: number | null;
  successorId: string | null;
}

export const peopleProjection: ProjectionDefinition<PersonRecord> = {
  name: 'people',
  eventTypes: ['PersonJoined', 'PersonRoleChanged', 'PersonDeparted'],
  version: 1,
  settingsKey: '',
  keysOf(event) {
    switch (event.type) {
      case 'PersonJoined':
      case 'PersonRoleChanged':
      case 'PersonDeparted':
        return [event.data.personId];
      default:
        return noKeys;
    }
  },
  evolve(person, event) {
    switch (event.type) {
      case 'PersonJoined':
        return {
          personId: event.data.personId,
          name: event.data.name,
          email: event.data.email,
          role: event.data.role,
          managerId: event.data.managerId ?? null,
          joinedAt: instantMs(event.data.occurredAt),
          departedAt: null,
          successorId: null,
        };
      case 'PersonRoleChanged':
        if (person) person.role = event.data.role;
        return person;
      case 'PersonDeparted':
        if (person) {
          person.departedAt = instantMs(event.data.occurredAt);
          person.successorId = event.data.successorId;
        }
        return person;
      default:
        return person;
    }
  },
};
