import { join } from 'node:path';
import { allProjections, type ClientRecord } from '../../projections';
import { defaultDomainSettings } from '../../src/domain/settings';
import type { EventStore } from '../../src/eventstore/port';
import { positionOf } from '../../src/eventstore/position';
import { openSqliteEventStore } from '../../src/eventstore/sqlite';
import { ProjectionEngine } from '../../src/projections/engine';
import { TestLedger, tempDir } from './ledger';
import { recordStarts } from './record-starts';
import { acme, alice, bob, globex, writeScenario } from './scenario';

const projections = allProjections(defaultDomainSettings.strength);

const engineOn = (
  store: EventStore,
  database: string | import('better-sqlite3').Database,
) => new ProjectionEngine({ store, database, projections, liveBatch: 1 });

describe('projection engine', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.cleanup());

  it('folds the log into read models and serves read-your-writes', async () => {
    const store = openSqliteEventStore({ path: ':memory:' });
    const engine = engineOn(store, store.database);
    await engine.start();
    const ledger = new TestLedger(store);
    await writeScenario(ledger);
    const head = await store.headPosition();
    await engine.waitForPosition(head!, 2_000);

    const clients = engine.entities<ClientRecord>('client-directory');
    expect(clients.get(acme)).toMatchObject({ ownerId: bob, previousOwnerId: alice });
    expect(clients.get(globex)).toMatchObject({
      ownerId: null,
      name: 'Globex, "the big one"',
    });
    expect(await engine.lag()).toMatchObject({ behind: 0, caughtUp: true });
    await engine.close();
    await store.close();
  });

  it('rejects a wait for a position it does not reach in time', async () => {
    const store = openSqliteEventStore({ path: ':memory:' });
    const engine = engineOn(store, store.database);
    await engine.start();
    await expect(engine.waitForPosition(positionOf(99), 20)).rejects.toMatchObject({
      kind: 'timeout',
      code: 'query.not-caught-up',
      details: { wantedPosition: '99', currentPosition: null },
    });
    await engine.close();
    await store.close();
  });

  it('resumes after a restart from its checkpoint, not from zero', async () => {
    const path = join(dir.path, 'ledger.db');
    const store = openSqliteEventStore({ path });
    const first = engineOn(store, store.database);
    await first.start();
    await writeScenario(new TestLedger(store));
    await first.waitForPosition((await store.headPosition())!, 2_000);
    await first.close();
    const stoppedAt = first.position!;

    const starts = recordStarts(store);
    const second = engineOn(store, store.database);
    await second.start();
    expect(starts[0]?.from).toEqual(stoppedAt);
    expect(second.entities<ClientRecord>('client-directory').get(acme)?.ownerId).toBe(
      bob,
    );
    await second.close();
    await store.close();
  });

  it('keeps read models in a separate file when given a path', async () => {
    const store = openSqliteEventStore({ path: ':memory:' });
    await writeScenario(new TestLedger(store));
    const readModels = join(dir.path, 'read-models.db');
    const first = engineOn(store, readModels);
    await first.start();
    await first.close();
    const second = engineOn(store, readModels);
    const starts = recordStarts(store);
    await second.start();
    expect(starts[0]?.from).toEqual(first.position);
    expect(second.entities<ClientRecord>('client-directory').size).toBe(2);
    await second.close();
    await store.close();
  });

  it('rebuilds a projection whose version changed, and on demand with progress', async () => {
    const store = openSqliteEventStore({ path: ':memory:' });
    await writeScenario(new TestLedger(store));
    const first = engineOn(store, store.database);
    await first.start();
    await first.stop();

    const bumped = projections.map((p) =>
      p.name === 'client-directory' ? { ...p, version: p.version + 1 } : p,
    );
    const second = new ProjectionEngine({
      store,
      database: store.database,
      projections: bumped,
    });
    const starts = recordStarts(store);
    await second.start();
    expect(starts[0]?.from).toBe('start');
    expect(second.entities<ClientRecord>('client-directory').get(acme)?.ownerId).toBe(
      bob,
    );

    const fractions: number[] = [];
    const result = await second.rebuild({
      progressEvery: 2,
      onProgress: (progress) => fractions.push(progress.fraction),
    });
    expect(result.events).toBe(10);
    expect(fractions.at(-1)).toBe(1);
    expect(second.entities<ClientRecord>('client-directory').get(acme)?.ownerId).toBe(
      bob,
    );
    await second.stop();
    await store.close();
  });
});
