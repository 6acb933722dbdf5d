import { stream } from '../../domain/events/primitives';
import { StreamNotFoundError } from '../../eventstore/errors';
import type { EventStore } from '../../eventstore/port';

/** Names of the people a client's history mentions, read from their own streams. */
export const personNamesFor = async (
  store: EventStore,
  clientStream: string,
): Promise<(personId: string | null) => string | null> => {
  const ids = new Set<string>();
  const events = await store.readStream(clientStream);
  const collect = (value: unknown): void => {
    if (typeof value === 'string' && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(value))
      ids.add(value);
    else if (Array.isArray(value)) value.forEach(collect);
  };
  for (const event of events) {
    for (const value of Object.values(event.data)) collect(value);
    collect(event.metadata.actorId);
  }
  const names = new Map<string, string>();
  for (const id of ids) {
    try {
      const [joined] = await store.readStream(stream.person(id), { maxCount: 1 });
      if (joined?.type === 'PersonJoined') names.set(id, String(joined.data.name));
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
  }
  return (personId) => (personId === null ? null : (names.get(personId) ?? null));
};
