import type { EventType, LedgerEvent } from '../src/domain/events/catalogue';
import { clientEventSchemas } from '../src/domain/events/client-events';
import { formatPosition } from '../src/eventstore/position';

/**
 * A projection: a pure, deterministic fold of ledger events into read-model
 * entities, each kept under a string key (a client id, a person id...). The
 * engine in `src/projections` runs definitions from the global feed, keeps the
 * entities in memory, persists the changed ones with the checkpoint, and
 * replays from zero when `version` or `settingsKey` changes.
 *
 * Definitions read no clock and do no I/O: every instant comes from the
 * events (`occurredAt`, `metadata.recordedAt`).
 */
export interface ProjectionDefinition<E = unknown> {
  readonly name: string;
  /** Bump when the entity shape or the fold changes: the engine rebuilds. */
  readonly version: number;
  /**
   * The settings the fold depends on (for example the strength model), as a
   * stable string; a change rebuilds the projection just like a version bump.
   */
  readonly settingsKey: string;
  /**
   * The event types `keysOf` may answer for; the engine does not even ask
   * about the others. Omitted: every type.
   */
  readonly eventTypes?: readonly EventType[];
  /**
   * True when `evolve` reads an event's `id`, `metadata` or `recordedAt`:
   * the engine then has the store deliver those with the events of
   * `eventTypes`, which it otherwise may read only when first touched.
   */
  readonly readsDetails?: boolean;
  /** Keys of the entities this event changes; empty when it does not concern us. */
  keysOf(event: LedgerEvent): readonly string[];
  /**
   * The entity after the event; `undefined` means "no entity" (deleted or not
   * started). The engine keeps no other reference to `entity`, so a definition
   * may update it in place and return it: what matters is that the result
   * depends on nothing but the arguments.
   */
  evolve(entity: E | undefined, event: LedgerEvent, key: string): E | undefined;
  /**
   * A smaller persisted form, for entities whose fields follow from others:
   * `decode(encode(entity), key)` must equal `entity`. Omitted: the entity
   * itself is persisted.
   */
  readonly stored?: StoredForm<E>;
}

export interface StoredForm<E> {
  encode(entity: E): unknown;
  decode(stored: unknown, key: string): E;
}

const zero = 48;
/** Character codes of `YYYY-MM-DDTHH:mm:ss.sssZ` at its separator positions. */
const separators: readonly (readonly [number, number])[] = [
  [4, 45],
  [7, 45],
  [10, 84],
  [13, 58],
  [16, 58],
  [19, 46],
  [23, 90],
];
/** Days before each month in a common year. */
const daysBefore = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Leap days up to year `y` inclusive (years from 1000 on: never negative). */
const leapYearsThrough = (y: number): number =>
  Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);

const digitsAt = (iso: string, from: number, count: number): number => {
  let value = 0;
  for (let index = from; index < from + count; index += 1) {
    const digit = iso.charCodeAt(index) - zero;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
};

/**
 * `Date.parse` of the form `toISOString` writes (nearly every instant in the
 * ledger), by arithmetic: about three times faster than Date.parse, which a
 * rebuild called several times per event. Any other text, or a field out of
 * the plain ranges, goes to Date.parse itself; the values are the same.
 */
const parseUtcIso = (iso: string): number => {
  if (iso.length !== 24) return Date.parse(iso);
  for (const [index, code] of separators) {
    if (iso.charCodeAt(index) !== code) return Date.parse(iso);
  }
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 2);
  const day = digitsAt(iso, 8, 2);
  const hour = digitsAt(iso, 11, 2);
  const minute = digitsAt(iso, 14, 2);
  const second = digitsAt(iso, 17, 2);
  const milli = digitsAt(iso, 20, 3);
  if (
    year < 1000 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    milli < 0
  )
    return Date.parse(iso);
  // Days since 1970-01-01 in the proleptic Gregorian calendar, as Date.UTC counts.
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days =
    365 * (year - 1970) +
    leapYearsThrough(year - 1) -
    leapYearsThrough(1969) +
    daysBefore[month - 1]! +
    (leap && month > 2 ? 1 : 0) +
    day -
    1;
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + milli;
};

let lastIso = '';
let lastMs = Number.NaN;

/**
 * Epoch milliseconds of an ISO instant; instants are stored as numbers.
 * Several projections read the same event's instant one after the other: the
 * last answer is kept.
 */
export const instantMs = (iso: string): number => {
  if (iso !== lastIso) {
    lastMs = parseUtcIso(iso);
    lastIso = iso;
  }
  return lastMs;
};

export const isoOf = (ms: number): string => new Date(ms).toISOString();

/** When the ledger learned of the event. */
export const recordedMs = (event: LedgerEvent): number =>
  parseUtcIso(event.metadata.recordedAt);

export const noKeys: readonly string[] = [];

const clientEventTypes: ReadonlySet<string> = new Set(Object.keys(clientEventSchemas));

/** The client an event of the client stream is about; `undefined` for other streams. */
export const clientKeyOf = (event: LedgerEvent): readonly string[] =>
  clientEventTypes.has(event.type)
    ? [(event.data as { clientId: string }).clientId]
    : noKeys;

/** The event's global position in its text form, for audit records. */
export const formatPositionOf = (event: LedgerEvent): string =>
  formatPosition(event.position);

/**
 * An empty object for entries keyed by ids. Without a prototype V8 keeps it
 * as a hash table from the start, instead of deriving a new hidden class for
 * every id added, which made folding several times slower.
 */
export const dictionary = <T>(): Record<string, T> =>
  Object.create(null) as Record<string, T>;
