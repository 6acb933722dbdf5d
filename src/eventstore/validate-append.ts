import { BatchTooLargeError, InvalidAppendError } from './errors';
import type { AppendOptions, ExpectedRevision, NewEvent } from './port';

/**
 * Checks an append before any adapter touches its store, so both stores refuse
 * the same bad input with the same error and nothing partial is ever written.
 */

/**
 * EventStoreDB's default maximum append size is 1 MiB (`MaxAppendSize`,
 * 1,048,576 bytes) measured on the serialised events. Both stores apply that
 * limit to the JSON of data plus metadata, so a batch accepted by the embedded
 * store is also accepted in production.
 */
export const MAX_APPEND_BYTES = 1_048_576;

/** Letters, digits and `-_.:@`; no leading `$` (reserved for system streams). */
const streamNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,199}$/;
const eventTypePattern = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SerialisedEvent {
  readonly id: string | undefined;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

export const validateStreamName = (stream: unknown): string => {
  if (typeof stream !== 'string' || !streamNamePattern.test(stream)) {
    throw new InvalidAppendError(
      'store.invalid-stream-name',
      `Stream names are 1 to 200 letters, digits or "-_.:@", not starting with a symbol; got ${JSON.stringify(stream)}`,
      'stream',
    );
  }
  return stream;
};

export const validateExpectedRevision = (expected: unknown): ExpectedRevision => {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') {
    return expected;
  }
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) {
    return expected;
  }
  throw new InvalidAppendError(
    'store.invalid-expected-revision',
    `Expected revision must be "any", "no_stream", "stream_exists" or a revision >= 0; got ${String(expected)}`,
    'expectedRevision',
  );
};

/**
 * Serialises data and metadata to JSON, refusing values JSON cannot carry
 * faithfully (functions, symbols, bigints, cycles, non-finite numbers, class
 * instances other than plain objects and arrays).
 *
 * Appends run this on every event, so the common case, a valid value, is
 * checked by a walk that builds no paths and keeps no set of visited objects.
 * Only when that walk says no (or nests too deep to rule out a cycle) does the
 * careful walk run, to name the offending path or to accept a deep value.
 */
const toJson = (value: unknown, event: number, part: 'data' | 'metadata'): string => {
  if (!isPlainJson(value, 0)) {
    assertPlainJson(value, `${eventPath(event)}.${part}`, new Set());
  }
  return JSON.stringify(value);
};

// Built only for an error message: most appends never need it.
const eventPath = (index: number): string => `events[${index}]`;

/** Deeper than this, the quick walk defers to the careful one, which spots cycles. */
const quickWalkDepth = 32;

const isPlainJson = (value: unknown, depth: number): boolean => {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      break;
    default:
      return false;
  }
  if (depth >= quickWalkDepth) return false;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      if (!isPlainJson(value[index], depth + 1)) return false;
    }
    return true;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item !== undefined && !isPlainJson(item, depth + 1)) return false;
  }
  return true;
};

const assertPlainJson = (value: unknown, path: string, seen: Set<object>): void => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return;
    throw invalidEvent(`${path} is not a finite number`, path);
  }
  if (typeof value !== 'object') {
    throw invalidEvent(`${path} is a ${typeof value}, which JSON cannot carry`, path);
  }
  if (seen.has(value)) throw invalidEvent(`${path} refers to itself`, path);
  const prototype = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    seen.add(value);
    for (const [index, item] of value.entries()) {
      assertPlainJson(item, `${path}[${index}]`, seen);
    }
    seen.delete(value);
    return;
  }
  if (prototype !== Object.prototype && prototype !== null) {
    throw invalidEvent(`${path} is not a plain object`, path);
  }
  seen.add(value);
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    assertPlainJson(item, `${path}.${key}`, seen);
  }
  seen.delete(value);
};

const invalidEvent = (message: string, path: string) =>
  new InvalidAppendError('store.invalid-event', message, path);

const isJsonObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ValidatedAppend {
  readonly stream: string;
  readonly expectedRevision: ExpectedRevision;
  readonly events: readonly SerialisedEvent[];
  /** Total bytes of serialised data and metadata. */
  readonly size: number;
}

export const validateAppend = (
  stream: unknown,
  events: readonly NewEvent[],
  options: AppendOptions | undefined,
): ValidatedAppend => {
  const name = validateStreamName(stream);
  const expectedRevision = validateExpectedRevision(options?.expectedRevision ?? 'any');
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError(
      'store.empty-batch',
      'An append needs at least one event',
      'events',
    );
  }

  const ids = new Set<string>();
  let size = 0;
  const serialised = events.map((event, index): SerialisedEvent => {
    if (typeof event !== 'object' || event === null) {
      throw invalidEvent(`${eventPath(index)} is not an event`, eventPath(index));
    }
    if (typeof event.type !== 'string' || !eventTypePattern.test(event.type)) {
      throw invalidEvent(
        `${eventPath(index)}.type must be a name of letters, digits or "_.-" starting with a letter`,
        `${eventPath(index)}.type`,
      );
    }
    let id: string | undefined;
    if (event.id !== undefined) {
      if (typeof event.id !== 'string' || !uuidPattern.test(event.id)) {
        throw invalidEvent(
          `${eventPath(index)}.id must be a UUID`,
          `${eventPath(index)}.id`,
        );
      }
      const lowered = event.id.toLowerCase();
      if (ids.has(lowered))
        throw invalidEvent(
          `${eventPath(index)}.id repeats an id of the batch`,
          `${eventPath(index)}.id`,
        );
      ids.add(lowered);
      id = lowered;
    }
    if (!isJsonObject(event.data)) {
      throw invalidEvent(
        `${eventPath(index)}.data must be a JSON object`,
        `${eventPath(index)}.data`,
      );
    }
    if (event.metadata !== undefined && !isJsonObject(event.metadata)) {
      throw invalidEvent(
        `${eventPath(index)}.metadata must be a JSON object`,
        `${eventPath(index)}.metadata`,
      );
    }
    const data = toJson(event.data, index, 'data');
    const metadata = toJson(event.metadata ?? {}, index, 'metadata');
    size += Buffer.byteLength(data) + Buffer.byteLength(metadata);
    return { id, type: event.type, data, metadata };
  });

  if (size > MAX_APPEND_BYTES) throw new BatchTooLargeError(size, MAX_APPEND_BYTES);
  return { stream: name, expectedRevision, events: serialised, size };
};
