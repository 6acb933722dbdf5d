import { type EventType, eventSchemas } from '../domain/events/catalogue';
import type { RunningProjection } from './running-projection';

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
