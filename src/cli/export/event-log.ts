import type { EventStore, RecordedEvent } from '../../eventstore/port';
import { formatPosition } from '../../eventstore/position';
import type { Output } from '../output';

/**
 * The raw log as JSON lines, one event per line, in global order. `recordedAt`
 * is the ledger's own (kept in the metadata, so it survives a migration), and
 * only falls back to the store's commit time for events without one. A log
 * copied whole into an empty embedded store therefore exports byte for byte
 * the same: ids, revisions, positions, data and metadata are all preserved.
 */
export const formatEventLine = (event: RecordedEvent): string => {
  const recordedAt =
    typeof event.metadata.recordedAt === 'string'
      ? event.metadata.recordedAt
      : event.recordedAt.toISOString();
  return JSON.stringify({
    id: event.id,
    stream: event.stream,
    revision: event.revision,
    position: formatPosition(event.position),
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt,
  });
};

/** Writes the whole log; returns how many events were written. */
export const exportEventLog = async (
  store: EventStore,
  output: Output,
  onEvent?: (count: number) => void,
): Promise<number> => {
  let count = 0;
  let chunk: string[] = [];
  for await (const event of store.readAll()) {
    chunk.push(formatEventLine(event));
    count += 1;
    if (chunk.length === 1000) {
      await output.write(`${chunk.join('\n')}\n`);
      chunk = [];
      onEvent?.(count);
    }
  }
  if (chunk.length > 0) await output.write(`${chunk.join('\n')}\n`);
  onEvent?.(count);
  return count;
};
