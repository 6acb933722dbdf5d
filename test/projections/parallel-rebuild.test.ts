import { join } from 'node:path';
import fc from 'fast-check';
import { allProjections } from '../../projections';
import { defaultDomainSettings } from '../../src/domain/settings';
import type { Position } from '../../src/eventstore/port';
import { formatPosition } from '../../src/eventstore/position';
import { openSqliteEventStore, type SqliteEventStore } from '../../src/eventstore/sqlite';
import { ProjectionEngine } from '../../src/projections/engine';
import {
  canFoldInParallel,
  type FoldedProjection,
  type ParallelFold,
  workerFold,
} from '../../src/projections/parallel-fold';
import { ProjectionStorage } from '../../src/projections/storage';
import { TestLedger, tempDir } from './ledger';
import { interpret, stepArbitrary } from './random-history';
import { recordStarts } from './record-starts';

const projections = allProjections(defaultDomainSettings.strength);
const names = projections.map(({ name }) => name);

/** Every projection's entities, keys sorted, as JSON text (what a restart would read). */
const snapshot = (engine: ProjectionEngine) =>
  Object.fromEntries(
    names.map((name) => [
      name,
      JSON.stringify(
        [...engine.entities<unknown>(name)].sort(([a], [b]) => (a < b ? -1 : 1)),
      ),
    ]),
  );

const checkpoints = (file: string) => {
  const storage = new ProjectionStorage(file);
  try {
    return Object.fromEntries(
      names.map((name) => {
        const checkpoint = storage.readCheckpoint(name);
        return [
          name,
          checkpoint && {
            ...checkpoint,
            position: checkpoint.position && formatPosition(checkpoint.position),
          },
        ];
      }),
    );
  } finally {
    storage.close();
  }
};

/** A fixed random history with late recordings, handovers, quotes and departures. */
const history = interpret(
  fc.sample(fc.array(stepArbitrary, { minLength: 240, maxLength: 240 }), {
    seed: 20_261_203,
    numRuns: 1,
  })[0]!,
);

