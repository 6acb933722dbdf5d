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
