/**
 * Import throughput: 200,000 historical interactions (over 2,000 clients and
 * 40 salespeople imported first) into a fresh embedded file store, through
 * the command bus as `custody import` does it. The baseline, from the same
 * run, reads and validates the same file without writing, so the ratio shows
 * what writing costs on top of parsing.
 *
 *   node --import tsx bench/import.ts            (or npm run bench -- --only import)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LedgerIndex } from '../src/cli/import/ledger-index';
import { planImport } from '../src/cli/import/plan-import';
import { runImport } from '../src/cli/import/run-import';
import { readSourceFile } from '../src/cli/import/source-rows';
import { cliBusFactory } from '../src/cli/ledger-bus';
import { defaultDomainSettings } from '../src/domain/settings';
import { openSqliteEventStore } from '../src/eventstore/sqlite';
import { silentLogger } from '../src/log';
import type { BenchResult } from './report';

const people = 40;
const clients = 2_000;
const interactions = Number(process.env.BENCH_IMPORT_ROWS ?? 200_000);
const types = ['call', 'email', 'message', 'meeting', 'visit'];
const day = 86_400_000;

const writeFiles = (dir: string) => {
  const email = (index: number) => `seller${index}@bench.example`;
  const peopleCsv = ['name,email,role'];
  for (let index = 0; index < people; index += 1) {
    peopleCsv.push(`Seller ${index},${email(index)},salesperson`);
  }
  const clientsCsv = ['name,external_id,owner,registered_at'];
  for (let index = 0; index < clients; index += 1) {
    clientsCsv.push(`Client ${index} Ltd,C-${index},${email(index % people)},2023-01-01`);
  }
  const rows = ['client,type,occurred_at,participants,client_initiated,summary'];
  const start = Date.parse('2023-02-01T00:00:00Z');
  for (let index = 0; index < interactions; index += 1) {
    const client = (index * 7919) % clients;
    const at = new Date(start + ((index * 3_631_003) % (700 * day))).toISOString();
    rows.push(
      `C-${client},${types[index % types.length]},${at},${email(client % people)},${index % 4 === 0},Row ${index}`,
    );
  }
  const files = {
    people: join(dir, 'people.csv'),
    clients: join(dir, 'clients.csv'),
    interactions: join(dir, 'interactions.csv'),
  };
  writeFileSync(files.people, `${peopleCsv.join('\n')}\n`);
  writeFileSync(files.clients, `${clientsCsv.join('\n')}\n`);
  writeFileSync(files.interactions, `${rows.join('\n')}\n`);
  return files;
};

export const runImportBench = async (): Promise<BenchResult> => {
  const dir = mkdtempSync(join(tmpdir(), 'custody-bench-import-'));
  const store = openSqliteEventStore({ path: join(dir, 'bench.db') });
  try {
    const files = writeFiles(dir);
    const dependencies = {
      store,
      settings: defaultDomainSettings,
      createBus: cliBusFactory(defaultDomainSettings, silentLogger),
    };
    await runImport({ file: files.people }, dependencies);
    await runImport({ file: files.clients }, dependencies);

    // Baseline: read and validate every row against the ledger, write nothing.
    const parseStarted = performance.now();
    const source = await readSourceFile(files.interactions);
    const index = await LedgerIndex.load(store);
    const plan = planImport(source, 'interactions', {
      index,
      settings: defaultDomainSettings,
      now: new Date(),
    });
    const parseSeconds = (performance.now() - parseStarted) / 1000;
    if (plan.issues.length > 0)
      throw new Error(`bench file has ${plan.issues.length} bad rows`);

    const importStarted = performance.now();
    const cpuStarted = process.cpuUsage();
    const report = await runImport({ file: files.interactions }, dependencies);
    const importSeconds = (performance.now() - importStarted) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    // Shared machines steal time; rows per CPU second shows the cost without it.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (report.written !== interactions) {
      throw new Error(`imported ${report.written} of ${interactions} rows`);
    }

    const parseRate = interactions / parseSeconds;
    const importRate = interactions / importSeconds;
    const ratio = importRate / parseRate;
    return {
      part: 'import',
      rows: [
        {
          label: 'read + validate interactions CSV (baseline)',
          value: parseRate,
          unit: 'rows/s',
        },
        {
          label: `import ${interactions} interactions, embedded file store`,
          value: importRate,
          unit: 'rows/s',
          ratio,
          against: 'read + validate only',
        },
        {
          label: 'import, per CPU second',
          value: interactions / cpuSeconds,
          unit: 'rows/s',
        },
      ],
      figures: {
        import_rows_per_s: Math.round(importRate),
        import_parse_rows_per_s: Math.round(parseRate),
        import_over_parse_ratio: Number(ratio.toFixed(3)),
        import_rows_per_cpu_s: Math.round(interactions / cpuSeconds),
      },
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

if (require.main === module) {
  runImportBench().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
