import { createHash, type Hash } from 'node:crypto';
import type { EventStore } from '../eventstore/port';

export interface LogSummary {
  readonly events: number;
  /** Per stream: event count, last revision and a digest of its event ids in order. */
  readonly streams: ReadonlyMap<string, string>;
}

export interface VerifyResult {
  readonly sourceEvents: number;
  readonly targetEvents: number;
  readonly streams: number;
  /** Streams that differ, with how; empty when the copy is complete. */
  readonly mismatches: readonly string[];
}

export const summariseLog = async (store: EventStore): Promise<LogSummary> => {
  const hashes = new Map<string, { hash: Hash; count: number; last: number }>();
  let events = 0;
  for await (const event of store.readAll()) {
    events += 1;
    let entry = hashes.get(event.stream);
    if (entry === undefined) {
      entry = { hash: createHash('sha256'), count: 0, last: -1 };
      hashes.set(event.stream, entry);
    }
    entry.hash.update(`${event.revision}:${event.id}:${event.type}\n`);
    entry.count += 1;
    entry.last = event.revision;
  }
  const streams = new Map<string, string>();
  for (const [stream, entry] of hashes) {
    streams.set(
      stream,
      `${entry.count} events, last revision ${entry.last}, ${entry.hash.digest('hex').slice(0, 16)}`,
    );
  }
  return { events, streams };
};

/** Compares two logs stream by stream: same events, same ids, same revisions. */
export const verifyCopy = async (
  source: EventStore,
  target: EventStore,
): Promise<VerifyResult> => {
  const [from, to] = await Promise.all([summariseLog(source), summariseLog(target)]);
  const mismatches: string[] = [];
  for (const [stream, summary] of from.streams) {
    const copy = to.streams.get(stream);
    if (copy === undefined) mismatches.push(`${stream}: missing in the target`);
    else if (copy !== summary)
      mismatches.push(`${stream}: source ${summary}; target ${copy}`);
  }
  for (const stream of to.streams.keys()) {
    if (!from.streams.has(stream)) mismatches.push(`${stream}: only in the target`);
  }
  return {
    sourceEvents: from.events,
    targetEvents: to.events,
    streams: from.streams.size,
    mismatches,
  };
};
