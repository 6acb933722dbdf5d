import { join } from 'node:path';
import fc from 'fast-check';
import { allProjections } from '../../projections';
import { defaultDomainSettings } from '../../src/domain/settings';
import type { EventStore } from '../../src/eventstore/port';
import { openSqliteEventStore } from '../../src/eventstore/sqlite';
import { ProjectionEngine } from '../../src/projections/engine';
import { TestLedger, tempDir } from './ledger';
import { interpret, stepArbitrary } from './random-history';

const projections = allProjections(defaultDomainSettings.strength);

/** Every projection's entities, keys sorted, as plain data. */
const snapshot = (engine: ProjectionEngine) =>
  Object.fromEntries(
    projections.map(({ name }) => [
      name,
      [...engine.entities<unknown>(name)].sort(([a], [b]) => (a < b ? -1 : 1)),
    ]),
  );

/**
 * Stops following the feed and closes the file without saving what is
 * pending: what a killed process leaves behind.
 */
const crash = async (engine: ProjectionEngine) => {
  const internals = engine as unknown as {
    halt(): Promise<void>;
    storage: { close(): void };
  };
  await internals.halt();
  internals.storage.close();
};

const caughtUp = async (engine: ProjectionEngine, store: EventStore) => {
  const head = await store.headPosition();
  if (head) await engine.waitForPosition(head, 5_000);
};

describe('restarting the engine', () => {
  it('ends where a rebuild from zero ends, wherever it stops or crashes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArbitrary, { minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(80), { maxLength: 5 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        async (steps, stops, catchUpBatch, liveBatch, crashes) => {
          const dir = tempDir();
          const store = openSqliteEventStore({ path: ':memory:' });
          const ledger = new TestLedger(store);
          const file = join(dir.path, 'read-models.db');
          const options = { store, projections, catchUpBatch, liveBatch };
          try {
            const writes = interpret(steps);
            const cuts = [...new Set([...stops, writes.length])].sort((a, b) => a - b);
            let done = 0;
            for (const [index, cut] of cuts.entries()) {
              const engine = new ProjectionEngine({ ...options, database: file });
              // Half the segments are written while the engine runs (live), half before.
              const live = index % 2 === 1;
              if (live) await engine.start();
              for (; done < Math.min(cut, writes.length); done += 1) {
                await writes[done]!(ledger);
              }
              if (!live) await engine.start();
              await caughtUp(engine, store);
              if (crashes[index]) await crash(engine);
              else await engine.close();
            }

            const resumed = new ProjectionEngine({ ...options, database: file });
            await resumed.start();
            const rebuilt = new ProjectionEngine({
              ...options,
              database: join(dir.path, 'rebuilt.db'),
            });
            await rebuilt.start();
            expect(snapshot(resumed)).toEqual(snapshot(rebuilt));
            expect(resumed.position).toEqual(rebuilt.position);
            await resumed.close();
            await rebuilt.close();
          } finally {
            await store.close();
            dir.cleanup();
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
