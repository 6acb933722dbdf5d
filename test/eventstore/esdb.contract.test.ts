import { EsdbEventStore } from '../../src/eventstore/esdb';
import { describeEventStoreContract } from './contract';

/**
 * The shared contract against a real EventStoreDB. It needs a server, so it
 * runs only when EVENTSTORE_CONNECTION_STRING names one; otherwise this file
 * says plainly that it did not run.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

const skippedNotice =
  'EventStoreDB contract suite SKIPPED: set EVENTSTORE_CONNECTION_STRING ' +
  '(e.g. esdb://localhost:2113?tls=false after `docker compose up -d eventstore`) to run it';

if (connectionString === undefined || connectionString === '') {
  describe('EventStoreDB contract', () => {
    it(skippedNotice, () => {
      console.warn(skippedNotice);
      expect(connectionString ?? '').toBe('');
    });
  });
} else {
  describeEventStoreContract(
    `EventStoreDB at ${connectionString.replace(/\/\/[^@/]*@/, '//')}`,
    async () => {
      const store = EsdbEventStore.fromConnectionString(connectionString);
      return { store, dispose: () => store.close() };
    },
    // The server remembers recent event ids only on a best-effort basis, and
    // other writers (and its own system projections) share the log.
    { strictIdempotency: false, isolated: false },
  );
}
