import { loadConfig } from '../../src/config';
import { CustodyError } from '../../src/errors';
import { StoreUnavailableError } from '../../src/eventstore/errors';
import { EsdbEventStore } from '../../src/eventstore/esdb';
import { openEventStore } from '../../src/eventstore/open';

/** Opening the store a configuration names; no server is needed to open one. */
describe('openEventStore', () => {
  it('opens the embedded store for a file path or :memory:', async () => {
    const opened = openEventStore(loadConfig({ CUSTODY_STORE: ':memory:' }).store);
    expect(opened).toMatchObject({ kind: 'embedded', path: ':memory:' });
    const result = await opened.store.append('client-1', [
      { type: 'ClientRegistered', data: {} },
    ]);
    expect(result.nextExpectedRevision).toBe(0);
    await opened.store.close();
  });

  it('opens the EventStoreDB adapter lazily for a connection string', async () => {
    const config = loadConfig({
      CUSTODY_STORE: 'esdb://127.0.0.1:1?tls=false',
      CUSTODY_PROJECTIONS_DB: '/tmp/read-models.db',
    });
    const opened = openEventStore(config.store);
    expect(opened).toMatchObject({
      kind: 'eventstoredb',
      projectionsPath: '/tmp/read-models.db',
    });
    expect(opened.store).toBeInstanceOf(EsdbEventStore);
    // Nothing listens on port 1: the health check says so in the port's terms.
    await expect(opened.store.checkHealth()).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    await opened.store.close();
  });

  it('reports a connection string the client cannot parse as a configuration error', () => {
    const config = loadConfig({ CUSTODY_STORE: 'esdb://localhost:port?tls=false' });
    let failure: unknown;
    try {
      openEventStore(config.store);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(CustodyError);
    expect(failure).toMatchObject({ code: 'config.invalid', path: 'CUSTODY_STORE' });
    expect((failure as Error).message).toMatch(/^CUSTODY_STORE: /);
  });
});
