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
export const rowFilter = <Row extends EventRow | LeanRow>(
  filter: EventFilter | undefined,
  columns: { readonly stream: number; readonly type: number },
): ((row: Row) => boolean) | undefined => {
  const streams = filter?.streamPrefixes;
  const types = filter?.eventTypePrefixes;
  if (streams === undefined && types === undefined) return undefined;
  const { stream, type } = columns;
  return (row) =>
    (streams === undefined ||
      streams.some((prefix) => (row[stream] as string).startsWith(prefix))) &&
    (types === undefined ||
      types.some((prefix) => (row[type] as string).startsWith(prefix)));
};

/** Where `rowFilter` finds the stream and the type in each kind of row. */
export const eventRowColumns = { stream: 2, type: 4 } as const;
export const leanRowColumns = { stream: 1, type: 3 } as const;

/**
 * The columns a log-folding consumer reads for every event. Leaving out the
 * id, metadata and recording time made a full projection rebuild markedly
 * faster: they are the larger part of a row and are rarely looked at. Rows
 * of the event types the consumer does read them for carry them too; the
 * others have nulls there.
 */
export type LeanRow = readonly [
  position: number,
  stream: string,
  revision: number,
  type: string,
  data: string,
  id: string | null,
  metadata: string | null,
  recordedAt: number | null,
];

/**
 * The query of a lean page: its parameters are the event types read whole
 * (`typeCount` of them) three times, once per column they add, then the
 * first position and the page size.
 */
export const leanPageQuery = (typeCount: number): string => {
  const types = Array.from({ length: typeCount }, () => '?').join(', ');
  const whole = (column: string) =>
    typeCount === 0 ? 'NULL' : `CASE WHEN type IN (${types}) THEN ${column} END`;
  return `SELECT position, stream, revision, type, data, ${whole('id')}, ${whole('metadata')}, ${whole('recorded_at')}
    FROM events WHERE position >= ? ORDER BY position LIMIT ?`;
};

/** The columns a `LeanRow` may leave out, read by position. */
export type DetailsRow = readonly [id: string, metadata: string, recordedAt: number];

export const leanRowPosition = (row: LeanRow): number => row[0];

/**
 * An event read from a `LeanRow`: `id`, `metadata` and `recordedAt` come
 * with the row for the event types asked for, otherwise from one more query
 * by position when one of them is first accessed.
 */
class LeanRecordedEvent implements RecordedEvent {
  readonly stream: string;
  readonly revision: number;
  readonly position: RecordedEvent['position'];
  readonly type: string;
  readonly data: JsonObject;
  private details: DetailsRow | undefined;
  private parsedMetadata: JsonObject | undefined;

  constructor(
    row: LeanRow,
    private readonly readDetails: (position: number) => DetailsRow,
  ) {
    this.stream = row[1];
    this.revision = row[2];
    this.position = positionOf(row[0]);
    this.type = row[3];
    this.data = JSON.parse(row[4]) as JsonObject;
    if (row[6] !== null) this.details = [row[5]!, row[6], row[7]!];
  }

  get id(): string {
    return this.loadDetails()[0];
  }

  get metadata(): JsonObject {
    this.parsedMetadata ??= JSON.parse(this.loadDetails()[1]) as JsonObject;
    return this.parsedMetadata;
  }

  get recordedAt(): Date {
    return new Date(this.loadDetails()[2]);
  }

  private loadDetails(): DetailsRow {
    this.details ??= this.readDetails(Number(this.position.commit));
    return this.details;
  }
}

export const toLeanRecordedEvent = (
  row: LeanRow,
  readDetails: (position: number) => DetailsRow,
): RecordedEvent => new LeanRecordedEvent(row, readDetails);
