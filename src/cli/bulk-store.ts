import type { EventStore } from '../eventstore/port';
import type { LedgerIndex } from './import/ledger-index';
import { ObservedStore } from './observed-store';

/**
 * The store a bulk writer (import, demo) writes through: every append is
 * folded into the writer's index as it lands, so that the command bus's
 * ownership lookup, answered from that index, sees each assignment at once.
 */
export const indexedStore = (store: EventStore, index: LedgerIndex): EventStore =>
  new ObservedStore(store, (_, events) => {
    for (const event of events) index.apply(event.type, event.data);
  });
