import type { EventStore } from '../eventstore/port';
import { SqliteEventStore } from '../eventstore/sqlite';
import type { LedgerIndex } from './import/ledger-index';
import { ObservedStore } from './observed-store';
import { StreamCache } from './stream-cache';

/**
 * The store a bulk writer (import, demo) hands to the command bus: streams
 * cached between commands, and every append folded into the writer's index
 * so that the bus's ownership lookup sees it at once.
 */
export const bulkWriteStore = (store: EventStore, index: LedgerIndex): EventStore =>
  new ObservedStore(
    new StreamCache(store, store instanceof SqliteEventStore),
    (_, events) => {
      for (const event of events) index.apply(event.type, event.data);
    },
  );

/** Without the cache, for a writer that reads each stream once (the batch writer). */
export const indexedStore = (store: EventStore, index: LedgerIndex): EventStore =>
  new ObservedStore(store, (_, events) => {
    for (const event of events) index.apply(event.type, event.data);
  });
