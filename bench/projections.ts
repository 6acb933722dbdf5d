import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allProjections } from '../projections';
import type { EventMetadata } from '../src/domain/events/metadata';
import { defaultDomainSettings } from '../src/domain/settings';
import { openSqliteEventStore, type SqliteEventStore } from '../src/eventstore/sqlite';
import { ProjectionEngine } from '../src/projections/engine';
import { workerFold } from '../src/projections/parallel-fold';
import { ownerAt } from '../src/projections/queries/ownership-history';
import { portfolio } from '../src/projections/queries/portfolio';
import { clientRelationships } from '../src/projections/queries/relationships';
import { ReadModels } from '../src/projections/read-models';
import type { BenchResult } from './report';

/**
 * Projections over a realistic ledger: 50 people, 5,000 clients, two years of
 * registrations, ownership changes, contacts, visits and quotes, some of them
 * recorded late, written in recording order into a fresh embedded store
 * (see `writeWorkload`). Then:
 *   a. readAll of the whole log, JSON parsed: the baseline;
 *   b. a rebuild of every projection from zero as `custody rebuild` runs it
 *      (a second thread folds some projections when a core is free for it),
 *      with peak RSS of the process, both threads included;
 *   c. query latency in process on those read models: owner as of an
 *      instant, a portfolio, a client's relationship strengths (p99 over
 *      2,000 queries each);
 *   d. the rebuild again on one thread, for comparison.
 */

export interface ProjectionBenchOptions {
  readonly events?: number;
}

const people = 50;
const clients = 5_000;
const days = 730;
const queries = 2_000;
const dayMs = 86_400_000;
const start = Date.UTC(2024, 0, 1);

/** mulberry32: a small seeded generator, so that every run writes the same ledger. */
const randomFrom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ulidOf = (kind: number, n: number): string => {
  let text = '';
  for (let rest = n, i = 0; i < 12; i += 1, rest = Math.floor(rest / 32)) {
    text = alphabet[rest % 32] + text;
  }
  return `01J${alphabet[kind]}000000000${text}`;
};

interface Planned {
  readonly stream: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly occurredAt: number;
  readonly recordedAt: number;
  readonly actorId: string | null;
}

