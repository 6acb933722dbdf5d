import type { EventFilter, JsonObject, RecordedEvent } from '../port';
import { positionOf } from '../position';

/** An `events` row as SQLite returns it; data and metadata still JSON text. */
export interface EventRow {
  readonly position: number;
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: number;
}

export const eventColumns =
  'position, id, stream, revision, type, data, metadata, recorded_at';

/** Parses the row's JSON, once, when the event is about to be handed out. */
export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  id: row.id,
  stream: row.stream,
  revision: row.revision,
  position: positionOf(row.position),
  type: row.type,
  data: JSON.parse(row.data) as JsonObject,
  metadata: JSON.parse(row.metadata) as JsonObject,
  recordedAt: new Date(row.recorded_at),
});

/**
 * Either list alone keeps events matching one of its prefixes; with both,
 * an event must match each list. Works on the raw row so that events filtered
 * out are never parsed.
 */
export const rowFilter = (
  filter: EventFilter | undefined,
): ((row: EventRow) => boolean) | undefined => {
  const streams = filter?.streamPrefixes;
  const types = filter?.eventTypePrefixes;
  if (streams === undefined && types === undefined) return undefined;
  return (row) =>
    (streams === undefined || streams.some((prefix) => row.stream.startsWith(prefix))) &&
    (types === undefined || types.some((prefix) => row.type.startsWith(prefix)));
};
