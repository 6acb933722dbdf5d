import type { EventStore, ReadStreamOptions, RecordedEvent } from '../../eventstore/port';

/**
 * The log as the ledger knew it at an instant: events recorded after it
 * (by the ledger's own recordedAt, kept in the metadata) are hidden. Only
 * stream reads are narrowed; that is all a client replay needs.
 */
export const knownAt = (store: EventStore, instant: number): EventStore =>
  Object.assign(Object.create(store) as EventStore, {
    readStream: async (stream: string, options?: ReadStreamOptions) => {
      const events = await store.readStream(stream, options);
      return events.filter((event: RecordedEvent) => recordedAt(event) <= instant);
    },
  });

const recordedAt = (event: RecordedEvent): number => {
  const value = event.metadata.recordedAt;
  return typeof value === 'string' ? Date.parse(value) : event.recordedAt.getTime();
};
