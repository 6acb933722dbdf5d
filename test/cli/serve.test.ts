import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from './temp-store';

const temp = tempDir('serve');
afterAll(() => temp.cleanup());

const bin = join(__dirname, '..', '..', 'bin', 'custody.cjs');

/** Starts `custody serve` on a free port and collects stdout until `done` says enough. */
const serveUntil = (done: (stdout: string) => boolean): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [bin, '--store', temp.path('serve.db'), 'serve'],
      {
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      },
    );
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`serve did not start: ${stdout}`));
    }, 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!done(stdout)) return;
      clearTimeout(timer);
      child.once('exit', () => resolve(stdout));
      child.kill('SIGTERM');
    });
    child.once('error', reject);
  });

describe('custody serve', () => {
  it('prints the bootstrap token once, on the first start only', async () => {
    const first = await serveUntil((out) => out.includes('custody token issue'));
    expect(first).toMatch(
      /^custody is serving http:\/\/127\.0\.0\.1:\d+ \(store: .*serve\.db\)/,
    );
    const token = /^ {2}(cst_\S+)$/m.exec(first)?.[1];
    expect(token).toBeDefined();
    expect(first).toContain(`curl -H "Authorization: Bearer ${token}"`);

    const second = await serveUntil((out) => out.includes('custody is serving'));
    expect(second).not.toContain('cst_');
  });
});
