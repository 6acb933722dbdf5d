import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { NewEvent } from '../src/eventstore/port';
import { applyMigrations, openSqliteEventStore } from '../src/eventstore/sqlite';
import { eventStoreMigrations } from '../src/eventstore/sqlite/schema';
import type { BenchResult, BenchRow } from './report';

/**
 * The embedded store against raw better-sqlite3 on the same disk, same schema
 * and same pragmas (WAL, synchronous FULL), each on a fresh file:
 *   a. raw inserts, one transaction per event (the baseline);
 *   b. the store, one event per append, each awaited;
 *   c. the store, 64 appenders awaiting their own appends in parallel;
 *   d. readAll of everything, JSON parsed.
 * a, b and c take turns in rounds, so that the noise of a shared disk hits
 * all three alike; d reports the median of three passes.
 */

const appenders = 64;
const rounds = 3;
const streams = 100;

export interface StoreBenchOptions {
  /** Events per sequential run (a and b); c and d scale from it. */
  readonly events?: number;
}

const payload = (index: number) => ({
  data: { index, clientId: `client-${index % 997}`, note: 'n'.repeat(120) },
  metadata: { correlationId: `c-${index}`, actor: 'bench' },
});

const newEvent = (index: number): NewEvent => ({
  id: randomUUID(),
  type: 'BenchThingHappened',
  ...payload(index),
});

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

/** a: what better-sqlite3 does alone for the same rows. */
const rawAppends = (db: Database.Database, from: number, count: number): number => {
  const insert = db.prepare(
    `INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const write = db.transaction((index: number) => {
    const { data, metadata } = payload(index);
    insert.run(
      randomUUID(),
      `raw-${index % streams}`,
      Math.floor(index / streams),
      'BenchThingHappened',
      JSON.stringify(data),
      JSON.stringify(metadata),
      Date.now(),
    );
  });
  const start = process.hrtime.bigint();
  for (let index = from; index < from + count; index += 1) write.immediate(index);
  return seconds(start);
};

type Store = ReturnType<typeof openSqliteEventStore>;

/** b: the store, one awaited single-event append at a time. */
const sequentialAppends = async (store: Store, from: number, count: number) => {
  const start = process.hrtime.bigint();
  for (let index = from; index < from + count; index += 1) {
    const revision = Math.floor(index / streams);
    await store.append(`seq-${index % streams}`, [newEvent(index)], {
      expectedRevision: revision === 0 ? 'no_stream' : revision - 1,
    });
  }
  return seconds(start);
};

/** c: 64 appenders, each awaiting its own single-event appends. */
const concurrentAppends = async (store: Store, from: number, perAppender: number) => {
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: appenders }, async (_, appender) => {
      for (let index = from; index < from + perAppender; index += 1) {
        await store.append(`conc-${appender}`, [newEvent(index)], {
          expectedRevision: index === 0 ? 'no_stream' : index - 1,
        });
      }
    }),
  );
  return seconds(start);
};

/** d: the whole log through readAll, each event's JSON parsed. */
const readEverything = async (store: Store) => {
  const passes = [await readOnce(store), await readOnce(store), await readOnce(store)];
  return passes.sort((a, b) => a.elapsed - b.elapsed)[1]!;
};

const readOnce = async (store: Store) => {
  const start = process.hrtime.bigint();
  let count = 0;
  let checksum = 0;
  for await (const event of store.readAll()) {
    count += 1;
    checksum += event.data.index as number;
  }
  if (checksum < 0) throw new Error('unreachable: keeps the parsed data alive');
  return { count, elapsed: seconds(start) };
};

/** Fills the read file quickly with large appends (their speed is not measured). */
const fill = async (store: Store, total: number) => {
  for (let offset = 0; offset < total; offset += 1_000) {
    const size = Math.min(1_000, total - offset);
    const batch = Array.from({ length: size }, (_, index) => newEvent(offset + index));
    await store.append(`fill-${offset % streams}`, batch);
  }
};

export async function runStoreBench(
  options: StoreBenchOptions = {},
): Promise<BenchResult> {
  const sequential = options.events ?? 2_400;
  const perRound = Math.ceil(sequential / rounds);
  const perAppenderPerRound = Math.ceil((sequential * 8) / appenders / rounds);
  const readTotal = sequential * 50;
  const dir = mkdtempSync(join(tmpdir(), 'custody-bench-store-'));
  try {
    // 1. Appends: baseline, sequential store and concurrent store take turns.
    const raw = new Database(join(dir, 'raw.db'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    applyMigrations(raw, 'event-store', eventStoreMigrations);
    const sequentialStore = openSqliteEventStore({ path: join(dir, 'sequential.db') });
    const concurrentStore = openSqliteEventStore({ path: join(dir, 'concurrent.db') });
    let rawSeconds = 0;
    let sequentialSeconds = 0;
    let concurrentSeconds = 0;
    for (let round = 0; round < rounds; round += 1) {
      rawSeconds += rawAppends(raw, round * perRound, perRound);
      sequentialSeconds += await sequentialAppends(
        sequentialStore,
        round * perRound,
        perRound,
      );
      concurrentSeconds += await concurrentAppends(
        concurrentStore,
        round * perAppenderPerRound,
        perAppenderPerRound,
      );
    }
    const grouping = concurrentStore.stats;
    raw.close();
    await sequentialStore.close();
    await concurrentStore.close();

    // 2. Reading the whole log.
    const readStore = openSqliteEventStore({ path: join(dir, 'read.db') });
    await fill(readStore, readTotal);
    const read = await readEverything(readStore);
    await readStore.close();

    const total = perRound * rounds;
    const rawRate = total / rawSeconds;
    const sequentialRate = total / sequentialSeconds;
    const concurrentTotal = perAppenderPerRound * rounds * appenders;
    const concurrentRate = concurrentTotal / concurrentSeconds;
    const readRate = read.count / read.elapsed;
    const rows: BenchRow[] = [
      {
        label: `raw better-sqlite3, one transaction per event (${total} events)`,
        value: rawRate,
        unit: 'events/s',
      },
      {
        label: `embedded store, sequential single-event appends (${total} events)`,
        value: sequentialRate,
        unit: 'events/s',
        ratio: sequentialRate / rawRate,
        against: 'raw better-sqlite3, one transaction per event',
      },
      {
        label:
          `embedded store, ${appenders} concurrent appenders ` +
          `(${concurrentTotal} events, ${grouping.transactions} transactions)`,
        value: concurrentRate,
        unit: 'events/s',
        ratio: concurrentRate / sequentialRate,
        against: 'embedded store, sequential single-event appends',
      },
      {
        label: `embedded store, readAll with JSON parsing (${read.count} events, median)`,
        value: readRate,
        unit: 'events/s',
      },
    ];
    return {
      part: 'store',
      rows,
      figures: {
        raw_append_events_per_s: rawRate,
        append_sequential_events_per_s: sequentialRate,
        append_sequential_ratio: sequentialRate / rawRate,
        append_concurrent_events_per_s: concurrentRate,
        append_concurrent_over_sequential: concurrentRate / sequentialRate,
        append_concurrent_events_per_transaction:
          grouping.appends / grouping.transactions,
        read_all_events_per_s: readRate,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runStoreBench().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
