import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { stream } from '../../src/domain/events/primitives';
import type { EventStore } from '../../src/eventstore/port';
import { openSqliteEventStore } from '../../src/eventstore/sqlite';
import { silentLogger } from '../../src/log';
import { startRuntime } from '../../src/runtime';
import { openPolicyLedger } from './policy-fixture';

const releasesOf = async (store: EventStore, clientId: string) =>
  (await store.readStream(stream.client(clientId))).filter(
    (event) => event.type === 'ClientReleasedToPool',
  );

/** Polls, boundedly, until `check` holds: the first run starts beside the server. */
const eventually = async (check: () => Promise<boolean>): Promise<boolean> => {
  for (let attempt = 0; attempt < 250; attempt += 1) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
};

describe('the pool policy in the server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custody-policy-runtime-'));
  const ledgerPath = join(dir, 'ledger.db');
  const config = loadConfig({}, { store: ledgerPath, port: 0, host: '127.0.0.1' });
  let clientId = '';

  beforeAll(async () => {
    // Owned since 2026-01-01 and never visited: long neglected by now.
    const ledger = await openPolicyLedger(
      config.store.kind === 'embedded' ? config.store.path : '',
    );
    clientId = await ledger.client(0);
    await ledger.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('does not run under jest unless asked', async () => {
    const runtime = await startRuntime(config, {
      handleSignals: false,
      logger: silentLogger,
    });
    await runtime.close();
    const store = openSqliteEventStore({ path: ledgerPath });
    try {
      expect(await releasesOf(store, clientId)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('runs once the read models have caught up', async () => {
    const runtime = await startRuntime(config, {
      handleSignals: false,
      logger: silentLogger,
      policy: { intervalMs: 3_600_000 },
    });
    try {
      const released = await eventually(
        async () => (await releasesOf(runtime.store, clientId)).length === 1,
      );
      expect(released).toBe(true);
      const [release] = await releasesOf(runtime.store, clientId);
      expect(release?.metadata).toMatchObject({ actorId: null, source: 'policy' });
    } finally {
      await runtime.close();
    }
  });
});
