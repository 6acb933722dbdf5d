import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bufferIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/program';
import { alice, bob, iso, openPolicyLedger } from './policy-fixture';

const run = async (...args: string[]) => {
  const buffers = bufferIo({});
  const code = await runCli(args, buffers.io);
  return { code, stdout: buffers.stdout(), stderr: buffers.stderr() };
};

describe('custody policy run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custody-policy-cli-'));
  const store = join(dir, 'ledger.db');
  let neglected = '';
  let watched = '';
  let handoverId = '';

  beforeAll(async () => {
    const ledger = await openPolicyLedger(store);
    neglected = await ledger.client(0);
    watched = await ledger.client(10, bob);
    const requested = await ledger.run(alice, 1, {
      type: 'RequestHandover',
      clientId: neglected,
      toOwnerId: bob,
      reason: 'Bob covers the region now',
    });
    handoverId = requested.ids.handoverId!;
    await ledger.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const at = '2026-02-04T00:00:00Z';

  it('prints what it would do in a dry run, and writes nothing', async () => {
    const dry = await run('--store', store, 'policy', 'run', '--dry-run', '--at', at);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    const lines = dry.stdout.split('\n');
    expect(lines[0]).toBe(
      'pool policy at 2026-02-04T00:00:00.000Z (dry run: nothing written)',
    );
    expect(lines[1]).toBe('would release 1 client:');
    expect(lines[2]).toContain(neglected);
    expect(lines[2]).toContain(`owner Alice (${alice})`);
    expect(lines[2]).toContain(
      `neglected-no-interaction since ${iso(0)}, due ${iso(30)}`,
    );
    expect(lines[3]).toBe('would expire 1 handover:');
    expect(lines[4]).toContain(`handover ${handoverId}`);
    expect(lines[5]).toBe('would warn the owners of 1 client due for release:');
    expect(lines[6]).toContain(watched);
    expect(lines[6]).toContain(`owner Bob (${bob})`);
    expect(lines[6]).toContain(`due ${iso(40)}`);

    const again = await run('--store', store, 'policy', 'run', '--dry-run', '--at', at);
    expect(again.stdout).toBe(dry.stdout);
  });

  it('releases and expires once, then finds nothing more to do', async () => {
    const first = await run('--store', store, 'policy', 'run', '--at', at);
    expect(first.code).toBe(0);
    const lines = first.stdout.split('\n');
    expect(lines[0]).toBe('pool policy at 2026-02-04T00:00:00.000Z');
    expect(lines[1]).toBe('released 1 client:');
    expect(lines[2]).toContain(neglected);
    expect(lines[3]).toBe('expired 1 handover:');

    const second = await run('--store', store, 'policy', 'run', '--at', at);
    expect(second.stdout.split('\n').slice(1, 4)).toEqual([
      'released 0 clients',
      'expired 0 handovers',
      'would warn the owners of 1 client due for release:',
    ]);
  });

  it('explains itself in the help', async () => {
    const help = await run('policy', 'run', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--dry-run');
    expect(help.stdout).toContain('--at <date>');
  });

  it('refuses an --at that is not a date', async () => {
    const refused = await run('--store', store, 'policy', 'run', '--at', 'soon');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--at expects a date');
  });
});
