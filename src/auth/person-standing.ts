import type { Role } from '../domain/events/primitives';
import type { RecordedEvent } from '../eventstore/port';

/** What authentication needs of a person: their role now, and whether they left. */
export interface PersonStanding {
  readonly role: Role;
  readonly departed: boolean;
}

/** Folds one person event into the standing; other events leave it as it is. */
export const evolveStanding = (
  standing: PersonStanding | undefined,
  event: Pick<RecordedEvent, 'type' | 'data'>,
): PersonStanding | undefined => {
  const role = event.data.role as Role | undefined;
  switch (event.type) {
    case 'PersonJoined':
      return role === undefined ? standing : { role, departed: false };
    case 'PersonRoleChanged':
      return standing === undefined || role === undefined
        ? standing
        : { ...standing, role };
    case 'PersonDeparted':
      return standing === undefined ? standing : { ...standing, departed: true };
    default:
      return standing;
  }
};

export const foldStanding = (
  events: readonly Pick<RecordedEvent, 'type' | 'data'>[],
): PersonStanding | undefined => events.reduce(evolveStanding, undefined);
