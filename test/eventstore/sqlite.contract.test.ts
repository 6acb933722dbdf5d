import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from '../../src/eventstore/sqlite';
import { describeEventStoreContract } from './contract';

const options = { strictIdempotency: true, isolated: true };

describeEventStoreContract(
  'embedded SQLite, file',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'custody-contract-'));
    const store = openSqliteEventStore({ path: join(dir, 'events.db') });
    return {
      store,
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  options,
);

describeEventStoreContract(
  'embedded SQLite, in memory',
  async () => {
    const store = openSqliteEventStore({ path: ':memory:' });
    return { store, dispose: () => store.close() };
  },
  options,
);
