import { type CustodyEvent, type LedgerEvent, toLedgerEvent } from '../domain/events';
import { StreamNotFoundError } from '../eventstore/errors';
import type { EventStore, RecordedEvent } from '../eventstore/port';

/** A stream read whole and folded into a decider's state. */
export interface LoadedStream<S> {
  readonly stream: string;
  readonly recorded: readonly RecordedEvent[];
  /** Last revision, `undefined` when the stream does not exist. */
  readonly revision: number | undefined;
  readonly state: S;
}

export interface Folder<S> {
  readonly initial: S;
  readonly evolve: (state: S, event: CustodyEvent) => S;
}

export const readWhole = async (
  store: EventStore,
  stream: string,
): Promise<RecordedEvent[]> => {
  try {
    return await store.readStream(stream);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
};

export const loadStream = async <S>(
  store: EventStore,
  stream: string,
  folder: Folder<S>,
): Promise<LoadedStream<S>> => {
  const recorded = await readWhole(store, stream);
  let state = folder.initial;
  for (const event of recorded) {
    const known: LedgerEvent | undefined = toLedgerEvent(event);
    if (known) state = folder.evolve(state, known);
  }
  return { stream, recorded, revision: recorded.at(-1)?.revision, state };
};
