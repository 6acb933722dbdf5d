import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, tempDir } from './temp-store';

const temp = tempDir('bin');
afterAll(() => temp.cleanup());

const bin = join(__dirname, '..', '..', 'bin', 'custody.cjs');

const examples = join(__dirname, '..', '..', 'examples', 'import');

const custodyWith = (env: Record<string, string>, ...args: string[]) => {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      CUSTODY_STORE: temp.path('bin.db'),
      LOG_LEVEL: 'silent',
      ...env,
    },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

const custody = (...args: string[]) => custodyWith({}, ...args);

describe('the custody executable', () => {
  it('prints help for the program and for every subcommand', () => {
    const help = custody('--help');
    expect(help.code).toBe(0);
    for (const command of [
      'serve',
      'import',
      'export',
      'migrate',
      'replay',
      'rebuild',
      'token',
      'demo',
    ]) {
      expect(help.stdout).toContain(command);
    }
    const importHelp = custody('import', '--help');
    expect(importHelp.code).toBe(0);
    expect(importHelp.stdout).toContain('--skip-invalid');
  });

  it('exits 1 with one line and no stack trace on bad input', () => {
    const missing = custody('import', temp.path('no-such.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`custody: ${temp.path('no-such.csv')}: no such file\n`);
    const binary = custody('import', fixture('binary.csv'));
    expect(binary).toMatchObject({
      code: 1,
      stderr: 'custody: binary.csv: is a binary file, not CSV or JSON lines\n',
    });
  });

  it('exits 2 on a usage error', () => {
    const result = custody('export');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "custody: missing required argument 'what' (see custody --help)\n",
    );
  });

  it('exits 1 on a bad store setting, naming it', () => {
    const result = custody('--store', 'http://example.com', 'export', 'events');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^custody: CUSTODY_STORE: expected a file path/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('shows the stack trace only with --verbose', () => {
    const result = custody('--verbose', 'import', fixture('empty.csv'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('\ncustody: empty.csv: the file is empty\n');
    expect(result.stderr).toMatch(/\n\s+at /);
  });

  it('applies the business settings file to what it writes', () => {
    const settings = temp.path('settings.json');
    writeFileSync(settings, JSON.stringify({ holdingCap: 1 }));
    const env = { CUSTODY_STORE: temp.path('capped.db'), CUSTODY_SETTINGS: settings };
    const people = custodyWith(env, 'import', join(examples, 'people.csv'));
    expect(people.code).toBe(0);
    const clients = custodyWith(env, 'import', join(examples, 'clients.csv'));
    expect(clients.code).toBe(1);
    expect(clients.stderr).toContain('would hold more than 1 clients');
  });
});