/** Generates the ledger day by day, each day's events in recording order. */
function* workload(total: number): Generator<Planned[]> {
  const random = randomFrom(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const personIds = Array.from({ length: people }, (_, i) => ulidOf(1, i));
  const sellers = personIds.slice(0, 45);
  const managers = personIds.slice(45, 48);
  const executives = personIds.slice(48);
  const owner = new Map<string, string | null>();
  const openQuotes = new Map<
    string,
    { quoteId: string; issuedBy: string; amount: number }[]
  >();
  const registered: string[] = [];
  const deferred = new Map<number, Planned[]>();
  let counter = 0;
  let written = 0;
  const perDay = Math.max(1, Math.ceil((total - people - clients * 2) / days));

  for (let day = 0; day < days && written < total; day += 1) {
    const today: Planned[] = [...(deferred.get(day) ?? [])];
    deferred.delete(day);
    const at = () => start + day * dayMs + Math.floor(random() * dayMs);
    const plan = (
      stream: string,
      type: string,
      data: Record<string, unknown>,
      actorId: string | null,
      occurredAt = at(),
      lateDays = 0,
    ) => {
      const event = {
        stream,
        type,
        data: { ...data, occurredAt: new Date(occurredAt).toISOString() },
        occurredAt,
        recordedAt: occurredAt + lateDays * dayMs + (lateDays ? 3_600_000 : 0),
        actorId,
      };
      if (lateDays > 0) {
        const list = deferred.get(day + lateDays) ?? [];
        list.push(event);
        deferred.set(day + lateDays, list);
      } else today.push(event);
    };
    if (day === 0) {
      personIds.forEach((personId, i) => {
        plan(
          `person-${personId}`,
          'PersonJoined',
          {
            personId,
            name: `Person ${i}`,
            email: `person${i}@example.com`,
            role: i < 45 ? 'salesperson' : i < 48 ? 'manager' : 'executive',
          },
          null,
          start,
        );
      });
    }
    // Clients register over the first two months; most get an owner at once.
    for (
      let n = registered.length;
      n < Math.min(clients, ((day + 1) * clients) / 60);
      n += 1
    ) {
      const clientId = ulidOf(2, n);
      const stream = `client-${clientId}`;
      const when = at();
      plan(
        stream,
        'ClientRegistered',
        { clientId, name: `Client ${n} Ltd`, source: 'sales' },
        pick(managers),
        when,
      );
      registered.push(clientId);
      owner.set(clientId, null);
      if (random() < 0.8) {
        const ownerId = pick(sellers);
        plan(
          stream,
          'OwnershipAssigned',
          {
            clientId,
            ownerId,
            previousOwnerId: null,
            assignedBy: pick(managers),
            reason: 'assignment',
          },
          pick(managers),
          when + 1000,
        );
        owner.set(clientId, ownerId);
      }
    }
    for (let i = 0; i < perDay; i += 1) {
      const clientId = pick(registered);
      const stream = `client-${clientId}`;
      const held = owner.get(clientId) ?? null;
      const actor = held && random() < 0.85 ? held : pick(sellers);
      const roll = random();
      const late = random() < 0.05 ? 1 + Math.floor(random() * 10) : 0;
      counter += 1;
      const participants = random() < 0.1 ? [actor, pick(executives)] : [actor];
      const quotes = openQuotes.get(clientId) ?? [];
      if (roll < 0.64) {
        const channel = pick([
          'call',
          'call',
          'email',
          'email',
          'message',
          'meeting',
        ] as const);
        plan(
          stream,
          'ContactLogged',
          {
            clientId,
            interactionId: ulidOf(3, counter),
            channel,
            participants,
            clientInitiated: random() < 0.3,
          },
          actor,
          at(),
          late,
        );
      } else if (roll < 0.78) {
        plan(
          stream,
          'VisitLogged',
          {
            clientId,
            interactionId: ulidOf(3, counter),
            participants,
            clientInitiated: random() < 0.2,
            location: 'On site',
          },
          actor,
          at(),
          late,
        );
      } else if (roll < 0.86 || quotes.length === 0) {
        const quote = {
          quoteId: ulidOf(4, counter),
          issuedBy: actor,
          amount: Math.round(random() * 50_000),
        };
        quotes.push(quote);
        openQuotes.set(clientId, quotes);
        plan(
          stream,
          'QuoteIssued',
          {
            clientId,
            quoteId: quote.quoteId,
            issuedBy: actor,
            amount: quote.amount,
            currency: 'EUR',
          },
          actor,
        );
      } else if (roll < 0.93) {
        const quote = quotes.shift()!;
        const won = random() < 0.55;
        plan(
          stream,
          won ? 'QuoteAccepted' : 'QuoteLost',
          won
            ? {
                clientId,
                quoteId: quote.quoteId,
                issuedBy: quote.issuedBy,
                amount: quote.amount,
                currency: 'EUR',
              }
            : {
                clientId,
                quoteId: quote.quoteId,
                issuedBy: quote.issuedBy,
                reason: 'Price',
              },
          actor,
        );
      } else if (roll < 0.95) {
        const quote = quotes[0]!;
        quote.amount = Math.round(quote.amount * 0.95);
        plan(
          stream,
          'QuoteRevised',
          {
            clientId,
            quoteId: quote.quoteId,
            revisedBy: actor,
            amount: quote.amount,
            currency: 'EUR',
          },
          actor,
        );
      } else if (held === null) {
        const claimant = pick(sellers);
        plan(stream, 'ClientClaimed', { clientId, ownerId: claimant }, claimant);
        owner.set(clientId, claimant);
      } else if (roll < 0.975) {
        const next = pick(sellers.filter((id) => id !== held));
        const manager = pick(managers);
        plan(
          stream,
          'OwnershipTransferred',
          {
            clientId,
            fromOwnerId: held,
            toOwnerId: next,
            reason: 'handover',
            approvedBy: manager,
          },
          manager,
        );
        owner.set(clientId, next);
      } else {
        plan(
          stream,
          'ClientReleasedToPool',
          { clientId, previousOwnerId: held, reason: 'owner-released' },
          held,
        );
        owner.set(clientId, null);
      }
    }
    today.sort((a, b) => a.recordedAt - b.recordedAt);
    written += today.length;
    yield today;
  }
}

const metadataOf = (event: Planned, index: number): EventMetadata => ({
  actorId: event.actorId,
  actorRole: event.actorId ? 'salesperson' : null,
  commandId: `bench-${index}`,
  correlationId: `bench-${index}`,
  causationId: `bench-${index}`,
  source: 'import',
  schemaVersion: 1,
  recordedAt: new Date(event.recordedAt).toISOString(),
});

/**
 * Writes the workload straight into the embedded store's `events` table, in
 * recording order, 50,000 rows per transaction: the same rows `append` would
 * write (stream revisions from 0, positions from the rowid), without paying
 * for a million appends, which the store benchmark measures on its own.
 */
export const writeWorkload = (store: SqliteEventStore, total: number): number => {
  const insert = store.database.prepare(
    `INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const revisions = new Map<string, number>();
  let index = 0;
  let batch: Planned[] = [];
  const flush = store.database.transaction((events: readonly Planned[]) => {
    for (const event of events) {
      const revision = (revisions.get(event.stream) ?? -1) + 1;
      revisions.set(event.stream, revision);
      const metadata = metadataOf(event, index++);
      insert.run(
        randomUUID(),
        event.stream,
        revision,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(metadata),
        event.recordedAt,
      );
    }
  });
  for (const today of workload(total)) {
    batch.push(...today);
    if (batch.length < 50_000) continue;
    flush(batch);
    batch = [];
  }
  flush(batch);
  return index;
};

const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;

const p99 = (samples: number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!;
};

const timeQueries = (run: (i: number) => unknown): number => {
  const samples: number[] = [];
  for (let i = 0; i < queries; i += 1) {
    const from = process.hrtime.bigint();
    run(i);
    samples.push(Number(process.hrtime.bigint() - from) / 1e6);
  }
  return p99(samples);
};

/**
 * A rebuild as `custody rebuild` runs it (a second thread folds some
 * projections when a core is free for it), with peak RSS of the process,
 * both threads included; then query latency on the rebuilt read models.
 */
const rebuildAndQuery = async (store: SqliteEventStore, path: string) => {
  const fold = workerFold({
    store: { kind: 'embedded', path },
    strength: defaultDomainSettings.strength,
  });
  let threads = 1;
  const engine = new ProjectionEngine({
    store,
    database: store.database,
    projections: allProjections(defaultDomainSettings.strength),
    parallel: {
      ...fold,
      fold: (names, until) => {
        threads = 2;
        return fold.fold(names, until);
      },
    },
  });
  let peakRss = process.memoryUsage().rss;
  const rebuildStart = process.hrtime.bigint();
  const rebuilt = await engine.rebuild({
    onProgress: () => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    },
  });
  const rebuildPerS = rebuilt.events / seconds(rebuildStart);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  const models = new ReadModels(engine);
  const random = randomFrom(7);
  const clientAt = () => ulidOf(2, Math.floor(random() * clients));
  const instant = () => start + Math.floor(random() * days * dayMs);
  const end = start + days * dayMs;
  const model = defaultDomainSettings.strength;
  const asOfP99 = timeQueries(() => ownerAt(models, clientAt(), { asOf: instant() }));
  const portfolioP99 = timeQueries((i) =>
    portfolio(
      models,
      ulidOf(1, i % 45),
      { at: end, period: { from: end - 90 * dayMs, to: end } },
      model,
    ),
  );
  const strengthP99 = timeQueries(() =>
    clientRelationships(models, clientAt(), instant(), model),
  );
  await engine.stop();
  return { rebuildPerS, threads, peakRss, asOfP99, portfolioP99, strengthP99 };
};

export async function runProjectionBench(
  options: ProjectionBenchOptions = {},
): Promise<BenchResult> {
  const total =
    options.events ?? Number(process.env.BENCH_PROJECTION_EVENTS ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'custody-bench-projections-'));
  const path = join(dir, 'ledger.db');
  const store = openSqliteEventStore({ path, synchronous: 'NORMAL' });
  try {
    // 1. Write the ledger.
    const events = writeWorkload(store, total);

    // 2. Baseline: read the whole log back, JSON parsed.
    let read = 0;
    const readStart = process.hrtime.bigint();
    for await (const _ of store.readAll()) read += 1;
    const readAllPerS = read / seconds(readStart);

    // 3. Rebuild every projection from zero as `custody rebuild` does it,
    //    then (4.) query the rebuilt read models in process.
    const product = await rebuildAndQuery(store, path);

    // 5. The rebuild again on this thread alone, for comparison, into a file
    //    of its own, once the first engine and its state are gone.
    const single = new ProjectionEngine({
      store,
      database: join(dir, 'one-thread-read-models.db'),
      projections: allProjections(defaultDomainSettings.strength),
    });
    const singleStart = process.hrtime.bigint();
    const singleRebuilt = await single.rebuild();
    const singlePerS = singleRebuilt.events / seconds(singleStart);
    await single.close();
    const { rebuildPerS, threads, peakRss, asOfP99, portfolioP99, strengthP99 } = product;
    const queryP99 = Math.max(asOfP99, portfolioP99, strengthP99);

    return {
      part: 'projections',
      rows: [
        {
          label: `readAll of ${events} events (baseline)`,
          value: readAllPerS,
          unit: 'events/s',
        },
        {
          label: 'rebuild of every projection, one thread',
          value: singlePerS,
          unit: 'events/s',
          ratio: singlePerS / readAllPerS,
          against: 'readAll',
        },
        {
          label: `rebuild as custody rebuild runs it (${threads} thread${threads === 1 ? '' : 's'})`,
          value: rebuildPerS,
          unit: 'events/s',
          ratio: rebuildPerS / readAllPerS,
          against: 'readAll',
        },
        { label: 'rebuild peak RSS', value: peakRss / 2 ** 20, unit: 'MB' },
        { label: 'owner as of an instant, p99', value: asOfP99, unit: 'ms' },
        { label: 'portfolio, p99', value: portfolioP99, unit: 'ms' },
        { label: 'client relationship strengths, p99', value: strengthP99, unit: 'ms' },
      ],
      figures: {
        projection_events: events,
        projection_read_all_events_per_s: readAllPerS,
        rebuild_events_per_s: rebuildPerS,
        rebuild_threads: threads,
        rebuild_one_thread_events_per_s: singlePerS,
        rebuild_over_read_all_ratio: rebuildPerS / readAllPerS,
        rebuild_peak_rss_mb: peakRss / 2 ** 20,
        query_p99_ms: queryP99,
        query_as_of_p99_ms: asOfP99,
        query_portfolio_p99_ms: portfolioP99,
        query_strength_p99_ms: strengthP99,
      },
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const events = Number(process.argv[2] ?? 1_000_000);
  runProjectionBench({ events })
    .then((result) => console.log(JSON.stringify(result, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
