import { type CustodyEvent, isEventType, toLedgerEvent } from '../domain/events';
import { StreamNotFoundError } from '../eventstore/errors';
import type { EventStore, RecordedEvent } from '../eventstore/port';
import type { FoldedStream, StreamCache } from './stream-cache';

/** A stream folded into a decider's state. */
export interface LoadedStream<S> {
  readonly stream: string;
  /** Last revision, `undefined` when the stream does not exist. */
  readonly revision: number | undefined;
  readonly state: S;
  /**
   * Ids of the stream's events, lower case (a store may hand UUIDs back in
   * either case). May hold ids written after `revision`, never one the
   * stream lacks; shared with the cache, so never to be changed by a caller.
   */
  readonly ids: ReadonlySet<string>;
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

const fold = <S>(
  stream: string,
  folder: Folder<S>,
  from: { readonly state: S; readonly revision: number | undefined },
  ids: Set<string>,
  recorded: readonly RecordedEvent[],
): LoadedStream<S> => {
  let state = from.state;
  for (const event of recorded) {
    ids.add(event.id.toLowerCase());
    const known = toLedgerEvent(event);
    if (known) state = folder.evolve(state, known);
  }
  return { stream, revision: recorded.at(-1)?.revision ?? from.revision, state, ids };
};

/** The state of a stream read whole. */
export const foldRecorded = <S>(folder: Folder<S>, recorded: readonly RecordedEvent[]) =>
  fold('', folder, { state: folder.initial, revision: undefined }, new Set(), recorded)
    .state;

/**
 * The events after a cached revision, or `undefined` when they do not follow
 * on from it (the stream was deleted or rewritten): then it is read whole.
 */
const readAfter = async (
  store: EventStore,
  stream: string,
  revision: number,
): Promise<RecordedEvent[] | undefined> => {
  let recorded: RecordedEvent[];
  try {
    recorded = await store.readStream(stream, { fromRevision: revision + 1 });
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
  // Defensive: a store that ignored `fromRevision` still folds correctly.
  const after = recorded.filter((event) => event.revision > revision);
  const first = after[0];
  return first === undefined || first.revision === revision + 1 ? after : undefined;
};

/**
 * Folds a stream, from the cached state when there is one: the stream's
 * revision is asked first (one small query), and only the events after the
 * cached revision are read when it moved, so the loaded state is as fresh as
 * a whole read, whoever wrote to the stream in between. Most commands find
 * their streams where the last command left them: the client it appended to,
 * the actor's person stream checked for a departure on every command.
 */
export const loadStream = async <S>(
  store: EventStore,
  stream: string,
  folder: Folder<S>,
  cache?: StreamCache,
): Promise<LoadedStream<S>> => {
  const cached = cache?.get(stream, folder);
  if (cache && cached) {
    // Revisions only grow (a deleted stream starts again after its last one),
    // so an unchanged last revision means an unchanged stream.
    const current = await store.streamRevision(stream);
    if (current === cached.revision)
      return { stream, revision: current, state: cached.state, ids: cached.ids };
    const after =
      current === undefined ? undefined : await readAfter(store, stream, cached.revision);
    if (after) {
      const loaded = fold(stream, folder, cached, cached.ids, after);
      keep(cache, folder, loaded);
      return loaded;
    }
    cache.delete(stream);
  }
  const recorded = await readWhole(store, stream);
  const initial = { state: folder.initial, revision: undefined };
  const loaded = fold(stream, folder, initial, new Set(), recorded);
  if (cache) keep(cache, folder, loaded);
  return loaded;
};

const keep = <S>(cache: StreamCache, folder: Folder<S>, loaded: LoadedStream<S>) => {
  if (loaded.revision === undefined) return;
  const entry: FoldedStream<S> = {
    folder,
    revision: loaded.revision,
    state: loaded.state,
    ids: loaded.ids as Set<string>,
  };
  cache.set(loaded.stream, entry);
};

/** What the command just appended to a stream, as a reader gets it back. */
export interface Appended {
  readonly id: string;
  readonly type: string;
  readonly data: RecordedEvent['data'];
}

/**
 * Caches the stream as the append left it, so the next command on it reads
 * nothing it already knows. Only when the append went right after the loaded
 * revision: anything else is left for the next read to find out.
 */
export const keepAppended = <S>(
  cache: StreamCache | undefined,
  folder: Folder<S>,
  loaded: LoadedStream<S>,
  appended: readonly Appended[],
  revision: number,
): void => {
  if (!cache || revision !== (loaded.revision ?? -1) + appended.length) return;
  const ids = loaded.ids as Set<string>;
  let state = loaded.state;
  for (const event of appended) {
    ids.add(event.id.toLowerCase());
    if (isEventType(event.type))
      state = folder.evolve(state, {
        type: event.type,
        data: event.data,
      } as CustodyEvent);
  }
  cache.set(loaded.stream, { folder, revision, state, ids });
};
