/**
 * The API benchmark: POST /v1/clients/:clientId/contacts on Custody (durable
 * embedded store, synchronous=FULL) against a bare express 5 handler that
 * validates nothing and inserts the same event's JSON with better-sqlite3
 * into a fresh WAL file with synchronous=FULL.
 *
 * Each server runs in its own child process and autocannon in this one, so
 * that the load generator does not share the server's event loop; both
 * servers are measured the same way, one after the other, on one machine.
 * Custody logs at `warn` (request lines off), as the baseline logs nothing.
 *
 * `node --import tsx bench/api.ts --serve <baseline|custody> <dir>` is the
 * child's entry point; it prints one JSON line saying where it listens.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import express from 'express';
import { ulid } from 'ulid';
import { loadConfig } from '../src/config';
import { startRuntime } from '../src/runtime';
import type { BenchResult } from './report';

/** autocannon ships no type declarations; these are the parts used here. */
interface LoadRequest {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}
interface LoadResult {
  readonly requests: { readonly average: number };
  readonly latency: { readonly p99: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}
const autocannon = require('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
  requests: { method: string; setupRequest: (request: LoadRequest) => LoadRequest }[];
}) => Promise<LoadResult>;

const connections = 50;
const durationSeconds = 10;
const warmUpSeconds = 3;
const clientCount = 150;

interface Target {
  readonly url: string;
  readonly token: string;
  readonly clientIds: readonly string[];
}

const contactBody = () =>
  JSON.stringify({
    channel: 'call',
    occurredAt: new Date().toISOString(),
    summary: 'Called about the spring order; they want a quote for 40 units.',
  });

/** Starts a server in a child process and reads where it listens. */
const startChild = (kind: 'baseline' | 'custody', dir: string) =>
  new Promise<{ child: ChildProcess; target: Target }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', __filename, '--serve', kind, dir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
    // Custody may log (warnings) on stdout before it says where it listens;
    // every line is read, so that a full pipe never blocks the server.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const parsed = JSON.parse(line) as Partial<Target>;
      if (parsed.url !== undefined && parsed.clientIds !== undefined)
        resolve({ child, target: parsed as Target });
    });
  });

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/**
 * Load for `duration` seconds. Each server is first loaded the same way for
 * `warmUpSeconds`, unmeasured, so that neither is timed while its code is
 * still being compiled and optimised or its files first read.
 */
const load = async (target: Target, duration = durationSeconds) => {
  let next = 0;
  const result = await autocannon({
    url: target.url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const clientId = target.clientIds[next++ % target.clientIds.length]!;
          return {
            ...request,
            path: `/v1/clients/${clientId}/contacts`,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${target.token}`,
            },
            body: contactBody(),
          };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
};

const measure = async (kind: 'baseline' | 'custody') => {
  const dir = mkdtempSync(join(tmpdir(), `custody-bench-${kind}-`));
  const { child, target } = await startChild(kind, dir);
  try {
    await load(target, warmUpSeconds);
    return await load(target);
  } finally {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  }
};

export async function runApiBench(): Promise<BenchResult> {
  const baseline = await measure('baseline');
  const custody = await measure('custody');
  const ratio = custody.rps / baseline.rps;
  const against = 'bare express 5 + better-sqlite3 insert (WAL, synchronous=FULL)';
  return {
    part: 'api',
    rows: [
      { label: 'baseline POST contact', value: baseline.rps, unit: 'req/s' },
      {
        label: 'Custody POST contact',
        value: custody.rps,
        unit: 'req/s',
        ratio,
        against,
      },
      { label: 'Custody POST contact p99', value: custody.p99, unit: 'ms' },
      {
        label: 'Custody non-2xx or failed requests',
        value: custody.errors,
        unit: 'requests',
      },
    ],
    figures: {
      http_command_ratio: ratio,
      http_command_p99_ms: custody.p99,
      http_command_rps: custody.rps,
      http_baseline_rps: baseline.rps,
      http_baseline_p99_ms: baseline.p99,
      http_command_errors: custody.errors,
    },
  };
}

/** The bare baseline: no validation, no auth, one insert per request. */
const serveBaseline = async (dir: string): Promise<Target> => {
  const database = new Database(join(dir, 'baseline.db'));
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.exec(
    `CREATE TABLE events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL,
      type TEXT NOT NULL, data TEXT NOT NULL)`,
  );
  const insert = database.prepare(
    'INSERT INTO events (stream, type, data) VALUES (?, ?, ?)',
  );
  const app = express();
  app.use(express.json());
  app.post('/v1/clients/:clientId/contacts', (req, res) => {
    const clientId = req.params.clientId;
    const data = JSON.stringify({ clientId, interactionId: ulid(), ...req.body });
    const row = insert.run(`client-${clientId}`, 'ContactLogged', data);
    res.status(201).json({ position: String(row.lastInsertRowid) });
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const clientIds = Array.from({ length: clientCount }, () => ulid());
  return { url: `http://127.0.0.1:${port}`, token: 'none', clientIds };
};

/** Custody as `custody serve` runs it, with a salesperson owning many clients. */
const serveCustody = async (dir: string): Promise<Target> => {
  const config = loadConfig(
    {},
    { store: join(dir, 'custody.db'), port: 0, host: '127.0.0.1', logLevel: 'warn' },
  );
  const runtime = await startRuntime(config);
  const admin = runtime.bootstrapToken;
  if (admin === undefined)
    throw new Error('a fresh ledger should have been bootstrapped');
  const context = (personId: string, role: 'admin' | 'salesperson') => ({
    actor: { personId, role },
    commandId: ulid(),
    source: 'cli' as const,
    now: new Date(),
  });

  const seller = await runtime.bus.execute(
    {
      type: 'AddPerson',
      name: 'Bench Seller',
      email: 'seller@bench.local',
      role: 'salesperson',
    },
    context(admin.personId, 'admin'),
  );
  const personId = seller.ids.personId!;
  const { token } = await runtime.tokens.issueToken({ personId, label: 'bench' });
  const clientIds: string[] = [];
  for (let index = 0; index < clientCount; index += 1) {
    const outcome = await runtime.bus.execute(
      {
        type: 'RegisterClient',
        name: `Bench client ${index}`,
        source: 'sales',
        ownerId: personId,
      },
      context(personId, 'salesperson'),
    );
    clientIds.push(outcome.ids.clientId!);
  }
  return { url: runtime.url, token, clientIds };
};

const serveChild = async (kind: string, dir: string): Promise<void> => {
  const target = kind === 'custody' ? await serveCustody(dir) : await serveBaseline(dir);
  process.stdout.write(`${JSON.stringify(target)}\n`);
};

if (require.main === module && process.argv[2] === '--serve') {
  serveChild(process.argv[3] ?? '', process.argv[4] ?? tmpdir()).catch(
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else if (require.main === module) {
  runApiBench().then(
    (result) => console.log(JSON.stringify(result.figures)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
