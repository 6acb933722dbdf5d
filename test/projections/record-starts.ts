import type { EventStore, SubscribeOptions } from '../../src/eventstore/port';

/**
 * Records where each subscription of the store starts, whether it is read
 * event by event or a page at a time (as the projection engine does where
 * the store offers it).
 */
export const recordStarts = (store: EventStore): SubscribeOptions[] => {
  const starts: SubscribeOptions[] = [];
  const subscribe = store.subscribeToAll.bind(store);
  store.subscribeToAll = (options) => {
    starts.push(options ?? {});
    return subscribe(options);
  };
  const subscribeInPages = store.subscribeToAllInPages?.bind(store);
  if (subscribeInPages) {
    store.subscribeToAllInPages = (options) => {
      starts.push(options ?? {});
      return subscribeInPages(options);
    };
  }
  return starts;
};
