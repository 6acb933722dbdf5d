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
  /** Keys of the entities this event changes; empty when it does not concern us. */
  keysOf(event: LedgerEvent): readonly string[];
  /**
   * The entity after the event; `undefined` means "no entity" (deleted or not
   * started). The engine keeps no other reference to `entity`, so a definition
   * may update it in place and return it: what matters is that the result
   * depends on nothing but the arguments.
   */
  evolve(entity: E | undefined, event: LedgerEvent, key: string): E | undefined;
}

/** Epoch milliseconds of an ISO instant; instants are stored as numbers. */
export const instantMs = (iso: string): number => Date.parse(iso);

export const isoOf = (ms: number): string => new Date(ms).toISOString();

/** When the ledger learned of the event. */
export const recordedMs = (event: LedgerEvent): number =>
  Date.parse(event.metadata.recordedAt);

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
