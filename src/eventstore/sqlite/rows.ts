import type { EventFilter, JsonObject, RecordedEvent } from '../port';
import { positionOf } from '../position';

/**
 * An `events` row as SQLite returns it in raw mode, data and metadata still
 * JSON text. Raw mode (arrays, not objects) reads the log markedly faster.
 */
export type EventRow = readonly [
  position: number,
  id: string,
  stream: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  recordedAt: number,
];

export const eventColumns =
  'position, id, stream, revision, type, data, metadata, recorded_at';

export const rowPosition = (row: EventRow): number => row[0];

/** Parses the row's JSON, once, when the event is about to be handed out. */
export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  id: row[1],
  stream: row[2],
  revision: row[3],
  position: positionOf(row[0]),
  type: row[4],
  data: JSON.parse(row[5]) as JsonObject,
  metadata: JSON.parse(row[6]) as JsonObject,
  recordedAt: new Date(row[7]),
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
    (streams === undefined || streams.some((prefix) => row[2].startsWith(prefix))) &&
    (types === undefined || types.some((prefix) => row[4].startsWith(prefix)));
};
