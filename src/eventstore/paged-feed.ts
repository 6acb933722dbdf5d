import type { EventStore, PagedSubscription, SubscribeOptions } from './port';

/**
 * The store's global feed a page at a time: its own paged subscription where
 * it has one, otherwise its subscription with each event as a page of one.
 */
export const subscribeInPages = (
  store: EventStore,
  options: SubscribeOptions,
): PagedSubscription => {
  if (store.subscribeToAllInPages) return store.subscribeToAllInPages(options);
  const subscription = store.subscribeToAll(options);
  return {
    close: () => subscription.close(),
    async *[Symbol.asyncIterator]() {
      for await (const message of subscription) {
        yield message.kind === 'event'
          ? { kind: 'events', events: [message.event] }
          : message;
      }
    },
  };
};
