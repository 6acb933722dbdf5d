import { eventTypeFilter, type Filter, streamNameFilter } from '@eventstore/db-client';
import type { EventFilter, RecordedEvent } from '../port';

/**
 * How a port filter runs against EventStoreDB. The server filters on stream
 * name or on event type, not both at once, so the stream prefixes (the more
 * selective in Custody, which names streams by category) go to the server and
 * the type prefixes are checked here. `matches` checks both, so it is also
 * correct for whatever the server let through.
 */
export interface FilterPlan {
  readonly server: Filter | undefined;
  matches(event: Pick<RecordedEvent, 'stream' | 'type'>): boolean;
}

const startsWithAny = (value: string, prefixes: readonly string[]): boolean =>
  prefixes.some((prefix) => value.startsWith(prefix));

/**
 * A missing list places no constraint; an empty one matches nothing (as in
 * the embedded store), and is left to `matches` since the server would read
 * an empty prefix list differently.
 */
export const planFilter = (filter: EventFilter | undefined): FilterPlan => {
  const streams = filter?.streamPrefixes;
  const types = filter?.eventTypePrefixes;

  let server: Filter | undefined;
  if (streams !== undefined && streams.length > 0) {
    server = streamNameFilter({ prefixes: [...streams] });
  } else if (types !== undefined && types.length > 0) {
    server = eventTypeFilter({ prefixes: [...types] });
  }

  return {
    server,
    matches: (event) =>
      (streams === undefined || startsWithAny(event.stream, streams)) &&
      (types === undefined || startsWithAny(event.type, types)),
  };
};
