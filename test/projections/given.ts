import type { ProjectionDefinition } from '../../projections/definition';
import type {
  EventDataOf,
  EventType,
  LedgerEvent,
} from '../../src/domain/events/catalogue';
import { positionOf } from '../../src/eventstore/position';

let sequence = 0;

/** A ledger event as the engine would hand it over, without a store. */
export const given = <T extends EventType>(
  type: T,
  data: EventDataOf<T>,
  options: { recordedAt?: string; actorId?: string } = {},
): LedgerEvent => {
  sequence += 1;
  const occurredAt = (data as { occurredAt: string }).occurredAt;
  return {
    id: `event-${sequence}`,
    stream: `stream-${sequence}`,
    revision: 0,
    position: positionOf(sequence),
    type,
    data,
    metadata: {
      actorId: options.actorId ?? null,
      actorRole: null,
      commandId: `c${sequence}`,
      correlationId: `c${sequence}`,
      causationId: `c${sequence}`,
      source: 'import',
      schemaVersion: 1,
      recordedAt: options.recordedAt ?? occurredAt,
    },
  } as LedgerEvent;
};

/** Folds events through one definition, as the engine does, into its entities. */
export const fold = <E>(
  definition: ProjectionDefinition<E>,
  events: readonly LedgerEvent[],
): Map<string, E> => {
  const entities = new Map<string, E>();
  for (const event of events) {
    for (const key of definition.keysOf(event)) {
      const next = definition.evolve(entities.get(key), event, key);
      if (next === undefined) entities.delete(key);
      else entities.set(key, next);
    }
  }
  return entities;
};