describe('rebuilding with a second thread', () => {
  let dir: ReturnType<typeof tempDir>;
  let logFile: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = tempDir();
    logFile = join(dir.path, 'ledger.db');
    store = openSqliteEventStore({ path: logFile });
    const ledger = new TestLedger(store);
    for (const write of history) await write(ledger);
  });

  afterEach(async () => {
    await store.close();
    dir.cleanup();
  });

  const rebuildAlone = async () => {
    const file = join(dir.path, 'alone.db');
    const engine = new ProjectionEngine({ store, database: file, projections });
    await engine.rebuild();
    const state = snapshot(engine);
    await engine.close();
    return { state, checkpoints: checkpoints(file) };
  };

  it('ends in the same read models and checkpoints as a rebuild on one thread', async () => {
    const alone = await rebuildAlone();
    const file = join(dir.path, 'parallel.db');
    const parallel = workerFold({
      store: { kind: 'embedded', path: logFile },
      strength: defaultDomainSettings.strength,
      minEvents: 0,
      available: async () => true,
    });
    const engine = new ProjectionEngine({ store, database: file, projections, parallel });
    const result = await engine.rebuild();
    const head = await store.headPosition();
    // Every event was read here too: the fold thread adds to the work, not replaces it.
    expect(result.events).toBe(Number(head!.commit));
    expect(result.events).toBeGreaterThan(150);
    expect(snapshot(engine)).toEqual(alone.state);
    await engine.close();
    expect(checkpoints(file)).toEqual(alone.checkpoints);

    // What the other thread folded was saved: a restart reads it, replays nothing.
    const starts = recordStarts(store);
    const restarted = new ProjectionEngine({ store, database: file, projections });
    await restarted.start();
    expect(snapshot(restarted)).toEqual(alone.state);
    expect(starts.map(({ from }) => from)).toEqual([head]);
    await restarted.close();
  });

  it('builds fresh read models on start the same way, and only those', async () => {
    const alone = await rebuildAlone();
    const file = join(dir.path, 'parallel.db');
    const asked: string[][] = [];
    const inner = workerFold({
      store: { kind: 'embedded', path: logFile },
      strength: defaultDomainSettings.strength,
      minEvents: 0,
      available: async () => true,
    });
    const parallel: ParallelFold = {
      ...inner,
      fold(chosen, until) {
        asked.push([...chosen]);
        return inner.fold(chosen, until);
      },
    };
    const engine = new ProjectionEngine({ store, database: file, projections, parallel });
    await engine.start();
    expect(snapshot(engine)).toEqual(alone.state);
    await engine.close();
    expect(asked).toEqual([
      [...inner.projections].sort((a, b) => names.indexOf(a) - names.indexOf(b)),
    ]);

    // Restarted with every checkpoint in place, nothing is handed over.
    const again = new ProjectionEngine({ store, database: file, projections, parallel });
    await again.start();
    expect(snapshot(again)).toEqual(alone.state);
    await again.close();
    expect(asked).toHaveLength(1);
  });

  it('folds events appended while the other thread works into every projection', async () => {
    const file = join(dir.path, 'parallel.db');
    const inner = workerFold({
      store: { kind: 'embedded', path: logFile },
      strength: defaultDomainSettings.strength,
      minEvents: 0,
      available: async () => true,
    });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let until: Position | undefined;
    // The other thread's answer is held back until more has been written.
    const parallel: ParallelFold = {
      ...inner,
      fold(chosen, through) {
        until = through;
        const job = inner.fold(chosen, through);
        return { ...job, result: held.then(() => job.result) };
      },
    };
    const engine = new ProjectionEngine({ store, database: file, projections, parallel });
    const rebuilding = engine.rebuild();
    const ledger = new TestLedger(store);
    const more = interpret(
      fc.sample(fc.array(stepArbitrary, { minLength: 40, maxLength: 40 }), {
        seed: 7,
        numRuns: 1,
      })[0]!,
    );
    for (const write of more) await write(ledger);
    release();
    await rebuilding;
    const head = await store.headPosition();
    expect(head!.commit).toBeGreaterThan(until!.commit);
    await engine.waitForPosition(head!, 5_000);

    const alone = new ProjectionEngine({
      store,
      database: join(dir.path, 'alone.db'),
      projections,
    });
    await alone.start();
    expect(snapshot(engine)).toEqual(snapshot(alone));
    await alone.close();
    await engine.close();
  });

  it('folds the projections of a failed thread on its own, from the start of the log', async () => {
    const alone = await rebuildAlone();
    const file = join(dir.path, 'parallel.db');
    const starts = recordStarts(store);
    const failing: ParallelFold = {
      projections: ['neglect', 'quotes'],
      minEvents: 0,
      available: async () => true,
      fold: () => ({
        result: Promise.reject(new Error('the fold thread ran out of memory')),
        cancel: async () => undefined,
      }),
    };
    const engine = new ProjectionEngine({
      store,
      database: file,
      projections,
      parallel: failing,
    });
    const result = await engine.rebuild();
    const head = await store.headPosition();
    expect(result.events).toBe(Number(head!.commit));
    expect(snapshot(engine)).toEqual(alone.state);
    // Once for the rebuild, once more from the start for the failed thread's share.
    expect(starts.map(({ from }) => from)).toEqual(['start', 'start']);
    await engine.close();
    expect(checkpoints(file)).toEqual(alone.checkpoints);
  });

  it('does not take state folded by another version of a projection', async () => {
    const alone = await rebuildAlone();
    const file = join(dir.path, 'parallel.db');
    const stale: ParallelFold = {
      projections: ['people'],
      minEvents: 0,
      available: async () => true,
      fold: () => ({
        result: Promise.resolve<FoldedProjection[]>([
          { name: 'people', version: 999, settingsKey: '', events: 0, entries: [] },
        ]),
        cancel: async () => undefined,
      }),
    };
    const engine = new ProjectionEngine({
      store,
      database: file,
      projections,
      parallel: stale,
    });
    await engine.rebuild();
    expect(snapshot(engine)).toEqual(alone.state);
    await engine.close();
    expect(checkpoints(file)).toEqual(alone.checkpoints);
  });

  it('folds a log smaller than the threshold on one thread', async () => {
    let asked = 0;
    const parallel: ParallelFold = {
      projections: ['neglect'],
      minEvents: 1_000_000,
      available: async () => true,
      fold: () => {
        asked += 1;
        throw new Error('not expected');
      },
    };
    const engine = new ProjectionEngine({
      store,
      database: join(dir.path, 'small.db'),
      projections,
      parallel,
    });
    await engine.rebuild();
    expect(asked).toBe(0);
    await engine.close();
  });

  it('folds on one thread when no core is free for another', async () => {
    const alone = await rebuildAlone();
    let asked = 0;
    const parallel: ParallelFold = {
      projections: ['neglect'],
      minEvents: 0,
      available: async () => false,
      fold: () => {
        asked += 1;
        throw new Error('not expected');
      },
    };
    const engine = new ProjectionEngine({
      store,
      database: join(dir.path, 'busy.db'),
      projections,
      parallel,
    });
    await engine.rebuild();
    expect(asked).toBe(0);
    expect(snapshot(engine)).toEqual(alone.state);
    await engine.close();
  });

  it('is offered only for logs another thread can open', () => {
    expect(canFoldInParallel({ kind: 'embedded', path: logFile })).toBe(true);
    expect(canFoldInParallel({ kind: 'embedded', path: ':memory:' })).toBe(false);
    expect(
      canFoldInParallel({
        kind: 'eventstoredb',
        connectionString: 'esdb://localhost:2113?tls=false',
        projectionsPath: join(dir.path, 'read-models.db'),
      }),
    ).toBe(true);
  });
});
