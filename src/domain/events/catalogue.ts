import type { z } from 'zod';
import { CustodyError } from '../../errors';
import type { Position, RecordedEvent } from '../../eventstore/port';
import { clientEventSchemas } from './client-events';
import { handoverEventSchemas } from './handover-events';
import type { EventMetadata } from './metadata';
import { personEventSchemas } from './person-events';

/**
 * The catalogue of every event Custody stores, with its schema and version.
 * The schemas validate what is written; what is read back was validated on
 * the way in and is trusted, so that projections replay at full speed.
 */
export const eventSchemas = {
  ...clientEventSchemas,
  ...handoverEventSchemas,
  ...personEventSchemas,
} as const;

export type EventType = keyof typeof eventSchemas;
export type EventDataOf<T extends EventType> = z.infer<(typeof eventSchemas)[T]>;

/** A domain event: a type from the catalogue and its data. */
export type CustodyEvent = {
  [K in EventType]: { readonly type: K; readonly data: EventDataOf<K> };
}[EventType];

export type EventOfType<T extends EventType> = Extract<CustodyEvent, { type: T }>;

export type ClientEventType = keyof typeof clientEventSchemas;
export type HandoverEventType = keyof typeof handoverEventSchemas;
export type PersonEventType = keyof typeof personEventSchemas;
export type ClientEvent = EventOfType<ClientEventType>;
export type HandoverEvent = EventOfType<HandoverEventType>;
export type PersonEvent = EventOfType<PersonEventType>;

/** Schema version of each event type; bump it with a new, compatible schema. */
export const eventSchemaVersions: Readonly<Record<EventType, number>> =
  Object.fromEntries(Object.keys(eventSchemas).map((type) => [type, 1])) as Record<
    EventType,
    number
  >;

export const isEventType = (type: string): type is EventType =>
  Object.hasOwn(eventSchemas, type);

/** Validates an event about to be written; throws `event.invalid` naming the field. */
export const parseEvent = <T extends EventType>(
  type: T,
  data: unknown,
): EventOfType<T> => {
  const result = eventSchemas[type].safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    throw new CustodyError('validation', 'event.invalid', `Invalid ${type} event`, {
      issues,
      ...(issues[0] ? { path: issues[0].path } : {}),
    });
  }
  return { type, data: result.data } as EventOfType<T>;
};

/** An event as read back from the store, with its place in the log. */
export type LedgerEvent = CustodyEvent & {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly position: Position;
  readonly metadata: EventMetadata;
};

/** Narrows a stored event to a ledger event; `undefined` for types Custody does not know. */
export const toLedgerEvent = (recorded: RecordedEvent): LedgerEvent | undefined => {
  if (!isEventType(recorded.type)) return undefined;
  return {
    id: recorded.id,
    stream: recorded.stream,
    revision: recorded.revision,
    position: recorded.position,
    type: recorded.type,
    data: recorded.data,
    metadata: recorded.metadata as unknown as EventMetadata,
  } as LedgerEvent;
};
