import type { Logger } from 'pino';
import type { CommandContext } from '../domain/commands/context';
import { domainError } from '../domain/errors';
import type { CustodyEvent } from '../domain/events';
import { ConcurrencyError } from '../eventstore/errors';
import type {
  EventStore,
  JsonObject,
  NewEvent,
  Position,
  RecordedEvent,
} from '../eventstore/port';
import { deriveEventId } from './derived-ids';
import { metadataFor } from './event-metadata';
import {
  type Folder,
  foldRecorded,
  keepAppended,
  type LoadedStream,
  loadStream,
  readWhole,
} from './loaded-stream';
import type { StreamCache } from './stream-cache';

/** What one command wrote to (or had already written to) one stream. */
export interface StepResult<S = unknown> {
  /** The stream's state before deciding; on a replay it includes the command's events. */
  readonly loaded: S;
  readonly stream: string;
  /** Revision of the command's last event here (the stream's, when it wrote none). */
  readonly revision: number | undefined;
  readonly position: Position | undefined;
  readonly events: readonly (CustodyEvent & { readonly id: string })[];
  readonly replayed: boolean;
}

export interface StepSpec<S> {
  readonly stream: string;
  /** One object per kind of stream: the cache keeps what it folded. */
  readonly folder: Folder<S>;
  /** Pure apart from loading facts; may throw domain errors. */
  readonly decide: (loaded: LoadedStream<S>) => Promise<CustodyEvent[]>;
  /** The revision the caller pinned (If-Match), for the command's target stream only. */
  readonly pinned?: number | undefined;
}

export interface StepRunner {
  readonly store: EventStore;
  readonly context: CommandContext;
  readonly maxRetries: number;
  readonly logger: Logger;
  /** Streams folded by earlier commands; none: every load reads whole. */
  readonly cache?: StreamCache | undefined;
}

/**
 * Load, check whether this command is already recorded here, decide, append
 * at the loaded revision; on a concurrent write, load again and decide again,
 * a bounded number of times, unless the caller pinned the revision.
 */
export const runStep = async <S>(
  runner: StepRunner,
  spec: StepSpec<S>,
): Promise<StepResult<S>> => {
  const { store, context, logger } = runner;
  for (let attempt = 0; ; attempt += 1) {
    // 1. Load; a command already recorded is answered from the stream as it is.
    const loaded = await loadStream(store, spec.stream, spec.folder, runner.cache);
    const firstId = deriveEventId(context.commandId, spec.stream, 0);
    const repeat = await findRepeat(
      store,
      loaded,
      spec.folder,
      context.commandId,
      firstId,
    );
    if (repeat) return repeat;
    if (spec.pinned !== undefined && loaded.revision !== spec.pinned)
      throw preconditionFailed(spec.stream, spec.pinned, loaded.revision);

    // 2. Decide.
    const events = await spec.decide(loaded);
    if (events.length === 0)
      return {
        loaded: loaded.state,
        stream: spec.stream,
        revision: loaded.revision,
        position: undefined,
        events: [],
        replayed: false,
      };

    // 3. Append at the revision the decision saw.
    const batch = events.map((event, index) =>
      toNewEvent(
        runner,
        event,
        index === 0 ? firstId : deriveEventId(context.commandId, spec.stream, index),
      ),
    );
    const expected = spec.pinned ?? loaded.revision ?? 'no_stream';
    try {
      const result = await store.append(spec.stream, batch, {
        expectedRevision: expected,
      });
      const appended = batch.map(({ id, type, data }) => ({ id: id!, type, data }));
      keepAppended(
        runner.cache,
        spec.folder,
        loaded,
        appended,
        result.nextExpectedRevision,
      );
      return {
        loaded: loaded.state,
        stream: spec.stream,
        revision: result.nextExpectedRevision,
        position: result.position,
        events: events.map((event, index) => ({ ...event, id: batch[index]!.id! })),
        replayed: false,
      };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      if (spec.pinned !== undefined)
        throw preconditionFailed(spec.stream, spec.pinned, error.actual);
      if (attempt >= runner.maxRetries) throw error;
      logger.debug({ stream: spec.stream, attempt }, 'concurrent write, deciding again');
    }
  }
};

const toNewEvent = (runner: StepRunner, event: CustodyEvent, id: string): NewEvent => ({
  id,
  type: event.type,
  data: jsonData(event.data) as JsonObject,
  metadata: metadataFor(runner.context, event.type) as unknown as JsonObject,
});

/**
 * The event's data as a JSON round trip would give it back, without the
 * text in between: the optional fields a decider left undefined are
 * dropped. Event data is parsed by its schema, so it holds plain values.
 */
export const jsonData = (value: unknown): unknown => {
  // JSON writes -0 as 0 and has no NaN nor infinities.
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => jsonData(item) ?? null);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return JSON.parse(JSON.stringify(value));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = jsonData((value as Record<string, unknown>)[key]);
    if (field === undefined) continue;
    // An own "__proto__" field, as JSON.parse makes it, not a new prototype.
    if (key === '__proto__')
      Object.defineProperty(copy, key, {
        value: field,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else copy[key] = field;
  }
  return copy;
};

/**
 * This command's events in the loaded stream, if it ran before. Its first
 * event id says whether it did; only then is the stream read whole to answer
 * as the first time did. A stream with no such id has none of the others
 * either: the ids are looked for in order and the first one ends the run.
 */
const findRepeat = async <S>(
  store: EventStore,
  loaded: LoadedStream<S>,
  folder: Folder<S>,
  commandId: string,
  firstId: string,
): Promise<StepResult<S> | undefined> => {
  const { stream } = loaded;
  if (!loaded.ids.has(firstId)) return undefined;
  const whole = await readWhole(store, stream);
  const recorded = findRecorded(whole, commandId, stream);
  return recorded && { ...recorded, loaded: foldRecorded(folder, whole) };
};

/**
 * The run of this command's events in the stream, found by their derived
 * ids. Scanning the loaded stream works on every store, however long ago the
 * command ran and however far the stream has moved on since.
 */
export const findRecorded = (
  recorded: readonly RecordedEvent[],
  commandId: string,
  stream: string,
): Omit<StepResult, 'loaded'> | undefined => {
  // Compared in lower case: a store may hand UUIDs back in either case.
  const byId = new Map(recorded.map((event) => [event.id.toLowerCase(), event]));
  const mine: RecordedEvent[] = [];
  for (let index = 0; ; index += 1) {
    const event = byId.get(deriveEventId(commandId, stream, index));
    if (!event) break;
    mine.push(event);
  }
  const last = mine.at(-1);
  if (!last) return undefined;
  return {
    stream,
    revision: last.revision,
    position: last.position,
    events: mine.map(
      (event) =>
        ({ id: event.id, type: event.type, data: event.data }) as CustodyEvent & {
          id: string;
        },
    ),
    replayed: true,
  };
};

const preconditionFailed = (
  stream: string,
  pinned: number,
  current: number | undefined,
) =>
  domainError(
    'precondition.failed',
    `Stream ${stream} is at ${current === undefined ? 'no revision' : current}, not ${pinned}`,
    { details: { stream, expectedRevision: pinned, currentRevision: current ?? null } },
  );
