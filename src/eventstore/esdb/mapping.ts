import { randomUUID } from 'node:crypto';
import {
  type AllStreamResolvedEvent,
  ANY,
  type AppendExpectedRevision,
  type Position as EsdbPosition,
  type EventData,
  jsonEvent,
  NO_STREAM,
  type ResolvedEvent,
  STREAM_EXISTS,
} from '@eventstore/db-client';
import { CustodyError } from '../../errors';
import type {
  ExpectedRevision,
  JsonObject,
  NewEvent,
  Position,
  RecordedEvent,
} from '../port';
import type { SerialisedEvent } from '../validate-append';

/**
 * Pure conversions between the port's types and the client's. They hold no
 * connection, so they are tested without a server.
 */

export const toEsdbExpectedRevision = (
  expected: ExpectedRevision,
): AppendExpectedRevision => {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
};

/** The client reports a missing stream as `"no_stream"`; the port as `undefined`. */
export const fromEsdbRevision = (
  revision: bigint | number | 'no_stream',
): number | undefined => (revision === 'no_stream' ? undefined : Number(revision));

export const toEsdbPosition = (position: Position): EsdbPosition => ({
  commit: position.commit,
  prepare: position.prepare,
});

export const fromEsdbPosition = (position: EsdbPosition): Position => ({
  commit: BigInt(position.commit),
  prepare: BigInt(position.prepare),
});

/**
 * Builds the client's event with our id, so that a retried append carries the
 * same ids and the server can recognise it. Events without an id get a fresh
 * one here, which also lets the adapter find the batch again afterwards.
 */
export const toEsdbEvent = (event: NewEvent, validated: SerialisedEvent): EventData =>
  jsonEvent({
    id: validated.id ?? randomUUID(),
    type: event.type,
    data: { ...event.data },
    metadata: { ...(event.metadata ?? {}) },
  });

/** System events (projections' links, statistics, stream metadata) start with `$`. */
export const isSystemEvent = (
  resolved: ResolvedEvent | AllStreamResolvedEvent,
): boolean => {
  const type = resolved.event?.type;
  return type === undefined || type.startsWith('$');
};

const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Uint8Array);

/** Converts a recorded event read from a stream or from `$all` to the port's shape. */
export const toRecordedEvent = (
  resolved: ResolvedEvent | AllStreamResolvedEvent,
): RecordedEvent => {
  const event = resolved.event;
  if (event === undefined) {
    throw unreadable('a link whose target is gone', 'unknown', 'unknown');
  }
  if (event.position === undefined) {
    // Positions on stream reads arrived with server 22.6; Custody needs them.
    throw unreadable(
      'no global position (server older than 22.6?)',
      event.streamId,
      event.id,
    );
  }
  if (!event.isJson || !isJsonObject(event.data)) {
    throw unreadable('data that is not a JSON object', event.streamId, event.id);
  }
  return {
    id: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
    position: fromEsdbPosition(event.position),
    type: event.type,
    data: event.data,
    metadata: isJsonObject(event.metadata) ? event.metadata : {},
    recordedAt: event.created,
  };
};

const unreadable = (what: string, stream: string, id: string) =>
  new CustodyError(
    'validation',
    'store.unreadable-event',
    `Event ${id} of stream ${stream} has ${what}; Custody cannot read it`,
    { details: { stream, id } },
  );
