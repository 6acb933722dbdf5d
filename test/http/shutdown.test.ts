import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import request from 'supertest';

/** What `custody serve` relies on: SIGTERM closes everything, then exits 0. */
const childScript = `
const { loadConfig } = require('./src/config');
const { startRuntime } = require('./src/runtime');
const { createLogger } = require('./src/log');
const config = loadConfig({}, { store: process.argv[1], port: 0, host: '127.0.0.1' });
startRuntime(config, { logger: createLogger({ level: 'info' }) }).then((runtime) => {
  process.stdout.write(JSON.stringify({ url: runtime.url }) + '\\n');
});
`;

describe('graceful shutdown', () => {
  it('closes everything and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'custody-shutdown-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '-e', childScript, join(dir, 'ledger.db')],
      { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const lines: string[] = [];
      const reader = createInterface({ input: child.stdout! });
      const started = new Promise<string>((resolve) => {
        reader.on('line', (line) => {
          lines.push(line);
          if (line.startsWith('{"url"')) resolve(JSON.parse(line).url as string);
        });
      });
      const url = await started;
      await request(url).get('/health').expect(200);

      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      expect(lines.some((line) => line.includes('"custody stopped"'))).toBe(true);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
