import { readFileSync } from 'node:fs';
import { bufferIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/program';
import { fixture, tempDir } from './temp-store';

const temp = tempDir('commands');
afterAll(() => temp.cleanup());

const run = async (...args: string[]) => {
  const buffers = bufferIo({});
  const code = await runCli(args, buffers.io);
  return { code, stdout: buffers.stdout(), stderr: buffers.stderr() };
};

const demoStore = temp.path('demo.db');
let clientId = '';

beforeAll(async () => {
  const demo = await run(
    '--store',
    demoStore,
    'demo',
    '--seed',
    '3',
    '--clients',
    '30',
    '--salespeople',
    '5',
    '--months',
    '3',
    '--end',
    '2026-03-31',
  );
  expect(demo.code).toBe(0);
  const clients = await run(
    '--store',
    demoStore,
    'export',
    'clients',
    '--format',
    'json',
  );
  clientId = (JSON.parse(clients.stdout) as { clientId: string }[])[0]!.clientId;
});

describe('custody subcommands', () => {
  it('demo reports what it generated and hands out two tokens', async () => {
    const store = temp.path('demo-report.db');
    const result = await run(
      '--store',
      store,
      'demo',
      '--clients',
      '10',
      '--salespeople',
      '3',
      '--months',
      '1',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /demo company: \d+ people, 10 clients, \d+ commands .* 0 refused/,
    );
    expect(result.stdout.match(/cst_/g)).toHaveLength(2);
  });

  it('export events writes one JSON object per event with its position as a string', async () => {
    const out = temp.path('events.jsonl');
    const result = await run('--store', demoStore, 'export', 'events', '--out', out);
    expect(result.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual([
      'id',
      'stream',
      'revision',
      'position',
      'type',
      'data',
      'metadata',
      'recordedAt',
    ]);
    expect(first.position).toBe('1');
    expect(result.stderr).toBe(`exported ${lines.length} events to ${out}\n`);
  });

  it('exports read models as CSV and JSON', async () => {
    const csv = await run('--store', demoStore, 'export', 'clients');
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^clientId,name,externalId,/);
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(31);
    for (const model of [
      'ownership-history',
      'strength',
      'activity',
      'key-person',
      'pool',
    ]) {
      const json = await run(
        '--store',
        demoStore,
        'export',
        model,
        '--format',
        'json',
        '--at',
        '2026-03-31',
      );
      expect(json.code).toBe(0);
      expect(Array.isArray(JSON.parse(json.stdout))).toBe(true);
    }
    const audit = await run('--store', demoStore, 'export', 'audit', '--format', 'json');
    const entries = JSON.parse(audit.stdout) as { stream: string; type: string }[];
    expect(entries[0]).toMatchObject({ type: 'PersonJoined' });
    expect(entries.every((entry) => !entry.stream.startsWith('token-'))).toBe(true);
    const auditCsv = await run('--store', demoStore, 'export', 'audit');
    expect(auditCsv.stdout.trim().split('\r\n')).toHaveLength(entries.length + 1);
    const unknown = await run('--store', demoStore, 'export', 'nonsense');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /^custody: no read model nonsense; choose events, audit or clients/,
    );
  });

  it('replays a client as text, Markdown and JSON, as of a date', async () => {
    const text = await run(
      '--store',
      demoStore,
      'replay',
      '--client',
      clientId,
      '--as-of',
      '2026-03-31',
    );
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^Dispute report for .* \\(${clientId}\\)`));
    const markdown = await run(
      '--store',
      demoStore,
      'replay',
      '--client',
      clientId,
      '--format',
      'markdown',
    );
    expect(markdown.stdout).toMatch(/^# /m);
    const json = await run(
      '--store',
      demoStore,
      'replay',
      '--client',
      clientId,
      '--format',
      'json',
      '--as-of',
      '2026-03-31',
      '--known-at',
      '2026-01-01',
    );
    const report = JSON.parse(json.stdout) as {
      clientId: string;
      asOccurred: { ownership: unknown[] };
    };
    expect(report.clientId).toBe(clientId);
    // Known at a date before the history began, the ledger knew of no owner yet.
    expect(report.asOccurred.ownership).toEqual([]);
  });

  it('replay of an unknown client is a user error', async () => {
    const result = await run(
      '--store',
      demoStore,
      'replay',
      '--client',
      '01ARZ3NDEKTSV4RRFFQ69G5FAV',
    );
    expect(result).toMatchObject({
      code: 1,
      stderr: 'custody: no client 01ARZ3NDEKTSV4RRFFQ69G5FAV\n',
    });
  });

  it('rebuilds the read models', async () => {
    const result = await run('--store', demoStore, 'rebuild');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^rebuilt the read models from \d+ events/);
  });

  it('issues, lists and revokes tokens', async () => {
    const issued = await run(
      '--store',
      demoStore,
      'token',
      'issue',
      '--person',
      'demo.administrator.1@demo.example',
      '--label',
      'ops',
    );
    expect(issued.code).toBe(0);
    const tokenId = /token (\w{26}) for/.exec(issued.stdout)?.[1];
    expect(tokenId).toBeDefined();
    const listed = await run('--store', demoStore, 'token', 'list', '--json');
    const tokens = JSON.parse(listed.stdout) as {
      tokenId: string;
      active: boolean;
      label: string;
    }[];
    expect(tokens.find((token) => token.tokenId === tokenId)).toMatchObject({
      active: true,
      label: 'ops',
    });
    expect(listed.stdout).not.toMatch(/cst_/);
    const revoked = await run('--store', demoStore, 'token', 'revoke', tokenId!);
    expect(revoked.stdout).toBe(`revoked ${tokenId}\n`);
    const unknown = await run(
      '--store',
      demoStore,
      'token',
      'issue',
      '--person',
      'nobody@example.com',
    );
    expect(unknown).toMatchObject({
      code: 1,
      stderr: 'custody: no person nobody@example.com\n',
    });
  });

  it('imports through the command line and reports each bad row', async () => {
    const store = temp.path('import.db');
    const good = await run(
      '--store',
      store,
      'import',
      fixture('people.csv'),
      fixture('clients.csv'),
    );
    expect(good.code).toBe(0);
    expect(good.stdout).toBe(
      'people.csv: 4 people rows, 4 written, 0 already present, log head 4\n' +
        'clients.csv: 4 clients rows, 4 written, 0 already present, log head 11\n',
    );
    const bad = await run('--store', store, 'import', fixture('people-bad.csv'));
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toEqual([
      'people-bad.csv:3: email: not a valid email address',
      'people-bad.csv:4: role: expected salesperson, manager, executive, auditor or admin',
      'people-bad.csv:5: email: good.person@example.com is already on line 2',
      'custody: people-bad.csv: 3 of 4 rows are invalid; nothing written (--skip-invalid writes the good rows)',
    ]);
    const dryRun = await run(
      '--store',
      store,
      'import',
      '--dry-run',
      fixture('interactions.csv'),
    );
    expect(dryRun.stdout).toMatch(
      /^\(dry run\) interactions.csv: 5 interactions rows, 0 written/,
    );
  });

  it('migrates between two embedded stores and verifies the copy', async () => {
    const target = temp.path('migrated.db');
    const result = await run('migrate', '--from', demoStore, '--to', target);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^copied (\d+) events \(0 were already in the target\)\nverified: \1 events in \d+ streams/,
    );
    const again = await run('migrate', '--from', demoStore, '--to', target);
    expect(again.stdout).toMatch(/^copied 0 events \((\d+) were already in the target\)/);
  });

  it('answers usage errors with exit code 2', async () => {
    expect((await run('import')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('import', '--kind', 'planets', 'x.csv')).code).toBe(2);
    expect((await run('demo', '--clients', 'many')).code).toBe(2);
    expect((await run('--help')).code).toBe(0);
  });
});
