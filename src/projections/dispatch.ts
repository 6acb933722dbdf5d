import {
  type EventType,
  eventSchemas,
  type LedgerEvent,
} from '../domain/events/catalogue';
import type { RecordedEvent } from '../eventstore/port';
import type { RunningProjection } from './running-projection';

export type DispatchTable = ReadonlyMap<string, readonly RunningProjection[]>;

/** Which projections each catalogue event type goes to; unknown types are absent. */
export const dispatchTable = (
  running: readonly RunningProjection[],
): Map<string, RunningProjection[]> =>
  new Map(
    (Object.keys(eventSchemas) as EventType[]).map((type) => [
      type,
      running.filter(({ definition }) => definition.eventTypes?.includes(type) ?? true),
    ]),
  );

/** Folds one stored event into the projections the table sends its type to. */
export const foldEvent = (dispatch: DispatchTable, event: RecordedEvent): void => {
  const interested = dispatch.get(event.type);
  if (!interested) return;
  // A stored event already has a ledger event's shape: only its type is checked,
  // through the table (what toLedgerEvent does, without a copy per event).
  const ledgerEvent = event as unknown as LedgerEvent;
  for (const projection of interested) projection.apply(ledgerEvent, event.position);
};

/** The event types whose `id`, `metadata` and `recordedAt` the projections read. */
export const detailedTypes = (running: readonly RunningProjection[]): string[] => {
  const types = new Set<string>();
  for (const { definition } of running) {
    if (!definition.readsDetails) continue;
    for (const type of definition.eventTypes ?? Object.keys(eventSchemas))
      types.add(type);
  }
  return [...types];
};
